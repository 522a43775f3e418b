//===- VectorizeConvs.cpp - Tile and vectorize channels-last convs -------===//
//
// The schedule of --tconv-lower-to-llvm: split, tile, reduce to 1-D,
// vectorize, hoist the accumulators and lower the contractions to FMAs.
//
//===----------------------------------------------------------------------===//

#include "tconv/Pipelines/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVVECTORIZECONVS
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {

/// Loop dims of linalg.conv_{1,2,3}d_n*c_*cf: (n, o_1..o_d, f, k_1..k_d, c).
struct ConvLoops {
  unsigned rank; // spatial dims
  unsigned ow() const { return rank; }
  unsigned f() const { return rank + 1; }
  unsigned firstKernel() const { return rank + 2; }
  unsigned kw() const { return 2 * rank + 1; }
  unsigned c() const { return 2 * rank + 2; }
  unsigned count() const { return 2 * rank + 3; }
};

/// Either a tile size that divides the dim, or a point to split it at first.
struct DimPlan {
  int64_t tile = 0;
  int64_t splitPoint = 0;
};

/// Tile sizes, per parallel/reduction dim, of one part.
struct TilePlan {
  int64_t ow, f, c;
};

} // namespace

static std::optional<unsigned> scheduledConvRank(Operation *op) {
  if (isa<linalg::Conv1DNwcWcfOp>(op))
    return 1;
  if (isa<linalg::Conv2DNhwcHwcfOp>(op))
    return 2;
  if (isa<linalg::Conv3DNdhwcDhwcfOp>(op))
    return 3;
  return std::nullopt;
}

static bool isSchedulable(linalg::LinalgOp op) {
  if (!scheduledConvRank(op) || !op.hasPureTensorSemantics() ||
      op.hasDynamicShape())
    return false;
  Type elementType = getElementTypeOrSelf(op.getDpsInits()[0].getType());
  if (!elementType.isF32() && !elementType.isF64())
    return false;
  return llvm::all_of(op->getOperandTypes(), [&](Type type) {
    return getElementTypeOrSelf(type) == elementType;
  });
}

/// Picks a tile of at most `target` (and at least target / 2) that divides
/// `size` and is a multiple of `quantum`, or a split point that leaves such
/// a tileable part plus a remainder. A dim smaller than the target (and than
/// the quantum, or a multiple of it) is one tile.
static DimPlan planDim(int64_t size, int64_t target, int64_t quantum) {
  if (size <= target && (size % quantum == 0 || size < quantum))
    return {size, 0};
  int64_t smallest = std::max(quantum, (target + 1) / 2);
  for (int64_t t = target / quantum * quantum; t >= smallest; t -= quantum)
    if (size % t == 0)
      return {t, 0};
  if (size > target)
    return {0, size - size % target};
  return {0, size - size % quantum};
}

/// Splits `op` until each part's ow, f and c extents are a whole number of
/// tiles; returns the parts with their tile sizes.
static SmallVector<std::pair<linalg::LinalgOp, TilePlan>>
splitIntoTileableParts(RewriterBase &rewriter, linalg::LinalgOp op,
                       ConvLoops loops, const TilePlan &target,
                       int64_t quantum) {
  SmallVector<std::pair<linalg::LinalgOp, TilePlan>> done;
  SmallVector<linalg::LinalgOp> worklist = {op};
  while (!worklist.empty()) {
    linalg::LinalgOp part = worklist.pop_back_val();
    SmallVector<int64_t> ranges = part.getStaticLoopRanges();
    DimPlan ow = planDim(ranges[loops.ow()], target.ow, 1);
    DimPlan f = planDim(ranges[loops.f()], target.f, quantum);
    DimPlan c = planDim(ranges[loops.c()], target.c, 1);
    std::optional<std::pair<unsigned, int64_t>> split;
    if (ow.splitPoint)
      split = {loops.ow(), ow.splitPoint};
    else if (f.splitPoint)
      split = {loops.f(), f.splitPoint};
    else if (c.splitPoint)
      split = {loops.c(), c.splitPoint};
    if (!split) {
      done.push_back({part, TilePlan{ow.tile, f.tile, c.tile}});
      continue;
    }
    rewriter.setInsertionPoint(part);
    auto [first, second] = linalg::splitOp(
        rewriter, cast<TilingInterface>(part.getOperation()), split->first,
        rewriter.getIndexAttr(split->second));
    worklist.push_back(cast<linalg::LinalgOp>(first.getOperation()));
    worklist.push_back(cast<linalg::LinalgOp>(second.getOperation()));
  }
  return done;
}

static SmallVector<OpFoldResult> indexAttrs(OpBuilder &b,
                                            ArrayRef<int64_t> values) {
  return llvm::map_to_vector(values, [&](int64_t v) -> OpFoldResult {
    return b.getIndexAttr(v);
  });
}

