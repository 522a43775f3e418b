//===- DecomposePads.cpp - tensor.pad as border fills + insert_slice -----===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVDECOMPOSEPADS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
/// A static tensor.pad with a constant padding value becomes one fill per
/// border slab and an insert_slice of the source: every element is written
/// once. Slab `d` spans the padding of dim `d`, the interior of the dims
/// before it and the whole of the dims after it, so slabs never overlap.
struct DecomposeStaticPad : public OpRewritePattern<tensor::PadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::PadOp pad,
                                PatternRewriter &rewriter) const override {
    Value padding = pad.getConstantPaddingValue();
    RankedTensorType sourceType = pad.getSourceType();
    RankedTensorType resultType = pad.getResultType();
    if (!padding || !sourceType.hasStaticShape() ||
        !resultType.hasStaticShape())
      return failure();
    ArrayRef<int64_t> low = pad.getStaticLow();
    if (ShapedType::isDynamicShape(low) ||
        ShapedType::isDynamicShape(pad.getStaticHigh()))
      return failure();

    Location loc = pad.getLoc();
    ArrayRef<int64_t> source = sourceType.getShape();
    ArrayRef<int64_t> padded = resultType.getShape();
    Type elementType = resultType.getElementType();
    unsigned rank = padded.size();
    Value result =
        tensor::EmptyOp::create(rewriter, loc, padded, elementType);
    auto fillSlab = [&](SmallVector<int64_t> offsets,
                        SmallVector<int64_t> sizes) {
      Value slab = tensor::EmptyOp::create(rewriter, loc, sizes, elementType);
      Value filled =
          linalg::FillOp::create(rewriter, loc, padding, slab).getResult(0);
      SmallVector<int64_t> strides(rank, 1);
      result = tensor::InsertSliceOp::create(rewriter, loc, filled, result,
                                             ValueRange(), ValueRange(),
                                             ValueRange(), offsets, sizes,
                                             strides);
    };
    for (unsigned d = 0; d < rank; ++d) {
      SmallVector<int64_t> offsets(rank, 0), sizes(padded);
      for (unsigned before = 0; before < d; ++before) {
        offsets[before] = low[before];
        sizes[before] = source[before];
      }
      int64_t high = padded[d] - low[d] - source[d];
      if (low[d] > 0) {
        sizes[d] = low[d];
        fillSlab(offsets, sizes);
      }
      if (high > 0) {
        offsets[d] = low[d] + source[d];
        sizes[d] = high;
        fillSlab(offsets, sizes);
      }
    }
    SmallVector<int64_t> strides(rank, 1);
    rewriter.replaceOpWithNewOp<tensor::InsertSliceOp>(
        pad, pad.getSource(), result, ValueRange(), ValueRange(), ValueRange(),
        low, source, strides);
    return success();
  }
};

struct DecomposePadsPass
    : public tconv::impl::TConvDecomposePadsBase<DecomposePadsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<DecomposeStaticPad>(&getContext(), /*benefit=*/2);
    // Anything else (dynamic shapes, index-dependent padding values): fill
    // the whole result, then insert the source.
    linalg::populateDecomposePadPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
