//===- ForwardResultCopies.cpp - Results built in their out-param ---------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVFORWARDRESULTCOPIES
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
struct ForwardResultCopiesPass
    : public tconv::impl::TConvForwardResultCopiesBase<
          ForwardResultCopiesPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (!func.isPublic() || func.isExternal())
      return;
    Block &body = func.front();
    for (auto copy :
         llvm::make_early_inc_range(body.getOps<memref::CopyOp>())) {
      auto out = dyn_cast<BlockArgument>(copy.getTarget());
      // Through loops that update the buffer in place (the image loop).
      Value source = copy.getSource();
      while (auto loop = source.getDefiningOp<scf::ForOp>()) {
        auto result = cast<OpResult>(source);
        unsigned index = result.getResultNumber();
        if (!result.hasOneUse() ||
            loop.getYieldedValues()[index] != loop.getRegionIterArgs()[index])
          break;
        source = loop.getInitArgs()[index];
      }
      auto alloc = source.getDefiningOp<memref::AllocOp>();
      if (!out || out.getOwner() != &body || !out.hasOneUse() || !alloc ||
          alloc->getBlock() != &body || alloc.getType() != out.getType())
        continue;
      // Every use of the buffer must come before the copy.
      bool usedAfter = llvm::any_of(alloc->getUsers(), [&](Operation *user) {
        Operation *top = body.findAncestorOpInBlock(*user);
        return !top || copy->isBeforeInBlock(top);
      });
      if (usedAfter)
        continue;
      copy.erase();
      alloc.replaceAllUsesWith(Value(out));
      alloc.erase();
    }
  }
};
} // namespace
