//===- ImportONNX.cpp - ONNX ModelProto to a tconv MLIR module ------------===//
//
// The model-level part of the importer: parsing, opset and shape checks,
// the graph walk that calls the operator emitters, and the IR helpers the
// emitters share. Operators live in ConvOps.cpp, ElementwiseOps.cpp,
// TensorOps.cpp and ReductionOps.cpp.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Support/BoundedFile.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"

#include <numeric>
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;
using llvm::Twine;

/// Opsets of the default domain the importer knows: ONNX 1.12's range.
static constexpr int64_t kMinOpset = 1;
static constexpr int64_t kMaxOpset = 17;

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

//===----------------------------------------------------------------------===//
// Small shared utilities
//===----------------------------------------------------------------------===//

std::optional<int64_t> onnx_import::normalizeAxis(int64_t axis, int64_t rank) {
  if (rank == 0 || axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

std::optional<SmallVector<int64_t>>
onnx_import::broadcastShapes(ArrayRef<int64_t> a, ArrayRef<int64_t> b) {
  size_t rank = std::max(a.size(), b.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t y = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (x != y && x != 1 && y != 1)
      return std::nullopt;
    result[i] = x == 1 ? y : x;
  }
  return result;
}

//===----------------------------------------------------------------------===//
// Importer: IR helpers
//===----------------------------------------------------------------------===//

Importer::Importer(MLIRContext *context, const ONNXImportOptions &options)
    : context(context), builder(context), loc(UnknownLoc::get(context)),
      options(options) {}

RankedTensorType Importer::literalType(const Literal &literal) {
  return RankedTensorType::get(literal.shape,
                               getElementType(context, literal.dtype));
}

Value Importer::materialize(const Literal &literal) {
  RankedTensorType type = literalType(literal);
  Type elementType = type.getElementType();
  int64_t count = literal.size();
  bool asResource = options.resourceMinElements > 0 &&
                    count >= options.resourceMinElements;
  std::vector<char> bytes;
  auto append = [&](const auto &value) {
    const char *p = reinterpret_cast<const char *>(&value);
    bytes.insert(bytes.end(), p, p + sizeof(value));
  };
  if (elementType.isF32()) {
    for (int64_t i = 0; i < count; ++i)
      append(static_cast<float>(literal.floats[i]));
  } else if (elementType.isF64()) {
    for (int64_t i = 0; i < count; ++i)
      append(literal.floats[i]);
  } else if (auto floatType = dyn_cast<FloatType>(elementType)) {
    for (int64_t i = 0; i < count; ++i) {
      llvm::APFloat value(literal.floats[i]);
      bool lost;
      value.convert(floatType.getFloatSemantics(),
                    llvm::APFloat::rmNearestTiesToEven, &lost);
      append(static_cast<uint16_t>(value.bitcastToAPInt().getZExtValue()));
    }
  } else if (elementType.isInteger(1)) {
    SmallVector<bool> bits(literal.ints.begin(), literal.ints.end());
    return arith::ConstantOp::create(builder, loc, type,
                                     DenseElementsAttr::get(type, bits));
  } else {
    unsigned width = elementType.getIntOrFloatBitWidth();
    for (int64_t v : literal.ints) {
      if (width == 64)
        append(v);
      else if (width == 32)
        append(static_cast<int32_t>(v));
      else if (width == 16)
        append(static_cast<int16_t>(v));
      else
        append(static_cast<int8_t>(v));
    }
  }
  TypedAttr attr;
  if (asResource) {
    attr = DenseResourceElementsAttr::get(
        type, "onnx_" + std::to_string(resourceCount++),
        HeapAsmResourceBlob::allocateAndCopyWithAlign(bytes, 64));
  } else {
    attr = DenseElementsAttr::getFromRawBuffer(type, bytes);
  }
  return arith::ConstantOp::create(builder, loc, type, attr);
}

Value Importer::getValue(StringRef name) {
  Entry &entry = values[name];
  if (!entry.value)
    entry.value = materialize(*entry.literal);
  return entry.value;
}

const Literal *Importer::bindInputValue(StringRef name) {
  if (!options.inputValues)
    return nullptr;
  auto it = values.find(name);
  auto given = options.inputValues->find(name);
  if (it == values.end() || given == options.inputValues->end())
    return nullptr;
  Entry &entry = it->second;
  auto argument = dyn_cast_or_null<BlockArgument>(entry.value);
  const HostTensor &tensor = given->second;
  if (!argument || entry.type.getShape() != tensor.getShape() ||
      getHostElementType(entry.dtype) != tensor.getElementType())
    return nullptr;
  Literal literal;
  literal.dtype = entry.dtype;
  literal.shape.assign(tensor.getShape().begin(), tensor.getShape().end());
  for (int64_t i = 0, e = tensor.getNumElements(); i < e; ++i) {
    if (literal.isFloat())
      literal.floats.push_back(tensor.getValue(i));
    else if (getElementByteWidth(tensor.getElementType()) == 8)
      literal.ints.push_back(static_cast<const int64_t *>(tensor.data())[i]);
    else
      literal.ints.push_back(static_cast<int64_t>(tensor.getValue(i)));
  }
  auto func = cast<func::FuncOp>(argument.getOwner()->getParentOp());
  func.setArgAttr(argument.getArgNumber(), "onnx.value_bound",
                  UnitAttr::get(context));
  entry.literal = std::move(literal);
  return &*entry.literal;
}

Value Importer::scalar(OpBuilder &b, Location loc, Type type, double value) {
  if (auto floatType = dyn_cast<FloatType>(type))
    return arith::ConstantOp::create(b, loc, b.getFloatAttr(floatType, value));
  return arith::ConstantOp::create(
      b, loc, b.getIntegerAttr(type, static_cast<int64_t>(value)));
}

Value Importer::emptyTensor(ArrayRef<int64_t> shape, Type elementType) {
  return tensor::EmptyOp::create(builder, loc, shape, elementType);
}

Value Importer::filled(ArrayRef<int64_t> shape, Type elementType,
                       double value) {
  Value init = emptyTensor(shape, elementType);
  Value fillValue = scalar(builder, loc, elementType, value);
  return linalg::FillOp::create(builder, loc, fillValue, init).getResult(0);
}

static SmallVector<utils::IteratorType> parallelIterators(size_t n) {
  return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
}

Value Importer::elementwise(ArrayRef<Value> inputs, ArrayRef<int64_t> shape,
                            Type resultElementType, const BodyBuilder &body) {
  unsigned rank = shape.size();
  SmallVector<AffineMap> maps;
  for (Value input : inputs) {
    ArrayRef<int64_t> inShape =
        cast<RankedTensorType>(input.getType()).getShape();
    SmallVector<AffineExpr> exprs;
    unsigned offset = rank - inShape.size();
    for (auto [i, size] : llvm::enumerate(inShape)) {
      if (size == 1 && shape[offset + i] != 1)
        exprs.push_back(builder.getAffineConstantExpr(0));
      else
        exprs.push_back(builder.getAffineDimExpr(offset + i));
    }
    maps.push_back(AffineMap::get(rank, 0, exprs, context));
  }
  maps.push_back(builder.getMultiDimIdentityMap(rank));
  Value init = emptyTensor(shape, resultElementType);
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{init.getType()}, inputs, ValueRange{init}, maps,
      parallelIterators(rank),
      [&](OpBuilder &b, Location l, ValueRange args) {
        SmallVector<Value> operands(args.drop_back());
        linalg::YieldOp::create(b, l, body(b, l, operands));
      });
  return op.getResult(0);
}

Value Importer::mapped(Value input, AffineMap inputMap,
                       ArrayRef<int64_t> shape) {
  Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
  Value init = emptyTensor(shape, elementType);
  SmallVector<AffineMap> maps = {inputMap,
                                 builder.getMultiDimIdentityMap(shape.size())};
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{init.getType()}, ValueRange{input},
      ValueRange{init}, maps, parallelIterators(shape.size()),
      [](OpBuilder &b, Location l, ValueRange args) {
        linalg::YieldOp::create(b, l, args[0]);
      });
  return op.getResult(0);
}

