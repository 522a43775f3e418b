//===- TConvToLinalg.cpp - Lower tconv.conv to linalg on tensors ---------===//
//
// Each tconv.conv becomes pad + accumulator init + one linalg convolution
// (+ layout changes and a final truncation where needed). Everything is
// static: the verifier rejects dynamic shapes. The cleanups after the
// conversion, which make layout changes cancel, are in RelayoutCleanups.cpp.
//
// Longer than most pass files: one pattern lowers every layout (NCHW,
// channels-last, width vectors, grouped), each with its pad, accumulator
// and filter layout, and constant filters are packed here at compile time.
//
//===----------------------------------------------------------------------===//

#include "tconv/Conversion/Passes.h"

#include "Relayouts.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVCONVERTTOLINALG
#include "tconv/Conversion/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

static Value convertFloat(OpBuilder &b, Location loc, Value value, Type to) {
  Type from = value.getType();
  if (from == to)
    return value;
  if (from.getIntOrFloatBitWidth() < to.getIntOrFloatBitWidth())
    return arith::ExtFOp::create(b, loc, to, value);
  return arith::TruncFOp::create(b, loc, to, value);
}

static Value zero(OpBuilder &b, Location loc, Type type) {
  return arith::ConstantOp::create(b, loc, type, b.getZeroAttr(type));
}

static SmallVector<int64_t> identityPermutation(unsigned rank) {
  return llvm::to_vector(llvm::seq<int64_t>(0, rank));
}

static SmallVector<utils::IteratorType> parallelIterators(unsigned n) {
  return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
}

/// The relayout of a constant, computed now: constant weights are packed
/// (and extended) once, at compile time. Null if the values are not
/// accessible as floats.
static Value foldRelayout(OpBuilder &b, Location loc, ElementsAttr source,
                          ArrayRef<int64_t> perm, FloatType elementType) {
  auto values = source.tryGetValues<APFloat>();
  if (!values)
    return nullptr;
  ArrayRef<int64_t> sourceShape = source.getShapedType().getShape();
  SmallVector<int64_t> shape = applyPermutation(sourceShape, perm);
  // A splat stays a splat: expanding it would take time and memory growing
  // with its element count, not with the IR.
  if (source.isSplat()) {
    APFloat value = source.getSplatValue<APFloat>();
    bool losesInfo;
    value.convert(elementType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    auto type = RankedTensorType::get(shape, elementType);
    return arith::ConstantOp::create(b, loc, type,
                                     DenseElementsAttr::get(type, value));
  }
  SmallVector<int64_t> sourceStrides = computeStrides(sourceShape);
  SmallVector<int64_t> strides = computeStrides(shape);
  int64_t count = source.getNumElements();
  SmallVector<APFloat> result(count, APFloat(elementType.getFloatSemantics()));
  for (int64_t i = 0; i < count; ++i) {
    // Result dim d is source dim perm[d].
    SmallVector<int64_t> index = delinearize(i, strides);
    int64_t sourceIndex = 0;
    for (auto [d, p] : llvm::enumerate(perm))
      sourceIndex += index[d] * sourceStrides[p];
    APFloat value = (*values)[sourceIndex];
    bool losesInfo;
    value.convert(elementType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                  &losesInfo);
    result[i] = value;
  }
  auto type = RankedTensorType::get(shape, elementType);
  return arith::ConstantOp::create(b, loc, type,
                                   DenseElementsAttr::get(type, result));
}

// A linalg.generic rather than linalg.transpose so that the conversion fuses
// with the copy.
Value mlir::tconv::relayout(OpBuilder &b, Location loc, Value source,
                            ArrayRef<int64_t> perm, Type elementType) {
  auto sourceType = cast<RankedTensorType>(source.getType());
  if (isIdentityPermutation(perm) && sourceType.getElementType() == elementType)
    return source;
  ElementsAttr constant;
  if (matchPattern(source, m_Constant(&constant)))
    if (Value folded =
            foldRelayout(b, loc, constant, perm, cast<FloatType>(elementType)))
      return folded;
  SmallVector<int64_t> shape = applyPermutation(sourceType.getShape(), perm);
  Value empty = tensor::EmptyOp::create(b, loc, shape, elementType);
  unsigned rank = perm.size();
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {
      AffineMap::getPermutationMap(invertPermutationVector(perm), ctx),
      AffineMap::getMultiDimIdentityMap(rank, ctx)};
  return linalg::GenericOp::create(
             b, loc, empty.getType(), source, empty, maps,
             parallelIterators(rank),
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(
                   nb, nloc, convertFloat(nb, nloc, args[0], elementType));
             })
      .getResult(0);
}

