//===- VectorizeConvsAlongWidth.cpp - NCHW convs, vectors along width ----===//
//
// Convolutions with fewer output channels than a vector has lanes (an image
// generator's 3-channel output layer) waste lanes in channels-last form.
// They stay NCHW here: vectors run along
// the output width, filter values are broadcast, and nothing is transposed.
// A phase written to every s-th output column stores each vector spread out
// (one shuffle and a masked store) straight into the interleaved output.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "tconv/Codegen/Strategy.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVVECTORIZECONVSALONGWIDTH
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {

/// An NCHW convolution with unit stride and dilation along the width:
/// N x C x I... input, F x C x K... filter, N x F x O... result, all f32.
struct WidthConv {
  linalg::LinalgOp op;
  unsigned rank; // spatial dims
  ArrayRef<int64_t> inShape, filterShape, outShape;
  SmallVector<int64_t> strides, dilations;

  int64_t outChannels() const { return outShape[1]; }
  int64_t inChannels() const { return inShape[1]; }
  int64_t width() const { return outShape.back(); }
  /// Output rows (the second innermost spatial dim), 1 for 1-D.
  int64_t rows() const { return rank >= 2 ? outShape[rank] : 1; }
};

SmallVector<int64_t> attrOrOnes(Operation *op, StringRef name, unsigned rank) {
  auto attr = op->getAttrOfType<DenseIntElementsAttr>(name);
  if (!attr)
    return SmallVector<int64_t>(rank, 1);
  return llvm::to_vector(llvm::map_range(
      attr.getValues<APInt>(), [](APInt v) { return v.getSExtValue(); }));
}

std::optional<WidthConv> matchWidthConv(linalg::LinalgOp op) {
  if (!isa<linalg::Conv1DNcwFcwOp, linalg::Conv2DNchwFchwOp,
           linalg::Conv3DNcdhwFcdhwOp>(op.getOperation()))
    return std::nullopt;
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape())
    return std::nullopt;
  for (Value operand : op->getOperands())
    if (!getElementTypeOrSelf(operand.getType()).isF32())
      return std::nullopt;
  WidthConv wc;
  wc.op = op;
  wc.inShape =
      cast<RankedTensorType>(op.getDpsInputs()[0].getType()).getShape();
  wc.filterShape =
      cast<RankedTensorType>(op.getDpsInputs()[1].getType()).getShape();
  wc.outShape = cast<RankedTensorType>(op->getResult(0).getType()).getShape();
  wc.rank = wc.outShape.size() - 2;
  wc.strides = attrOrOnes(op, "strides", wc.rank);
  wc.dilations = attrOrOnes(op, "dilations", wc.rank);
  // Contiguous input vectors along the width.
  if (wc.strides.back() != 1 || wc.dilations.back() != 1)
    return std::nullopt;
  return wc;
}

/// Whether `schedule`'s tiles divide `wc`'s channels, rows and width
/// vectors.
bool tilesDivide(const WidthConv &wc, const tconv::ConvSchedule &schedule) {
  return wc.outChannels() % schedule.fTile == 0 &&
         wc.rows() % schedule.rowTile == 0 &&
         (wc.width() / schedule.vectorWidth) % schedule.vecTile == 0;
}

class WidthConvEmitter {
public:
  WidthConvEmitter(RewriterBase &b, const WidthConv &conv,
                   const tconv::ConvSchedule &schedule)
      : b(b), wc(conv), loc(wc.op.getLoc()), lanes(schedule.vectorWidth),
        fTile(schedule.fTile), rowTile(schedule.rowTile),
        vecTile(schedule.vecTile) {}

  void emit();

private:
  /// Where the results go: `dest` at `offsets + strides * position` (the
  /// conv's own destination, or the strided insert_slice it feeds).
  struct Target {
    Value dest;
    SmallVector<int64_t> offsets, strides;
    Operation *replaced;
  };