Value Importer::reshape(Value input, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(input.getType());
  if (type.getShape() == shape)
    return input;
  Type elementType = type.getElementType();
  // Through 1-D (or rank 0 for single elements): collapse, then expand.
  Value flat = input;
  if (type.getRank() != 1) {
    SmallVector<ReassociationIndices> all;
    if (type.getRank() > 0 && !shape.empty()) {
      all.emplace_back();
      for (int64_t i = 0; i < type.getRank(); ++i)
        all.back().push_back(i);
    }
    int64_t count = type.getNumElements();
    auto flatType = shape.empty()
                        ? RankedTensorType::get({}, elementType)
                        : RankedTensorType::get({count}, elementType);
    if (type.getRank() == 0)
      flat = tensor::ExpandShapeOp::create(
          builder, loc, RankedTensorType::get({1}, elementType), input,
          SmallVector<ReassociationIndices>{});
    else
      flat = tensor::CollapseShapeOp::create(builder, loc, flatType, input,
                                             all);
  }
  auto flatType = cast<RankedTensorType>(flat.getType());
  if (flatType.getShape() == shape)
    return flat;
  auto resultType = RankedTensorType::get(shape, elementType);
  if (shape.empty())
    return tensor::CollapseShapeOp::create(
        builder, loc, resultType, flat, SmallVector<ReassociationIndices>{});
  ReassociationIndices all;
  for (size_t i = 0; i < shape.size(); ++i)
    all.push_back(i);
  return tensor::ExpandShapeOp::create(builder, loc, resultType, flat,
                                       SmallVector<ReassociationIndices>{all});
}

