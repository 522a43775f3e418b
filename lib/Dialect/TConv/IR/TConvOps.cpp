//===- TConvOps.cpp - tconv operations -----------------------------------===//

#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CheckedArithmetic.h"

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

/// Checks the length and the lower bound of an optional per-dimension
/// attribute.
static LogicalResult verifyArrayAttr(Operation *op, StringRef name,
                                     std::optional<ArrayRef<int64_t>> values,
                                     size_t expectedSize, StringRef layout,
                                     int64_t minValue) {
  if (!values)
    return success();
  if (values->size() != expectedSize)
    return op->emitOpError() << "'" << name << "' must have " << expectedSize
                             << " values (" << layout << "), got "
                             << values->size();
  for (auto [index, value] : llvm::enumerate(*values)) {
    if (value < minValue)
      return op->emitOpError() << "'" << name << "' value " << value
                               << " at index " << index << " must be >= "
                               << minValue;
    if (value > kMaxExtent)
      return op->emitOpError() << "'" << name << "' value " << value
                               << " at index " << index << " exceeds the limit "
                               << kMaxExtent << " (2^31 - 1)";
  }
  return success();
}

/// A tensor of `shape` (an operand, the result or an intermediate tensor of a
/// decomposition) must fit the byte limit of ConvGeometry.h; with a dynamic
/// batch, each image must (the batch is checked where N is known).
static LogicalResult verifyTensorBytes(Operation *op, StringRef name,
                                       ArrayRef<int64_t> shape,
                                       Type elementType) {
  SmallVector<int64_t> perImage(shape);
  if (!perImage.empty() && ShapedType::isDynamic(perImage[0]))
    perImage[0] = 1;
  std::optional<int64_t> bytes =
      checkedByteSize(perImage, elementType.getIntOrFloatBitWidth() / 8);
  if (bytes && *bytes <= kMaxTensorBytes)
    return success();
  std::string type;
  llvm::raw_string_ostream os(type);
  llvm::interleave(shape, os, "x");
  os << "x" << elementType;
  InFlightDiagnostic diag = op->emitOpError()
                            << "the " << name << " (" << type << ") ";
  if (bytes)
    diag << "holds " << *bytes << " bytes,";
  else
    diag << "overflows int64_t in bytes,";
  return diag << " more than the limit of " << kMaxTensorBytes
              << " bytes (2^40)";
}

/// Shapes must be static with non-empty dimensions, except for a dynamic
/// batch (dim 0) where `dynamicBatch` allows it: the per-image work is
/// then still fully known.
static LogicalResult verifyTensorShape(Operation *op, StringRef name,
                                       RankedTensorType type,
                                       bool dynamicBatch = false) {
  for (auto [dim, size] : llvm::enumerate(type.getShape())) {
    if (ShapedType::isDynamic(size) && dim == 0 && dynamicBatch)
      continue;
    if (ShapedType::isDynamic(size))
      return op->emitOpError()
             << "expects a static " << name << " shape, got " << type
             << " (dim " << dim << " is dynamic"
             << (dynamicBatch ? "; only the batch, dim 0, may be)" : ")");
    if (size < 1)
      return op->emitOpError()
             << "expects every " << name << " dimension to be >= 1, got "
             << type << " (dim " << dim << " is " << size << ")";
    if (size > kMaxExtent)
      return op->emitOpError()
             << "expects every " << name << " dimension to be at most "
             << kMaxExtent << " (2^31 - 1), got " << type << " (dim " << dim
             << " is " << size << ")";
  }
  return verifyTensorBytes(op, name, type.getShape(), type.getElementType());
}

