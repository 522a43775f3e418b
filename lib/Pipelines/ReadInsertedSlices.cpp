//===- ReadInsertedSlices.cpp - Read inserted values from the destination ===//
//
// After `%d2 = tensor.insert_slice %v into %d`, a later read of %v reads
// the same elements as the matching slice of %d2. One-shot bufferization
// writes %v in place into %d's buffer, then sees the later read of %v as a
// read of a buffer the insert has overwritten (it cannot tell that the
// insert wrote %v's own values), and copies. Reading the slice of %d2
// instead is the same value without the conflict.
//
//===----------------------------------------------------------------------===//

#include "tconv/Pipelines/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dominance.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVREADINSERTEDSLICES
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
struct ReadInsertedSlicesPass
    : public tconv::impl::TConvReadInsertedSlicesBase<ReadInsertedSlicesPass> {
  void runOnOperation() override {
    SmallVector<tensor::InsertSliceOp> inserts;
    getOperation().walk(
        [&](tensor::InsertSliceOp insert) { inserts.push_back(insert); });
    DominanceInfo dominance;
    IRRewriter rewriter(&getContext());
    for (tensor::InsertSliceOp insert : inserts) {
      Value source = insert.getSource();
      auto later = [&](OpOperand &use) {
        return use.getOwner() != insert &&
               dominance.properlyDominates(insert.getOperation(),
                                           use.getOwner());
      };
      if (llvm::none_of(source.getUses(), later))
        continue;
      rewriter.setInsertionPointAfter(insert);
      Value slice = tensor::ExtractSliceOp::create(
          rewriter, insert.getLoc(), insert.getSourceType(),
          insert.getResult(), insert.getMixedOffsets(), insert.getMixedSizes(),
          insert.getMixedStrides());
      rewriter.replaceUsesWithIf(source, slice, [&](OpOperand &use) {
        return use.getOwner() != slice.getDefiningOp() && later(use);
      });
    }
  }
};
} // namespace