/// Zero-pads the spatial dims, which start at `firstSpatialDim`. The high
/// pad is trimmed to what the last output position reads.
static Value padSpatial(OpBuilder &b, Location loc, Value input,
                        unsigned firstSpatialDim, ArrayRef<int64_t> kernel,
                        ArrayRef<int64_t> output, const ConvGeometry &g) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> low(type.getRank(), 0), high(type.getRank(), 0);
  SmallVector<int64_t> shape(type.getShape());
  bool any = false;
  for (unsigned i = 0, e = g.numSpatialDims(); i < e; ++i) {
    unsigned dim = firstSpatialDim + i;
    int64_t extent = (output[i] - 1) * g.strides[i] +
                     dilatedKernelSize(kernel[i], g.dilations[i]);
    low[dim] = g.padsBegin[i];
    high[dim] =
        std::clamp<int64_t>(extent - shape[dim] - low[dim], 0, g.padsEnd[i]);
    shape[dim] += low[dim] + high[dim];
    any |= low[dim] != 0 || high[dim] != 0;
  }
  if (!any)
    return input;
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  return tensor::PadOp::create(b, loc, resultType, input,
                               getAsIndexOpFoldResult(b.getContext(), low),
                               getAsIndexOpFoldResult(b.getContext(), high),
                               zero(b, loc, type.getElementType()))
      .getResult();
}

/// An accumulator of `shape` holding the bias of each output channel
/// (dimension `channelDim`), or zeros.
static Value accumulatorInit(OpBuilder &b, Location loc, Value bias,
                             ArrayRef<int64_t> shape, unsigned channelDim,
                             Type accType) {
  Value empty = tensor::EmptyOp::create(b, loc, shape, accType);
  if (!bias)
    return linalg::FillOp::create(b, loc, zero(b, loc, accType), empty)
        .getResult(0);
  MLIRContext *ctx = b.getContext();
  unsigned rank = shape.size();
  SmallVector<AffineMap> maps = {
      AffineMap::get(rank, 0, getAffineDimExpr(channelDim, ctx)),
      AffineMap::getMultiDimIdentityMap(rank, ctx)};
  return linalg::GenericOp::create(
             b, loc, empty.getType(), bias, empty, maps,
             parallelIterators(rank),
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(
                   nb, nloc, convertFloat(nb, nloc, args[0], accType));
             })
      .getResult(0);
}

/// Splits dim `dim` of `value` into (dim / inner, inner).
static Value splitDim(OpBuilder &b, Location loc, Value value, unsigned dim,
                      int64_t inner) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[dim] /= inner;
  shape.insert(shape.begin() + dim + 1, inner);
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0, e = type.getRank(); i < e; ++i) {
    if (i == dim)
      reassociation.push_back({i, i + 1});
    else
      reassociation.push_back({i < dim ? i : i + 1});
  }
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value,
      reassociation);
}

/// Merges dims `dim` and `dim + 1` of `value`.
static Value mergeDims(OpBuilder &b, Location loc, Value value, unsigned dim) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<ReassociationIndices> reassociation;
  for (int64_t i = 0, e = type.getRank(); i < e; ++i) {
    if (i == dim + 1)
      continue;
    if (i == dim)
      reassociation.push_back({i, i + 1});
    else
      reassociation.push_back({i});
  }
  return tensor::CollapseShapeOp::create(b, loc, value, reassociation);
}

/// Creates a named convolution with the geometry's strides and dilations,
/// carrying the tconv.conv's schedule (if any).
template <typename OpTy>
static Value namedConv(OpBuilder &b, Location loc, Value input, Value filter,
                       Value init, const ConvGeometry &g, Attribute schedule) {
  auto conv = OpTy::create(b, loc, init.getType(), ValueRange{input, filter},
                           ValueRange{init}, b.getI64TensorAttr(g.strides),
                           b.getI64TensorAttr(g.dilations));
  if (schedule)
    conv->setAttr(kScheduleAttrName, schedule);
  return conv.getResult(0);
}

using NamedConvBuilder = Value (*)(OpBuilder &, Location, Value, Value, Value,
                                   const ConvGeometry &, Attribute);

