//===- ApproximateMath.cpp - Transcendentals as vectorizable polynomials --===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVAPPROXIMATEMATH
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The functions LLVM would otherwise call libm for, one element at a time.
static bool isApproximated(StringRef name) {
  return llvm::is_contained({"math.tanh", "math.exp", "math.log", "math.expm1",
                             "math.log1p", "math.erf"},
                            name);
}

namespace {
struct ApproximateMathPass
    : public tconv::impl::TConvApproximateMathBase<ApproximateMathPass> {
  void runOnOperation() override {
    SmallVector<Operation *> mathOps;
    getOperation().walk([&](Operation *op) {
      if (isApproximated(op->getName().getStringRef()))
        mathOps.push_back(op);
    });
    if (mathOps.empty())
      return;
    RewritePatternSet patterns(&getContext());
    // f16 and bf16 through f32: the approximations are f32 only.
    populateMathF32ExpansionPatterns(patterns, isApproximated);
    populateMathPolynomialApproximationPatterns(patterns, isApproximated);
    if (failed(applyOpPatternsGreedily(mathOps, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
