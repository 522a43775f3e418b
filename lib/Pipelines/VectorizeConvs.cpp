//===- VectorizeConvs.cpp - Tile and vectorize channels-last convs -------===//
//
// The schedule of --tconv-lower-to-llvm: split, tile, reduce to 1-D,
// vectorize, hoist the accumulators and lower the contractions to FMAs.
//
//===----------------------------------------------------------------------===//

#include "tconv/Pipelines/Passes.h"

#include "TileSplitting.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"
#include "llvm/ADT/TypeSwitch.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVVECTORIZECONVS
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {

/// The convolutions the schedule handles, all channels-last:
/// linalg.conv_{1,2,3}d_n*c_*cf (`Full`, loops (n, o.., f, k.., c)) and
/// linalg.depthwise_conv_{1,2,3}d_n*c_*c (`Depthwise`, loops (n, o.., c, k..)).
enum class ConvKind { Full, Depthwise };

/// Loop dims of a scheduled convolution, read off its indexing maps (the
/// named ops do not all order their loops alike).
struct ConvLoops {
  ConvKind kind;
  unsigned rank; // spatial dims
  unsigned count;
  unsigned batch;
  SmallVector<unsigned, 3> outSpatial; // o_1..o_r, innermost (ow) last
  unsigned outChannel;                 // f, or c for depthwise
  SmallVector<unsigned, 3> kernel;     // k_1..k_r, innermost (kw) last
  std::optional<unsigned> inChannel;   // c of full convolutions

  unsigned ow() const { return outSpatial.back(); }
  unsigned kw() const { return kernel.back(); }
};

/// Tile sizes of one part: output positions, output channels, input
/// channels (full convolutions) and kernel width.
struct TilePlan {
  int64_t ow, outChannel, inChannel, kw;
};

} // namespace

