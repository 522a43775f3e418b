//===- VectorizeConvsTiling.cpp - Channels-last convs tiled to 1-D -------===//
//
// Part of tconv-vectorize-convs: a convolution is split into parts that
// tile evenly, tiled (scf.forall over output tiles, scf.for over the
// reduction) and each tile rewritten as a 1-D convolution, which the linalg
// vectorizer handles.
//
//===----------------------------------------------------------------------===//

#include "VectorizeConvs.h"

#include "TileSplitting.h"
#include "ZeroRows.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::tconv;

std::optional<ConvLoops> mlir::tconv::scheduledConv(Operation *op) {
  std::optional<std::pair<ConvKind, unsigned>> kind =
      llvm::TypeSwitch<Operation *,
                       std::optional<std::pair<ConvKind, unsigned>>>(op)
          .Case([](linalg::Conv1DNwcWcfOp) {
            return std::make_pair(ConvKind::Full, 1u);
          })
          .Case([](linalg::Conv2DNhwcHwcfOp) {
            return std::make_pair(ConvKind::Full, 2u);
          })
          .Case([](linalg::Conv3DNdhwcDhwcfOp) {
            return std::make_pair(ConvKind::Full, 3u);
          })
          .Case([](linalg::DepthwiseConv1DNwcWcOp) {
            return std::make_pair(ConvKind::Depthwise, 1u);
          })
          .Case([](linalg::DepthwiseConv2DNhwcHwcOp) {
            return std::make_pair(ConvKind::Depthwise, 2u);
          })
          .Case([](linalg::DepthwiseConv3DNdhwcDhwcOp) {
            return std::make_pair(ConvKind::Depthwise, 3u);
          })
          .Default([](Operation *) { return std::nullopt; });
  if (!kind)
    return std::nullopt;
  auto linalgOp = cast<linalg::LinalgOp>(op);
  SmallVector<AffineMap> maps = linalgOp.getIndexingMapsArray();
  auto dimAt = [&](unsigned operand, unsigned result) {
    return cast<AffineDimExpr>(maps[operand].getResult(result)).getPosition();
  };
  auto [convKind, rank] = *kind;
  ConvLoops loops;
  loops.kind = convKind;
  loops.rank = rank;
  loops.count = linalgOp.getNumLoops();
  // Output N x O.. x F (or C); filter K.. x C x F (or K.. x C).
  loops.batch = dimAt(2, 0);
  for (unsigned i = 0; i < rank; ++i) {
    loops.outSpatial.push_back(dimAt(2, 1 + i));
    loops.kernel.push_back(dimAt(1, i));
  }
  loops.outChannel = dimAt(2, rank + 1);
  if (convKind == ConvKind::Full)
    loops.inChannel = dimAt(1, rank);
  return loops;
}

SmallVector<std::pair<linalg::LinalgOp, TilePlan>>
mlir::tconv::splitConvIntoTileableParts(RewriterBase &rewriter,
                                        linalg::LinalgOp op, ConvLoops loops,
                                        const TilePlan &target,
                                        int64_t quantum,
                                        int64_t inChannelQuantum) {
  SmallVector<tconv::TileTarget> targets = {
      {loops.ow(), target.ow}, {loops.outChannel, target.outChannel, quantum}};
  if (loops.inChannel)
    targets.push_back({*loops.inChannel, target.inChannel, inChannelQuantum});
  SmallVector<std::pair<linalg::LinalgOp, TilePlan>> parts;
  for (auto [part, tiles] :
       tconv::splitIntoTileableParts(rewriter, op, targets))
    parts.push_back(
        {part, TilePlan{tiles[0], tiles[1], tiles.size() > 2 ? tiles[2] : 0,
                        target.kw, target.rowsOuter}});
  return parts;
}

