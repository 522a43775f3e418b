//===- ForwardResultCopies.cpp - Results built in their out-param ---------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVFORWARDRESULTCOPIES
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The buffer that `value` is, through loops that update it in place (the
/// image loop) and scf.ifs whose branches both yield it (the loops over
/// chunks and single images of a dynamic batch run under ifs), where no
/// op after `copy` in `body` uses it under another name.
static Value bufferUpdatedInPlace(Value value, memref::CopyOp copy,
                                  Block &body) {
  auto result = dyn_cast<OpResult>(value);
  if (!result || llvm::any_of(result.getUsers(), [&](Operation *user) {
        Operation *top = body.findAncestorOpInBlock(*user);
        return !top || (top != copy && copy->isBeforeInBlock(top));
      }))
    return value;
  unsigned index = result.getResultNumber();
  if (auto loop = dyn_cast<scf::ForOp>(result.getOwner())) {
    if (loop.getYieldedValues()[index] != loop.getRegionIterArgs()[index])
      return value;
    return bufferUpdatedInPlace(loop.getInitArgs()[index], copy, body);
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(result.getOwner())) {
    if (ifOp.getElseRegion().empty())
      return value;
    Value thenBuffer =
        bufferUpdatedInPlace(ifOp.thenYield().getOperand(index), copy, body);
    Value elseBuffer =
        bufferUpdatedInPlace(ifOp.elseYield().getOperand(index), copy, body);
    return thenBuffer == elseBuffer ? thenBuffer : value;
  }
  return value;
}

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
      Value source = bufferUpdatedInPlace(copy.getSource(), copy, body);
      auto alloc = source.getDefiningOp<memref::AllocOp>();
      if (!out || out.getOwner() != &body || !out.hasOneUse() || !alloc ||
          alloc->getBlock() != &body || alloc.getType() != out.getType())
        continue;
      // Every use of the buffer but its dealloc must come before the copy.
      SmallVector<Operation *> deallocs;
      bool usedAfter = llvm::any_of(alloc->getUsers(), [&](Operation *user) {
        if (isa<memref::DeallocOp>(user)) {
          deallocs.push_back(user);
          return false;
        }
        Operation *top = body.findAncestorOpInBlock(*user);
        return !top || copy->isBeforeInBlock(top);
      });
      if (usedAfter)
        continue;
      for (Operation *dealloc : deallocs)
        dealloc->erase();
      copy.erase();
      alloc.replaceAllUsesWith(Value(out));
      alloc.erase();
    }
  }
};
} // namespace
