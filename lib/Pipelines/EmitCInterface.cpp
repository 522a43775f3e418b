//===- EmitCInterface.cpp - Request C wrappers for public functions ------===//

#include "tconv/Pipelines/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVEMITCINTERFACE
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
struct EmitCInterfacePass
    : public tconv::impl::TConvEmitCInterfaceBase<EmitCInterfacePass> {
  void runOnOperation() override {
    StringRef name = LLVM::LLVMDialect::getEmitCWrapperAttrName();
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        func->setAttr(name, UnitAttr::get(&getContext()));
  }
};
} // namespace
