//===- VectorizeConvsFMA.cpp - Vectorized conv tiles lowered to FMAs -----===//
//
// Part of tconv-vectorize-convs: the contractions of the vectorized 1-D
// convolution tiles are unrolled to one vector of output channels each,
// their operands re-read in small pieces, their accumulators hoisted into
// registers and the contractions lowered to broadcast-and-FMA.
//
//===----------------------------------------------------------------------===//

#include "VectorizeConvs.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/LoopInvariantCodeMotionUtils.h"

using namespace mlir;
using namespace mlir::tconv;

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
    AffineMap minor = AffineMap::getMinorIdentityMap(sourceIndices.size(), 1,
                                                     rewriter.getContext());
    rewriter.replaceOpWithNewOp<vector::TransferReadOp>(
        read, read.getVectorType(), input->get(), sourceIndices,
        read.getPadding(), minor, ArrayRef<bool>{true});
    return success();
  }
};
} // namespace

static void populateSliceOfReadFoldingPatterns(RewritePatternSet &patterns) {
  patterns
      .add<FoldStridedSliceOfRead, FoldExtractOfRead, FoldRowGatherIntoRead>(
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

LogicalResult mlir::tconv::lowerToFMAs(RewriterBase &rewriter,
                                       func::FuncOp func,
                                       function_ref<int64_t(Type)> lanesFor) {
  MLIRContext *ctx = func.getContext();
  auto nativeShape = [&](Operation *op) -> std::optional<SmallVector<int64_t>> {
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
              return success(isa<vector::ContractionOp, vector::TransferWriteOp,
                                 vector::FMAOp>(op));
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
      hoistLoopInvariantSubsets(rewriter,
                                cast<LoopLikeOpInterface>(loop.getOperation()));
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
  return startAccumulatorsFromInitializers(rewriter, func);
}
