//===- PrepareUpstreamOps.cpp - Ops the pipeline lowers, or a clear error -===//

#include "tconv/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVPREPAREUPSTREAMOPS
#include "tconv/Conversion/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

namespace {

/// tosa.erf is math.erf on tensors.
struct TosaErfToMath : OpRewritePattern<tosa::ErfOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(tosa::ErfOp op,
                                PatternRewriter &rewriter) const override {
    rewriter.replaceOpWithNewOp<math::ErfOp>(op, op.getInput());
    return success();
  }
};

/// linalg.softmax into its generics.
struct DecomposeSoftmax : OpRewritePattern<linalg::SoftmaxOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::SoftmaxOp op,
                                PatternRewriter &rewriter) const override {
    FailureOr<SmallVector<Value>> results =
        cast<linalg::AggregatedOpInterface>(op.getOperation())
            .decomposeOperation(rewriter);
    if (failed(results))
      return failure();
    rewriter.replaceOp(op, *results);
    return success();
  }
};

/// Dialects --tconv-lower-to-llvm has lowerings for.
bool isLowerableDialect(StringRef name) {
  return llvm::is_contained(
      {"builtin", "func", "arith", "math", "tensor", "linalg", "tosa", "tconv",
       "bufferization", "scf", "affine", "memref", "vector", "index", "cf",
       "ub", "llvm"},
      name);
}

struct PrepareUpstreamOpsPass
    : public tconv::impl::TConvPrepareUpstreamOpsBase<PrepareUpstreamOpsPass> {
  using Base::Base;

  void runOnOperation() override {
    WalkResult unknown = getOperation()->walk([](Operation *op) {
      if (!isLowerableDialect(op->getName().getDialectNamespace())) {
        op->emitError() << "'" << op->getName()
                        << "' cannot be lowered by --tconv-lower-to-llvm (no "
                           "lowering for the '"
                        << op->getName().getDialectNamespace()
                        << "' dialect)";
        return WalkResult::interrupt();
      }
      // Upstream lowerings (TOSA's) assume ranked tensors and crash on
      // others.
      auto isUnranked = [](Type type) {
        return isa<UnrankedTensorType>(type);
      };
      if (llvm::any_of(op->getOperandTypes(), isUnranked) ||
          llvm::any_of(op->getResultTypes(), isUnranked)) {
        op->emitError() << "'" << op->getName()
                        << "' on unranked tensors cannot be lowered by "
                           "--tconv-lower-to-llvm (it needs ranked tensors)";
        return WalkResult::interrupt();
      }
      return WalkResult::advance();
    });
    if (unknown.wasInterrupted())
      return signalPassFailure();
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    patterns.add<TosaErfToMath, DecomposeSoftmax>(ctx);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

LogicalResult mlir::tconv::checkLoweredToLLVM(Operation *root) {
  WalkResult left = root->walk([&](Operation *op) {
    // OpenMP ops are translated to LLVM IR as they are.
    if (op == root || isa<ModuleOp>(op) ||
        llvm::is_contained({"llvm", "omp"},
                           op->getName().getDialectNamespace()))
      return WalkResult::advance();
    op->emitError() << "'" << op->getName()
                    << "' has no lowering to LLVM in --tconv-lower-to-llvm";
    return WalkResult::interrupt();
  });
  return failure(left.wasInterrupted());
}
