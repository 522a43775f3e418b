//===- TConvOps.cpp - tconv operations -----------------------------------===//

#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"

using namespace mlir;
using namespace mlir::tconv;

#define GET_OP_CLASSES
#include "tconv/Dialect/TConv/IR/TConvOps.cpp.inc"

//===----------------------------------------------------------------------===//
// Geometry
//===----------------------------------------------------------------------===//

/// Fills a geometry from the op's optional attributes, defaults elsewhere.
template <typename OpTy>
static ConvGeometry readGeometry(OpTy op,
                                 std::optional<ArrayRef<int64_t>> outputPad) {
  unsigned n = op.getNumSpatialDims();
  ConvGeometry g = ConvGeometry::identity(n);
  if (auto strides = op.getStrides())
    g.strides.assign(strides->begin(), strides->end());
  if (auto dilations = op.getDilations())
    g.dilations.assign(dilations->begin(), dilations->end());
  if (auto pads = op.getPads()) {
    g.padsBegin.assign(pads->begin(), pads->begin() + n);
    g.padsEnd.assign(pads->begin() + n, pads->end());
  }
  if (outputPad)
    g.outputPadding.assign(outputPad->begin(), outputPad->end());
  if (auto group = op.getGroup())
    g.group = *group;
  return g;
}

ConvGeometry ConvOp::getGeometry() { return readGeometry(*this, std::nullopt); }

ConvGeometry ConvTransposeOp::getGeometry() {
  return readGeometry(*this, getOutputPadding());
}

//===----------------------------------------------------------------------===//
// Builders
//===----------------------------------------------------------------------===//

/// Sets the attributes that differ from the defaults, so that built ops print
/// as compactly as hand-written ones.
static void addGeometryAttributes(OpBuilder &b, OperationState &state,
                                  const ConvGeometry &g, bool transposed) {
  auto nonDefault = [](ArrayRef<int64_t> values, int64_t def) {
    return llvm::any_of(values, [&](int64_t v) { return v != def; });
  };
  if (nonDefault(g.strides, 1))
    state.addAttribute("strides", b.getDenseI64ArrayAttr(g.strides));
  SmallVector<int64_t> pads = g.onnxPads();
  if (nonDefault(pads, 0))
    state.addAttribute("pads", b.getDenseI64ArrayAttr(pads));
  if (nonDefault(g.dilations, 1))
    state.addAttribute("dilations", b.getDenseI64ArrayAttr(g.dilations));
  if (transposed && nonDefault(g.outputPadding, 0))
    state.addAttribute("output_padding",
                       b.getDenseI64ArrayAttr(g.outputPadding));
  if (g.group != 1)
    state.addAttribute("group", b.getI64IntegerAttr(g.group));
}

static void buildConvLike(OpBuilder &b, OperationState &state, Value input,
                          Value filter, Value bias, const ConvGeometry &g,
                          bool transposed) {
  auto inputType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  SmallVector<int64_t> shape =
      transposed
          ? convTransposeResultShape(inputType.getShape(),
                                     filterType.getShape(), g)
          : convResultShape(inputType.getShape(), filterType.getShape(), g);
  state.addOperands({input, filter});
  if (bias)
    state.addOperands(bias);
  state.addTypes(RankedTensorType::get(shape, inputType.getElementType()));
  addGeometryAttributes(b, state, g, transposed);
}

void ConvOp::build(OpBuilder &b, OperationState &state, Value input,
                   Value filter, Value bias, const ConvGeometry &geometry) {
  buildConvLike(b, state, input, filter, bias, geometry, /*transposed=*/false);
}

void ConvTransposeOp::build(OpBuilder &b, OperationState &state, Value input,
                            Value filter, Value bias,
                            const ConvGeometry &geometry) {
  buildConvLike(b, state, input, filter, bias, geometry, /*transposed=*/true);
}

//===----------------------------------------------------------------------===//
// Verifier
//===----------------------------------------------------------------------===//

static LogicalResult verifyArrayAttr(Operation *op, StringRef name,
                                     std::optional<ArrayRef<int64_t>> values,
                                     size_t expectedSize, int64_t minValue) {
  if (!values)
    return success();
  if (values->size() != expectedSize)
    return op->emitOpError() << "'" << name << "' must have " << expectedSize
                             << " values, got " << values->size();
  for (auto [index, value] : llvm::enumerate(*values))
    if (value < minValue)
      return op->emitOpError() << "'" << name << "' value " << value
                               << " at index " << index << " must be >= "
                               << minValue;
  return success();
}

static LogicalResult verifyTensorShape(Operation *op, StringRef name,
                                       RankedTensorType type) {
  for (auto [dim, size] : llvm::enumerate(type.getShape())) {
    if (ShapedType::isDynamic(size))
      return op->emitOpError() << "expects a static " << name << " shape, got "
                               << type;
    if (size < 1)
      return op->emitOpError() << "expects every " << name
                               << " dimension to be >= 1, got " << type;
  }
  return success();
}

