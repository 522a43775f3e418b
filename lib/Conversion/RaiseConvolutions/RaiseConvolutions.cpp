//===- RaiseConvolutions.cpp - Upstream convolutions to tconv ops --------===//
//
// Visits every TOSA and linalg convolution once, raises it or says why not
// (a remark), then folds the layout changes that meet.
//
//===----------------------------------------------------------------------===//

#include "tconv/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "tconv/Conversion/LinalgToTConv/LinalgToTConv.h"
#include "tconv/Conversion/TosaToTConv/TosaToTConv.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVRAISECONVOLUTIONS
#include "tconv/Conversion/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

bool mlir::tconv::isUpstreamConvolution(Operation *op) {
  if (isa<tosa::Conv2DOp, tosa::Conv3DOp, tosa::DepthwiseConv2DOp,
          tosa::TransposeConv2DOp>(op))
    return true;
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || (!isa<linalg::ConvolutionOpInterface>(op) &&
                    !linalg::isaConvolutionOpInterface(linalgOp)))
    return false;
  // Pooling shares the convolution interface; it multiplies nothing.
  return llvm::any_of(linalgOp.getBlock()->getOperations(), [](Operation &op) {
    return isa<arith::MulFOp, arith::MulIOp>(op);
  });
}

namespace {

struct RaiseConvolutionsPass
    : public tconv::impl::TConvRaiseConvolutionsBase<RaiseConvolutionsPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<Operation *> convolutions;
    getOperation()->walk([&](Operation *op) {
      if (isUpstreamConvolution(op))
        convolutions.push_back(op);
    });
    if (convolutions.empty())
      return;
    MLIRContext *ctx = &getContext();
    IRRewriter rewriter(ctx);
    for (Operation *op : convolutions) {
      std::string whyNot;
      LogicalResult raised =
          isa<linalg::LinalgOp>(op)
              ? raiseLinalgConvolution(rewriter, cast<linalg::LinalgOp>(op),
                                       whyNot)
              : raiseTosaConvolution(rewriter, op, whyNot);
      if (failed(raised))
        op->emitRemark() << "not raised to tconv: " << whyNot;
    }
    // Layout changes that meet (between two raised layers) cancel; the
    // producers folded into the tconv ops become dead.
    RewritePatternSet patterns(ctx);
    linalg::TransposeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