/// Appends what the output size of spatial dim `i` is computed from.
static void describeSpatialDim(InFlightDiagnostic &diag, const ConvGeometry &g,
                               size_t i, int64_t in, int64_t kernel,
                               bool transposed) {
  diag << " (input " << in << ", kernel " << kernel << ", stride "
       << g.strides[i] << ", dilation " << g.dilations[i] << ", pads "
       << g.padsBegin[i] << " + " << g.padsEnd[i];
  if (transposed)
    diag << ", output_padding " << g.outputPadding[i];
  diag << ")";
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
  if (failed(verifyTensorShape(raw, "input", inputType,
                               /*dynamicBatch=*/true)) ||
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
  StringRef perDim = "one per spatial dim";
  if (failed(verifyArrayAttr(raw, "strides", op.getStrides(), n, perDim, 1)) ||
      failed(verifyArrayAttr(raw, "pads", op.getPads(), 2 * n,
                             "all begins, then all ends", 0)) ||
      failed(verifyArrayAttr(raw, "dilations", op.getDilations(), n, perDim,
                             1)) ||
      failed(verifyArrayAttr(raw, "output_padding", outputPad, n, perDim, 0)))
    return failure();
  if (!transposed && raw->hasAttr("output_padding"))
    return op.emitOpError()
           << "'output_padding' is only valid on tconv.conv_transpose";

  ConvGeometry g = op.getGeometry();
  if (g.group < 1)
    return op.emitOpError() << "'group' must be >= 1, got " << g.group;
  if (g.group > kMaxExtent)
    return op.emitOpError() << "'group' " << g.group << " exceeds the limit "
                            << kMaxExtent << " (2^31 - 1)";

  int64_t channels = inputType.getDimSize(1);
  if (channels % g.group != 0)
    return op.emitOpError() << "'group' " << g.group
                            << " must divide the input channels " << channels;
  int64_t outChannels;
  if constexpr (transposed) {
    if (filterType.getDimSize(0) != channels)
      return op.emitOpError()
             << "expects filter dim 0 (" << filterType.getDimSize(0)
             << ") to equal the input channels (" << channels
             << "); the filter layout is C x M/group x k...";
    std::optional<int64_t> product =
        llvm::checkedMul(filterType.getDimSize(1), g.group);
    if (!product)
      return op.emitOpError()
             << "output channels, filter dim 1 (" << filterType.getDimSize(1)
             << ") times group (" << g.group << "), overflow int64_t";
    outChannels = *product;
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
    // Divides rather than multiplies: group divides the channels, and a
    // product could overflow.
    if (filterType.getDimSize(1) != channels / g.group)
      return op.emitOpError()
             << "expects filter dim 1 (" << filterType.getDimSize(1)
             << ") to equal the input channels (" << channels
             << ") divided by group (" << g.group
             << "); the filter layout is M x C/group x k...";
  }

  if (Value bias = op.getBias()) {
    auto biasType = cast<RankedTensorType>(bias.getType());
    if (biasType.getElementType() != elementType)
      return op.emitOpError() << "expects the bias element type "
                              << biasType.getElementType()
                              << " to match the input element type "
                              << elementType;
    if (failed(verifyTensorShape(raw, "bias", biasType)))
      return failure();
    if (biasType.getDimSize(0) != outChannels)
      return op.emitOpError() << "expects a bias of " << outChannels
                              << " values (one per output channel), got "
                              << biasType;
  }

  for (size_t i = 0; i < n; ++i) {
    int64_t in = inputType.getDimSize(i + 2);
    int64_t kernel = filterType.getDimSize(i + 2);
    std::optional<int64_t> size =
        transposed ? checkedConvTransposeOutputSize(
                         in, kernel, g.strides[i], g.padsBegin[i],
                         g.padsEnd[i], g.dilations[i], g.outputPadding[i])
                   : checkedConvOutputSize(in, kernel, g.strides[i],
                                           g.padsBegin[i], g.padsEnd[i],
                                           g.dilations[i]);
    if (size && *size >= 1)
      continue;
    InFlightDiagnostic diag = op.emitOpError();
    if (size)
      diag << "computed output size " << *size << " of spatial dim " << i
           << " is < 1";
    else
      diag << "output size of spatial dim " << i << " overflows int64_t";
    describeSpatialDim(diag, g, i, in, kernel, transposed);
    return diag;
  }

  // What the lowerings materialize besides the operands and the result: the
  // padded input of a convolution; the uncropped output of a transposed
  // convolution and its zero-inserted input (no larger with as many channels).
  SmallVector<int64_t> intermediate = {
      inputType.getDimSize(0),
      transposed ? std::max(channels, outChannels) : channels};
  for (size_t i = 0; i < n; ++i) {
    int64_t in = inputType.getDimSize(i + 2);
    int64_t kernel = filterType.getDimSize(i + 2);
    // The output size without pads: the uncropped extent of a transposed
    // convolution; in + pads for a convolution (zero pads, stride 1, a
    // one-element kernel).
    std::optional<int64_t> extent =
        transposed ? checkedConvTransposeOutputSize(in, kernel, g.strides[i],
                                                    0, 0, g.dilations[i],
                                                    g.outputPadding[i])
                   : checkedConvOutputSize(in, 1, 1, g.padsBegin[i],
                                           g.padsEnd[i], 1);
    if (!extent || *extent > kMaxExtent) {
      InFlightDiagnostic diag = op.emitOpError();
      diag << (transposed ? "uncropped output" : "padded input")
           << " size of spatial dim " << i << " exceeds the limit "
           << kMaxExtent << " (2^31 - 1)";
      describeSpatialDim(diag, g, i, in, kernel, transposed);
      return diag;
    }
    intermediate.push_back(*extent);
  }
  if (failed(verifyTensorBytes(raw,
                               transposed ? "uncropped output"
                                          : "padded input",
                               intermediate, elementType)))
    return failure();

  SmallVector<int64_t> expected =
      transposed ? convTransposeResultShape(inputType.getShape(),
                                            filterType.getShape(), g)
                 : convResultShape(inputType.getShape(), filterType.getShape(),
                                   g);
  if (failed(verifyTensorBytes(raw, "result", expected, elementType)))
    return failure();
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