/// Grouped convolution as a linalg.generic on an N x G x C/G x D... input, a
/// G x M/G x C/G x K... filter and an N x G x M/G x O... accumulator. Loops
/// are (n, g, f, o..., c, k...).
static Value groupedConvGeneric(OpBuilder &b, Location loc, Value input,
                                Value filter, Value init, const ConvGeometry &g,
                                Attribute schedule) {
  MLIRContext *ctx = b.getContext();
  unsigned n = g.numSpatialDims();
  unsigned numLoops = 4 + 2 * n;
  auto dim = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  AffineExpr batch = dim(0), group = dim(1), outChannel = dim(2),
             inChannel = dim(3 + n);
  SmallVector<AffineExpr> inputExprs = {batch, group, inChannel};
  SmallVector<AffineExpr> filterExprs = {group, outChannel, inChannel};
  SmallVector<AffineExpr> outputExprs = {batch, group, outChannel};
  for (unsigned i = 0; i < n; ++i) {
    AffineExpr o = dim(3 + i), k = dim(4 + n + i);
    inputExprs.push_back(o * g.strides[i] + k * g.dilations[i]);
    filterExprs.push_back(k);
    outputExprs.push_back(o);
  }
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inputExprs, ctx),
                                 AffineMap::get(numLoops, 0, filterExprs, ctx),
                                 AffineMap::get(numLoops, 0, outputExprs, ctx)};
  SmallVector<utils::IteratorType> iterators = parallelIterators(numLoops);
  for (unsigned i = 3 + n; i < numLoops; ++i)
    iterators[i] = utils::IteratorType::reduction;
  auto conv = linalg::GenericOp::create(
      b, loc, init.getType(), ValueRange{input, filter}, init, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Type acc = args[2].getType();
        Value x = convertFloat(nb, nloc, args[0], acc);
        Value w = convertFloat(nb, nloc, args[1], acc);
        Value product = arith::MulFOp::create(nb, nloc, x, w);
        linalg::YieldOp::create(
            nb, nloc,
            arith::AddFOp::create(nb, nloc, args[2], product).getResult());
      });
  if (schedule)
    conv->setAttr(kScheduleAttrName, schedule);
  return conv.getResult(0);
}

//===----------------------------------------------------------------------===//
// The pattern
//===----------------------------------------------------------------------===//

namespace {

/// Shapes and types of one convolution, ONNX layout.
struct ConvInfo {
  ConvGeometry geometry;
  unsigned numSpatial;
  Type elementType;
  Type accType;
  /// Channels-last input and filter copies: the accumulator type, or the
  /// element type for schedules that multiply it directly (vdpbf16ps).
  Type operandType;
  ArrayRef<int64_t> inputShape;  // N x C x D...
  ArrayRef<int64_t> filterShape; // M x C/G x K...
  ArrayRef<int64_t> resultShape; // N x M x O...
  int64_t group, inPerGroup, outPerGroup;
  Attribute schedule; // tconv.schedule, carried to the linalg convolution

  ArrayRef<int64_t> kernel() const { return filterShape.drop_front(2); }
  ArrayRef<int64_t> outputSpatial() const { return resultShape.drop_front(2); }
};

struct ConvOpLowering : public OpConversionPattern<ConvOp> {
  ConvOpLowering(MLIRContext *ctx, bool channelsLast, int64_t widthVectorLanes)
      : OpConversionPattern(ctx), channelsLast(channelsLast),
        widthVectorLanes(widthVectorLanes) {}