/// Tiles one part: scf.forall over output tiles, scf.for over the reduction.
/// Returns the innermost tiled convolution.
static FailureOr<linalg::LinalgOp> tilePart(RewriterBase &rewriter,
                                            linalg::LinalgOp part,
                                            ConvLoops loops,
                                            const TilePlan &plan) {
  SmallVector<int64_t> parallel(loops.count(), 0);
  for (unsigned i = 0; i < loops.ow(); ++i)
    parallel[i] = 1; // batch and outer output dims
  parallel[loops.ow()] = plan.ow;
  parallel[loops.f()] = plan.f;
  scf::SCFTilingOptions forallOptions;
  forallOptions.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp)
      .setTileSizes(indexAttrs(rewriter, parallel));
  rewriter.setInsertionPoint(part);
  FailureOr<scf::SCFTilingResult> outer = scf::tileUsingSCF(
      rewriter, cast<TilingInterface>(part.getOperation()), forallOptions);
  if (failed(outer))
    return failure();
  rewriter.replaceOp(part, outer->replacements);

  SmallVector<int64_t> reduction(loops.count(), 0);
  SmallVector<unsigned> reductionDims;
  for (unsigned i = loops.firstKernel(); i < loops.kw(); ++i) {
    reduction[i] = 1; // outer kernel dims
    reductionDims.push_back(i);
  }
  reduction[loops.c()] = plan.c;
  reductionDims.push_back(loops.c());
  auto tiled = cast<TilingInterface>(outer->tiledOps.back());
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
  return cast<linalg::LinalgOp>(inner->tiledOps.back());
}

/// Rewrites a tiled convolution whose outer output and kernel dims are all 1
/// as a linalg.conv_1d_nwc_wcf on rank-reduced slices.
static FailureOr<linalg::Conv1DNwcWcfOp>
reduceTo1D(RewriterBase &rewriter, linalg::LinalgOp conv, unsigned rank) {
  if (auto conv1d = dyn_cast<linalg::Conv1DNwcWcfOp>(conv.getOperation()))
    return conv1d;
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
  // N x D.. x W x C, K.. x KW x C x F, N x O.. x OW x F.
  RankedTensorType inputType = dropDims(input, 1, rank - 1);
  RankedTensorType filterType = dropDims(filter, 0, rank - 1);
  RankedTensorType initType = dropDims(init, 1, rank - 1);
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
  auto lastOf = [&](DenseIntElementsAttr attr) {
    return rewriter.getI64TensorAttr(
        {*std::prev(attr.getValues<int64_t>().end())});
  };
  auto strides = cast<DenseIntElementsAttr>(conv->getAttr("strides"));
  auto dilations = cast<DenseIntElementsAttr>(conv->getAttr("dilations"));
  auto conv1d = linalg::Conv1DNwcWcfOp::create(
      rewriter, loc, initType, ValueRange{input1d, filter1d},
      ValueRange{init1d}, lastOf(strides), lastOf(dilations));
  Value inserted = tensor::createCanonicalRankReducingInsertSliceOp(
      rewriter, loc, conv1d.getResult(0), init);
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
    SmallVector<int64_t> offsets = llvm::map_to_vector(
        op.getOffsets().getAsRange<IntegerAttr>(),
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

static void populateSliceOfReadFoldingPatterns(RewritePatternSet &patterns) {
  patterns.add<FoldStridedSliceOfRead, FoldExtractOfRead>(
      patterns.getContext());
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
    SmallVector<linalg::Conv1DNwcWcfOp> innermost;
    for (linalg::LinalgOp conv : convs) {
      ConvLoops loops{*scheduledConvRank(conv)};
      unsigned bits =
          getElementTypeOrSelf(conv.getDpsInits()[0].getType())
              .getIntOrFloatBitWidth();
      int64_t lanes = std::max<int64_t>(1, fVector * 32 / bits);
      TilePlan target{owTile, std::max(lanes, fTile * 32 / bits), cTile};
      for (auto [part, plan] :
           splitIntoTileableParts(rewriter, conv, loops, target, lanes)) {
        FailureOr<linalg::LinalgOp> tiled =
            tilePart(rewriter, part, loops, plan);
        if (failed(tiled)) {
          part.emitError() << "tconv-vectorize-convs: tiling failed";
          return signalPassFailure();
        }
        FailureOr<linalg::Conv1DNwcWcfOp> conv1d =
            reduceTo1D(rewriter, *tiled, loops.rank);
        if (failed(conv1d)) {
          tiled->emitError() << "tconv-vectorize-convs: tile is not 1-D";
          return signalPassFailure();
        }
        innermost.push_back(*conv1d);
      }
    }

    for (linalg::Conv1DNwcWcfOp conv : innermost) {
      rewriter.setInsertionPoint(conv);
      FailureOr<linalg::VectorizationResult> result =
          linalg::vectorize(rewriter, conv);
      if (failed(result)) {
        conv.emitError() << "tconv-vectorize-convs: vectorization failed";
        return signalPassFailure();
      }
      rewriter.replaceOp(conv, result->replacements);
    }
    if (innermost.empty())
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
  /// vector of output channels, turns the slices of the big transfer_reads into small
  /// reads, hoists the accumulators into registers and lowers the
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
                return success(
                    isa<vector::ContractionOp, vector::TransferWriteOp>(op));
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
    func.walk([&](scf::ForOp loop) {
      hoistLoopInvariantSubsets(rewriter,
                                cast<LoopLikeOpInterface>(loop.getOperation()));
    });
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
    return success();
  }
};
} // namespace
