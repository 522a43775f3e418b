//===- Passes.h - Codegen passes on linalg, vector and memref IR ------------*- C++ -*-===//

#ifndef TCONV_CODEGEN_PASSES_H
#define TCONV_CODEGEN_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tconv {

#define GEN_PASS_DECL
#include "tconv/Codegen/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tconv/Codegen/Passes.h.inc"

} // namespace mlir::tconv

#endif // TCONV_CODEGEN_PASSES_H
