//===- FunctionInputs.h - A function's inputs, as they arrive ---*- C++ -*-===//
//
// A function's tensor input is a block argument where tconv-run JIT-compiles
// it, but a bufferization.to_tensor of a memref argument in the C entry
// points tconv-compile builds (CInterface.cpp). Passes that treat inputs
// apart ask here, so that both compile to the same code.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_FUNCTIONINPUTS_H
#define TCONV_LIB_CODEGEN_FUNCTIONINPUTS_H

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/FunctionInterfaces.h"

namespace mlir::tconv {

/// Whether `value` is a whole input of its function: a tensor argument, or
/// the tensor of a memref argument in the identity layout (contiguous).
inline bool isFunctionInput(Value value) {
  if (auto toTensor = value.getDefiningOp<bufferization::ToTensorOp>()) {
    auto type = dyn_cast<MemRefType>(toTensor.getBuffer().getType());
    if (!type || !type.getLayout().isIdentity())
      return false;
    value = toTensor.getBuffer();
  }
  auto arg = dyn_cast<BlockArgument>(value);
  return arg && isa<FunctionOpInterface>(arg.getOwner()->getParentOp());
}

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_FUNCTIONINPUTS_H