Value Importer::transpose(Value input, ArrayRef<int64_t> permutation) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape;
  for (int64_t p : permutation)
    shape.push_back(type.getDimSize(p));
  // Unit dims do not move data: transpose the others only, so that the
  // generic has no unit dims (simpler for the pipeline's vectorizers).
  SmallVector<int64_t> kept, keptShape, keptPermutation, rank(type.getRank());
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.getDimSize(d) != 1) {
      rank[d] = kept.size();
      kept.push_back(d);
      keptShape.push_back(type.getDimSize(d));
    }
  for (int64_t p : permutation)
    if (type.getDimSize(p) != 1)
      keptPermutation.push_back(rank[p]);
  if (llvm::is_sorted(keptPermutation))
    return reshape(input, shape);
  // Input dims that stay neighbours move as one: merge them.
  SmallVector<SmallVector<int64_t>> runs;
  for (int64_t p : keptPermutation) {
    if (!runs.empty() && runs.back().back() + 1 == p)
      runs.back().push_back(p);
    else
      runs.push_back({p});
  }
  SmallVector<unsigned> inputOrder(runs.size());
  std::iota(inputOrder.begin(), inputOrder.end(), 0);
  llvm::sort(inputOrder, [&](unsigned a, unsigned b) {
    return runs[a].front() < runs[b].front();
  });
  SmallVector<int64_t> mergedShape, runPosition(runs.size());
  for (auto [position, run] : llvm::enumerate(inputOrder)) {
    runPosition[run] = position;
    int64_t size = 1;
    for (int64_t d : runs[run])
      size *= keptShape[d];
    mergedShape.push_back(size);
  }
  Value merged = reshape(input, mergedShape);
  SmallVector<int64_t> transposedShape;
  SmallVector<AffineExpr> exprs(runs.size());
  // Result dim i is merged input dim runPosition[i].
  for (unsigned i = 0; i < runs.size(); ++i) {
    transposedShape.push_back(mergedShape[runPosition[i]]);
    exprs[runPosition[i]] = builder.getAffineDimExpr(i);
  }
  Value transposed = mapped(
      merged, AffineMap::get(runs.size(), 0, exprs, context), transposedShape);
  return reshape(transposed, shape);
}

Value Importer::reduce(
    Value input, ArrayRef<bool> reduced, double init,
    const std::function<Value(OpBuilder &, Location, Value, Value)> &combine) {
  auto type = cast<RankedTensorType>(input.getType());
  unsigned rank = type.getRank();
  SmallVector<int64_t> shape(type.getShape());
  SmallVector<AffineExpr> outExprs;
  SmallVector<utils::IteratorType> iterators;
  for (unsigned i = 0; i < rank; ++i) {
    if (reduced[i]) {
      shape[i] = 1;
      outExprs.push_back(builder.getAffineConstantExpr(0));
      iterators.push_back(utils::IteratorType::reduction);
    } else {
      outExprs.push_back(builder.getAffineDimExpr(i));
      iterators.push_back(utils::IteratorType::parallel);
    }
  }
  Value acc = filled(shape, type.getElementType(), init);
  SmallVector<AffineMap> maps = {builder.getMultiDimIdentityMap(rank),
                                 AffineMap::get(rank, 0, outExprs, context)};
  auto op = linalg::GenericOp::create(
      builder, loc, TypeRange{acc.getType()}, ValueRange{input},
      ValueRange{acc}, maps, iterators,
      [&](OpBuilder &b, Location l, ValueRange args) {
        linalg::YieldOp::create(b, l, combine(b, l, args[1], args[0]));
      });
  return op.getResult(0);
}

Value Importer::concat(ArrayRef<Value> inputs, int64_t axis) {
  if (inputs.size() == 1)
    return inputs.front();
  auto first = cast<RankedTensorType>(inputs.front().getType());
  SmallVector<int64_t> shape(first.getShape());
  shape[axis] = 0;
  for (Value input : inputs)
    shape[axis] += cast<RankedTensorType>(input.getType()).getDimSize(axis);
  Value result = emptyTensor(shape, first.getElementType());
  int64_t offset = 0;
  for (Value input : inputs) {
    auto type = cast<RankedTensorType>(input.getType());
    SmallVector<int64_t> offsets(shape.size(), 0), strides(shape.size(), 1);
    offsets[axis] = offset;
    offset += type.getDimSize(axis);
    if (type.getDimSize(axis) == 0)
      continue;
    result = tensor::InsertSliceOp::create(builder, loc, input, result,
                                           ValueRange{}, ValueRange{},
                                           ValueRange{}, offsets,
                                           type.getShape(), strides);
  }
  return result;
}

