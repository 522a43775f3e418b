//===- TosaToTConv.cpp - Raise TOSA convolutions to tconv ----------------===//
//
// TOSA convolutions are channels-last (NHWC / NDHWC inputs, OHWI / ODHWI /
// HWCM weights); they become NCHW tconv ops between linalg.transposes, which
// fold with the transposes of neighbouring raised layers.
//
//===----------------------------------------------------------------------===//

#include "tconv/Conversion/TosaToTConv/TosaToTConv.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Matchers.h"
#include "tconv/Conversion/LinalgToTConv/LinalgToTConv.h"
#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

using namespace mlir;
using namespace mlir::tconv;

/// Channels-last to channels-first for rank 4 or 5 (input and output), and
/// back.
static SmallVector<int64_t> toChannelsFirst(int64_t rank) {
  SmallVector<int64_t> perm = {0, rank - 1};
  for (int64_t d = 1; d < rank - 1; ++d)
    perm.push_back(d);
  return perm;
}
static SmallVector<int64_t> toChannelsLast(int64_t rank) {
  return invertPermutationVector(toChannelsFirst(rank));
}

/// Common checks: float, one element type, static shapes, zero points 0.
template <typename OpTy>
static LogicalResult checkOperands(OpTy op, std::string &whyNot) {
  auto types = {op.getInput().getType(), op.getWeight().getType(),
                op.getBias().getType(), op.getOutput().getType()};
  Type element = getElementTypeOrSelf(op.getInput());
  if (!isa<FloatType>(element) ||
      llvm::any_of(types, [&](Type t) {
        auto shaped = cast<ShapedType>(t);
        return !shaped.hasStaticShape() || shaped.getElementType() != element;
      })) {
    whyNot = "needs static shapes of one float element type";
    return failure();
  }
  FailureOr<int64_t> inputZp = op.getInputZeroPoint();
  FailureOr<int64_t> weightZp = op.getWeightZeroPoint();
  if (failed(inputZp) || failed(weightZp) || *inputZp != 0 || *weightZp != 0) {
    whyNot = "needs constant zero zero-points";
    return failure();
  }
  return success();
}

/// The bias as tconv takes it (M values), or null for a zero bias.
static Value tconvBias(OpBuilder &b, Location loc, Value bias,
                       int64_t channels) {
  if (isZeroTensorOrScalar(bias))
    return nullptr;
  auto type = cast<RankedTensorType>(bias.getType());
  if (type.getDimSize(0) == channels)
    return bias;
  // One value for every channel.
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value value = tensor::ExtractOp::create(b, loc, bias, zero);
  return tensor::SplatOp::create(
      b, loc, RankedTensorType::get({channels}, type.getElementType()), value);
}

/// TOSA pads are begin, end per spatial dim; ONNX's all begins, all ends.
static ConvGeometry geometryFromTosa(ArrayRef<int64_t> pad,
                                     ArrayRef<int64_t> stride,
                                     ArrayRef<int64_t> dilation) {
  ConvGeometry g = ConvGeometry::identity(stride.size());
  for (size_t i = 0; i < stride.size(); ++i) {
    g.padsBegin[i] = pad[2 * i];
    g.padsEnd[i] = pad[2 * i + 1];
    g.strides[i] = stride[i];
    g.dilations[i] = dilation[i];
  }
  return g;
}

/// Whether a tconv op with these operands has the TOSA op's result shape,
/// checked before building anything.
static bool hasShape(ArrayRef<int64_t> channelsLastShape,
                     ArrayRef<int64_t> channelsFirstShape) {
  return applyPermutation(channelsLastShape,
                          toChannelsFirst(channelsLastShape.size())) ==
         SmallVector<int64_t>(channelsFirstShape);
}

static SmallVector<int64_t> shapeOf(Value v) {
  return llvm::to_vector(cast<ShapedType>(v.getType()).getShape());
}

/// tosa.conv2d / tosa.conv3d: O x k.. x I weights.
template <typename OpTy>
static LogicalResult raiseConv(RewriterBase &rewriter, OpTy op,
                               std::string &whyNot) {
  if (failed(checkOperands(op, whyNot)))
    return failure();
  int64_t rank = op.getInput().getType().getRank();
  ConvGeometry g =
      geometryFromTosa(op.getPad(), op.getStride(), op.getDilation());
  SmallVector<int64_t> perm = toChannelsFirst(rank);
  SmallVector<int64_t> input = applyPermutation(shapeOf(op.getInput()), perm);
  SmallVector<int64_t> filter = applyPermutation(shapeOf(op.getWeight()), perm);
  if (!hasShape(shapeOf(op.getOutput()), convResultShape(input, filter, g))) {
    whyNot = "its result shape is not the one its attributes imply";
    return failure();
  }
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value x = createTranspose(rewriter, loc, op.getInput(), perm);
  Value w = createTranspose(rewriter, loc, op.getWeight(), perm);
  Value b = tconvBias(rewriter, loc, op.getBias(), filter[0]);
  Value y = ConvOp::create(rewriter, loc, x, w, b, g);
  rewriter.replaceOp(op, createTranspose(rewriter, loc, y,
                                         toChannelsLast(rank)));
  return success();
}

