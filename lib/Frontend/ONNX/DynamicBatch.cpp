//===- DynamicBatch.cpp - ONNX models with a dynamic batch ----------------===//
//
// A model whose inputs have a symbolic dim 0 (`dim_param`, as
// torch.onnx.export writes for `dynamic_axes`) is imported at N = 1 into a
// static per-image function, which every emitter handles, and called in a
// loop over the images by a public function with a dynamic batch. That is
// only right if the graph computes each image separately: imported at
// another N (kProbeBatch), every value computed from a batched input must
// have that N as its dim 0 and its other dims as at N = 1, and no softmax may
// normalize across the batch. The shape of a batched value (PyTorch's
// x.size(0) in a flatten or a pixel shuffle) is N at the probe and 1 in the
// image function: it may only flow through shape arithmetic into the shape
// operand of an op whose result passes the same check.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "tconv/Codegen/BatchLoop.h"
#include "tconv/Codegen/Strategy.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;


static std::string describeBatch(const DynamicBatch &batch) {
  return batch.symbol.empty() ? std::string("a dynamic batch")
                              : "a dynamic batch '" + batch.symbol + "'";
}

llvm::Expected<std::optional<DynamicBatch>>
onnx_import::findDynamicBatch(const onnx::ModelProto &model) {
  const onnx::GraphProto &graph = model.graph();
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &tensor : graph.initializer())
    initializers.insert(tensor.name());
  std::optional<DynamicBatch> batch;
  for (const onnx::ValueInfoProto &input : graph.input()) {
    if (initializers.contains(input.name()) || !input.type().has_tensor_type())
      continue;
    const onnx::TypeProto::Tensor &tensor = input.type().tensor_type();
    if (!tensor.has_shape() || tensor.shape().dim_size() < 2)
      continue;
    const auto &dims = tensor.shape().dim();
    bool restStatic = std::all_of(dims.begin() + 1, dims.end(),
                                  [](const auto &d) { return d.has_dim_value(); });
    if (dims[0].has_dim_value() || !restStatic)
      continue; // Static, or refused with the name of its dynamic dim.
    std::string symbol = dims[0].dim_param();
    if (batch && batch->symbol != symbol)
      return llvm::createStringError("inputs '" + batch->inputs.front() + "' and '" +
                       input.name() + "' have different dynamic batch dims ('" +
                       batch->symbol + "' and '" + symbol +
                       "'); tconv compiles one dynamic batch per model");
    if (!batch)
      batch = DynamicBatch{symbol, {}};
    batch->inputs.push_back(input.name());
  }
  return batch;
}

void onnx_import::setBatch(onnx::ModelProto &model, const DynamicBatch &batch,
                           int64_t n) {
  onnx::GraphProto &graph = *model.mutable_graph();
  for (onnx::ValueInfoProto &input : *graph.mutable_input()) {
    // A second input of the same name may have no shape: the importer
    // rejects the duplicate later.
    if (!llvm::is_contained(batch.inputs, input.name()) ||
        !input.type().has_tensor_type() ||
        input.type().tensor_type().shape().dim_size() == 0)
      continue;
    input.mutable_type()->mutable_tensor_type()->mutable_shape()->mutable_dim(
        0)->set_dim_value(n);
  }
  // Shapes below the inputs are ONNX's to infer at this N.
  graph.clear_value_info();
  for (onnx::ValueInfoProto &output : *graph.mutable_output())
    if (output.type().has_tensor_type())
      output.mutable_type()->mutable_tensor_type()->clear_shape();
}