static SmallVector<OpFoldResult> indexAttrs(OpBuilder &b,
                                            ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

linalg::LinalgOp mlir::tconv::getElementwiseProducer(Value value) {
  auto op = value.getDefiningOp<linalg::LinalgOp>();
  if (!op || op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 0 ||
      !op.hasPureTensorSemantics())
    return nullptr;
  OpOperand *init = op.getDpsInitOperand(0);
  if (!op.getMatchingIndexingMap(init).isIdentity() ||
      op.payloadUsesValueFromOperand(init))
    return nullptr;
  return op;
}

void mlir::tconv::giveOwnInitializer(RewriterBase &rewriter,
                                     linalg::LinalgOp conv) {
  OpOperand *init = conv.getDpsInitOperand(0);
  // The initializer: an elementwise producer (fill, bias broadcast), fused
  // into the output tiles, where the accumulators start from its values.
  linalg::LinalgOp initializer = getElementwiseProducer(init->get());
  if (!initializer)
    return;
  Value destination = initializer.getDpsInits()[0];
  Value result = conv->getResult(0);
  auto insert = result.hasOneUse()
                    ? dyn_cast<tensor::InsertSliceOp>(*result.user_begin())
                    : nullptr;
  Operation *whole = insert ? insert.getDest().getDefiningOp() : nullptr;
  // The initializer does not read its init: any tensor of the right shape
  // will do, and the slice the result goes to avoids a copy.
  bool inPlace = insert && insert.getSource() == result &&
                 (!whole || (whole->getBlock() == conv->getBlock() &&
                             whole->isBeforeInBlock(conv)));
  if (!inPlace && initializer->hasOneUse())
    return;
  rewriter.setInsertionPoint(conv);
  if (inPlace)
    destination = tensor::ExtractSliceOp::create(
        rewriter, conv.getLoc(), insert.getSourceType(), insert.getDest(),
        insert.getMixedOffsets(), insert.getMixedSizes(),
        insert.getMixedStrides());
  IRMapping mapping;
  mapping.map(initializer.getDpsInits()[0], destination);
  Operation *own = rewriter.clone(*initializer, mapping);
  rewriter.modifyOpInPlace(conv, [&] { init->set(own->getResult(0)); });
}

FailureOr<TiledPart> mlir::tconv::tilePart(RewriterBase &rewriter,
                                           linalg::LinalgOp part,
                                           ConvLoops loops,
                                           const TilePlan &plan,
                                           const PackedFilter &packing) {
  SmallVector<int64_t> parallel(loops.count, 0);
  parallel[loops.batch] = 1;
  for (unsigned dim : ArrayRef(loops.outSpatial).drop_back())
    parallel[dim] = 1;
  parallel[loops.ow()] = plan.ow;
  parallel[loops.outChannel] = plan.outChannel;
  scf::SCFTilingOptions forallOptions;
  // Output-channel blocks outermost: a block's filter slice stays in cache
  // while the block sweeps every output position, and the input (smaller
  // than the filter in deep layers) is what gets re-read. Or rows first,
  // channel blocks inside the rows (the strategy's choice for small
  // filters, chooseRowsOuter in Strategy.cpp).
  SmallVector<int64_t> interchange;
  if (plan.rowsOuter) {
    interchange.push_back(loops.batch);
    llvm::append_range(interchange, ArrayRef(loops.outSpatial).drop_back());
    interchange.push_back(loops.outChannel);
    interchange.push_back(loops.ow());
  } else {
    interchange = {loops.outChannel, loops.batch};
    llvm::append_range(interchange, loops.outSpatial);
  }
  for (unsigned dim = 0; dim < loops.count; ++dim)
    if (!llvm::is_contained(interchange, dim))
      interchange.push_back(dim);
  forallOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp)
      .setTileSizes(indexAttrs(rewriter, parallel))
      .setInterchange(interchange);
  scf::SCFTileAndFuseOptions fuseOptions;
  fuseOptions.setTilingOptions(forallOptions)
      .setFusionControlFn(
          [](tensor::ExtractSliceOp, OpResult producer, bool isDestination)
              -> std::optional<scf::SCFTileAndFuseOptions::ControlFnResult> {
            if (isDestination && getElementwiseProducer(producer))
              return scf::SCFTileAndFuseOptions::ControlFnResult{};
            return std::nullopt;
          });
  rewriter.setInsertionPoint(part);
  FailureOr<scf::SCFTileAndFuseResult> outer =
      scf::tileConsumerAndFuseProducersUsingSCF(
          rewriter, cast<TilingInterface>(part.getOperation()), fuseOptions);
  if (failed(outer))
    return failure();
  for (OpResult result : part->getResults())
    rewriter.replaceAllUsesWith(result, outer->replacements.lookup(result));
  rewriter.eraseOp(part);
  // The consumer's tile comes first.
  auto tiledConv = cast<linalg::LinalgOp>(outer->tiledAndFusedOps.front());
  TiledPart tiledPart;
  for (Operation *op : llvm::drop_begin(outer->tiledAndFusedOps))
    tiledPart.initializer = cast<linalg::LinalgOp>(op);
  if (packing.packed)
    usePackedFilter(rewriter, tiledConv, packing.filter, packing.packed,
                    packing.block);

  SmallVector<int64_t> reduction(loops.count, 0);
  SmallVector<unsigned> reductionDims;
  for (unsigned dim : ArrayRef(loops.kernel).drop_back()) {
    reduction[dim] = 1;
    reductionDims.push_back(dim);
  }
  reduction[loops.kw()] = plan.kw;
  reductionDims.push_back(loops.kw());
  if (std::optional<unsigned> c = loops.inChannel) {
    reduction[*c] = plan.inChannel;
    reductionDims.push_back(*c);
  }
  // The kernel dims other than the width, whose taps may read zero rows.
  SmallVector<TapRows> taps;
  auto dilations =
      dyn_cast_or_null<DenseIntElementsAttr>(tiledConv->getAttr("dilations"));
  for (unsigned i = 0; i + 1 < loops.rank; ++i)
    taps.push_back({tiledConv.getDpsInputs()[0], 1 + i,
                    dilations ? dilations.getValues<int64_t>()[i] : 1});
  auto tiled = cast<TilingInterface>(tiledConv.getOperation());
  scf::SCFTilingOptions forOptions;
  forOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForOp)
      .setTileSizes(indexAttrs(rewriter, reduction))
      .setReductionDims(reductionDims);
  rewriter.setInsertionPoint(tiled);
  FailureOr<scf::SCFTilingResult> inner =
      scf::tileUsingSCF(rewriter, tiled, forOptions);
  if (failed(inner))
    return failure();
  rewriter.replaceOp(tiled, inner->replacements);
  // One loop per reduction dim, in dim order.
  llvm::sort(reductionDims);
  for (auto [i, tap] : llvm::enumerate(taps)) {
    unsigned position = llvm::find(reductionDims, loops.kernel[i]) -
                        reductionDims.begin();
    if (position < inner->loops.size())
      if (auto loop = dyn_cast<scf::ForOp>(inner->loops[position].getOperation()))
        skipZeroRowTaps(rewriter, tap, loop);
  }
  tiledPart.conv = cast<linalg::LinalgOp>(inner->tiledOps.back());
  return tiledPart;
}

