//===- Passes.h - Codegen passes on linalg, vector and memref IR ------------*- C++ -*-===//

#ifndef TCONV_CODEGEN_PASSES_H
#define TCONV_CODEGEN_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tconv {

/// The byte size of the workspace argument tconv-plan-workspace adds to a
/// function (an i64 attribute on the func.func, kept on its llvm.func).
inline constexpr llvm::StringLiteral kWorkspaceSizeAttrName =
    "tconv.workspace_size";
/// The bytes of all temporaries the workspace serves, summed: what the
/// function would allocate without sharing.
inline constexpr llvm::StringLiteral kTemporaryBytesAttrName =
    "tconv.temporary_bytes";

#define GEN_PASS_DECL
#include "tconv/Codegen/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tconv/Codegen/Passes.h.inc"

} // namespace mlir::tconv

#endif // TCONV_CODEGEN_PASSES_H