  Target findTarget();
  void classifyInit();
  Target target;
  Value emitTiles(Value shared, int64_t wStart, int64_t tileLanes,
                  int64_t tileVectors, int64_t wTiles);
  SmallVector<Value> initialAccumulators(ArrayRef<Value> ivs, Value f0,
                                         Value r0, Value w0, int64_t tileLanes,
                                         int64_t tileVectors);
  SmallVector<Value> reduce(ArrayRef<Value> ivs, Value f0, Value r0, Value w0,
                            int64_t tileLanes, int64_t tileVectors,
                            ValueRange accumulators);

  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  /// a * x + c, folded.
  Value affine(Value x, int64_t a, int64_t c) {
    AffineExpr d0 = getAffineDimExpr(0, b.getContext());
    return getValueOrCreateConstantIndexOp(
        b, loc,
        affine::makeComposedFoldedAffineApply(
            b, loc, AffineMap::get(1, 0, d0 * a + c), {OpFoldResult(x)}));
  }
  /// a * x + c * y + e, folded.
  Value affine2(Value x, int64_t a, Value y, int64_t c, int64_t e) {
    AffineExpr d0 = getAffineDimExpr(0, b.getContext());
    AffineExpr d1 = getAffineDimExpr(1, b.getContext());
    return getValueOrCreateConstantIndexOp(
        b, loc,
        affine::makeComposedFoldedAffineApply(
            b, loc, AffineMap::get(2, 0, d0 * a + d1 * c + e),
            {OpFoldResult(x), OpFoldResult(y)}));
  }

  RewriterBase &b;
  WidthConv wc;
  Location loc;
  int64_t lanes;
  int64_t fTile, rowTile, vecTile;

  // The accumulators start from a scalar (fill), a per-channel value (bias
  // broadcast) or the init tensor itself.
  Value initScalar, initPerChannel, initTensor;
  Value initDest; // what the conv's init was computed into
  Value padding;  // of the (always in-bounds) transfer_reads
};

WidthConvEmitter::Target WidthConvEmitter::findTarget() {
  Value result = wc.op->getResult(0);
  unsigned resultRank = wc.outShape.size();
  if (result.hasOneUse())
    if (auto insert =
            dyn_cast<tensor::InsertSliceOp>(*result.getUsers().begin()))
      if (insert.getSource() == result &&
          insert.getDestType().getRank() == resultRank &&
          !ShapedType::isDynamicShape(insert.getStaticOffsets()) &&
          !ShapedType::isDynamicShape(insert.getStaticStrides()))
        return {insert.getDest(), llvm::to_vector(insert.getStaticOffsets()),
                llvm::to_vector(insert.getStaticStrides()), insert};
  return {initDest, SmallVector<int64_t>(resultRank, 0),
          SmallVector<int64_t>(resultRank, 1), wc.op};
}

void WidthConvEmitter::classifyInit() {
  Value init = wc.op.getDpsInits()[0];
  if (auto fill = init.getDefiningOp<linalg::FillOp>()) {
    initScalar = fill.value();
    initDest = fill.output();
    return;
  }
  // The bias broadcast: (n, f, o...) -> (f), yielding its input.
  if (auto generic = init.getDefiningOp<linalg::GenericOp>()) {
    if (generic.getNumDpsInputs() == 1 && generic.getNumDpsInits() == 1 &&
        generic.getNumReductionLoops() == 0) {
      AffineMap inMap = generic.getIndexingMapsArray()[0];
      AffineMap outMap = generic.getIndexingMapsArray()[1];
      auto yield = cast<linalg::YieldOp>(generic.getBody()->getTerminator());
      if (outMap.isIdentity() && inMap.getNumResults() == 1 &&
          inMap.getResult(0) == getAffineDimExpr(1, b.getContext()) &&
          yield.getValues()[0] == generic.getBody()->getArgument(0)) {
        initPerChannel = generic.getDpsInputs()[0];
        initDest = generic.getDpsInits()[0];
        return;
      }
    }
  }
  initTensor = init;
  initDest = init;
}