static std::optional<ConvLoops> scheduledConv(Operation *op) {
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

static bool isSchedulable(linalg::LinalgOp op) {
  if (!scheduledConv(op) || !op.hasPureTensorSemantics() ||
      op.hasDynamicShape())
    return false;
  Type elementType = getElementTypeOrSelf(op.getDpsInits()[0].getType());
  if (!elementType.isF32() && !elementType.isF64())
    return false;
  return llvm::all_of(op->getOperandTypes(), [&](Type type) {
    return getElementTypeOrSelf(type) == elementType;
  });
}

/// Kernel taps per reduction step: the whole kernel width is unrolled into
/// the vectorized body unless that body would get too large.
static int64_t kwTile(int64_t kernelWidth) {
  constexpr int64_t kMaxUnrolledTaps = 16;
  return kernelWidth <= kMaxUnrolledTaps ? kernelWidth : 1;
}

/// The most output positions per tile, as a multiple of ow-tile, for
/// convolutions with few output channels.
static constexpr int64_t kMaxOwScale = 4;

/// Input channels per reduction step: at most `cTile`, and fewer for wide
/// kernels so that a step unrolls at most 48 (tap, channel) pairs. Bigger
/// bodies are no faster but compile much slower (a 9x9 F-CNN: 1.0 s of
/// MLIR lowering at 16 channels x 9 taps, 0.35 s at 4 x 9). Kernels at most
/// 2 taps wide (the phases of stride-2 transposed convolutions) take one
/// channel per step: LLVM schedules every input broadcast of an unrolled
/// step first, and with more channels those spill (1 channel measured 2-8%
/// faster on T1-T7 than 4).
static int64_t cTileFor(int64_t kernelWidth, int64_t cTile) {
  constexpr int64_t kMaxUnrolledProducts = 48;
  constexpr int64_t kMaxNarrowKernel = 2;
  if (kernelWidth <= kMaxNarrowKernel)
    return 1;
  return std::clamp<int64_t>(kMaxUnrolledProducts / kwTile(kernelWidth), 1,
                             cTile);
}

/// Splits `op` until each part's output positions and channels (and input
/// channels) are a whole number of tiles; returns the parts with their tile
/// sizes.
static SmallVector<std::pair<linalg::LinalgOp, TilePlan>>
splitConvIntoTileableParts(RewriterBase &rewriter, linalg::LinalgOp op,
                           ConvLoops loops, const TilePlan &target,
                           int64_t quantum) {
  SmallVector<tconv::TileTarget> targets = {
      {loops.ow(), target.ow}, {loops.outChannel, target.outChannel, quantum}};
  if (loops.inChannel)
    targets.push_back({*loops.inChannel, target.inChannel});
  SmallVector<std::pair<linalg::LinalgOp, TilePlan>> parts;
  for (auto [part, tiles] :
       tconv::splitIntoTileableParts(rewriter, op, targets)) {
    int64_t kernelWidth = part.getStaticLoopRanges()[loops.kw()];
    parts.push_back(
        {part, TilePlan{tiles[0], tiles[1], tiles.size() > 2 ? tiles[2] : 0,
                        kwTile(kernelWidth)}});
  }
  return parts;
}

static SmallVector<OpFoldResult> indexAttrs(OpBuilder &b,
                                            ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

//===----------------------------------------------------------------------===//
// Filter packing
//===----------------------------------------------------------------------===//

/// A linalg.generic of `shape` whose element at loop indices i is
/// `source[sourceExprs(i)]`: a copy into a new layout.
static Value createGather(OpBuilder &b, Location loc, Value source,
                          ArrayRef<AffineExpr> sourceExprs,
                          ArrayRef<int64_t> shape) {
  unsigned numLoops = shape.size();
  MLIRContext *ctx = b.getContext();
  Type elementType = getElementTypeOrSelf(source.getType());
  Value init = tensor::EmptyOp::create(b, loc, shape, elementType);
  return linalg::GenericOp::create(
             b, loc, init.getType(), source, init,
             {AffineMap::get(numLoops, 0, sourceExprs, ctx),
              AffineMap::getMultiDimIdentityMap(numLoops, ctx)},
             SmallVector<utils::IteratorType>(numLoops,
                                              utils::IteratorType::parallel),
             [](OpBuilder &nb, Location l, ValueRange args) {
               linalg::YieldOp::create(nb, l, args[0]);
             })
      .getResult(0);
}

/// The filter of a full convolution, K.. x C x F, packed as
/// F/block x K.. x C x block: the slice an output-channel tile reads is then
/// contiguous instead of `block` values every F. Constant filters are packed
/// now; otherwise a linalg.generic does it (see fusePacking).
static Value packFilter(RewriterBase &rewriter, Location loc, Value filter,
                        int64_t block) {
  auto type = cast<RankedTensorType>(filter.getType());
  ArrayRef<int64_t> shape = type.getShape();
  unsigned rank = shape.size();
  SmallVector<int64_t> packedShape = {shape.back() / block};
  packedShape.append(shape.begin(), shape.end() - 1);
  packedShape.push_back(block);
  auto packedType = RankedTensorType::get(packedShape, type.getElementType());

  ElementsAttr constant;
  if (matchPattern(filter, m_Constant(&constant))) {
    // A splat stays a splat, whatever its element count.
    if (auto dense = dyn_cast<DenseElementsAttr>(constant);
        dense && dense.isSplat())
      return arith::ConstantOp::create(rewriter, loc, packedType,
                                       dense.resizeSplat(packedType));
    if (auto values = constant.tryGetValues<APFloat>()) {
      SmallVector<int64_t> strides = computeStrides(shape);
      SmallVector<APFloat> packed;
      packed.reserve(constant.getNumElements());
      // Row-major walk of the packed shape: (fb, k.., c, fi).
      SmallVector<int64_t> packedStrides = computeStrides(packedShape);
      for (int64_t i = 0, e = constant.getNumElements(); i < e; ++i) {
        SmallVector<int64_t> index = delinearize(i, packedStrides);
        int64_t source = (index[0] * block + index.back()) * strides.back();
        for (unsigned d = 0; d + 1 < rank; ++d)
          source += index[1 + d] * strides[d];
        packed.push_back((*values)[source]);
      }
      return arith::ConstantOp::create(
          rewriter, loc, packedType,
          DenseElementsAttr::get(packedType, packed));
    }
  }

  // Loops (fb, k.., c, fi) read the filter at (k.., c, fb * block + fi).
  MLIRContext *ctx = rewriter.getContext();
  SmallVector<AffineExpr> inputExprs;
  for (unsigned d = 1; d < rank; ++d)
    inputExprs.push_back(getAffineDimExpr(d, ctx));
  inputExprs.push_back(getAffineDimExpr(0, ctx) * block +
                       getAffineDimExpr(rank, ctx));
  return createGather(rewriter, loc, filter, inputExprs, packedShape);
}

/// Once the tiles read the packed filter only, folds the layout change that
/// produced the filter into the packing: one pass over the weights.
static void fusePacking(RewriterBase &rewriter, Value packed) {
  auto pack = packed.getDefiningOp<linalg::GenericOp>();
  if (!pack)
    return;
  OpOperand *input = pack.getDpsInputOperand(0);
  if (!input->get().hasOneUse() || !linalg::areElementwiseOpsFusable(input))
    return;
  rewriter.setInsertionPoint(pack);
  FailureOr<linalg::ElementwiseOpFusionResult> fused =
      linalg::fuseElementwiseOps(rewriter, input);
  if (succeeded(fused))
    rewriter.replaceOp(pack, fused->replacements.lookup(packed));
}

/// The all-parallel linalg op on tensors that computes `value` element by
/// element over its identity-mapped init, without reading the init: a
/// fill, a broadcast, a copy into a new layout.
static linalg::LinalgOp getElementwiseProducer(Value value) {
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

/// The linalg.generic that only copies elements of its one input into a
/// fresh layout, reading the input's innermost dim along the result's
/// innermost dim: a tile of its result is a set of contiguous rows of the
/// input, which FoldRowGatherIntoRead reads in place.
static linalg::GenericOp getRowGather(Value value) {
  auto gather = dyn_cast_if_present<linalg::GenericOp>(
      getElementwiseProducer(value).getOperation());
  if (!gather || gather.getNumDpsInputs() != 1)
    return nullptr;
  OpOperand *input = gather.getDpsInputOperand(0);
  auto yield = cast<linalg::YieldOp>(gather.getBody()->getTerminator());
  if (yield.getValues() !=
      ValueRange{gather.getMatchingBlockArgument(input)})
    return nullptr;
  AffineMap map = gather.getMatchingIndexingMap(input);
  unsigned last = gather.getNumLoops() - 1;
  if (map.getNumResults() == 0 ||
      map.getResults().back() != getAffineDimExpr(last, map.getContext()))
    return nullptr;
  for (AffineExpr expr : map.getResults().drop_back())
    if (expr.isFunctionOfDim(last))
      return nullptr;
  return gather;
}

/// A copy of `source` (an elementwise linalg.generic of values that it reads
/// with permutations, as the taps-first copy of a transposed convolution's
/// filter, possibly scaled) with its innermost dim split in blocks of
/// `block` moved outermost: S2[mb][s..][mi] = S[s..][mb * block + mi],
/// computed from the generic's inputs directly (each input's matching dim is
/// expanded first, so that the copy stays a permutation the layout-change
/// vectorizer handles). Null if `source` is not such a generic.
static Value blockedCopy(RewriterBase &rewriter, Value source, int64_t block) {
  auto copy = dyn_cast_if_present<linalg::GenericOp>(
      getElementwiseProducer(source).getOperation());
  if (!copy || copy.hasDynamicShape())
    return nullptr;
  auto sourceType = cast<RankedTensorType>(source.getType());
  unsigned rank = sourceType.getRank();
  int64_t channels = sourceType.getShape().back();
  if (channels % block != 0)
    return nullptr;
  for (OpOperand *input : copy.getDpsInputOperands())
    if (!copy.getMatchingIndexingMap(input).isPermutation())
      return nullptr;

  // Each input's dim read along S's innermost dim, expanded into (blocks,
  // block); the blocked copy's loops are (mb, s_0 .. s_{rank-2}, mi): an
  // input dim read at S's loop d is read at loop d + 1, the split one at
  // (mb, mi).
  Location loc = copy.getLoc();
  MLIRContext *ctx = rewriter.getContext();
  rewriter.setInsertionPointAfter(copy);
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (OpOperand *input : copy.getDpsInputOperands()) {
    AffineMap map = copy.getMatchingIndexingMap(input);
    auto type = cast<RankedTensorType>(input->get().getType());
    SmallVector<int64_t> expandedShape;
    SmallVector<ReassociationIndices> reassociation;
    SmallVector<AffineExpr> exprs;
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      unsigned d = cast<AffineDimExpr>(expr).getPosition();
      ReassociationIndices group = {int64_t(expandedShape.size())};
      if (d == rank - 1) {
        expandedShape.append({type.getDimSize(dim) / block, block});
        group.push_back(expandedShape.size() - 1);
        exprs.append({getAffineDimExpr(0, ctx), getAffineDimExpr(rank, ctx)});
      } else {
        expandedShape.push_back(type.getDimSize(dim));
        exprs.push_back(getAffineDimExpr(d + 1, ctx));
      }
      reassociation.push_back(group);
    }
    inputs.push_back(tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get(expandedShape, type.getElementType()),
        input->get(), reassociation));
    maps.push_back(AffineMap::get(rank + 1, 0, exprs, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank + 1, ctx));
  SmallVector<int64_t> shape = {channels / block};
  llvm::append_range(shape, sourceType.getShape().drop_back());
  shape.push_back(block);
  Value init = tensor::EmptyOp::create(rewriter, loc, shape,
                                       sourceType.getElementType());
  Block *body = copy.getBody();
  return linalg::GenericOp::create(
             rewriter, loc, init.getType(), inputs, init, maps,
             SmallVector<utils::IteratorType>(rank + 1,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &b, Location, ValueRange args) {
               IRMapping mapping;
               mapping.map(body->getArguments(), args);
               for (Operation &op : *body)
                 b.clone(op, mapping);
             })
      .getResult(0);
}

/// The packed filter (F/block x K.. x C x block) of a convolution whose
/// filter is a row gather of `source` at taps given by the gather, as a row
/// gather of `blocked` (see blockedCopy): never materialized, its tiles are
/// read in place.
static Value packedViewOfBlockedCopy(RewriterBase &rewriter, Location loc,
                                     linalg::GenericOp gather, Value blocked) {
  AffineMap map = gather.getMatchingIndexingMap(gather.getDpsInputOperand(0));
  unsigned numLoops = map.getNumDims();
  MLIRContext *ctx = rewriter.getContext();
  // Gather loops (k.., c, f) become (fb, k.., c, fi): shift by one.
  SmallVector<AffineExpr> shifted;
  for (unsigned d = 0; d < numLoops; ++d)
    shifted.push_back(getAffineDimExpr(d + 1, ctx));
  SmallVector<AffineExpr> exprs = {getAffineDimExpr(0, ctx)};
  for (AffineExpr expr : map.getResults().drop_back())
    exprs.push_back(expr.replaceDims(shifted));
  exprs.push_back(getAffineDimExpr(numLoops, ctx));
  auto filterType = cast<RankedTensorType>(gather.getResult(0).getType());
  int64_t block = cast<RankedTensorType>(blocked.getType()).getShape().back();
  SmallVector<int64_t> shape = {filterType.getShape().back() / block};
  llvm::append_range(shape, filterType.getShape().drop_back());
  shape.push_back(block);
  return createGather(rewriter, loc, blocked, exprs, shape);
}

/// Makes the tiled convolution `conv` read its filter tile from `packed`
/// (see packFilter) instead of from slices of `filter`.
static void usePackedFilter(RewriterBase &rewriter, linalg::LinalgOp conv,
                            Value filter, Value packed, int64_t block) {
  OpOperand *operand = conv.getDpsInputOperand(1);
  // Compose the chain of slices that leads from `filter` to the operand.
  auto tileType = cast<RankedTensorType>(operand->get().getType());
  unsigned rank = tileType.getRank();
  SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);
  Value current = operand->get();
  AffineExpr a, b;
  bindDims(rewriter.getContext(), a, b);
  while (current != filter) {
    auto slice = current.getDefiningOp<tensor::ExtractSliceOp>();
    if (!slice || !slice.hasUnitStride() ||
        slice.getSourceType().getRank() != rank)
      return;
    for (auto [offset, extra] : llvm::zip(offsets, slice.getMixedOffsets()))
      offset = affine::makeComposedFoldedAffineApply(rewriter, loc, a + b,
                                                     {offset, extra});
    current = slice.getSource();
  }
  if (tileType.getShape().back() != block)
    return;
  // (k.., c, f) at f = fb * block -> (fb, k.., c, 0).
  SmallVector<OpFoldResult> packedOffsets = {
      affine::makeComposedFoldedAffineApply(rewriter, loc, a.floorDiv(block),
                                            {offsets.back()})};
  packedOffsets.append(offsets.begin(), offsets.end() - 1);
  packedOffsets.push_back(rewriter.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes = {rewriter.getIndexAttr(1)};
  for (int64_t size : tileType.getShape())
    sizes.push_back(rewriter.getIndexAttr(size));
  SmallVector<OpFoldResult> strides(rank + 1, rewriter.getIndexAttr(1));
  Value tile = tensor::ExtractSliceOp::create(rewriter, loc, tileType, packed,
                                              packedOffsets, sizes, strides);
  Value old = operand->get();
  rewriter.modifyOpInPlace(conv, [&] { operand->set(tile); });
  // Drop the now unused slices of the unpacked filter.
  while (auto slice = old.getDefiningOp<tensor::ExtractSliceOp>()) {
    if (!slice->use_empty())
      break;
    old = slice.getSource();
    rewriter.eraseOp(slice);
  }
}

/// A packed filter (see packFilter) the tiles of a convolution read from.
struct PackedFilter {
  Value filter, packed;
  int64_t block = 0;
  /// `packed` is a view of a blocked copy, read in place by the tiles.
  bool readInPlace = false;
};

/// Gives `conv` an initializer of its own (CSE shares one bias broadcast
/// among the phases of a transposed convolution) and, when the convolution
/// is inserted into a slice of a bigger tensor (a phase into the whole
/// output), makes the initializer write that slice instead of a tensor of
/// its own: tiles then accumulate in place and nothing is copied.
static void giveOwnInitializer(RewriterBase &rewriter, linalg::LinalgOp conv) {
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

/// A tiled convolution and the tile of its initializer (an elementwise
/// producer of its output, see giveOwnInitializer)
/// fused into its output tile, if any.
struct TiledPart {
  linalg::LinalgOp conv;
  linalg::LinalgOp initializer;
};

/// Tiles one part: scf.forall over output tiles, scf.for over the reduction.
/// The initializer of the output (a fill, a bias broadcast) is fused into the
/// output tiles: the accumulators then start from its values in registers
/// instead of reading a buffer it filled in a separate pass.
static FailureOr<TiledPart> tilePart(RewriterBase &rewriter,
                                     linalg::LinalgOp part, ConvLoops loops,
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
  // than the filter in deep layers) is what gets re-read.
  SmallVector<int64_t> interchange = {loops.outChannel, loops.batch};
  llvm::append_range(interchange, loops.outSpatial);
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
  tiledPart.conv = cast<linalg::LinalgOp>(inner->tiledOps.back());
  return tiledPart;
}

/// Rewrites a tiled convolution whose outer output and kernel dims are all 1
/// as the 1-D convolution of its kind (linalg.conv_1d_nwc_wcf or
/// linalg.depthwise_conv_1d_nwc_wc) on rank-reduced slices.
static FailureOr<linalg::LinalgOp>
reduceTo1D(RewriterBase &rewriter, linalg::LinalgOp conv, ConvLoops loops) {
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

//===----------------------------------------------------------------------===//
// Vector cleanups
//===----------------------------------------------------------------------===//

/// A transfer_read of a tensor that can be re-read at an offset: in bounds,
/// unmasked, minor identity map.
static bool isSimpleTensorRead(vector::TransferReadOp read) {
  return read && read.hasPureTensorSemantics() && !read.getMask() &&
         read.getPermutationMap().isMinorIdentity() &&
         llvm::all_of(read.getInBoundsValues(), [](bool b) { return b; });
}

/// Reads the `resultType` sub-vector at `offsets` (one per leading vector dim
/// of `read`) directly from the tensor.
static Value rereadAt(PatternRewriter &rewriter, vector::TransferReadOp read,
                      ArrayRef<int64_t> offsets, VectorType resultType) {
  Location loc = read.getLoc();
  SmallVector<Value> indices(read.getIndices());
  unsigned firstVectorDim = indices.size() - read.getVectorType().getRank();
  for (auto [i, offset] : llvm::enumerate(offsets)) {
    if (offset == 0)
      continue;
    Value &index = indices[firstVectorDim + i];
    index = arith::AddIOp::create(
        rewriter, loc, index,
        arith::ConstantIndexOp::create(rewriter, loc, offset));
  }
  AffineMap map = AffineMap::getMinorIdentityMap(
      indices.size(), resultType.getRank(), rewriter.getContext());
  SmallVector<bool> inBounds(resultType.getRank(), true);
  return vector::TransferReadOp::create(rewriter, loc, resultType,
                                        read.getBase(), indices,
                                        read.getPadding(), map, inBounds);
}

namespace {
/// vector.extract_strided_slice (unit strides) of a tensor read -> a smaller
/// read. Tensors are immutable, so re-reading is always valid.
struct FoldStridedSliceOfRead
    : public OpRewritePattern<vector::ExtractStridedSliceOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(vector::ExtractStridedSliceOp op,
                                PatternRewriter &rewriter) const override {
    auto read = op.getSource().getDefiningOp<vector::TransferReadOp>();
    if (!isSimpleTensorRead(read) || op.hasNonUnitStrides())
      return failure();
    SmallVector<int64_t> offsets =
        llvm::map_to_vector(op.getOffsets().getAsRange<IntegerAttr>(),
                            [](IntegerAttr attr) { return attr.getInt(); });
    rewriter.replaceOp(op, rereadAt(rewriter, read, offsets, op.getType()));
    return success();
  }
};

/// vector.extract of a sub-vector of a tensor read -> a lower-rank read.
struct FoldExtractOfRead : public OpRewritePattern<vector::ExtractOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(vector::ExtractOp op,
                                PatternRewriter &rewriter) const override {
    auto read = op.getSource().getDefiningOp<vector::TransferReadOp>();
    auto resultType = dyn_cast<VectorType>(op.getType());
    if (!isSimpleTensorRead(read) || !resultType || op.hasDynamicPosition())
      return failure();
    SmallVector<int64_t> offsets(op.getStaticPosition());
    rewriter.replaceOp(op, rereadAt(rewriter, read, offsets, resultType));
    return success();
  }
};
} // namespace

namespace {
/// A 1-D read of a row gather's result (see getRowGather), possibly through
/// unit-stride extract_slices of it -> the same read of the gather's input,
/// at the indices the slices and the gather map to.
struct FoldRowGatherIntoRead : public OpRewritePattern<vector::TransferReadOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(vector::TransferReadOp read,
                                PatternRewriter &rewriter) const override {
    if (!isSimpleTensorRead(read) || read.getVectorType().getRank() != 1)
      return failure();
    // The unit-stride slices between the read and a row gather.
    SmallVector<tensor::ExtractSliceOp> slices;
    Value base = read.getBase();
    while (auto slice = base.getDefiningOp<tensor::ExtractSliceOp>()) {
      if (!slice.hasUnitStride())
        return failure();
      slices.push_back(slice);
      base = slice.getSource();
    }
    linalg::GenericOp gather = getRowGather(base);
    if (!gather)
      return failure();

    // Indices into each slice -> indices into its source.
    Location loc = read.getLoc();
    SmallVector<OpFoldResult> indices = getAsOpFoldResult(read.getIndices());
    AffineExpr a, b;
    bindDims(rewriter.getContext(), a, b);
    for (tensor::ExtractSliceOp slice : slices) {
      llvm::SmallBitVector dropped = slice.getDroppedDims();
      SmallVector<OpFoldResult> sourceIndices;
      unsigned next = 0;
      for (auto [dim, offset] : llvm::enumerate(slice.getMixedOffsets())) {
        if (dropped.test(dim)) {
          sourceIndices.push_back(offset);
          continue;
        }
        sourceIndices.push_back(affine::makeComposedFoldedAffineApply(
            rewriter, loc, a + b, {offset, indices[next++]}));
      }
      indices = std::move(sourceIndices);
    }
    OpOperand *input = gather.getDpsInputOperand(0);
    AffineMap map = gather.getMatchingIndexingMap(input);
    SmallVector<Value> sourceIndices;
    for (AffineExpr expr : map.getResults())
      sourceIndices.push_back(getValueOrCreateConstantIndexOp(
          rewriter, loc,
          affine::makeComposedFoldedAffineApply(
              rewriter, loc, AffineMap::get(map.getNumDims(), 0, expr),
              indices)));
    AffineMap minor = AffineMap::getMinorIdentityMap(
        sourceIndices.size(), 1, rewriter.getContext());
    rewriter.replaceOpWithNewOp<vector::TransferReadOp>(
        read, read.getVectorType(), input->get(), sourceIndices,
        read.getPadding(), minor, ArrayRef<bool>{true});
    return success();
  }
};
} // namespace

static void populateSliceOfReadFoldingPatterns(RewritePatternSet &patterns) {
  patterns.add<FoldStridedSliceOfRead, FoldExtractOfRead,
               FoldRowGatherIntoRead>(patterns.getContext());
}

static void addVectorCanonicalizations(RewritePatternSet &patterns,
                                       MLIRContext *ctx) {
  vector::ContractionOp::getCanonicalizationPatterns(patterns, ctx);
  vector::ExtractOp::getCanonicalizationPatterns(patterns, ctx);
  vector::ExtractStridedSliceOp::getCanonicalizationPatterns(patterns, ctx);
  vector::InsertOp::getCanonicalizationPatterns(patterns, ctx);
  vector::InsertStridedSliceOp::getCanonicalizationPatterns(patterns, ctx);
  vector::BroadcastOp::getCanonicalizationPatterns(patterns, ctx);
  vector::ShapeCastOp::getCanonicalizationPatterns(patterns, ctx);
  vector::TransferReadOp::getCanonicalizationPatterns(patterns, ctx);
  vector::TransferWriteOp::getCanonicalizationPatterns(patterns, ctx);
}

namespace {
struct VectorizeConvsPass
    : public tconv::impl::TConvVectorizeConvsBase<VectorizeConvsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (owTile < 1 || cTile < 1 || fVector < 1 || fTile < fVector ||
        fTile % fVector != 0) {
      func.emitError() << "tconv-vectorize-convs: tiles must be >= 1 and "
                          "f-tile a multiple of f-vector";
      return signalPassFailure();
    }
    SmallVector<linalg::LinalgOp> convs;
    func.walk([&](linalg::LinalgOp op) {
      if (isSchedulable(op))
        convs.push_back(op);
    });

    IRRewriter rewriter(&getContext());
    // Blocked copies of phase filter sources (see blockedCopy), by source and
    // block size.
    llvm::DenseMap<std::pair<Value, int64_t>, Value> blockedCopies;
    // Innermost convolution tiles and the initializer tiles fused with them.
    SmallVector<linalg::LinalgOp> tiles;
    for (linalg::LinalgOp conv : convs) {
      giveOwnInitializer(rewriter, conv);
      ConvLoops loops = *scheduledConv(conv);
      int64_t lanes =
          lanesFor(getElementTypeOrSelf(conv.getDpsInits()[0].getType()));
      // f-tile is in f32 lanes: the same bytes for f64.
      TilePlan target{
          owTile, std::max(lanes, fTile / fVector * lanes),
          cTileFor(conv.getStaticLoopRanges()[loops.kw()], cTile), 0};
      int64_t channels = conv.getStaticLoopRanges()[loops.outChannel];
      tconv::DimPlan f = tconv::planDim(channels, target.outChannel, lanes);
      // Fewer channels than f-tile asks for: more output positions per tile
      // keep as many accumulators in flight (FMA latency, not throughput,
      // bounds a tile with few).
      if (f.splitPoint == 0) {
        int64_t wanted = llvm::divideCeil(target.outChannel, lanes);
        int64_t got = llvm::divideCeil(f.tile, lanes);
        target.ow = owTile * std::min(kMaxOwScale, wanted / got);
      }
      // Several whole blocks of output channels: each reads a packed,
      // contiguous filter slice.
      PackedFilter packing;
      if (loops.kind == ConvKind::Full) {
        if (f.splitPoint == 0 && f.tile < channels) {
          packing.filter = conv.getDpsInputs()[1];
          packing.block = f.tile;
          // The phases of a transposed convolution gather their filters
          // from one taps-first copy of the whole filter: a blocked copy of
          // it, made once, serves every phase in place. Others are packed.
          if (linalg::GenericOp gather = getRowGather(packing.filter)) {
            Value source = gather.getDpsInputs()[0];
            Value &blocked = blockedCopies[{source, f.tile}];
            if (!blocked)
              blocked = blockedCopy(rewriter, source, f.tile);
            if (blocked) {
              rewriter.setInsertionPoint(conv);
              packing.packed = packedViewOfBlockedCopy(
                  rewriter, conv.getLoc(), gather, blocked);
              packing.readInPlace = true;
            }
          }
          if (!packing.packed) {
            rewriter.setInsertionPoint(conv);
            packing.packed =
                packFilter(rewriter, conv.getLoc(), packing.filter, f.tile);
          }
        }
      }
      for (auto [part, plan] :
           splitConvIntoTileableParts(rewriter, conv, loops, target, lanes)) {
        FailureOr<TiledPart> tiled =
            tilePart(rewriter, part, loops, plan, packing);
        if (failed(tiled)) {
          part.emitError() << "tconv-vectorize-convs: tiling failed";
          return signalPassFailure();
        }
        FailureOr<linalg::LinalgOp> conv1d =
            reduceTo1D(rewriter, tiled->conv, loops);
        if (failed(conv1d)) {
          tiled->conv.emitError() << "tconv-vectorize-convs: tile is not 1-D";
          return signalPassFailure();
        }
        if (tiled->initializer)
          tiles.push_back(tiled->initializer);
        tiles.push_back(*conv1d);
      }
      if (packing.packed && !packing.readInPlace)
        fusePacking(rewriter, packing.packed);
    }

    for (linalg::LinalgOp tile : tiles) {
      rewriter.setInsertionPoint(tile);
      FailureOr<linalg::VectorizationResult> result =
          linalg::vectorize(rewriter, tile);
      if (failed(result)) {
        tile.emitError() << "tconv-vectorize-convs: vectorization failed";
        return signalPassFailure();
      }
      rewriter.replaceOp(tile, result->replacements);
    }
    if (tiles.empty())
      return;
    if (failed(lowerVectors(rewriter)))
      return signalPassFailure();
  }

private:
  /// Vector width (elements) for `type`'s element type.
  int64_t lanesFor(Type elementType) const {
    return std::max<int64_t>(1, fVector * 32 /
                                    elementType.getIntOrFloatBitWidth());
  }

  /// Splits each contraction into one per output position, input channel and
  /// vector of output channels, turns the slices of the big transfer_reads into
  /// small reads, hoists the accumulators into registers and lowers the
  /// contractions to broadcast-and-FMA.
  LogicalResult lowerVectors(RewriterBase &rewriter) {
    func::FuncOp func = getOperation();
    MLIRContext *ctx = &getContext();
    auto nativeShape =
        [&](Operation *op) -> std::optional<SmallVector<int64_t>> {
      // Contractions iterate (n, w, f, c), accumulator writes are (n, w, f).
      SmallVector<int64_t> shape;
      Type elementType;
      if (auto contract = dyn_cast<vector::ContractionOp>(op)) {
        shape = *contract.getShapeForUnroll();
        elementType = contract.getResultType();
      } else if (auto write = dyn_cast<vector::TransferWriteOp>(op)) {
        shape = llvm::to_vector(write.getVectorType().getShape());
        elementType = write.getVectorType();
      } else if (auto fma = dyn_cast<vector::FMAOp>(op)) {
        // Depthwise: (n, w, c) multiply-adds.
        shape = llvm::to_vector(fma.getVectorType().getShape());
        elementType = fma.getVectorType();
      } else {
        return std::nullopt;
      }
      int64_t lanes = lanesFor(getElementTypeOrSelf(elementType));
      bool isContract = isa<vector::ContractionOp>(op);
      unsigned fDim = shape.size() - (isContract ? 2 : 1);
      SmallVector<int64_t> native(shape.size(), 1);
      native[fDim] = shape[fDim] % lanes == 0 ? lanes : shape[fDim];
      return native;
    };
    // Input channels outermost: consecutive FMAs go to different
    // accumulators instead of forming one dependency chain.
    auto traversalOrder =
        [](Operation *op) -> std::optional<SmallVector<int64_t>> {
      auto contract = dyn_cast<vector::ContractionOp>(op);
      if (!contract)
        return std::nullopt;
      int64_t rank = contract.getIteratorTypes().size();
      SmallVector<int64_t> order = {rank - 1};
      for (int64_t i = 0; i < rank - 1; ++i)
        order.push_back(i);
      return order;
    };
    {
      RewritePatternSet patterns(ctx);
      vector::populateVectorUnrollPatterns(
          patterns,
          vector::UnrollVectorOptions()
              .setNativeShapeFn(nativeShape)
              .setUnrollTraversalOrderFn(traversalOrder)
              .setFilterConstraint([](Operation *op) {
                return success(isa<vector::ContractionOp,
                                   vector::TransferWriteOp, vector::FMAOp>(op));
              }));
      populateSliceOfReadFoldingPatterns(patterns);
      addVectorCanonicalizations(patterns, ctx);
      if (failed(applyPatternsGreedily(func, std::move(patterns))))
        return func.emitError(
            "tconv-vectorize-convs: unrolling did not converge");
    }
    {
      // Reads and writes of an accumulator slice must agree in shape to be
      // paired by the hoisting: drop leading unit dims everywhere.
      RewritePatternSet patterns(ctx);
      vector::populateCastAwayVectorLeadingOneDimPatterns(patterns);
      addVectorCanonicalizations(patterns, ctx);
      if (failed(applyPatternsGreedily(func, std::move(patterns))))
        return func.emitError(
            "tconv-vectorize-convs: unit-dim folding did not converge");
    }
    // Accumulators: read/write pairs of loop-carried tiles become vector
    // iter_args. Innermost loops first.
    auto hoistAccumulators = [&] {
      func.walk([&](scf::ForOp loop) {
        hoistLoopInvariantSubsets(
            rewriter, cast<LoopLikeOpInterface>(loop.getOperation()));
      });
    };
    hoistAccumulators();
    {
      RewritePatternSet patterns(ctx);
      vector::populateCastAwayVectorLeadingOneDimPatterns(patterns);
      vector::populateVectorContractLoweringPatterns(
          patterns, vector::VectorContractLowering::OuterProduct);
      vector::populateVectorOuterProductLoweringPatterns(patterns);
      vector::populateScalarVectorTransferLoweringPatterns(
          patterns, /*benefit=*/1, /*allowMultipleUses=*/true);
      populateSliceOfReadFoldingPatterns(patterns);
      addVectorCanonicalizations(patterns, ctx);
      if (failed(applyPatternsGreedily(func, std::move(patterns))))
        return func.emitError(
            "tconv-vectorize-convs: contraction lowering did not converge");
    }
    // Strided convolutions write their accumulators through slices of the
    // whole output tile, which only fold into matching pairs above.
    hoistAccumulators();
    return success();
  }
};
} // namespace