Value Importer::extractSlice(Value input, ArrayRef<int64_t> offsets,
                             ArrayRef<int64_t> sizes,
                             ArrayRef<int64_t> strides) {
  auto type = cast<RankedTensorType>(input.getType());
  auto resultType = RankedTensorType::get(sizes, type.getElementType());
  return tensor::ExtractSliceOp::create(builder, loc, resultType, input,
                                        ValueRange{}, ValueRange{},
                                        ValueRange{}, offsets, sizes, strides);
}

Value Importer::padConstant(Value input, ArrayRef<int64_t> low,
                            ArrayRef<int64_t> high, double value) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape;
  for (auto [size, l, h] : llvm::zip(type.getShape(), low, high))
    shape.push_back(size + l + h);
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  Value padValue = scalar(builder, loc, type.getElementType(), value);
  SmallVector<OpFoldResult> lowAttrs, highAttrs;
  for (auto [l, h] : llvm::zip(low, high)) {
    lowAttrs.push_back(builder.getIndexAttr(l));
    highAttrs.push_back(builder.getIndexAttr(h));
  }
  return tensor::PadOp::create(builder, loc, resultType, input, lowAttrs,
                               highAttrs, padValue);
}

//===----------------------------------------------------------------------===//
// NodeContext
//===----------------------------------------------------------------------===//

const Literal *NodeContext::literal(unsigned i) const {
  if (!hasInput(i))
    return nullptr;
  auto it = importer.values.find(node.input(i));
  return it->second.literal ? &*it->second.literal : nullptr;
}

bool NodeContext::allInputsLiteral() const {
  for (unsigned i = 0; i < numInputs(); ++i)
    if (hasInput(i) && !literal(i))
      return false;
  return true;
}

void NodeContext::setOutput(unsigned i, Value value, int32_t dtype) {
  if (!hasOutput(i))
    return;
  auto type = cast<RankedTensorType>(value.getType());
  if (!dtype) {
    std::optional<unsigned> source = getSameTypeInput(node, opset(), i);
    dtype = source && this->type(*source).getElementType() ==
                          type.getElementType()
                ? this->dtype(*source)
                : getDType(type.getElementType());
  }
  Importer::Entry &entry = importer.values[node.output(i)];
  entry.type = type;
  entry.dtype = dtype;
  entry.value = value;
  entry.literal.reset();
}

void NodeContext::setOutput(unsigned i, Literal literal) {
  if (!hasOutput(i))
    return;
  Importer::Entry &entry = importer.values[node.output(i)];
  entry.type = importer.literalType(literal);
  entry.dtype = literal.dtype;
  entry.value = nullptr;
  entry.literal = std::move(literal);
}

const onnx::AttributeProto *NodeContext::findAttr(StringRef name) {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name) {
      usedAttrs.insert(name);
      return &attr;
    }
  return nullptr;
}

bool NodeContext::hasAttr(StringRef name) const {
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == name)
      return true;
  return false;
}

static bool checkAttrType(NodeContext &ctx, const onnx::AttributeProto *attr,
                          onnx::AttributeProto::AttributeType expected,
                          StringRef what) {
  if (attr->type() == expected ||
      attr->type() == onnx::AttributeProto::UNDEFINED)
    return true;
  if (!ctx.attrError)
    ctx.attrError = ("attribute '" + attr->name() + "' must be " + what).str();
  return false;
}

int64_t NodeContext::intAttr(StringRef name, int64_t defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr || !checkAttrType(*this, attr, onnx::AttributeProto::INT, "an int"))
    return defaultValue;
  return attr->i();
}

double NodeContext::floatAttr(StringRef name, double defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr ||
      !checkAttrType(*this, attr, onnx::AttributeProto::FLOAT, "a float"))
    return defaultValue;
  return attr->f();
}

std::string NodeContext::stringAttr(StringRef name, StringRef defaultValue) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr ||
      !checkAttrType(*this, attr, onnx::AttributeProto::STRING, "a string"))
    return defaultValue.str();
  return attr->s();
}

SmallVector<int64_t> NodeContext::intsAttr(StringRef name) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr ||
      !checkAttrType(*this, attr, onnx::AttributeProto::INTS, "a list of ints"))
    return {};
  return SmallVector<int64_t>(attr->ints().begin(), attr->ints().end());
}

SmallVector<double> NodeContext::floatsAttr(StringRef name) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr || !checkAttrType(*this, attr, onnx::AttributeProto::FLOATS,
                              "a list of floats"))
    return {};
  return SmallVector<double>(attr->floats().begin(), attr->floats().end());
}

const onnx::TensorProto *NodeContext::tensorAttr(StringRef name) {
  const onnx::AttributeProto *attr = findAttr(name);
  if (!attr ||
      !checkAttrType(*this, attr, onnx::AttributeProto::TENSOR, "a tensor"))
    return nullptr;
  return &attr->t();
}