SmallVector<Value> WidthConvEmitter::initialAccumulators(ArrayRef<Value> ivs,
                                                         Value f0, Value r0,
                                                         Value w0,
                                                         int64_t tileLanes,
                                                         int64_t tileVectors) {
  auto vectorType = VectorType::get({tileLanes}, b.getF32Type());
  SmallVector<Value> accumulators;
  for (int64_t i = 0; i < fTile; ++i) {
    Value channelValue;
    if (initScalar)
      channelValue =
          vector::BroadcastOp::create(b, loc, vectorType, initScalar);
    if (initPerChannel)
      channelValue = vector::BroadcastOp::create(
          b, loc, vectorType,
          tensor::ExtractOp::create(b, loc, initPerChannel,
                                    ValueRange{affine(f0, 1, i)}));
    for (int64_t j = 0; j < rowTile; ++j)
      for (int64_t v = 0; v < tileVectors; ++v) {
        if (channelValue) {
          accumulators.push_back(channelValue);
          continue;
        }
        // ivs: n, outer spatial..., [row block], [width block].
        SmallVector<Value> indices = {ivs[0], affine(f0, 1, i)};
        for (unsigned d = 0; d + 2 < wc.rank; ++d)
          indices.push_back(ivs[1 + d]);
        if (wc.rank >= 2)
          indices.push_back(affine(r0, 1, j));
        indices.push_back(affine(w0, 1, v * tileLanes));
        accumulators.push_back(vector::TransferReadOp::create(
            b, loc, vectorType, initTensor, indices, padding,
            SmallVector<bool>{true}));
      }
  }
  return accumulators;
}

SmallVector<Value> WidthConvEmitter::reduce(ArrayRef<Value> ivs, Value f0,
                                            Value r0, Value w0,
                                            int64_t tileLanes,
                                            int64_t tileVectors,
                                            ValueRange accumulators) {
  unsigned rank = wc.rank;
  Value input = wc.op.getDpsInputs()[0];
  Value filter = wc.op.getDpsInputs()[1];
  auto vectorType = VectorType::get({tileLanes}, b.getF32Type());
  // Loops over input channels and every kernel dim but the width, which is
  // unrolled: its taps read overlapping windows of the same input row.
  SmallVector<Value> lbs, ubs, steps;
  lbs.push_back(index(0));
  ubs.push_back(index(wc.inChannels()));
  for (unsigned d = 0; d + 1 < rank; ++d) {
    lbs.push_back(index(0));
    ubs.push_back(index(wc.filterShape[2 + d]));
  }
  steps.assign(lbs.size(), index(1));
  scf::LoopNest nest = scf::buildLoopNest(
      b, loc, lbs, ubs, steps, accumulators,
      [&](OpBuilder &nb, Location, ValueRange loopIvs,
          ValueRange iterArgs) -> scf::ValueVector {
        OpBuilder::InsertionGuard guard(b);
        b.setInsertionPoint(nb.getInsertionBlock(), nb.getInsertionPoint());
        Value c = loopIvs[0];
        ValueRange taps = loopIvs.drop_front();
        SmallVector<Value> acc(iterArgs.begin(), iterArgs.end());
        int64_t kw = wc.filterShape.back();
        for (int64_t t = 0; t < kw; ++t) {
          SmallVector<Value> weights;
          for (int64_t i = 0; i < fTile; ++i) {
            SmallVector<Value> at = {affine(f0, 1, i), c};
            at.append(taps.begin(), taps.end());
            at.push_back(index(t));
            weights.push_back(vector::BroadcastOp::create(
                b, loc, vectorType,
                tensor::ExtractOp::create(b, loc, filter, at)));
          }
          for (int64_t j = 0; j < rowTile; ++j)
            for (int64_t v = 0; v < tileVectors; ++v) {
              SmallVector<Value> at = {ivs[0], c};
              for (unsigned d = 0; d + 2 < rank; ++d)
                at.push_back(affine2(ivs[1 + d], wc.strides[d], taps[d],
                                     wc.dilations[d], 0));
              if (rank >= 2)
                at.push_back(affine2(r0, wc.strides[rank - 2], taps[rank - 2],
                                     wc.dilations[rank - 2],
                                     j * wc.strides[rank - 2]));
              at.push_back(affine(w0, 1, v * tileLanes + t));
              Value x = vector::TransferReadOp::create(b, loc, vectorType,
                                                       input, at, padding,
                                                       SmallVector<bool>{true});
              for (int64_t i = 0; i < fTile; ++i) {
                Value &a = acc[(i * rowTile + j) * tileVectors + v];
                a = vector::FMAOp::create(b, loc, x, weights[i], a);
              }
            }
        }
        return acc;
      });
  return llvm::to_vector(nest.results);
}

