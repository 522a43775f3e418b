//===- ExpandBF16Conversions.cpp - bf16 <-> f32 as integer operations -----===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVEXPANDBF16CONVERSIONS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

static bool isBF16(Type type) { return getElementTypeOrSelf(type).isBF16(); }

/// Vectors LLVM must widen to a register type before it legalizes them.
static bool needsWidening(Type type) {
  auto vector = dyn_cast<VectorType>(type);
  return vector && !llvm::isPowerOf2_64(vector.getNumElements());
}

namespace {
struct ExpandBF16ConversionsPass
    : public tconv::impl::TConvExpandBF16ConversionsBase<
          ExpandBF16ConversionsPass> {
  void runOnOperation() override {
    // Extensions are shifts in LLVM too; truncations of register-sized
    // vectors stay one instruction (vcvtneps2bf16) where LLVM handles them.
    SmallVector<Operation *> conversions;
    getOperation().walk([&](Operation *op) {
      if ((isa<arith::ExtFOp>(op) && isBF16(op->getOperand(0).getType())) ||
          (isa<arith::TruncFOp>(op) && isBF16(op->getResult(0).getType()) &&
           needsWidening(op->getResult(0).getType())))
        conversions.push_back(op);
    });
    RewritePatternSet patterns(&getContext());
    arith::populateExpandBFloat16Patterns(patterns);
    if (failed(applyOpPatternsGreedily(conversions, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
