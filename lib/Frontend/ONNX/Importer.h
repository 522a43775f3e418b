//===- Importer.h - Shared state of the ONNX importer -----------*- C++ -*-===//
//
// Internal to lib/Frontend/ONNX: the value table, the IR-building helpers
// the operator files share, and the per-node context operators are emitted
// with. Each operator file registers its emitters in a table keyed by
// op_type.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_FRONTEND_ONNX_IMPORTER_H
#define TCONV_LIB_FRONTEND_ONNX_IMPORTER_H

#include "tconv/Frontend/ONNX/ImportONNX.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

#include <onnx/onnx_pb.h>

#include <functional>
#include <optional>
#include <vector>

namespace mlir::tconv::onnx_import {

/// A tensor whose values are known while importing: an initializer, a
/// Constant or the folded result of a shape computation. Float types keep
/// their values as doubles, integer and bool types as int64 (in their
/// type's range; UINT64 as its bit pattern).
struct Literal {
  int32_t dtype = onnx::TensorProto::FLOAT;
  llvm::SmallVector<int64_t> shape;
  std::vector<double> floats;
  std::vector<int64_t> ints;

  bool isFloat() const;
  int64_t size() const;
  double get(int64_t i) const;
  int64_t getInt(int64_t i) const {
    return isFloat() ? static_cast<int64_t>(floats[i]) : ints[i];
  }
  static Literal makeInts(llvm::ArrayRef<int64_t> shape,
                          std::vector<int64_t> values,
                          int32_t dtype = onnx::TensorProto::INT64);
  static Literal makeFloats(int32_t dtype, llvm::ArrayRef<int64_t> shape,
                            std::vector<double> values);
};

bool isFloatDType(int32_t dtype);
/// UINT8, UINT16, UINT32 and UINT64. Their MLIR types are the signless
/// i8..i64 of the same width: the importer tracks the ONNX type of each
/// value and picks the unsigned ops for them.
bool isUnsignedDType(int32_t dtype);
/// `value` wrapped into the range of integer type `dtype` (modulo 2^n;
/// UINT64 and INT64 unchanged, BOOL as value != 0).
int64_t wrapToDType(int64_t value, int32_t dtype);
/// The HostTensor element type of an ONNX dtype and back.
std::optional<ElementType> getHostElementType(int32_t dtype);
int32_t getDType(ElementType type);
/// "FLOAT", "INT64", ...
std::string dtypeName(int32_t dtype);
/// The MLIR element type of an ONNX dtype; null if the importer has none.
Type getElementType(MLIRContext *context, int32_t dtype);
/// The ONNX dtype of an MLIR element type (0 if none); integers are
/// signed.
int32_t getDType(Type elementType);

/// Decodes a TensorProto's values (raw_data, typed fields or external data
/// read relative to `modelDirectory`). Errors say what is wrong, not where.
llvm::Expected<Literal> decodeTensor(const onnx::TensorProto &tensor,
                                     llvm::StringRef modelDirectory);

/// ONNX's shape inference; an error message on failure.
std::optional<std::string> inferShapes(onnx::ModelProto &model);
/// Checks the node's input and output counts against its ONNX schema (and
/// that required inputs are not left empty); an error message on failure.
std::optional<std::string> checkArity(const onnx::NodeProto &node,
                                      int64_t opset);
/// Checks each input's ONNX data type (`dtypeOf(i)`) against the types the
/// node's schema allows for it; an error message on failure.
std::optional<std::string>
checkInputTypes(const onnx::NodeProto &node, int64_t opset,
                llvm::function_ref<int32_t(unsigned)> dtypeOf);
/// The index of the first input of `node` that its schema gives the type
/// of output `output` (the same type parameter, e.g. "T"); std::nullopt if
/// none does (e.g. Shape's or Equal's output).
std::optional<unsigned> getSameTypeInput(const onnx::NodeProto &node,
                                         int64_t opset, unsigned output);

/// The graph inputs with a dynamic batch: a symbolic (or unknown) dim 0 and
/// static other dims; all must have the same symbol.
struct DynamicBatch {
  std::string symbol;
  llvm::SmallVector<std::string> inputs;
};
/// The model's dynamic batch, if any; an error if inputs disagree on it.
llvm::Expected<std::optional<DynamicBatch>>
findDynamicBatch(const onnx::ModelProto &model);
/// Fixes the batch of `batch`'s inputs at `n` and forgets the shapes ONNX
/// inferred or the exporter wrote below them.
void setBatch(onnx::ModelProto &model, const DynamicBatch &batch, int64_t n);
/// Gives the graph inputs named in `shapes` those shapes (FixedShapes.cpp);
/// an error naming the input if one does not exist or disagrees with a dim
/// the model fixes.
llvm::Error applyFixedShapes(onnx::ModelProto &model,
                             const llvm::StringMap<SmallVector<int64_t>> &shapes);
/// The N at which a dynamic-batch model is imported a second time to check
/// that it computes each image separately: unlikely to be a static size.
inline constexpr int64_t kProbeBatch = 7919;
/// Checks that `graph` computes each image separately (see
/// DynamicBatch.cpp), from the value types of its imports at N = 1 and at
/// kProbeBatch; returns the bytes of the largest batched value of one image.
llvm::Expected<uint64_t>
checkPerImage(const onnx::GraphProto &graph, const DynamicBatch &batch,
              int64_t opset,
              function_ref<RankedTensorType(StringRef)> imageType,
              function_ref<RankedTensorType(StringRef)> probeType);
/// Turns `module`'s @main, imported at N = 1, into the private
/// @main.image and a public @main with a dynamic batch that loops over it;
/// with `chunkModule` (the model imported at N = K), over chunks of K
/// images of its @main, moved to @main.chunk, while K images remain.
llvm::Error loopOverImages(ModuleOp module, const DynamicBatch &batch,
                           ModuleOp chunkModule = {});

/// Numpy-style broadcast of two shapes; std::nullopt if incompatible.
std::optional<llvm::SmallVector<int64_t>>
broadcastShapes(llvm::ArrayRef<int64_t> a, llvm::ArrayRef<int64_t> b);

using BodyBuilder =
    std::function<Value(OpBuilder &, Location, llvm::ArrayRef<Value>)>;

/// Builds IR into the entry function and owns the value table.
class Importer {
public:
  Importer(MLIRContext *context, const ONNXImportOptions &options);

