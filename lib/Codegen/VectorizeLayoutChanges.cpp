//===- VectorizeLayoutChanges.cpp - Transposes as vector tile shuffles ---===//
//
// Layout changes (NCHW <-> NHWC, with whatever elementwise ops fused into
// them) are transposes: as loops, one side is read or written with a large
// stride. Tiled into square blocks of the two dims that swap places, each
// block is read with contiguous vector loads, transposed in registers and
// written with contiguous vector stores.
//
// Longer than a pass file usually is: the block's shape, the loops merged
// before tiling, the padding of the buffer written and the shuffles the
// blocks lower to decide one copy's speed together, and are tuned against
// each other (the comments below give the measurements).
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/BatchLoop.h"

#include "FunctionInputs.h"
#include "TileSplitting.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
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
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVVECTORIZELAYOUTCHANGES
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The (input minor, output minor) loop dims of a layout change: a static,
/// all-parallel linalg.generic on tensors with an identity output map and an
/// input read along a different innermost loop than the output.
static std::optional<std::pair<unsigned, unsigned>>
transposedDims(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape() ||
      op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 0 ||
      op.getNumLoops() < 2)
    return std::nullopt;
  if (!op.getMatchingIndexingMap(op.getDpsInitOperand(0)).isIdentity())
    return std::nullopt;
  unsigned outMinor = op.getNumLoops() - 1;
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    if (!map.isProjectedPermutation() || map.getNumResults() == 0)
      continue;
    unsigned inMinor =
        cast<AffineDimExpr>(map.getResults().back()).getPosition();
    if (inMinor != outMinor)
      return std::make_pair(inMinor, outMinor);
  }
  return std::nullopt;
}

/// Whether `value` is a whole tensor of its own (not a slice of a bigger one):
/// a collapse_shape of it bufferizes to a view, not a copy.
static bool isWholeTensor(Value value) {
  if (tconv::isFunctionInput(value))
    return true;
  Operation *def = value.getDefiningOp();
  if (!def)
    return false;
  if (isa<tensor::EmptyOp, tensor::ExpandShapeOp, tensor::CollapseShapeOp,
          arith::ConstantOp>(def))
    return true;
  if (auto insert = dyn_cast<tensor::InsertSliceOp>(def))
    return isWholeTensor(insert.getDest());
  if (auto forall = dyn_cast<scf::ForallOp>(def))
    return isWholeTensor(
        forall.getTiedOpOperand(cast<OpResult>(value))->get());
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(def))
    return isWholeTensor(dps.getTiedOpOperand(cast<OpResult>(value))->get());
  return false;
}

/// Whether the consecutive dims `dims` of `value` lie contiguously in its
/// buffer, so that a collapse_shape merging them is a view: those of a whole
/// tensor do, and those of a unit-stride slice when every dim but the first
/// spans its source (a chunk of a filter's output channels merges its taps;
/// a padded buffer's interior, whose rows are cut short, merges nothing).
static bool mergesAsView(Value value, ArrayRef<int64_t> dims) {
  if (isWholeTensor(value))
    return true;
  auto slice = value.getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice || !slice.hasUnitStride() ||
      slice.getSourceType().getRank() != slice.getType().getRank())
    return false;
  for (int64_t dim : dims.drop_front())
    if (slice.getStaticSizes()[dim] != slice.getSourceType().getDimSize(dim))
      return false;
  return mergesAsView(slice.getSource(), dims);
}