/// tosa.depthwise_conv2d: KH x KW x C x M weights, C*M outputs (c-major).
static LogicalResult raiseDepthwise(RewriterBase &rewriter,
                                    tosa::DepthwiseConv2DOp op,
                                    std::string &whyNot) {
  if (failed(checkOperands(op, whyNot)))
    return failure();
  ConvGeometry g =
      geometryFromTosa(op.getPad(), op.getStride(), op.getDilation());
  SmallVector<int64_t> weight = shapeOf(op.getWeight());
  int64_t channels = weight[2], multiplier = weight[3];
  g.group = channels;
  SmallVector<int64_t> input =
      applyPermutation(shapeOf(op.getInput()), toChannelsFirst(4));
  SmallVector<int64_t> filter = {channels * multiplier, 1, weight[0],
                                 weight[1]};
  if (!hasShape(shapeOf(op.getOutput()), convResultShape(input, filter, g))) {
    whyNot = "its result shape is not the one its attributes imply";
    return failure();
  }
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value x = createTranspose(rewriter, loc, op.getInput(), toChannelsFirst(4));
  // C x M x KH x KW -> C*M x KH x KW -> C*M x 1 x KH x KW.
  Value w = createTranspose(rewriter, loc, op.getWeight(), {2, 3, 0, 1});
  w = createReshape(rewriter, loc, w, {filter[0], weight[0], weight[1]});
  w = createReshape(rewriter, loc, w, filter);
  Value b = tconvBias(rewriter, loc, op.getBias(), filter[0]);
  Value y = ConvOp::create(rewriter, loc, x, w, b, g);
  rewriter.replaceOp(op, createTranspose(rewriter, loc, y, toChannelsLast(4)));
  return success();
}

/// tosa.transpose_conv2d: OC x KH x KW x IC weights, scattered to
/// out = in * stride + out_pad_begin + k. A negative out_pad crops (ONNX's
/// pads); a positive end one is ONNX's output_padding.
static LogicalResult raiseTransposeConv(RewriterBase &rewriter,
                                        tosa::TransposeConv2DOp op,
                                        std::string &whyNot) {
  if (failed(checkOperands(op, whyNot)))
    return failure();
  ArrayRef<int64_t> outPad = op.getOutPad();
  ConvGeometry g = ConvGeometry::identity(2);
  for (int i = 0; i < 2; ++i) {
    g.strides[i] = op.getStride()[i];
    if (outPad[2 * i] > 0) {
      whyNot = "a positive leading out_pad has no ONNX equivalent";
      return failure();
    }
    g.padsBegin[i] = -outPad[2 * i];
    if (outPad[2 * i + 1] <= 0)
      g.padsEnd[i] = -outPad[2 * i + 1];
    else if (outPad[2 * i + 1] < g.strides[i])
      g.outputPadding[i] = outPad[2 * i + 1];
    else {
      whyNot = "a trailing out_pad of a stride or more has no ONNX equivalent";
      return failure();
    }
  }
  SmallVector<int64_t> input =
      applyPermutation(shapeOf(op.getInput()), toChannelsFirst(4));
  SmallVector<int64_t> filter =
      applyPermutation(shapeOf(op.getWeight()), {3, 0, 1, 2});
  std::optional<int64_t> h = checkedConvTransposeOutputSize(
      input[2], filter[2], g.strides[0], g.padsBegin[0], g.padsEnd[0], 1,
      g.outputPadding[0]);
  std::optional<int64_t> w = checkedConvTransposeOutputSize(
      input[3], filter[3], g.strides[1], g.padsBegin[1], g.padsEnd[1], 1,
      g.outputPadding[1]);
  if (!h || !w || *h < 1 || *w < 1 ||
      !hasShape(shapeOf(op.getOutput()),
                convTransposeResultShape(input, filter, g))) {
    whyNot = "its result shape is not the one its attributes imply";
    return failure();
  }
  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value x = createTranspose(rewriter, loc, op.getInput(), toChannelsFirst(4));
  Value wt = createTranspose(rewriter, loc, op.getWeight(), {3, 0, 1, 2});
  Value b = tconvBias(rewriter, loc, op.getBias(), filter[1]);
  Value y = ConvTransposeOp::create(rewriter, loc, x, wt, b, g);
  rewriter.replaceOp(op, createTranspose(rewriter, loc, y, toChannelsLast(4)));
  return success();
}

LogicalResult mlir::tconv::raiseTosaConvolution(RewriterBase &rewriter,
                                                Operation *op,
                                                std::string &whyNot) {
  if (auto conv = dyn_cast<tosa::Conv2DOp>(op))
    return raiseConv(rewriter, conv, whyNot);
  if (auto conv = dyn_cast<tosa::Conv3DOp>(op))
    return raiseConv(rewriter, conv, whyNot);
  if (auto conv = dyn_cast<tosa::DepthwiseConv2DOp>(op))
    return raiseDepthwise(rewriter, conv, whyNot);
  if (auto conv = dyn_cast<tosa::TransposeConv2DOp>(op))
    return raiseTransposeConv(rewriter, conv, whyNot);
  whyNot = "not a TOSA convolution";
  return failure();
}