static std::string describeNode(const onnx::NodeProto &node) {
  return ("node '" + node.name() + "' (" + node.op_type() + ")");
}

llvm::Error NodeContext::error(const Twine &message) const {
  return makeError(describeNode(node) + ": " + message);
}

llvm::Error NodeContext::unsupportedAttr(StringRef name,
                                         const Twine &value) const {
  return error("attribute '" + name + "' = " + value + " is not supported");
}

llvm::Error NodeContext::requireFloat(unsigned i) const {
  Type elementType = type(i).getElementType();
  if (isa<FloatType>(elementType))
    return llvm::Error::success();
  return error("input '" + node.input(i) + "' is " +
               dtypeName(getDType(elementType)) +
               "; this operator is supported on float tensors only");
}

const Literal *NodeContext::knownLiteral(unsigned i) const {
  if (const Literal *l = literal(i))
    return l;
  return hasInput(i) ? importer.bindInputValue(node.input(i)) : nullptr;
}

llvm::Expected<const Literal *>
NodeContext::requireLiteral(unsigned i) const {
  if (const Literal *l = knownLiteral(i))
    return l;
  return error("input '" + node.input(i) +
               "' must be a constant (an initializer or computed from "
               "constants), it is only known at run time");
}

//===----------------------------------------------------------------------===//
// Emitter table
//===----------------------------------------------------------------------===//

const EmitterTable &onnx_import::getEmitterTable() {
  static const EmitterTable table = [] {
    EmitterTable t;
    registerConvOps(t);
    registerElementwiseOps(t);
    registerTensorOps(t);
    registerReductionOps(t);
    return t;
  }();
  return table;
}

bool mlir::tconv::isSupportedONNXOperator(StringRef opType) {
  return getEmitterTable().count(opType);
}

//===----------------------------------------------------------------------===//
// The graph walk
//===----------------------------------------------------------------------===//

namespace {
class GraphImporter {
public:
  GraphImporter(MLIRContext &context, onnx::ModelProto &model, StringRef name,
                StringRef modelDirectory, const ONNXImportOptions &options)
      : imp(&context, options), model(model), name(name.str()) {
    imp.modelDirectory = modelDirectory.str();
  }

  llvm::Expected<OwningOpRef<ModuleOp>> run();
  int64_t getOpset() const { return imp.opset; }
  /// The type `name` was imported with; null if none.
  RankedTensorType getValueType(StringRef valueName) const {
    auto it = imp.values.find(valueName);
    return it == imp.values.end() ? RankedTensorType() : it->second.type;
  }

private:
  llvm::Error error(const Twine &message) {
    return makeError(name + ": " + message);
  }
  llvm::Error checkOpset();
  llvm::Expected<RankedTensorType> getStaticType(const onnx::ValueInfoProto &,
                                                 StringRef what);
  /// Checks what shape inference and the emitters rely on: known operator,
  /// defined inputs, input and output counts.
  llvm::Error checkNode(const onnx::NodeProto &node,
                        llvm::StringSet<> &defined);
  llvm::Error importNode(const onnx::NodeProto &node);
  llvm::Error checkInferredTypes(const onnx::NodeProto &node);

  Importer imp;
  onnx::ModelProto &model;
  std::string name;
  /// Static shapes ONNX's shape inference found, by value name.
  llvm::StringMap<const onnx::TypeProto *> inferred;
};
} // namespace

llvm::Error GraphImporter::checkOpset() {
  for (const onnx::OperatorSetIdProto &set : model.opset_import()) {
    if (set.domain().empty() || set.domain() == "ai.onnx")
      imp.opset = set.version();
  }
  if (imp.opset == 0)
    return error("the model imports no opset of the default ONNX domain");
  if (imp.opset < kMinOpset || imp.opset > kMaxOpset)
    return error("opset " + Twine(imp.opset) +
                 " is not supported (the importer handles opsets " +
                 Twine(kMinOpset) + " to " + Twine(kMaxOpset) +
                 ", those of ONNX 1.12); convert the model, e.g. with "
                 "onnx.version_converter");
  return llvm::Error::success();
}