  MLIRContext *context;
  OpBuilder builder;
  Location loc;
  ONNXImportOptions options;
  int64_t opset = 0;
  std::string modelDirectory;

  /// An ONNX value: its type, its ONNX data type (which says whether an
  /// integer type is unsigned), and its IR value and/or its literal.
  struct Entry {
    RankedTensorType type;
    int32_t dtype = 0;
    Value value;
    std::optional<Literal> literal;
  };
  llvm::StringMap<Entry> values;

  /// The IR value of `name`, materializing a literal as a constant.
  Value getValue(llvm::StringRef name);
  Value materialize(const Literal &literal);
  /// The literal of graph input `name` from options.inputValues (recorded
  /// in the value table, the argument marked), or null.
  const Literal *bindInputValue(llvm::StringRef name);
  RankedTensorType literalType(const Literal &literal);

  // IR helpers; every shape is static.
  Value emptyTensor(llvm::ArrayRef<int64_t> shape, Type elementType);
  Value filled(llvm::ArrayRef<int64_t> shape, Type elementType, double value);
  /// A scalar constant inside a region or at the current point.
  static Value scalar(OpBuilder &b, Location loc, Type type, double value);
  /// Elementwise over `inputs` broadcast (numpy rules) to `shape`.
  Value elementwise(llvm::ArrayRef<Value> inputs, llvm::ArrayRef<int64_t> shape,
                    Type resultElementType, const BodyBuilder &body);
  /// Result element i is input[map(i)]: a generic with one input map.
  Value mapped(Value input, AffineMap inputMap, llvm::ArrayRef<int64_t> shape);
  Value reshape(Value input, llvm::ArrayRef<int64_t> shape);
  Value transpose(Value input, llvm::ArrayRef<int64_t> permutation);
  /// Reduces the dims flagged in `reduced` to size 1 (kept), starting from
  /// `init` and combining with `combine(accumulator, element)`.
  Value reduce(Value input, llvm::ArrayRef<bool> reduced, double init,
               const std::function<Value(OpBuilder &, Location, Value, Value)>
                   &combine);
  Value concat(llvm::ArrayRef<Value> inputs, int64_t axis);
  Value extractSlice(Value input, llvm::ArrayRef<int64_t> offsets,
                     llvm::ArrayRef<int64_t> sizes,
                     llvm::ArrayRef<int64_t> strides);
  Value padConstant(Value input, llvm::ArrayRef<int64_t> low,
                    llvm::ArrayRef<int64_t> high, double value);

private:
  int64_t resourceCount = 0;
};

/// One node being imported: its inputs, attributes and outputs.
class NodeContext {
public:
  NodeContext(Importer &importer, const onnx::NodeProto &node)
      : importer(importer), builder(importer.builder), loc(importer.loc),
        node(node) {}

