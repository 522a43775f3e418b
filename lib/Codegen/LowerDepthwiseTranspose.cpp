//===- LowerDepthwiseTranspose.cpp - Depthwise conv_transpose as one generic ===//
//
// A depthwise transposed convolution, phase by phase, written into its
// output viewed as (q, phase) pairs: one linalg.generic in NCHW, every output
// element written once, no strided inserts and no layout change.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "DepthwiseRows.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/Matchers.h"
#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVLOWERDEPTHWISETRANSPOSE
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

namespace {
/// One spatial dim of the rewrite. Output o = stride * q + r (phase r) sums
/// taps t in [0, taps) of input q + t + (r + padBegin) floordiv stride -
/// (taps - 1); a phase with fewer kernel taps gets zero weights.
struct SpatialDim {
  int64_t stride, padBegin, kernel, input;
  int64_t outputsPerPhase; // q range: output size / stride
  int64_t taps;            // ceil(kernel / stride)
  int64_t low, high;       // zero pads of the input so that reads stay in it

  /// First input index (q = t = 0) of phase r, before padding.
  int64_t phaseOffset(int64_t r) const {
    return (r + padBegin) / stride - (taps - 1);
  }
  /// Kernel tap that phase r, tap t multiplies (>= kernel: a zero tap).
  int64_t kernelTap(int64_t r, int64_t t) const {
    return (r + padBegin) % stride + (taps - 1 - t) * stride;
  }
};
} // namespace

/// The dims of `op` if the rewrite applies: depthwise (one input channel per
/// group), unit dilations, every output size a multiple of its stride (so
/// that the output splits into whole phases) and a row body of bounded size.
static std::optional<SmallVector<SpatialDim>>
planDepthwise(ConvTransposeOp op) {
  ConvGeometry g = op.getGeometry();
  ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
  ArrayRef<int64_t> filterShape = op.getFilter().getType().getShape();
  ArrayRef<int64_t> outputShape = op.getOutput().getType().getShape();
  if (inputShape[1] != g.group)
    return std::nullopt;
  SmallVector<SpatialDim> dims;
  int64_t rowTaps = 1;
  for (unsigned i = 0, e = op.getNumSpatialDims(); i < e; ++i) {
    SpatialDim d;
    d.stride = g.strides[i];
    d.padBegin = g.padsBegin[i];
    d.kernel = filterShape[2 + i];
    d.input = inputShape[2 + i];
    int64_t out = outputShape[2 + i];
    if (g.dilations[i] != 1 || out % d.stride != 0)
      return std::nullopt;
    d.outputsPerPhase = out / d.stride;
    d.taps = llvm::divideCeil(d.kernel, d.stride);
    // Phase offsets grow with r: the first and last reads are those of
    // phase 0, tap 0, q = 0 and phase s - 1, tap T - 1, q = Q - 1.
    int64_t first = d.phaseOffset(0);
    int64_t last =
        d.outputsPerPhase - 1 + d.taps - 1 + d.phaseOffset(d.stride - 1);
    d.low = std::max<int64_t>(0, -first);
    d.high = std::max<int64_t>(0, last - (d.input - 1));
    rowTaps *= d.taps;
    dims.push_back(d);
  }
  if (rowTaps * dims.back().stride > kMaxUnrolledRowTaps)
    return std::nullopt;
  return dims;
}

bool mlir::tconv::canLowerDepthwiseTranspose(ConvTransposeOp op) {
  return planDepthwise(op).has_value();
}

static Value zeroOf(OpBuilder &b, Location loc, Type type) {
  return arith::ConstantOp::create(b, loc, type, b.getZeroAttr(type));
}

static SmallVector<utils::IteratorType> parallel(unsigned n) {
  return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
}

/// An elementwise float conversion of a whole tensor (extension or
/// truncation); `value` itself when the types agree.
static Value convertTensor(OpBuilder &b, Location loc, Value value,
                           Type elementType) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getElementType() == elementType)
    return value;
  Value empty = tensor::EmptyOp::create(b, loc, type.getShape(), elementType);
  unsigned rank = type.getRank();
  AffineMap id = b.getMultiDimIdentityMap(rank);
  return linalg::GenericOp::create(
             b, loc, empty.getType(), value, empty,
             SmallVector<AffineMap>{id, id}, parallel(rank),
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value v = args[0];
               if (elementType.getIntOrFloatBitWidth() >
                   v.getType().getIntOrFloatBitWidth())
                 v = arith::ExtFOp::create(nb, nloc, elementType, v);
               else
                 v = arith::TruncFOp::create(nb, nloc, elementType, v);
               linalg::YieldOp::create(nb, nloc, v);
             })
      .getResult(0);
}