llvm::Expected<RankedTensorType>
GraphImporter::getStaticType(const onnx::ValueInfoProto &info,
                             StringRef what) {
  const onnx::TypeProto &type = info.type();
  if (!type.has_tensor_type())
    return error(what + " '" + info.name() + "' is not a tensor");
  const onnx::TypeProto::Tensor &tensor = type.tensor_type();
  Type elementType = getElementType(imp.context, tensor.elem_type());
  if (!elementType)
    return error(what + " '" + info.name() + "' has data type " +
                 dtypeName(tensor.elem_type()) + ", which is not supported");
  if (!tensor.has_shape())
    return error(what + " '" + info.name() +
                 "' has no shape; give it one with --fix-shape=" +
                 info.name() + ":SHAPE or export the model with a fixed "
                 "input shape");
  SmallVector<int64_t> shape;
  for (const onnx::TensorShapeProto::Dimension &dim : tensor.shape().dim()) {
    if (dim.has_dim_value() && dim.dim_value() >= 0) {
      shape.push_back(dim.dim_value());
      continue;
    }
    std::string symbol = dim.has_dim_param() ? "'" + dim.dim_param() + "'"
                                             : std::string("unknown");
    return error(what + " '" + info.name() + "' has a dynamic dimension " +
                 symbol + " (dim " + Twine(shape.size()) +
                 "); tconv needs static shapes: give them with --fix-shape=" +
                 info.name() + ":SHAPE, or export the model with a fixed "
                 "shape (e.g. torch.onnx.export without dynamic_axes)");
  }
  return RankedTensorType::get(shape, elementType);
}

llvm::Error GraphImporter::checkInferredTypes(const onnx::NodeProto &node) {
  for (const std::string &output : node.output()) {
    if (output.empty())
      continue;
    const onnx::TypeProto *type = inferred.lookup(output);
    if (!type || !type->tensor_type().has_shape())
      continue;
    SmallVector<int64_t> shape;
    for (const auto &dim : type->tensor_type().shape().dim()) {
      if (!dim.has_dim_value())
        return llvm::Error::success();
      shape.push_back(dim.dim_value());
    }
    RankedTensorType ours = imp.values.lookup(output).type;
    if (ours.getShape() != ArrayRef<int64_t>(shape)) {
      auto format = [](ArrayRef<int64_t> dims) {
        std::string text = "[";
        llvm::raw_string_ostream os(text);
        llvm::interleaveComma(dims, os);
        return text + "]";
      };
      return makeError(name + ": " + describeNode(node) + ": output '" +
                       output + "' imported with shape " +
                       format(ours.getShape()) +
                       " but ONNX shape inference says " + format(shape));
    }
  }
  return llvm::Error::success();
}

llvm::Error GraphImporter::checkNode(const onnx::NodeProto &node,
                                     llvm::StringSet<> &defined) {
  if (!node.domain().empty() && node.domain() != "ai.onnx")
    return error(describeNode(node) + ": operator domain '" + node.domain() +
                 "' is not supported");
  for (const std::string &input : node.input())
    if (!input.empty() && !defined.contains(input))
      return error(describeNode(node) + ": input '" + input +
                   "' is not a graph input, an initializer or the output of "
                   "an earlier node (missing initializer, or the graph is "
                   "not topologically sorted or has a cycle)");
  if (!getEmitterTable().count(node.op_type()))
    return error(describeNode(node) + ": operator '" + node.op_type() +
                 "' is not supported");
  if (std::optional<std::string> message = checkArity(node, imp.opset))
    return error(describeNode(node) + ": " + *message);
  for (const std::string &output : node.output())
    if (!output.empty() && !defined.insert(output).second)
      return error(describeNode(node) + ": output '" + output +
                   "' is already defined (a graph defines each name once)");
  return llvm::Error::success();
}

llvm::Error GraphImporter::importNode(const onnx::NodeProto &node) {
  auto it = getEmitterTable().find(node.op_type());
  NodeContext ctx(imp, node);
  if (std::optional<std::string> message = checkInputTypes(
          node, imp.opset, [&](unsigned i) { return ctx.dtype(i); }))
    return error(describeNode(node) + ": " + *message);
  if (llvm::Error err = it->second(ctx))
    return error(llvm::toString(std::move(err)));
  if (ctx.attrError)
    return error(describeNode(node) + ": " + *ctx.attrError);
  for (const onnx::AttributeProto &attr : node.attribute())
    if (!ctx.usedAttrs.contains(attr.name()))
      return error(describeNode(node) + ": attribute '" + attr.name() +
                   "' is not supported");
  for (unsigned i = 0; i < ctx.numOutputs(); ++i)
    if (ctx.hasOutput(i) && !imp.values.count(node.output(i)))
      return error(describeNode(node) + ": output #" + Twine(i) + " ('" +
                   node.output(i) + "') is not supported");
  return llvm::Error::success();
}