  LogicalResult
  matchAndRewrite(ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ConvInfo info;
    info.geometry = op.getGeometry();
    info.numSpatial = op.getNumSpatialDims();
    info.elementType = op.getInput().getType().getElementType();
    info.accType = getAccumulatorType(info.elementType);
    info.operandType = info.accType;
    info.inputShape = op.getInput().getType().getShape();
    info.filterShape = op.getFilter().getType().getShape();
    info.resultShape = op.getOutput().getType().getShape();
    info.group = info.geometry.group;
    info.inPerGroup = info.filterShape[1];
    info.outPerGroup = info.filterShape[0] / info.group;
    info.schedule = op->getAttr(kScheduleAttrName);

    // The recorded schedule decides (the pass checked it); the options
    // otherwise.
    bool layoutChannelsLast;
    if (std::optional<ConvSchedule> schedule = *getSchedule(op)) {
      layoutChannelsLast = isChannelsLast(schedule->kind);
      if (schedule->dotWidth)
        info.operandType = info.elementType;
    } else {
      bool depthwise = info.inPerGroup == 1 && info.group > 1;
      bool widthVectors =
          widthVectorLanes > 0 && isWidthVectorConv(op, widthVectorLanes);
      layoutChannelsLast =
          channelsLast && (info.group == 1 || depthwise) && !widthVectors;
    }
    Value result;
    if (layoutChannelsLast)
      result = lowerChannelsLast(rewriter, op.getLoc(), adaptor, info);
    else
      result = lowerChannelsFirst(rewriter, op.getLoc(), adaptor, info);
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  /// NCHW: the named ops take the ONNX layouts as they are.
  Value lowerChannelsFirst(OpBuilder &b, Location loc, OpAdaptor adaptor,
                           const ConvInfo &info) const {
    const ConvGeometry &g = info.geometry;
    unsigned n = info.numSpatial;
    Value input = padSpatial(b, loc, adaptor.getInput(), 2, info.kernel(),
                             info.outputSpatial(), g);
    Value filter = adaptor.getFilter();
    Value init = accumulatorInit(b, loc, adaptor.getBias(), info.resultShape, 1,
                                 info.accType);
    Value result;
    if (info.group == 1) {
      static const NamedConvBuilder builders[] = {
          namedConv<linalg::Conv1DNcwFcwOp>,
          namedConv<linalg::Conv2DNchwFchwOp>,
          namedConv<linalg::Conv3DNcdhwFcdhwOp>};
      result = builders[n - 1](b, loc, input, filter, init, g, info.schedule);
    } else if (info.inPerGroup == 1 && info.outPerGroup == 1) {
      // Depthwise: the C x K... filter drops the unit dim.
      static const NamedConvBuilder builders[] = {
          namedConv<linalg::DepthwiseConv1DNcwCwOp>,
          namedConv<linalg::DepthwiseConv2DNchwChwOp>,
          namedConv<linalg::DepthwiseConv3DNcdhwCdhwOp>};
      result =
          builders[n - 1](b, loc, input, mergeDims(b, loc, filter, 0), init, g,
                          info.schedule);
    } else {
      // Split the channel dims into (group, channels per group).
      Value groupedInput = splitDim(b, loc, input, 1, info.inPerGroup);
      Value groupedFilter = splitDim(b, loc, filter, 0, info.outPerGroup);
      Value groupedInit = splitDim(b, loc, init, 1, info.outPerGroup);
      Value grouped =
          n == 2 ? namedConv<linalg::Conv2DNgchwGfchwOp>(
                       b, loc, groupedInput, groupedFilter, groupedInit, g,
                       info.schedule)
                 : groupedConvGeneric(b, loc, groupedInput, groupedFilter,
                                      groupedInit, g, info.schedule);
      result = mergeDims(b, loc, grouped, 1);
    }
    return relayout(b, loc, result, identityPermutation(n + 2),
                    info.elementType);
  }

  /// Channels-last for ungrouped and depthwise convolutions: N x D... x C
  /// input, K... x C x M filter (K... x C x M/G depthwise), N x O... x M
  /// accumulator, in the accumulator type.
  Value lowerChannelsLast(OpBuilder &b, Location loc, OpAdaptor adaptor,
                          const ConvInfo &info) const {
    const ConvGeometry &g = info.geometry;
    unsigned n = info.numSpatial;
    unsigned rank = n + 2;
    // (n, c, d...) -> (n, d..., c) and back.
    SmallVector<int64_t> toLast = {0};
    for (unsigned i = 2; i < rank; ++i)
      toLast.push_back(i);
    toLast.push_back(1);
    SmallVector<int64_t> toFirst = invertPermutationVector(toLast);
    // (a, b, k...) -> (k..., b, a): M x C x K... to K... x C x M.
    SmallVector<int64_t> kernelFirst;
    for (unsigned i = 2; i < rank; ++i)
      kernelFirst.push_back(i);
    kernelFirst.append({1, 0});

    Value input =
        relayout(b, loc, adaptor.getInput(), toLast, info.operandType);
    input =
        padSpatial(b, loc, input, 1, info.kernel(), info.outputSpatial(), g);
    SmallVector<int64_t> accShape = applyPermutation(info.resultShape, toLast);
    Value init = accumulatorInit(b, loc, adaptor.getBias(), accShape, n + 1,
                                 info.accType);
    Value result;
    if (info.group == 1) {
      Value filter =
          relayout(b, loc, adaptor.getFilter(), kernelFirst, info.operandType);
      static const NamedConvBuilder builders[] = {
          namedConv<linalg::Conv1DNwcWcfOp>,
          namedConv<linalg::Conv2DNhwcHwcfOp>,
          namedConv<linalg::Conv3DNdhwcDhwcfOp>};
      result = builders[n - 1](b, loc, input, filter, init, g, info.schedule);
    } else if (info.outPerGroup == 1) {
      // M x 1 x K... -> M x K... -> K... x M.
      Value filter = mergeDims(b, loc, adaptor.getFilter(), 0);
      SmallVector<int64_t> perm;
      for (unsigned i = 1; i <= n; ++i)
        perm.push_back(i);
      perm.push_back(0);
      filter = relayout(b, loc, filter, perm, info.accType);
      static const NamedConvBuilder builders[] = {
          namedConv<linalg::DepthwiseConv1DNwcWcOp>,
          namedConv<linalg::DepthwiseConv2DNhwcHwcOp>,
          namedConv<linalg::DepthwiseConv3DNdhwcDhwcOp>};
      result = builders[n - 1](b, loc, input, filter, init, g, info.schedule);
    } else {
      // Channel multiplier: M x 1 x K... -> C x M/C x K... -> K... x C x M/C;
      // output channel c * (M/C) + m is dim (c, m) of the N x O... x C x M/C
      // accumulator.
      Value filter = mergeDims(b, loc, adaptor.getFilter(), 0);
      filter = splitDim(b, loc, filter, 0, info.outPerGroup);
      SmallVector<int64_t> perm;
      for (unsigned i = 2; i < rank; ++i)
        perm.push_back(i);
      perm.append({0, 1});
      filter = relayout(b, loc, filter, perm, info.accType);
      Value splitInit = splitDim(b, loc, init, n + 1, info.outPerGroup);
      static const NamedConvBuilder builders[] = {
          namedConv<linalg::DepthwiseConv1DNwcWcmOp>,
          namedConv<linalg::DepthwiseConv2DNhwcHwcmOp>,
          namedConv<linalg::DepthwiseConv3DNdhwcDhwcmOp>};
      result = mergeDims(
          b, loc,
          builders[n - 1](b, loc, input, filter, splitInit, g, info.schedule),
          n + 1);
    }
    return relayout(b, loc, result, toFirst, info.elementType);
  }

  bool channelsLast;
  int64_t widthVectorLanes;
};

struct ConvertToLinalgPass
    : public tconv::impl::TConvConvertToLinalgBase<ConvertToLinalgPass> {
  using Base::Base;

  void runOnOperation() override {
    WalkResult transposes = getOperation()->walk([](ConvTransposeOp op) {
      op.emitOpError() << "must be rewritten into tconv.conv before lowering "
                          "to linalg: run --tconv-decompose-transpose first";
      return WalkResult::interrupt();
    });
    if (transposes.wasInterrupted())
      return signalPassFailure();
    // Recorded schedules must be well formed, and a channels-last one fits
    // ungrouped and depthwise convolutions only.
    bool anyChannelsLast = channelsLast;
    WalkResult schedules = getOperation()->walk([&](ConvOp op) {
      FailureOr<std::optional<ConvSchedule>> schedule = getSchedule(op);
      if (failed(schedule))
        return WalkResult::interrupt();
      if (!*schedule || !isChannelsLast((*schedule)->kind))
        return WalkResult::advance();
      ConvGeometry g = op.getGeometry();
      if (g.group > 1 && op.getFilter().getType().getDimSize(1) != 1) {
        op.emitOpError() << "has a channels-last schedule but is a grouped "
                            "convolution that is not depthwise";
        return WalkResult::interrupt();
      }
      anyChannelsLast = true;
      return WalkResult::advance();
    });
    if (schedules.wasInterrupted())
      return signalPassFailure();

    MLIRContext *ctx = &getContext();
    ConversionTarget target(*ctx);
    target.addIllegalOp<ConvOp>();
    target.markUnknownOpDynamicallyLegal([](Operation *) { return true; });
    RewritePatternSet patterns(ctx);
    populateTConvToLinalgPatterns(patterns, channelsLast, widthVectorLanes);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      return signalPassFailure();
    shareZeroPads(getOperation());
    if (!anyChannelsLast)
      return;
    RewritePatternSet relayouts(ctx);
    populateRelayoutCleanupPatterns(relayouts);
    if (failed(applyPatternsGreedily(getOperation(), std::move(relayouts))))
      signalPassFailure();
  }
};

} // namespace

void mlir::tconv::populateTConvToLinalgPatterns(RewritePatternSet &patterns,
                                                bool channelsLast,
                                                int64_t widthVectorLanes) {
  patterns.add<ConvOpLowering>(patterns.getContext(), channelsLast,
                               widthVectorLanes);
}