/// Whether `node` normalizes along dim 0 of its input of rank `rank`.
static bool normalizesAcrossBatch(const onnx::NodeProto &node, int64_t rank,
                                  int64_t opset) {
  // Training-mode BatchNormalization takes its statistics over the batch.
  if (node.op_type() == "BatchNormalization")
    return llvm::any_of(node.attribute(), [](const auto &attr) {
      return attr.name() == "training_mode" && attr.i() != 0;
    });
  if (node.op_type() != "Softmax" && node.op_type() != "LogSoftmax" &&
      node.op_type() != "Hardmax")
    return false;
  int64_t axis = opset < 13 ? 1 : -1;
  for (const onnx::AttributeProto &attr : node.attribute())
    if (attr.name() == "axis")
      axis = attr.i();
  return (axis < 0 ? axis + rank : axis) == 0;
}

/// Whether `node` computes shapes from shapes: given only values derived
/// from the batch size (and constants), its results are such values too.
static bool isShapeArithmetic(const onnx::NodeProto &node) {
  return llvm::is_contained({"Gather", "Slice", "Concat", "Unsqueeze",
                             "Squeeze", "Cast", "Identity", "Reshape", "Add",
                             "Sub", "Mul", "Div"},
                            node.op_type());
}

/// Whether input `index` of `node` is a shape, sizes or index operand that
/// only says how the result is laid out: a value derived from the batch size
/// may go there, the result then being checked as any other.
static bool isShapeOperand(const onnx::NodeProto &node, int index) {
  StringRef op = node.op_type();
  if (op == "ConstantOfShape")
    return index == 0;
  if (op == "Reshape" || op == "Expand" || op == "Tile" || op == "Pad" ||
      op == "Squeeze" || op == "Unsqueeze")
    return index == 1;
  if (op == "Slice")
    return index >= 1;
  if (op == "Resize")
    return index >= 2; // scales, sizes
  return false;
}

static std::string formatShape(RankedTensorType type) {
  if (!type)
    return "unknown";
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleave(type.getShape(), os, "x");
  return text.empty() ? "scalar" : text;
}

llvm::Expected<uint64_t> onnx_import::checkPerImage(
    const onnx::GraphProto &graph, const DynamicBatch &batch, int64_t opset,
    function_ref<RankedTensorType(StringRef)> imageType,
    function_ref<RankedTensorType(StringRef)> probeType) {
  llvm::StringSet<> batched;
  uint64_t largestImageBytes = 0;
  auto weigh = [&](RankedTensorType image) {
    if (image && image.hasStaticShape())
      largestImageBytes = std::max(largestImageBytes, staticBytes(image));
  };
  for (const std::string &input : batch.inputs) {
    batched.insert(input);
    weigh(imageType(input));
  }
  std::string fix = "; compile it for one batch with --fix-shape=" +
                    batch.inputs.front() + ":SHAPE, or export the model "
                    "with a fixed batch (torch.onnx.export without "
                    "dynamic_axes on dim 0)";
  // Values computed from the shape of a batched value.
  llvm::StringSet<> batchSized;
  auto markBatchSized = [&](const onnx::NodeProto &node) {
    for (const std::string &output : node.output())
      if (!output.empty())
        batchSized.insert(output);
  };
  for (const onnx::NodeProto &node : graph.node()) {
    auto batchedInput = llvm::find_if(node.input(), [&](const std::string &in) {
      return batched.contains(in);
    });
    bool hasBatchedInput = batchedInput != node.input().end();
    auto sizedInput = llvm::find_if(node.input(), [&](const std::string &in) {
      return batchSized.contains(in);
    });
    if (!hasBatchedInput && sizedInput == node.input().end())
      continue;
    std::string what = "input '" + batch.inputs.front() + "' has " +
                       describeBatch(batch) + ", but node '" + node.name() +
                       "' (" + node.op_type() + ")";
    if (sizedInput != node.input().end()) {
      if (!hasBatchedInput && isShapeArithmetic(node)) {
        markBatchSized(node);
        continue;
      }
      for (auto [index, input] : llvm::enumerate(node.input()))
        if (batchSized.contains(input) && !isShapeOperand(node, index))
          return llvm::createStringError(
              what + " takes the batch size as data: its input '" + input +
              "' is computed from the shape of a batched value" + fix);
    } else if (node.op_type() == "Shape" || node.op_type() == "Size") {
      markBatchSized(node);
      continue;
    }
    RankedTensorType inputType =
        hasBatchedInput ? probeType(*batchedInput) : RankedTensorType();
    if (inputType && normalizesAcrossBatch(node, inputType.getRank(), opset))
      return llvm::createStringError(
          what + " normalizes across the images of the batch" + fix);
    for (const std::string &output : node.output()) {
      if (output.empty())
        continue;
      RankedTensorType type = probeType(output);
      if (!type || type.getRank() == 0 || type.getDimSize(0) != kProbeBatch)
        return llvm::createStringError(
            what + " does not keep the images apart: at N = " +
            Twine(kProbeBatch) + ", its output '" + output + "' has " +
            (type && type.getRank() > 0
                 ? "dim 0 = " + Twine(type.getDimSize(0))
                 : Twine("no dim 0")) +
            fix);
      // Only dim 0 may follow N: a batched filter or a product of two
      // batched operands (a Gemm of X by X^T) mixes the images.
      RankedTensorType image = imageType(output);
      if (!image || image.getRank() != type.getRank() ||
          image.getShape().drop_front() != type.getShape().drop_front())
        return llvm::createStringError(
            what + " does not keep the images apart: its output '" + output +
            "' has shape " + formatShape(image) + " at N = 1 but " +
            formatShape(type) + " at N = " + Twine(kProbeBatch) +
            " (only dim 0 may change with N)" + fix);
      batched.insert(output);
      weigh(image);
    }
  }
  for (const onnx::ValueInfoProto &output : graph.output())
    if (!batched.contains(output.name()))
      return llvm::createStringError(
          "input '" + batch.inputs.front() + "' has " + describeBatch(batch) +
          ", but graph output '" + output.name() + "' does not depend on it" +
          fix);
  return largestImageBytes;
}