llvm::Expected<OwningOpRef<ModuleOp>> GraphImporter::run() {
  if (llvm::Error err = checkOpset())
    return std::move(err);
  if (!model.has_graph())
    return error("the model has no graph");
  {
    llvm::StringSet<> defined, inputs;
    for (const onnx::TensorProto &tensor : model.graph().initializer())
      if (!defined.insert(tensor.name()).second)
        return error("initializer '" + tensor.name() + "' is defined twice");
    // Before IR version 4 initializers are listed among the inputs too.
    for (const onnx::ValueInfoProto &input : model.graph().input()) {
      if (!inputs.insert(input.name()).second)
        return error("graph input '" + input.name() + "' is listed twice");
      defined.insert(input.name());
    }
    for (const onnx::NodeProto &node : model.graph().node())
      if (llvm::Error err = checkNode(node, defined))
        return std::move(err);
  }
  const onnx::GraphProto &graph = model.graph();

  MLIRContext *context = imp.context;
  context->loadDialect<arith::ArithDialect, func::FuncDialect,
                       linalg::LinalgDialect, math::MathDialect,
                       tensor::TensorDialect, TConvDialect>();
  OwningOpRef<ModuleOp> module = ModuleOp::create(imp.loc);

  for (const onnx::TensorProto &tensor : graph.initializer()) {
    llvm::Expected<Literal> literal = decodeTensor(tensor, imp.modelDirectory);
    if (!literal)
      return error("initializer '" + tensor.name() +
                   "': " + llvm::toString(literal.takeError()));
    if (!getElementType(context, literal->dtype))
      return error("initializer '" + tensor.name() + "' has data type " +
                   dtypeName(literal->dtype) + ", which is not supported");
    Importer::Entry &entry = imp.values[tensor.name()];
    entry.type = imp.literalType(*literal);
    entry.dtype = literal->dtype;
    entry.literal = std::move(*literal);
  }

  SmallVector<Type> argumentTypes;
  SmallVector<int32_t> argumentDTypes;
  SmallVector<std::string> argumentNames;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    // Before IR version 4 initializers are listed among the inputs too.
    if (imp.values.count(input.name()))
      continue;
    auto type = getStaticType(input, "input");
    if (!type)
      return type.takeError();
    argumentTypes.push_back(*type);
    argumentDTypes.push_back(input.type().tensor_type().elem_type());
    argumentNames.push_back(input.name());
  }

  auto func = func::FuncOp::create(
      imp.loc, "main", FunctionType::get(context, argumentTypes, {}));
  module->push_back(func);
  Block *entryBlock = func.addEntryBlock();
  imp.builder.setInsertionPointToStart(entryBlock);
  for (auto [i, argName] : llvm::enumerate(argumentNames)) {
    func.setArgAttr(i, "onnx.name", StringAttr::get(context, argName));
    if (isUnsignedDType(argumentDTypes[i]))
      func.setArgAttr(i, kUnsignedAttrName, UnitAttr::get(context));
    Importer::Entry &entry = imp.values[argName];
    entry.type = cast<RankedTensorType>(argumentTypes[i]);
    entry.dtype = argumentDTypes[i];
    entry.value = entryBlock->getArgument(i);
  }

  for (const onnx::NodeProto &node : graph.node()) {
    imp.loc = NameLoc::get(StringAttr::get(
        context, node.name().empty() ? node.op_type() : node.name()));
    if (llvm::Error err = importNode(node))
      return std::move(err);
  }
  imp.loc = UnknownLoc::get(context);

  // ONNX's shape inference cross-checks the shapes the emitters computed.
  // It runs last, on nodes the importer has checked: ONNX 1.12's inference
  // crashes on some malformed nodes (e.g. ConvTranspose of the wrong rank).
  if (std::optional<std::string> message = inferShapes(model))
    return error("ONNX shape inference failed: " + *message);
  for (const onnx::ValueInfoProto &info : graph.value_info())
    inferred[info.name()] = &info.type();
  for (const onnx::NodeProto &node : graph.node())
    if (llvm::Error err = checkInferredTypes(node))
      return std::move(err);

  SmallVector<Value> results;
  for (const onnx::ValueInfoProto &output : graph.output()) {
    if (!imp.values.count(output.name()))
      return error("graph output '" + output.name() +
                   "' is not produced by any node");
    results.push_back(imp.getValue(output.name()));
  }
  func::ReturnOp::create(imp.builder, imp.loc, results);
  func.setType(FunctionType::get(context, argumentTypes,
                                 ValueRange(results).getTypes()));
  for (auto [i, output] : llvm::enumerate(graph.output())) {
    func.setResultAttr(i, "onnx.name",
                       StringAttr::get(context, output.name()));
    // The declared type if it agrees with ours (it says more when an
    // operator's output type is not that of one of its inputs).
    const Importer::Entry &entry = imp.values.find(output.name())->second;
    int32_t declared = output.type().tensor_type().elem_type();
    int32_t dtype = getElementType(context, declared) ==
                            entry.type.getElementType()
                        ? declared
                        : entry.dtype;
    if (isUnsignedDType(dtype))
      func.setResultAttr(i, kUnsignedAttrName, UnitAttr::get(context));
  }
  std::string diagnostic;
  ScopedDiagnosticHandler record(context, [&](Diagnostic &d) {
    if (diagnostic.empty())
      diagnostic = d.str();
    return success();
  });
  if (failed(mlir::verify(*module)))
    return error("the imported module does not verify: " + diagnostic);
  return module;
}

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::tconv::importONNXModel(MLIRContext &context, StringRef contents,
                             StringRef name, StringRef modelDirectory,
                             const ONNXImportOptions &options) {
  onnx::ModelProto model;
  if (contents.size() > static_cast<size_t>(INT_MAX) ||
      !model.ParseFromArray(contents.data(), static_cast<int>(contents.size())))
    return makeError(name + ": not a valid ONNX model (the protobuf does not "
                            "parse: truncated or corrupt file?)");
  // Errors inside the MLIR verifier would otherwise go to stderr unprefixed.
  ScopedDiagnosticHandler silence(&context, [](Diagnostic &) {
    return success();
  });
  if (llvm::Error err = applyFixedShapes(model, options.fixedShapes))
    return makeError(name + ": " + llvm::toString(std::move(err)));
  auto batch = findDynamicBatch(model);
  if (!batch)
    return makeError(name + ": " + llvm::toString(batch.takeError()));
  // A dynamic batch: import one image, then loop over the images.
  onnx::ModelProto original;
  if (*batch) {
    original = model;
    setBatch(model, **batch, 1);
  }
  GraphImporter importer(context, model, name, modelDirectory, options);
  llvm::Expected<OwningOpRef<ModuleOp>> module = importer.run();
  if (!module || !*batch)
    return module;
  setBatch(original, **batch, kProbeBatch);
  GraphImporter probe(context, original, name, modelDirectory, options);
  llvm::Expected<OwningOpRef<ModuleOp>> probeModule = probe.run();
  if (!probeModule)
    return makeError(llvm::toString(probeModule.takeError()) + " (importing " +
                     "the dynamic batch at N = " + Twine(kProbeBatch) + ")");
  llvm::Expected<uint64_t> largestImageBytes = checkPerImage(
      original.graph(), **batch, importer.getOpset(),
      [&](StringRef value) { return importer.getValueType(value); },
      [&](StringRef value) { return probe.getValueType(value); });
  if (!largestImageBytes)
    return makeError(name + ": " +
                     llvm::toString(largestImageBytes.takeError()));
  // Small images run several at a time (tconv-outline-batch's chunks); a
  // model that imported at N = 1 and kProbeBatch imports at that N too, but
  // if it did not, the images run one at a time.
  OwningOpRef<ModuleOp> chunkModule;
  if (int64_t images = batchChunkImages(*largestImageBytes); images > 1) {
    setBatch(original, **batch, images);
    GraphImporter chunkImporter(context, original, name, modelDirectory,
                                options);
    llvm::Expected<OwningOpRef<ModuleOp>> imported = chunkImporter.run();
    if (imported)
      chunkModule = std::move(*imported);
    else
      llvm::consumeError(imported.takeError());
  }
  if (llvm::Error err = loopOverImages(**module, **batch, chunkModule.get()))
    return makeError(name + ": " + llvm::toString(std::move(err)));
  return module;
}