/// The C x M' x K.. filter as C x M' x s.. x T..: the weight of phase r,
/// tap t (zero where the phase has fewer taps). Folded for constant filters.
static Value gatherPhaseFilter(OpBuilder &b, Location loc, Value filter,
                               ArrayRef<SpatialDim> dims) {
  auto type = cast<RankedTensorType>(filter.getType());
  Type elementType = type.getElementType();
  unsigned n = dims.size();
  SmallVector<int64_t> shape(type.getShape().take_front(2));
  for (const SpatialDim &d : dims)
    shape.push_back(d.stride);
  for (const SpatialDim &d : dims)
    shape.push_back(d.taps);
  auto resultType = RankedTensorType::get(shape, elementType);

  // Folded only when the gathered filter is not much larger than the
  // constant (a splat, or a stride far beyond the kernel, would make compile
  // time grow with the element count rather than with the IR).
  DenseElementsAttr constant;
  if (matchPattern(filter, m_Constant(&constant)) && !constant.isSplat() &&
      computeProduct(shape) <= 4 * constant.getNumElements()) {
    auto values = llvm::to_vector(constant.getValues<APFloat>());
    auto sourceStrides = computeStrides(type.getShape());
    SmallVector<int64_t> strides = computeStrides(shape);
    APFloat zero = APFloat::getZero(values.front().getSemantics());
    SmallVector<APFloat> gathered;
    gathered.reserve(computeProduct(shape));
    for (int64_t i = 0, e = computeProduct(shape); i < e; ++i) {
      SmallVector<int64_t> index = delinearize(i, strides);
      int64_t source = index[0] * sourceStrides[0] + index[1] * sourceStrides[1];
      bool inKernel = true;
      for (unsigned d = 0; d < n; ++d) {
        int64_t k = dims[d].kernelTap(index[2 + d], index[2 + n + d]);
        inKernel &= k < dims[d].kernel;
        source += k * sourceStrides[2 + d];
      }
      gathered.push_back(inKernel ? values[source] : zero);
    }
    return arith::ConstantOp::create(
        b, loc, resultType, DenseElementsAttr::get(resultType, gathered));
  }

  // Pad the kernel with zero taps up to s * T, then gather.
  SmallVector<OpFoldResult> low(2 + n, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high = low;
  SmallVector<int64_t> paddedShape(type.getShape());
  bool padded = false;
  for (auto [i, d] : llvm::enumerate(dims)) {
    int64_t extra = d.stride * d.taps - d.kernel;
    high[2 + i] = b.getIndexAttr(extra);
    paddedShape[2 + i] += extra;
    padded |= extra != 0;
  }
  if (padded)
    filter = tensor::PadOp::create(
        b, loc, RankedTensorType::get(paddedShape, elementType), filter, low,
        high, zeroOf(b, loc, elementType));
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> exprs = {getAffineDimExpr(0, ctx),
                                   getAffineDimExpr(1, ctx)};
  for (auto [i, d] : llvm::enumerate(dims)) {
    AffineExpr r = getAffineDimExpr(2 + i, ctx);
    AffineExpr t = getAffineDimExpr(2 + n + i, ctx);
    exprs.push_back((r + d.padBegin) % d.stride + (d.taps - 1 - t) * d.stride);
  }
  unsigned rank = shape.size();
  Value empty = tensor::EmptyOp::create(b, loc, shape, elementType);
  return linalg::GenericOp::create(
             b, loc, resultType, filter, empty,
             SmallVector<AffineMap>{AffineMap::get(rank, 0, exprs, ctx),
                                    b.getMultiDimIdentityMap(rank)},
             parallel(rank),
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc, args[0]);
             })
      .getResult(0);
}