FailureOr<linalg::LinalgOp> mlir::tconv::reduceTo1D(RewriterBase &rewriter,
                                                    linalg::LinalgOp conv,
                                                    ConvLoops loops) {
  if (loops.rank == 1)
    return conv;
  Value input = conv.getDpsInputs()[0];
  Value filter = conv.getDpsInputs()[1];
  Value init = conv.getDpsInits()[0];
  auto dropDims = [](Value value, unsigned first, unsigned count) {
    auto type = cast<RankedTensorType>(value.getType());
    SmallVector<int64_t> shape(type.getShape());
    for (unsigned i = first; i < first + count; ++i)
      if (shape[i] != 1)
        return RankedTensorType();
    shape.erase(shape.begin() + first, shape.begin() + first + count);
    return RankedTensorType::get(shape, type.getElementType());
  };
  // N x D.. x W x C, K.. x KW x C [x F], N x O.. x OW x F.
  unsigned outer = loops.rank - 1;
  RankedTensorType inputType = dropDims(input, 1, outer);
  RankedTensorType filterType = dropDims(filter, 0, outer);
  RankedTensorType initType = dropDims(init, 1, outer);
  if (!inputType || !filterType || !initType)
    return failure();

  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);
  Value input1d = tensor::createCanonicalRankReducingExtractSliceOp(
      rewriter, loc, input, inputType);
  Value filter1d = tensor::createCanonicalRankReducingExtractSliceOp(
      rewriter, loc, filter, filterType);
  Value init1d = tensor::createCanonicalRankReducingExtractSliceOp(
      rewriter, loc, init, initType);
  // Hand-written linalg convolutions may leave the attribute out: 1.
  auto lastOf = [&](StringRef name) {
    int64_t last = 1;
    if (auto attr = dyn_cast_or_null<DenseIntElementsAttr>(conv->getAttr(name)))
      last = *std::prev(attr.getValues<int64_t>().end());
    return rewriter.getI64TensorAttr({last});
  };
  SmallVector<Value> inputs = {input1d, filter1d};
  linalg::LinalgOp conv1d;
  if (loops.kind == ConvKind::Full)
    conv1d = linalg::Conv1DNwcWcfOp::create(
        rewriter, loc, initType, inputs, ValueRange{init1d}, lastOf("strides"),
        lastOf("dilations"));
  else
    conv1d = linalg::DepthwiseConv1DNwcWcOp::create(
        rewriter, loc, initType, inputs, ValueRange{init1d}, lastOf("strides"),
        lastOf("dilations"));
  Value inserted = tensor::createCanonicalRankReducingInsertSliceOp(
      rewriter, loc, conv1d->getResult(0), init);
  rewriter.replaceOp(conv, inserted);
  return conv1d;
}