llvm::Expected<OwningOpRef<ModuleOp>>
mlir::tconv::importONNXFile(MLIRContext &context, StringRef path,
                            const ONNXImportOptions &options) {
  // Bounded: protobuf parses at most INT_MAX bytes; a pipe or a device is
  // not read past that.
  auto file = readFileWithLimit(path, INT_MAX);
  if (!file)
    return file.takeError();
  StringRef directory = llvm::sys::path::parent_path(path);
  return importONNXModel(context, (*file)->getBuffer(), path,
                         directory.empty() ? "." : directory, options);
}

bool mlir::tconv::isONNXModel(StringRef contents, StringRef path) {
  if (llvm::sys::path::extension(path).equals_insensitive(".onnx"))
    return true;
  // Field 1 (ir_version) as a varint: tag byte 0x08. MLIR text never
  // starts with this control character.
  return !contents.empty() && contents.front() == '\x08';
}

llvm::Expected<std::string>
mlir::tconv::loadModuleSource(StringRef contents, StringRef path,
                              const ONNXImportOptions &options) {
  if (!isONNXModel(contents, path)) {
    if (!options.fixedShapes.empty())
      return makeError(path + ": --fix-shape applies to ONNX models; an MLIR "
                              "module states its shapes in its types");
    return contents.str();
  }
  MLIRContext context;
  StringRef directory = llvm::sys::path::parent_path(path);
  auto module = importONNXModel(context, contents, path,
                                directory.empty() ? "." : directory, options);
  if (!module)
    return module.takeError();
  std::string source;
  llvm::raw_string_ostream os(source);
  (*module)->print(os);
  return source;
}
