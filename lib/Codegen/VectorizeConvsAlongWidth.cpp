//===- VectorizeConvsAlongWidth.cpp - NCHW convs, vectors along width ----===//
//
// Convolutions with fewer output channels than a vector has lanes (an image
// generator's 3-channel output layer) waste lanes in channels-last form.
// They stay NCHW here: vectors run along
// the output width, filter values are broadcast, and nothing is transposed.
// A phase written to every s-th output column stores each vector spread out
// (one shuffle and a masked store) straight into the interleaved output;
// two phases writing alternate columns of the same rows share a tile and
// store their accumulators interleaved, whole rows unmasked.
//
// Longer than a pass file usually is (~600 lines): matching the phases, the
// tile's accumulators and reduction, and its stores into the interleaved
// output are one emitter's parts, each reading the same tile geometry.
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

/// The convolutions one tile computes: one, or a pair of phases writing
/// alternate columns of the same output rows (the second one column after
/// the first, width stride 2), whose accumulators are interleaved into
/// whole vectors of the output instead of stored spread out and masked.
struct TileConvs {
  SmallVector<WidthConv, 2> convs;
  tconv::ConvSchedule schedule;
};

class WidthConvEmitter {
public:
  WidthConvEmitter(RewriterBase &b, const TileConvs &tile)
      : b(b), loc(tile.convs[0].op->getLoc()),
        lanes(tile.schedule.vectorWidth),
        fTile(tile.schedule.fTile), rowTile(tile.schedule.rowTile),
        vecTile(tile.schedule.vecTile) {
    for (const WidthConv &wc : tile.convs)
      parts.push_back({wc, {}, {}, {}, {}});
    // A pair's code is both phases' (their profile ids, their FLOPs).
    if (parts.size() == 2)
      loc = FusedLoc::get(b.getContext(), {parts[0].wc.op->getLoc(),
                                           parts[1].wc.op->getLoc()});
  }

  void emit();

private:
  /// Where the results go: `dest` at `offsets + strides * position` (the
  /// conv's own destination, or the strided insert_slice it feeds).
  struct Target {
    Value dest;
    SmallVector<int64_t> offsets, strides;
    Operation *replaced;
  };
  /// A convolution of the tile and where its accumulators start: from a
  /// scalar (fill), a per-channel value (bias broadcast) or the init tensor.
  struct Part {
    WidthConv wc;
    Value initScalar, initPerChannel, initTensor;
    Value initDest; // what the conv's init was computed into
  };

  Target findTarget();
  void classifyInit(Part &part);
  Value emitTiles(Value shared, int64_t wStart, int64_t tileLanes,
                  int64_t tileVectors, int64_t wTiles);
  SmallVector<Value> initialAccumulators(const Part &part, ArrayRef<Value> ivs,
                                         Value f0, Value r0, Value w0,
                                         int64_t tileLanes,
                                         int64_t tileVectors);
  SmallVector<Value> reduce(ArrayRef<Value> ivs, Value f0, Value r0, Value w0,
                            int64_t tileLanes, int64_t tileVectors,
                            ValueRange accumulators);
  int64_t perPart() const { return fTile * rowTile * vecTile; }
  const WidthConv &first() const { return parts[0].wc; }

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
  Location loc;
  SmallVector<Part, 2> parts;
  int64_t lanes;
  int64_t fTile, rowTile, vecTile;
  Target target;
  Value padding; // of the (always in-bounds) transfer_reads
};

/// The strided insert_slice `result` feeds as its only use, if any.
static tensor::InsertSliceOp stridedInsertOf(Value result) {
  if (!result.hasOneUse())
    return nullptr;
  auto insert = dyn_cast<tensor::InsertSliceOp>(*result.getUsers().begin());
  if (!insert || insert.getSource() != result ||
      insert.getDestType().getRank() !=
          cast<ShapedType>(result.getType()).getRank() ||
      ShapedType::isDynamicShape(insert.getStaticOffsets()) ||
      ShapedType::isDynamicShape(insert.getStaticStrides()))
    return nullptr;
  return insert;
}

WidthConvEmitter::Target WidthConvEmitter::findTarget() {
  const WidthConv &wc = first();
  unsigned resultRank = wc.outShape.size();
  if (tensor::InsertSliceOp insert = stridedInsertOf(wc.op->getResult(0))) {
    // A pair replaces the second phase's insertion, into the first's.
    Operation *replaced = insert;
    if (parts.size() == 2)
      replaced = stridedInsertOf(parts[1].wc.op->getResult(0));
    return {insert.getDest(), llvm::to_vector(insert.getStaticOffsets()),
            llvm::to_vector(insert.getStaticStrides()), replaced};
  }
  return {parts[0].initDest, SmallVector<int64_t>(resultRank, 0),
          SmallVector<int64_t>(resultRank, 1), wc.op};
}

