//===- DecomposePads.cpp - tensor.pad as fill + insert_slice -------------===//

#include "tconv/Pipelines/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVDECOMPOSEPADS
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
struct DecomposePadsPass
    : public tconv::impl::TConvDecomposePadsBase<DecomposePadsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    linalg::populateDecomposePadPatterns(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