llvm::Error onnx_import::loopOverImages(ModuleOp module,
                                        const DynamicBatch &batch,
                                        ModuleOp chunkModule) {
  auto image = module.lookupSymbol<func::FuncOp>("main");
  FunctionType imageType = image.getFunctionType();
  auto batchedType = [](Type type) -> Type {
    auto tensor = cast<RankedTensorType>(type);
    SmallVector<int64_t> shape(tensor.getShape());
    shape[0] = ShapedType::kDynamic;
    return tensor.clone(shape);
  };
  SmallVector<Type> inputs;
  for (auto [index, type] : llvm::enumerate(imageType.getInputs())) {
    auto name = image.getArgAttrOfType<StringAttr>(index, "onnx.name");
    inputs.push_back(name && llvm::is_contained(batch.inputs, name.getValue())
                         ? batchedType(type)
                         : type);
  }
  SmallVector<Type> results =
      llvm::map_to_vector(imageType.getResults(), batchedType);

  OpBuilder builder = OpBuilder::atBlockBegin(module.getBody());
  auto driver = func::FuncOp::create(
      builder, image.getLoc(), "main",
      FunctionType::get(module.getContext(), inputs, results));
  for (unsigned i = 0; i < imageType.getNumInputs(); ++i)
    driver.setArgAttrs(i, image.getArgAttrDict(i));
  for (unsigned i = 0; i < imageType.getNumResults(); ++i)
    driver.setResultAttrs(i, image.getResultAttrDict(i));
  image.setName("main.image");
  image.setPrivate();
  func::FuncOp chunk;
  if (chunkModule) {
    chunk = chunkModule.lookupSymbol<func::FuncOp>("main");
    chunk->remove();
    chunk.setName("main.chunk");
    chunk.setPrivate();
    module.getBody()->push_back(chunk);
  }
  buildBatchLoop(driver, image, chunk);
  if (failed(mlir::verify(module)))
    return llvm::createStringError("the loop over the images does not verify");
  return llvm::Error::success();
}