Value WidthConvEmitter::emitTiles(Value shared, int64_t wStart,
                                  int64_t tileLanes, int64_t tileVectors,
                                  int64_t wTiles) {
  unsigned rank = wc.rank;
  // Forall dims: n, outer spatial..., [row block], f block, [width block].
  // Rows before channel blocks: each thread then reads only the input rows
  // of its outputs (which the op before wrote mostly on the same core), not
  // every row for half of the channels; the filter is a few KB either way.
  SmallVector<int64_t> ubs = {wc.outShape[0]};
  for (unsigned d = 0; d + 2 < rank; ++d)
    ubs.push_back(wc.outShape[2 + d]);
  if (rank >= 2)
    ubs.push_back(wc.rows() / rowTile);
  ubs.push_back(wc.outChannels() / fTile);
  if (wTiles > 1)
    ubs.push_back(wTiles);
  SmallVector<OpFoldResult> lbs(ubs.size(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> steps(ubs.size(), b.getIndexAttr(1));
  SmallVector<OpFoldResult> upper = getAsIndexOpFoldResult(b.getContext(), ubs);
  auto forall = scf::ForallOp::create(b, loc, lbs, upper, steps,
                                      ValueRange{shared}, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forall.getBody());
  SmallVector<Value> loopIvs = llvm::to_vector(forall.getInductionVars());
  // ivs as the emitters index them: n, outer spatial...
  SmallVector<Value> ivs(loopIvs.begin(),
                         loopIvs.begin() + 1 + (rank >= 2 ? rank - 2 : 0));
  unsigned next = ivs.size();
  Value r0 = rank >= 2 ? affine(loopIvs[next++], rowTile, 0) : index(0);
  Value f0 = affine(loopIvs[next++], fTile, 0);
  Value w0 = wTiles > 1
                 ? affine(loopIvs[next++], tileVectors * tileLanes, wStart)
                 : index(wStart);

  SmallVector<Value> accumulators =
      initialAccumulators(ivs, f0, r0, w0, tileLanes, tileVectors);
  accumulators = reduce(ivs, f0, r0, w0, tileLanes, tileVectors, accumulators);

  // The tile's window of the target: strided along channels and rows,
  // contiguous along the width (the vectors spread out in it).
  unsigned resultRank = rank + 2;
  int64_t widthStride = target.strides.back();
  int64_t span = widthStride * (tileVectors * tileLanes - 1) + 1;
  SmallVector<OpFoldResult> offsets, sizes, strides;
  auto place = [&](unsigned dim, Value position, int64_t size, int64_t stride) {
    offsets.push_back(
        affine(position, target.strides[dim], target.offsets[dim]));
    sizes.push_back(b.getIndexAttr(size));
    strides.push_back(b.getIndexAttr(stride));
  };
  place(0, ivs[0], 1, 1);
  place(1, f0, fTile, target.strides[1]);
  for (unsigned d = 0; d + 2 < rank; ++d)
    place(2 + d, ivs[1 + d], 1, 1);
  if (rank >= 2)
    place(rank, r0, rowTile, target.strides[rank]);
  place(resultRank - 1, w0, span, 1);
  SmallVector<int64_t> windowShape(resultRank, 1);
  windowShape[1] = fTile;
  if (rank >= 2)
    windowShape[rank] = rowTile;
  windowShape.back() = span;
  auto windowType = RankedTensorType::get(windowShape, b.getF32Type());
  Value out = forall.getRegionIterArgs()[0];
  Value window = tensor::ExtractSliceOp::create(b, loc, windowType, out,
                                                offsets, sizes, strides);

  int64_t spread = widthStride * (tileLanes - 1) + 1;
  SmallVector<int64_t> spreadLanes;
  SmallVector<bool> spreadMask;
  for (int64_t p = 0; p < spread; ++p) {
    spreadLanes.push_back(p % widthStride == 0 ? p / widthStride : 0);
    spreadMask.push_back(p % widthStride == 0);
  }
  Value mask;
  if (widthStride > 1)
    mask = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(VectorType::get({spread}, b.getI1Type()),
                               ArrayRef<bool>(spreadMask)));
  for (int64_t i = 0; i < fTile; ++i)
    for (int64_t j = 0; j < rowTile; ++j)
      for (int64_t v = 0; v < tileVectors; ++v) {
        Value value = accumulators[(i * rowTile + j) * tileVectors + v];
        SmallVector<Value> at(resultRank, index(0));
        at[1] = index(i);
        if (rank >= 2)
          at[rank] = index(j);
        at.back() = index(v * tileLanes * widthStride);
        if (widthStride > 1)
          value = vector::ShuffleOp::create(b, loc, value, value, spreadLanes);
        auto write = vector::TransferWriteOp::create(
            b, loc, value, window, at,
            AffineMapAttr::get(
                AffineMap::getMinorIdentityMap(resultRank, 1, b.getContext())),
            mask, b.getBoolArrayAttr({true}));
        window = write.getResult();
      }
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, window, out, offsets, sizes,
                                        strides);
  return forall.getResult(0);
}