  Importer &importer;
  OpBuilder &builder;
  Location loc;
  const onnx::NodeProto &node;

  int64_t opset() const { return importer.opset; }
  unsigned numInputs() const { return node.input_size(); }
  bool hasInput(unsigned i) const {
    return i < numInputs() && !node.input(i).empty();
  }
  Value input(unsigned i) { return importer.getValue(node.input(i)); }
  RankedTensorType type(unsigned i) const {
    return importer.values.lookup(node.input(i)).type;
  }
  /// The ONNX data type of input i.
  int32_t dtype(unsigned i) const {
    return importer.values.lookup(node.input(i)).dtype;
  }
  bool isUnsigned(unsigned i) const { return isUnsignedDType(dtype(i)); }
  llvm::ArrayRef<int64_t> shape(unsigned i) const {
    return importer.values.find(node.input(i))->second.type.getShape();
  }
  /// The literal of input i, or null if it is only known at run time.
  const Literal *literal(unsigned i) const;
  bool allInputsLiteral() const;

  unsigned numOutputs() const { return node.output_size(); }
  bool hasOutput(unsigned i) const {
    return i < numOutputs() && !node.output(i).empty();
  }
  /// Output i is `value`, of ONNX type `dtype`. Without one, the type is
  /// that of the first input the operator's schema gives the same type
  /// (e.g. "T"), if its element type is the value's, else the signed or
  /// float type of the value's element type.
  void setOutput(unsigned i, Value value, int32_t dtype = 0);
  void setOutput(unsigned i, Literal literal);

  // Attributes. Each read marks the attribute handled; the importer rejects
  // a node with an attribute its emitter did not read. A wrongly typed
  // attribute records an error and gives the default.
  bool hasAttr(llvm::StringRef name) const;
  int64_t intAttr(llvm::StringRef name, int64_t defaultValue);
  double floatAttr(llvm::StringRef name, double defaultValue);
  std::string stringAttr(llvm::StringRef name, llvm::StringRef defaultValue);
  llvm::SmallVector<int64_t> intsAttr(llvm::StringRef name);
  llvm::SmallVector<double> floatsAttr(llvm::StringRef name);
  const onnx::TensorProto *tensorAttr(llvm::StringRef name);

  /// "node 'name' (OpType): <message>".
  llvm::Error error(const llvm::Twine &message) const;
  /// The error for an attribute value the importer does not handle.
  llvm::Error unsupportedAttr(llvm::StringRef name,
                              const llvm::Twine &value) const;
  /// Requires input i to be a float tensor.
  llvm::Error requireFloat(unsigned i) const;
  /// The literal of input i, or the import-time value of the graph input
  /// it is (ONNXImportOptions::inputValues), or null.
  const Literal *knownLiteral(unsigned i) const;
  /// Requires input i to be known at import time.
  llvm::Expected<const Literal *> requireLiteral(unsigned i) const;

  std::optional<std::string> attrError;
  llvm::StringSet<> usedAttrs;

private:
  const onnx::AttributeProto *findAttr(llvm::StringRef name);
};

using EmitFn = llvm::Error (*)(NodeContext &);
using EmitterTable = llvm::StringMap<EmitFn>;

void registerConvOps(EmitterTable &table);
void registerElementwiseOps(EmitterTable &table);
void registerTensorOps(EmitterTable &table);
void registerReductionOps(EmitterTable &table);
const EmitterTable &getEmitterTable();

/// Normalizes a possibly negative axis; std::nullopt if out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

} // namespace mlir::tconv::onnx_import

#endif // TCONV_LIB_FRONTEND_ONNX_IMPORTER_H