template <typename OpTy>
static LogicalResult
verifyConvLike(OpTy op, std::optional<ArrayRef<int64_t>> outputPad) {
  constexpr bool transposed = std::is_same_v<OpTy, ConvTransposeOp>;
  Operation *raw = op.getOperation();
  auto inputType = op.getInput().getType();
  auto filterType = op.getFilter().getType();
  auto resultType = op.getOutput().getType();

  int64_t rank = inputType.getRank();
  if (rank < 3 || rank > 5)
    return op.emitOpError() << "expects an input of rank 3, 4 or 5 (N x C x "
                               "1-3 spatial dims), got rank "
                            << rank;
  if (filterType.getRank() != rank)
    return op.emitOpError() << "expects a filter of rank " << rank
                            << " like the input, got rank "
                            << filterType.getRank();
  if (resultType.getRank() != rank)
    return op.emitOpError() << "expects a result of rank " << rank
                            << " like the input, got rank "
                            << resultType.getRank();
  if (failed(verifyTensorShape(raw, "input", inputType)) ||
      failed(verifyTensorShape(raw, "filter", filterType)))
    return failure();

  Type elementType = inputType.getElementType();
  if (filterType.getElementType() != elementType)
    return op.emitOpError() << "expects the filter element type "
                            << filterType.getElementType()
                            << " to match the input element type "
                            << elementType;
  if (resultType.getElementType() != elementType)
    return op.emitOpError() << "expects the result element type "
                            << resultType.getElementType()
                            << " to match the input element type "
                            << elementType;

  size_t n = rank - 2;
  if (failed(verifyArrayAttr(raw, "strides", op.getStrides(), n, 1)) ||
      failed(verifyArrayAttr(raw, "pads", op.getPads(), 2 * n, 0)) ||
      failed(verifyArrayAttr(raw, "dilations", op.getDilations(), n, 1)) ||
      failed(verifyArrayAttr(raw, "output_padding", outputPad, n, 0)))
    return failure();
  if (!transposed && raw->hasAttr("output_padding"))
    return op.emitOpError()
           << "'output_padding' is only valid on tconv.conv_transpose";

  ConvGeometry g = op.getGeometry();
  if (g.group < 1)
    return op.emitOpError() << "'group' must be >= 1, got " << g.group;

  int64_t channels = inputType.getDimSize(1);
  if (channels % g.group != 0)
    return op.emitOpError() << "'group' " << g.group
                            << " must divide the input channels " << channels;
  int64_t outChannels;
  if constexpr (transposed) {
    if (filterType.getDimSize(0) != channels)
      return op.emitOpError()
             << "expects filter dim 0 (" << filterType.getDimSize(0)
             << ") to equal the input channels (" << channels << ")";
    outChannels = filterType.getDimSize(1) * g.group;
    for (size_t i = 0; i < n; ++i)
      if (g.outputPadding[i] >= std::max(g.strides[i], g.dilations[i]))
        return op.emitOpError()
               << "'output_padding' value " << g.outputPadding[i]
               << " at index " << i
               << " must be smaller than max(stride, dilation) = "
               << std::max(g.strides[i], g.dilations[i]);
  } else {
    outChannels = filterType.getDimSize(0);
    if (outChannels % g.group != 0)
      return op.emitOpError() << "'group' " << g.group
                              << " must divide the filter's output channels "
                              << outChannels;
    if (filterType.getDimSize(1) * g.group != channels)
      return op.emitOpError()
             << "expects filter dim 1 (" << filterType.getDimSize(1)
             << ") times group (" << g.group
             << ") to equal the input channels (" << channels << ")";
  }

  if (Value bias = op.getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    if (biasType.getElementType() != elementType)
      return op.emitOpError() << "expects the bias element type "
                              << biasType.getElementType()
                              << " to match the input element type "
                              << elementType;
    if (biasType.getDimSize(0) != outChannels)
      return op.emitOpError() << "expects a bias of " << outChannels
                              << " values (one per output channel), got "
                              << biasType;
  }

  SmallVector<int64_t> expected =
      transposed ? convTransposeResultShape(inputType.getShape(),
                                            filterType.getShape(), g)
                 : convResultShape(inputType.getShape(), filterType.getShape(),
                                   g);
  for (size_t i = 0; i < n; ++i)
    if (expected[i + 2] < 1)
      return op.emitOpError() << "computed output size " << expected[i + 2]
                              << " in spatial dim " << i << " is < 1";
  auto expectedType = RankedTensorType::get(expected, elementType);
  if (resultType != expectedType)
    return op.emitOpError() << "result type " << resultType
                            << " differs from the inferred type "
                            << expectedType;
  return success();
}

LogicalResult ConvOp::verify() { return verifyConvLike(*this, std::nullopt); }

LogicalResult ConvTransposeOp::verify() {
  return verifyConvLike(*this, getOutputPadding());
}