/// Merges runs of loops that every operand reads in the same order, one
/// after the other (the kh, kw of a filter, the h, w of an image whose
/// channels move), into one loop. The blocks then span the merged loop: a
/// 4x4-tap filter moves as 16x16 blocks instead of 4x16 ones (1.6x faster
/// on a 8 MB filter), an image as 16x16 blocks without 56 = 3 x 16 + 8
/// remainders. Only runs every operand merges as a view (mergesAsView),
/// and no result that is returned or materialized in a destination (an
/// expand_shape is not built in the caller's buffer).
static linalg::GenericOp collapseContiguousLoops(RewriterBase &rewriter,
                                                 linalg::GenericOp op) {
  if (llvm::any_of(op->getUsers(),
                   llvm::IsaPred<func::ReturnOp,
                                 bufferization::MaterializeInDestinationOp>))
    return op;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  // The dims of `operand` that a run of loops reads (consecutive ones).
  auto operandDims = [&](OpOperand &operand, ArrayRef<int64_t> run) {
    SmallVector<int64_t> dims;
    AffineMap map = op.getMatchingIndexingMap(&operand);
    for (int64_t loop : run)
      if (std::optional<unsigned> dim = map.getResultPosition(
              getAffineDimExpr(loop, op.getContext())))
        dims.push_back(*dim);
    return dims;
  };
  SmallVector<ReassociationIndices> runs;
  unsigned numLoops = op.getNumLoops();
  for (unsigned first = 0; first < numLoops;) {
    ReassociationIndices run = {static_cast<int64_t>(first)};
    while (run.back() + 1 < static_cast<int64_t>(numLoops)) {
      ReassociationIndices longer = run;
      longer.push_back(run.back() + 1);
      if (!linalg::areDimSequencesPreserved(maps, {longer}))
        break;
      run = std::move(longer);
    }
    first = run.back() + 1;
    if (run.size() > 1 && llvm::all_of(op->getOpOperands(), [&](OpOperand &o) {
          return mergesAsView(o.get(), operandDims(o, run));
        }))
      runs.push_back(std::move(run));
  }
  if (runs.empty())
    return op;
  rewriter.setInsertionPoint(op);
  FailureOr<linalg::CollapseResult> collapsed =
      linalg::collapseOpIterationDims(op, runs, rewriter);
  if (failed(collapsed))
    return op;
  rewriter.replaceOp(op, collapsed->results);
  return cast<linalg::GenericOp>(collapsed->collapsedOp.getOperation());
}

/// Rows this many bytes apart (or a multiple) share one or two sets of an
/// L1 data cache: sets are indexed by address bits 6-11 (32 KiB 8-way, 48
/// KiB 12-way alike).
static constexpr int64_t kL1SetAliasBytes = 2048;

/// Smallest buffer padded: a smaller one stays in L1 and L2 whatever its
/// sets (T3's 32 KiB bf16 filter ran 1.5% slower padded).
static constexpr int64_t kMinPaddedBytes = 64 * 1024;

/// Whether `value`, or a slice of it, is reshaped.
static bool isReshaped(Value value) {
  return llvm::any_of(value.getUsers(), [](Operation *user) {
    if (isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(user))
      return true;
    auto slice = dyn_cast<tensor::ExtractSliceOp>(user);
    return slice && isReshaped(slice.getResult());
  });
}