/// Rewrites `op` (planned by planDepthwise) as one linalg.generic over the
/// output viewed as N x C x M' x (q, r)..; returns its N x C*M' x O.. value.
/// The generic carries the op's tconv.schedule, if any.
static Value lowerDepthwise(OpBuilder &b, ConvTransposeOp op,
                            ArrayRef<SpatialDim> dims) {
  Location loc = op.getLoc();
  MLIRContext *ctx = b.getContext();
  auto inputType = op.getInput().getType();
  Type elementType = inputType.getElementType();
  FloatType accType = getAccumulatorType(elementType);
  int64_t batch = inputType.getDimSize(0);
  int64_t channels = inputType.getDimSize(1);
  int64_t multiplier = op.getFilter().getType().getDimSize(1);
  unsigned n = dims.size();

  // Input, zero-padded so that every phase reads inside it.
  Value input = op.getInput();
  SmallVector<OpFoldResult> low(2 + n, b.getIndexAttr(0));
  SmallVector<OpFoldResult> high = low;
  SmallVector<int64_t> paddedShape(inputType.getShape());
  bool padded = false;
  for (auto [i, d] : llvm::enumerate(dims)) {
    low[2 + i] = b.getIndexAttr(d.low);
    high[2 + i] = b.getIndexAttr(d.high);
    paddedShape[2 + i] += d.low + d.high;
    padded |= d.low != 0 || d.high != 0;
  }
  if (padded)
    input = tensor::PadOp::create(
        b, loc, RankedTensorType::get(paddedShape, elementType), input, low,
        high, zeroOf(b, loc, elementType));
  Value filter = gatherPhaseFilter(b, loc, op.getFilter(), dims);

  // Accumulator N x C x M' x (Q, s).., holding the bias or zeros.
  SmallVector<int64_t> accShape = {batch, channels, multiplier};
  for (const SpatialDim &d : dims)
    accShape.append({d.outputsPerPhase, d.stride});
  Value init = tensor::EmptyOp::create(b, loc, accShape, accType);
  if (Value bias = op.getBias()) {
    bias = convertTensor(b, loc, bias, accType);
    bias = tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({channels, multiplier}, accType), bias,
        SmallVector<ReassociationIndices>{{0, 1}});
    SmallVector<int64_t> broadcastDims = {0};
    for (unsigned i = 0; i < 2 * n; ++i)
      broadcastDims.push_back(3 + i);
    init = linalg::BroadcastOp::create(b, loc, bias, init, broadcastDims)
               ->getResult(0);
  } else {
    init = linalg::FillOp::create(b, loc, zeroOf(b, loc, accType), init)
               .getResult(0);
  }

  // Loops (n, c, m, q_1, r_1, .., q_n, r_n, t_1, .., t_n).
  unsigned numLoops = 3 + 3 * n;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  SmallVector<AffineExpr> inputExprs = {dim(0), dim(1)};
  SmallVector<AffineExpr> filterExprs = {dim(1), dim(2)};
  for (auto [i, d] : llvm::enumerate(dims)) {
    AffineExpr q = dim(3 + 2 * i), r = dim(4 + 2 * i), t = dim(3 + 2 * n + i);
    inputExprs.push_back(q + t + (r + d.padBegin).floorDiv(d.stride) +
                         (d.low - d.taps + 1));
    filterExprs.push_back(r);
  }
  for (unsigned i = 0; i < n; ++i)
    filterExprs.push_back(dim(3 + 2 * n + i));
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, inputExprs, ctx),
      AffineMap::get(numLoops, 0, filterExprs, ctx),
      AffineMap::getMultiDimIdentityMap(numLoops, ctx).getMajorSubMap(
          3 + 2 * n)};
  SmallVector<utils::IteratorType> iterators = parallel(numLoops);
  for (unsigned i = 3 + 2 * n; i < numLoops; ++i)
    iterators[i] = utils::IteratorType::reduction;
  auto rows = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{input, filter}, init, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        auto extend = [&](Value v) -> Value {
          if (v.getType() == accType)
            return v;
          return arith::ExtFOp::create(nb, nloc, accType, v);
        };
        Value product = arith::MulFOp::create(nb, nloc, extend(args[0]),
                                              extend(args[1]));
        linalg::YieldOp::create(
            nb, nloc,
            arith::AddFOp::create(nb, nloc, args[2], product).getResult());
      });
  if (Attribute schedule = op->getAttr(kScheduleAttrName))
    rows->setAttr(kScheduleAttrName, schedule);
  Value acc = rows.getResult(0);

  SmallVector<ReassociationIndices> merge = {{0}, {1, 2}};
  for (unsigned i = 0; i < n; ++i)
    merge.push_back({static_cast<int64_t>(3 + 2 * i),
                     static_cast<int64_t>(4 + 2 * i)});
  acc = tensor::CollapseShapeOp::create(b, loc, acc, merge);
  return convertTensor(b, loc, acc, elementType);
}

namespace {
struct LowerDepthwiseTransposePass
    : public tconv::impl::TConvLowerDepthwiseTransposeBase<
          LowerDepthwiseTransposePass> {
  void runOnOperation() override {
    SmallVector<std::pair<ConvTransposeOp, SmallVector<SpatialDim>>> work;
    WalkResult walk = getOperation().walk([&](ConvTransposeOp op) {
      // A recorded schedule decides (tconv-select-strategy); without one,
      // every depthwise transposed convolution that fits is rewritten.
      FailureOr<std::optional<ConvSchedule>> schedule = getSchedule(op);
      if (failed(schedule))
        return WalkResult::interrupt();
      if (*schedule && (*schedule)->kind != ScheduleKind::DepthwiseRows)
        return WalkResult::advance();
      std::optional<SmallVector<SpatialDim>> dims = planDepthwise(op);
      if (dims) {
        work.push_back({op, std::move(*dims)});
      } else if (*schedule) {
        op.emitOpError() << "has a depthwise-rows schedule but "
                            "tconv-lower-depthwise-transpose cannot take it";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    for (auto &[op, dims] : work) {
      rewriter.setInsertionPoint(op);
      rewriter.replaceOp(op, lowerDepthwise(rewriter, op, dims));
    }
  }
};
} // namespace
