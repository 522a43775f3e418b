//===- EntryPointABI.cpp - Calling convention of public functions --------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVENTRYPOINTABI
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
struct EntryPointABIPass
    : public tconv::impl::TConvEntryPointABIBase<EntryPointABIPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    auto readOnly = BoolAttr::get(ctx, false);
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (!func.isPublic() || func.isExternal())
        continue;
      func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                    UnitAttr::get(ctx));
      for (auto [index, type] : llvm::enumerate(func.getArgumentTypes()))
        if (isa<TensorType>(type))
          func.setArgAttr(
              index, bufferization::BufferizationDialect::kWritableAttrName,
              readOnly);
    }
  }
};
} // namespace