/// Pads the buffer a layout change writes when the rows of a block (one per
/// step of the loop its input reads innermost) would lie a multiple of
/// kL1SetAliasBytes apart: a block's 16 stores would then fight over one L1
/// set, each line evicted before its neighbour is written. The dim inside
/// the rows' dim grows by whole lines; the op writes the unpadded slice of
/// the longer tensor. Only a fresh tensor of the op's own, not returned
/// (the caller's buffer keeps its layout), not reshaped (a reshape that
/// merged the padded dim with another would copy it: the pairs of input
/// channels that vdpbf16ps tiles read merge taps and channels), and not in
/// a batch's per-image function (tconv-hoist-batch-invariants may move the
/// change to the batch loop, which passes its buffer to the image function
/// in the layout of the function's argument: a padded one would be copied
/// per image) but a lone image's, from which nothing moves.
static void padAliasingRows(RewriterBase &rewriter, linalg::GenericOp op,
                            unsigned inMinor) {
  Value init = op.getDpsInits()[0];
  auto empty = init.getDefiningOp<tensor::EmptyOp>();
  auto function = op->getParentOfType<func::FuncOp>();
  if (!empty || !empty->hasOneUse() ||
      tconv::mayMoveWorkToBatchLoop(function) ||
      llvm::any_of(op->getUsers(),
                   llvm::IsaPred<func::ReturnOp,
                                 bufferization::MaterializeInDestinationOp>) ||
      isReshaped(op->getResult(0)))
    return;
  RankedTensorType type = empty.getType();
  if (!type.hasStaticShape() || type.getElementTypeBitWidth() % 8 != 0 ||
      type.getNumElements() * (type.getElementTypeBitWidth() / 8) <
          kMinPaddedBytes)
    return;
  // The output map is the identity: the rows' dim is the loop's.
  ArrayRef<int64_t> shape = type.getShape();
  int64_t inner = type.getElementTypeBitWidth() / 8;
  for (int64_t size : shape.drop_front(inMinor + 2))
    inner *= size;
  int64_t rowBytes = inner * shape[inMinor + 1];
  if (rowBytes % kL1SetAliasBytes != 0)
    return;
  int64_t extra = inner % 64 == 0 ? 1 : (64 % inner == 0 ? 64 / inner : 0);
  if (extra == 0 || (rowBytes + extra * inner) % kL1SetAliasBytes == 0)
    return;
  SmallVector<int64_t> padded(shape);
  padded[inMinor + 1] += extra;
  rewriter.setInsertionPoint(op);
  Location loc = empty.getLoc();
  Value longer = tensor::EmptyOp::create(rewriter, loc, padded,
                                         type.getElementType());
  SmallVector<OpFoldResult> offsets(shape.size(), rewriter.getIndexAttr(0));
  SmallVector<OpFoldResult> strides(shape.size(), rewriter.getIndexAttr(1));
  Value slice = tensor::ExtractSliceOp::create(
      rewriter, loc, type, longer, offsets,
      getAsIndexOpFoldResult(rewriter.getContext(), shape), strides);
  rewriter.modifyOpInPlace(op, [&] { op.getDpsInitsMutable()[0].set(slice); });
  rewriter.eraseOp(empty);
}

/// Fewest chunks a layout change whose blocks would be shared out by
/// channel is cut into along its spatial dims: enough for the threads to
/// share (the chunks are contiguous rows, like the producer's split).
static constexpr int64_t kMinSpatialChunks = 8;

/// Tile sizes that cut a layout change into chunks along its outer spatial
/// dims (0: untiled), when the dim it reads innermost (the channels of an
/// NHWC -> NCHW change) is the outermost one it iterates: split by block,
/// each thread would read the channels of every position, half of them
/// written by another thread's convolution (on a host whose vCPUs sit far
/// apart a cache line's round trip takes 330-800 ns instead of 60-120). In
/// chunks of rows, each thread changes the rows whose outputs it computed,
/// one channel block after the other (its 16 output planes written in runs
/// of a chunk's rows). std::nullopt when the blocks already split by
/// position (NCHW -> NHWC) or nothing is left to cut.
static std::optional<SmallVector<int64_t>>
spatialChunkSizes(linalg::GenericOp op, unsigned inMinor, unsigned outMinor) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  auto isOuterLoop = [&](unsigned dim) {
    return dim != inMinor && dim != outMinor && ranges[dim] > 1;
  };
  for (unsigned dim = 0; dim < inMinor; ++dim)
    if (isOuterLoop(dim) || dim == outMinor)
      return std::nullopt;
  SmallVector<int64_t> sizes(ranges.size(), 0);
  int64_t chunks = 1;
  bool cut = false;
  for (unsigned dim = 0; dim < ranges.size() && chunks < kMinSpatialChunks;
       ++dim) {
    if (!isOuterLoop(dim))
      continue;
    // The largest chunk that divides the dim and leaves enough chunks
    // (static shapes for the vectorizer); whole-dim steps otherwise.
    int64_t size = 1;
    for (int64_t candidate = ranges[dim]; candidate > 1; --candidate)
      if (ranges[dim] % candidate == 0 &&
          chunks * (ranges[dim] / candidate) >= kMinSpatialChunks) {
        size = candidate;
        break;
      }
    sizes[dim] = size;
    chunks *= ranges[dim] / size;
    cut = true;
  }
  if (!cut)
    return std::nullopt;
  return sizes;
}