void WidthConvEmitter::classifyInit(Part &part) {
  Value init = part.wc.op.getDpsInits()[0];
  if (auto fill = init.getDefiningOp<linalg::FillOp>()) {
    part.initScalar = fill.value();
    part.initDest = fill.output();
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
        part.initPerChannel = generic.getDpsInputs()[0];
        part.initDest = generic.getDpsInits()[0];
        return;
      }
    }
  }
  part.initTensor = init;
  part.initDest = init;
}

SmallVector<Value> WidthConvEmitter::initialAccumulators(
    const Part &part, ArrayRef<Value> ivs, Value f0, Value r0, Value w0,
    int64_t tileLanes, int64_t tileVectors) {
  const WidthConv &wc = part.wc;
  auto vectorType = VectorType::get({tileLanes}, b.getF32Type());
  SmallVector<Value> accumulators;
  for (int64_t i = 0; i < fTile; ++i) {
    Value channelValue;
    if (part.initScalar)
      channelValue =
          vector::BroadcastOp::create(b, loc, vectorType, part.initScalar);
    if (part.initPerChannel)
      channelValue = vector::BroadcastOp::create(
          b, loc, vectorType,
          tensor::ExtractOp::create(b, loc, part.initPerChannel,
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
            b, loc, vectorType, part.initTensor, indices, padding,
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
  const WidthConv &wc = first();
  unsigned rank = wc.rank;
  auto vectorType = VectorType::get({tileLanes}, b.getF32Type());
  // Loops over input channels and every kernel dim but the width, which is
  // unrolled: its taps read overlapping windows of the same input row. The
  // parts of a pair share these loops (their kernels differ along the width
  // only).
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
        for (auto [k, part] : llvm::enumerate(parts)) {
          Value input = part.wc.op.getDpsInputs()[0];
          Value filter = part.wc.op.getDpsInputs()[1];
          int64_t kw = part.wc.filterShape.back();
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
                  at.push_back(affine2(r0, wc.strides[rank - 2],
                                       taps[rank - 2], wc.dilations[rank - 2],
                                       j * wc.strides[rank - 2]));
                at.push_back(affine(w0, 1, v * tileLanes + t));
                Value x = vector::TransferReadOp::create(
                    b, loc, vectorType, input, at, padding,
                    SmallVector<bool>{true});
                for (int64_t i = 0; i < fTile; ++i) {
                  Value &a = acc[k * perPart() +
                                 (i * rowTile + j) * tileVectors + v];
                  a = vector::FMAOp::create(b, loc, x, weights[i], a);
                }
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
  const WidthConv &wc = first();
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

  SmallVector<Value> accumulators;
  for (const Part &part : parts)
    llvm::append_range(accumulators,
                       initialAccumulators(part, ivs, f0, r0, w0, tileLanes,
                                           tileVectors));
  accumulators = reduce(ivs, f0, r0, w0, tileLanes, tileVectors, accumulators);

  // The tile's window of the target: strided along channels and rows,
  // contiguous along the width (a part's vectors spread out in it, or a
  // pair's interleaved).
  unsigned resultRank = rank + 2;
  int64_t widthStride = target.strides.back();
  bool paired = parts.size() == 2;
  int64_t span = paired ? 2 * tileVectors * tileLanes
                        : widthStride * (tileVectors * tileLanes - 1) + 1;
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

  // One part: each vector spread over every widthStride-th lane, the others
  // masked off. A pair: its two parts' vectors interleaved, every lane set.
  SmallVector<int64_t> spreadLanes;
  SmallVector<bool> storeMask;
  if (!paired) {
    int64_t spread = widthStride * (tileLanes - 1) + 1;
    for (int64_t p = 0; p < spread; ++p) {
      spreadLanes.push_back(p % widthStride == 0 ? p / widthStride : 0);
      storeMask.push_back(p % widthStride == 0);
    }
  }
  Value mask;
  if (!paired && widthStride > 1)
    mask = arith::ConstantOp::create(
        b, loc,
        DenseElementsAttr::get(
            VectorType::get({int64_t(storeMask.size())}, b.getI1Type()),
            ArrayRef<bool>(storeMask)));
  for (int64_t i = 0; i < fTile; ++i)
    for (int64_t j = 0; j < rowTile; ++j)
      for (int64_t v = 0; v < tileVectors; ++v) {
        int64_t at0 = (i * rowTile + j) * tileVectors + v;
        Value value = accumulators[at0];
        SmallVector<Value> at(resultRank, index(0));
        at[1] = index(i);
        if (rank >= 2)
          at[rank] = index(j);
        if (paired) {
          at.back() = index(2 * v * tileLanes);
          value = vector::InterleaveOp::create(b, loc, value,
                                               accumulators[perPart() + at0]);
        } else {
          at.back() = index(v * tileLanes * widthStride);
          if (widthStride > 1)
            value =
                vector::ShuffleOp::create(b, loc, value, value, spreadLanes);
        }
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
  for (Part &part : parts)
    classifyInit(part);
  target = findTarget();
  b.setInsertionPoint(target.replaced);
  padding = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0));
  const WidthConv &wc = first();
  int64_t fullVectors = wc.width() / lanes;
  int64_t remainder = wc.width() % lanes;
  Value result = target.dest;
  if (fullVectors > 0)
    result = emitTiles(result, 0, lanes, vecTile, fullVectors / vecTile);
  if (remainder > 0)
    result = emitTiles(result, fullVectors * lanes, remainder, 1, 1);
  b.replaceOp(target.replaced, result);
  // A pair's first insertion fed only the second's (replaced) one.
  if (parts.size() == 2)
    b.eraseOp(stridedInsertOf(parts[0].wc.op->getResult(0)));
  for (Part &part : llvm::reverse(parts))
    if (target.replaced != part.wc.op.getOperation())
      b.eraseOp(part.wc.op);
}

/// Whether `a` and `b` are phases writing alternate columns of the same
/// output rows, `b` one column after `a` and inserted into `a`'s insertion,
/// that one tile can compute together: same shapes, schedule, input
/// channels and kernel but along the width.
static bool arePairedPhases(const WidthConv &a, const WidthConv &b,
                            const tconv::ConvSchedule &schedule,
                            const tconv::ConvSchedule &bSchedule) {
  tensor::InsertSliceOp first = stridedInsertOf(a.op->getResult(0));
  tensor::InsertSliceOp second = stridedInsertOf(b.op->getResult(0));
  // The first insertion feeds only the second (the pair replaces both).
  if (!first || !second || second.getDest() != first.getResult() ||
      !first.getResult().hasOneUse() ||
      schedule.toAttr(a.op->getContext()) !=
          bSchedule.toAttr(a.op->getContext()))
    return false;
  ArrayRef<int64_t> strides = first.getStaticStrides();
  SmallVector<int64_t> shiftedOffsets =
      llvm::to_vector(first.getStaticOffsets());
  shiftedOffsets.back() += 1;
  return strides.back() == 2 && second.getStaticStrides() == strides &&
         ArrayRef<int64_t>(shiftedOffsets) == second.getStaticOffsets() &&
         a.outShape == b.outShape && a.rank == b.rank &&
         a.inChannels() == b.inChannels() &&
         a.filterShape.drop_back() == b.filterShape.drop_back() &&
         a.strides == b.strides && a.dilations == b.dilations;
}

/// The schedule of a pair's tiles: as many accumulators as one part's
/// (within `accumulators`, or else half the rows, or 1-D vectors, or
/// channels of each part).
static std::optional<tconv::ConvSchedule>
pairSchedule(const WidthConv &wc, tconv::ConvSchedule schedule,
             int64_t accumulators) {
  if (2 * schedule.fTile * schedule.rowTile * schedule.vecTile <=
      accumulators)
    return schedule;
  if (wc.rank >= 2 && schedule.rowTile % 2 == 0)
    schedule.rowTile /= 2;
  else if (wc.rank == 1 && schedule.vecTile % 2 == 0)
    schedule.vecTile /= 2;
  else if (schedule.fTile % 2 == 0)
    schedule.fTile /= 2;
  else
    return std::nullopt;
  return schedule;
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
    SmallVector<TileConvs, 2> tiles;
    for (size_t i = 0; i < convs.size(); ++i) {
      auto &[wc, schedule] = convs[i];
      if (i + 1 < convs.size() &&
          arePairedPhases(wc, convs[i + 1].first, schedule,
                          convs[i + 1].second))
        if (std::optional<tconv::ConvSchedule> paired =
                pairSchedule(wc, schedule, accumulators)) {
          tiles.push_back({{wc, convs[i + 1].first}, *paired});
          ++i;
          continue;
        }
      tiles.push_back({{wc}, schedule});
    }
    for (const TileConvs &tile : tiles)
      WidthConvEmitter(rewriter, tile).emit();
  }
};

} // namespace