void WidthConvEmitter::emit() {
  classifyInit();
  target = findTarget();
  b.setInsertionPoint(target.replaced);
  padding = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0));
  int64_t fullVectors = wc.width() / lanes;
  int64_t remainder = wc.width() % lanes;
  Value result = target.dest;
  if (fullVectors > 0)
    result = emitTiles(result, 0, lanes, vecTile, fullVectors / vecTile);
  if (remainder > 0)
    result = emitTiles(result, fullVectors * lanes, remainder, 1, 1);
  b.replaceOp(target.replaced, result);
  if (target.replaced != wc.op.getOperation())
    b.eraseOp(wc.op);
}

struct VectorizeConvsAlongWidthPass
    : public tconv::impl::TConvVectorizeConvsAlongWidthBase<
          VectorizeConvsAlongWidthPass> {
  using Base::Base;

  void runOnOperation() override {
    if (vectorWidth < 1 || accumulators < 1) {
      getOperation().emitError() << "tconv-vectorize-convs-along-width: "
                                    "vector-width and accumulators must be "
                                    ">= 1";
      return signalPassFailure();
    }
    SmallVector<std::pair<WidthConv, tconv::ConvSchedule>, 2> convs;
    WalkResult walk = getOperation().walk([&](linalg::LinalgOp op) {
      FailureOr<std::optional<tconv::ConvSchedule>> recorded =
          tconv::getSchedule(op);
      if (failed(recorded))
        return WalkResult::interrupt();
      // Another kind of schedule: left to its own pass.
      if (*recorded && (*recorded)->kind != tconv::ScheduleKind::Width)
        return WalkResult::advance();
      std::optional<WidthConv> wc = matchWidthConv(op);
      if (!wc) {
        if (!*recorded)
          return WalkResult::advance();
        op.emitError() << "tconv-vectorize-convs-along-width: the width "
                          "schedule needs an NCHW f32 convolution with unit "
                          "stride and dilation along the width";
        return WalkResult::interrupt();
      }
      tconv::ConvSchedule schedule =
          *recorded ? **recorded
                    : tconv::selectWidthSchedule(wc->rank, wc->outChannels(),
                                                 wc->rows(), wc->width(),
                                                 vectorWidth, accumulators);
      if (!tilesDivide(*wc, schedule)) {
        op.emitError() << "tconv-vectorize-convs-along-width: the schedule's "
                          "tiles must divide the output channels, rows and "
                          "width vectors";
        return WalkResult::interrupt();
      }
      convs.push_back({std::move(*wc), schedule});
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    for (const auto &[wc, schedule] : convs)
      WidthConvEmitter(rewriter, wc, schedule).emit();
  }
};

} // namespace