namespace {
/// Whether `op` narrows 32-bit inputs to a 16-bit result (f32 accumulators
/// to a bf16 or f16 output): its blocks are then twice as long along the
/// dim it writes, so that each row written is a whole 64-byte line that
/// tconv-streaming-result-stores can stream (a 16-bit row of 16 lanes is
/// half a line: each store read its line first).
static bool narrowsToHalf(linalg::GenericOp op) {
  auto width = [](Value v) {
    return cast<ShapedType>(v.getType()).getElementTypeBitWidth();
  };
  return width(op.getDpsInits()[0]) == 16 &&
         llvm::all_of(op.getDpsInputs(),
                      [&](Value input) { return width(input) == 32; });
}

/// Transposes 16-bit floats as i16: shuffles only move bits, and LLVM 22's
/// x86 backend cannot select some shuffles of bf16 vectors (VPERM2X128 of
/// v16bf16 aborts the compile), while every integer shuffle has a pattern.
struct TransposeHalfFloatsAsIntegers
    : public OpRewritePattern<vector::TransposeOp> {
  TransposeHalfFloatsAsIntegers(MLIRContext *ctx)
      : OpRewritePattern(ctx, /*benefit=*/2) {}

  LogicalResult matchAndRewrite(vector::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    VectorType type = op.getSourceVectorType();
    auto element = dyn_cast<FloatType>(type.getElementType());
    if (!element || element.getWidth() != 16 || type.getRank() == 0)
      return failure();
    Location loc = op.getLoc();
    VectorType bits = type.clone(rewriter.getI16Type());
    Value source =
        vector::BitCastOp::create(rewriter, loc, bits, op.getVector());
    Value moved =
        vector::TransposeOp::create(rewriter, loc, source, op.getPermutation());
    rewriter.replaceOpWithNewOp<vector::BitCastOp>(op, op.getResultVectorType(),
                                                   moved);
    return success();
  }
};

/// A block of two rows transposed (2 x N -> N x 2: bf16 filter values
/// packed in pairs of input channels) as one two-input shuffle of its rows,
/// which interleaves them. The generic lowering shuffles the block flattened
/// into one vector, built from the two rows element by element once the
/// reads are unrolled; LLVM then assembles it through the stack. 16-bit
/// floats are shuffled as i16 rows (see TransposeHalfFloatsAsIntegers).
struct TransposeTwoRowsAsInterleave
    : public OpRewritePattern<vector::TransposeOp> {
  TransposeTwoRowsAsInterleave(MLIRContext *ctx)
      : OpRewritePattern(ctx, /*benefit=*/3) {}

  LogicalResult matchAndRewrite(vector::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    VectorType type = op.getSourceVectorType();
    if (type.getRank() != 2 || type.getDimSize(0) != 2 || type.isScalable())
      return failure();
    int64_t width = type.getDimSize(1);
    auto row = VectorType::get({width}, type.getElementType());
    VectorType bits = row;
    if (isa<BFloat16Type, Float16Type>(type.getElementType()))
      bits = row.clone(rewriter.getI16Type());
    Location loc = op.getLoc();
    auto rowBits = [&](int64_t i) -> Value {
      Value value = vector::ExtractOp::create(rewriter, loc, op.getVector(), i);
      if (bits == row)
        return value;
      return vector::BitCastOp::create(rewriter, loc, bits, value);
    };
    Value first = rowBits(0), second = rowBits(1);
    SmallVector<int64_t> interleave;
    for (int64_t i = 0; i < width; ++i)
      interleave.append({i, width + i});
    Value pairs =
        vector::ShuffleOp::create(rewriter, loc, first, second, interleave);
    if (bits != row)
      pairs = vector::BitCastOp::create(
          rewriter, loc, VectorType::get({2 * width}, type.getElementType()),
          pairs);
    rewriter.replaceOpWithNewOp<vector::ShapeCastOp>(
        op, op.getResultVectorType(), pairs);
    return success();
  }
};

struct VectorizeLayoutChangesPass
    : public tconv::impl::TConvVectorizeLayoutChangesBase<
          VectorizeLayoutChangesPass> {
  using Base::Base;

  void runOnOperation() override {
    if (tile < 1) {
      getOperation().emitError()
          << "tconv-vectorize-layout-changes: tile must be >= 1";
      return signalPassFailure();
    }
    IRRewriter rewriter(&getContext());
    // Plain transposes (tosa.transpose lowers to linalg.transpose) are layout
    // changes like the generics around convolutions.
    SmallVector<linalg::TransposeOp> transposes;
    getOperation().walk([&](linalg::TransposeOp op) {
      if (op.hasPureTensorSemantics() && !op.hasDynamicShape())
        transposes.push_back(op);
    });
    for (linalg::TransposeOp op : transposes) {
      rewriter.setInsertionPoint(op);
      (void)linalg::generalizeNamedOp(rewriter, op);
    }
    SmallVector<linalg::GenericOp> layoutChanges;
    getOperation().walk([&](linalg::GenericOp op) {
      if (transposedDims(op) && succeeded(linalg::vectorizeOpPrecondition(op)))
        layoutChanges.push_back(op);
    });
    SmallVector<std::pair<linalg::GenericOp, std::pair<unsigned, unsigned>>>
        candidates;
    for (linalg::GenericOp op : layoutChanges) {
      padAliasingRows(rewriter, op, transposedDims(op)->first);
      linalg::GenericOp collapsed = collapseContiguousLoops(rewriter, op);
      if (std::optional<std::pair<unsigned, unsigned>> dims =
              transposedDims(collapsed))
        candidates.push_back({collapsed, *dims});
    }
    if (candidates.empty())
      return;

    // Whole `tile` x `tile` blocks first, then the remainders in blocks of
    // at most 8: a block other than 16x16 becomes one long shuffle, which
    // LLVM lowers well up to 8x8 (14x16 blocks took 2x the time of 8x8).
    int64_t remainderQuantum = std::min<int64_t>(tile, 8);
    SmallVector<linalg::GenericOp> blocks;
    for (auto [wholeOp, dims] : candidates) {
      auto [inMinor, outMinor] = dims;
      linalg::GenericOp op = wholeOp;
      if (std::optional<SmallVector<int64_t>> chunk =
              spatialChunkSizes(op, inMinor, outMinor)) {
        FailureOr<linalg::GenericOp> inner =
            tileWithForall(rewriter, op, *chunk);
        if (failed(inner)) {
          op.emitError() << "tconv-vectorize-layout-changes: tiling failed";
          return signalPassFailure();
        }
        op = *inner;
      }
      int64_t outTile = tile;
      if (narrowsToHalf(op) &&
          op.getStaticLoopRanges()[outMinor] % (2 * tile) == 0)
        outTile = 2 * tile;
      SmallVector<linalg::LinalgOp> parts;
      for (auto [part, tiles] : tconv::splitIntoTileableParts(
               rewriter, op,
               {{inMinor, tile, tile}, {outMinor, outTile, outTile}}))
        parts.push_back(part);
      for (linalg::LinalgOp whole : parts)
        for (auto [part, tiles] : tconv::splitIntoTileableParts(
                 rewriter, whole,
                 {{inMinor, tile, remainderQuantum},
                  {outMinor, outTile, remainderQuantum}})) {
          // A remainder one element wide is no transpose: plain loops.
          if (tiles[0] == 1 || tiles[1] == 1)
            continue;
          for (auto [piece, pieceTiles] :
               splitIntoPowersOfTwo(rewriter, part, inMinor, tiles[0],
                                    outMinor, tiles[1])) {
            if (pieceTiles.first == 1 || pieceTiles.second == 1)
              continue;
            FailureOr<linalg::GenericOp> block =
                tileAndDropUnitDims(rewriter, piece, inMinor,
                                    pieceTiles.first, outMinor,
                                    pieceTiles.second);
            if (failed(block)) {
              part.emitError()
                  << "tconv-vectorize-layout-changes: tiling failed";
              return signalPassFailure();
            }
            blocks.push_back(*block);
          }
        }
    }
    for (linalg::GenericOp block : blocks) {
      rewriter.setInsertionPoint(block);
      FailureOr<linalg::VectorizationResult> result =
          linalg::vectorize(rewriter, block);
      if (failed(result)) {
        block.emitError()
            << "tconv-vectorize-layout-changes: vectorization failed";
        return signalPassFailure();
      }
      rewriter.replaceOp(block, result->replacements);
    }

    // Permuted reads become contiguous reads and a vector.transpose, lowered
    // to shuffles: 16x16 blocks as the 4-stage unpack/128-bit-lane network
    // (64 two-input shuffles; LLVM's lowering of the one 256-lane shuffle
    // took 1.5x the time), any other block as one shuffle; a narrowing
    // change's blocks as two of those networks (T6 in bf16: its final layout
    // change 0.105 -> 0.078 ms with whole streamed lines).
    RewritePatternSet patterns(&getContext());
    vector::UnrollVectorOptions halves;
    int64_t square = tile;
    halves.setNativeShapeFn(
        [square](Operation *op) -> std::optional<SmallVector<int64_t>> {
          auto transpose = dyn_cast<vector::TransposeOp>(op);
          if (!transpose)
            return std::nullopt;
          VectorType type = transpose.getSourceVectorType();
          if (type.getRank() != 2 || type.getElementTypeBitWidth() != 32 ||
              type.getNumElements() <= square * square ||
              type.getDimSize(0) % square != 0 ||
              type.getDimSize(1) % square != 0)
            return std::nullopt;
          return SmallVector<int64_t>{square, square};
        });
    // Before the lowering: a block larger than `tile` x `tile` would
    // otherwise become one long shuffle.
    vector::populateVectorUnrollPatterns(patterns, halves, /*benefit=*/2);
    patterns.add<TransposeHalfFloatsAsIntegers, TransposeTwoRowsAsInterleave>(
        &getContext());
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    vector::populateVectorTransposeLoweringPatterns(
        patterns, vector::VectorTransposeLowering::Shuffle16x16);
    vector::TransferReadOp::getCanonicalizationPatterns(patterns,
                                                        &getContext());
    vector::TransferWriteOp::getCanonicalizationPatterns(patterns,
                                                         &getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }

private:
  /// Splits a part tiled by `inTile` x `outTile` blocks until both block
  /// sizes are powers of two (6 = 4 + 2), with the block sizes of each
  /// piece. LLVM 22's x86 backend miscompiles some shuffles of vectors
  /// of other lengths on AVX-512 (a 4x6 f64 block read partly from a
  /// forwarded 8-wide store lost a lane: a silent wrong answer).
  SmallVector<std::pair<linalg::LinalgOp, std::pair<int64_t, int64_t>>>
  splitIntoPowersOfTwo(RewriterBase &rewriter, linalg::LinalgOp op,
                       unsigned inMinor, int64_t inTile, unsigned outMinor,
                       int64_t outTile) {
    SmallVector<std::pair<linalg::LinalgOp, std::pair<int64_t, int64_t>>>
        done, worklist = {{op, {inTile, outTile}}};
    while (!worklist.empty()) {
      // Named, not bound: the lambda below captures them.
      linalg::LinalgOp piece = worklist.back().first;
      std::pair<int64_t, int64_t> tiles = worklist.back().second;
      worklist.pop_back();
      SmallVector<int64_t> ranges = piece.getStaticLoopRanges();
      // Remainder blocks are one block wide; other tiles (a `tile` option
      // that is no power of two) are kept.
      auto splitDim = [&](unsigned dim, int64_t t, bool first) -> bool {
        if (llvm::isPowerOf2_64(t) || ranges[dim] != t)
          return false;
        int64_t head = llvm::bit_floor(static_cast<uint64_t>(t));
        rewriter.setInsertionPoint(piece);
        auto [a, b] = linalg::splitOp(
            rewriter, cast<TilingInterface>(piece.getOperation()), dim,
            rewriter.getIndexAttr(head));
        auto other = first ? tiles.second : tiles.first;
        auto pair = [&](int64_t mine) {
          return first ? std::make_pair(mine, other)
                       : std::make_pair(other, mine);
        };
        worklist.push_back({cast<linalg::LinalgOp>(a.getOperation()),
                            pair(head)});
        worklist.push_back({cast<linalg::LinalgOp>(b.getOperation()),
                            pair(t - head)});
        return true;
      };
      if (splitDim(inMinor, tiles.first, true) ||
          splitDim(outMinor, tiles.second, false))
        continue;
      done.push_back({piece, tiles});
    }
    return done;
  }

  /// Tiles `op` with scf.forall into blocks of `inTile` x `outTile` over the
  /// two swapped dims (1 elsewhere) and makes the block a 2-D generic.
  FailureOr<linalg::GenericOp>
  tileAndDropUnitDims(RewriterBase &rewriter, linalg::LinalgOp op,
                      unsigned inMinor, int64_t inTile, unsigned outMinor,
                      int64_t outTile) {
    SmallVector<int64_t> sizes(op.getNumLoops(), 1);
    sizes[inMinor] = inTile;
    sizes[outMinor] = outTile;
    FailureOr<linalg::GenericOp> block = tileWithForall(rewriter, op, sizes);
    if (failed(block))
      return failure();
    return dropUnitDims(rewriter, *block);
  }

  /// Tiles `op` with an scf.forall by `sizes` (0: untiled); the tile.
  static FailureOr<linalg::GenericOp>
  tileWithForall(RewriterBase &rewriter, linalg::LinalgOp op,
                 ArrayRef<int64_t> sizes) {
    scf::SCFTilingOptions options;
    options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp)
        .setTileSizes(getAsIndexOpFoldResult(rewriter.getContext(), sizes));
    rewriter.setInsertionPoint(op);
    FailureOr<scf::SCFTilingResult> tiled = scf::tileUsingSCF(
        rewriter, cast<TilingInterface>(op.getOperation()), options);
    if (failed(tiled))
      return failure();
    rewriter.replaceOp(op, tiled->replacements);
    return cast<linalg::GenericOp>(tiled->tiledOps.back());
  }

  /// `block` as a generic without its unit dims (2-D).
  static linalg::GenericOp dropUnitDims(RewriterBase &rewriter,
                                        linalg::GenericOp block) {
    linalg::ControlDropUnitDims control;
    control.rankReductionStrategy =
        linalg::ControlDropUnitDims::RankReductionStrategy::ExtractInsertSlice;
    rewriter.setInsertionPoint(block);
    FailureOr<linalg::DropUnitDimsResult> dropped =
        linalg::dropUnitDims(rewriter, block, control);
    if (failed(dropped))
      return block;
    rewriter.replaceOp(block, dropped->replacements);
    return cast<linalg::GenericOp>(dropped->resultOp.getOperation());
  }
};
} // namespace
