//===- Passes.h - Codegen passes on linalg, vector and memref IR ------------*- C++ -*-===//

#ifndef TCONV_CODEGEN_PASSES_H
#define TCONV_CODEGEN_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tconv {

/// The module attribute in which tconv-tag-profiled-ops describes the ops it
/// numbers: an array of dictionaries {name, types, attributes, location,
/// function: strings, flops: f64}, indexed by id; tconv-instrument-ops adds `brackets`
/// (i64: how many brackets of timer calls the op's code got in its
/// function; 0 if it kept no code of its own).
inline constexpr llvm::StringLiteral kProfiledOpsAttrName =
    "tconv.profiled_ops";
/// The functions it calls, with the op's id (i64).
inline constexpr llvm::StringLiteral kProfileBeginName = "tconv_profile_begin";
inline constexpr llvm::StringLiteral kProfileEndName = "tconv_profile_end";
/// The byte size of the workspace argument tconv-plan-workspace adds to a
/// function (an i64 attribute on the func.func, kept on its llvm.func).
inline constexpr llvm::StringLiteral kWorkspaceSizeAttrName =
    "tconv.workspace_size";
/// The bytes of all temporaries the workspace serves, summed: what the
/// function would allocate without sharing.
inline constexpr llvm::StringLiteral kTemporaryBytesAttrName =
    "tconv.temporary_bytes";
/// The most bytes of temporaries live at one point: what any plan needs.
inline constexpr llvm::StringLiteral kPeakLiveBytesAttrName =
    "tconv.peak_live_bytes";
/// The most bytes two temporaries live at one point take together.
inline constexpr llvm::StringLiteral kLargestLivePairBytesAttrName =
    "tconv.largest_live_pair_bytes";

/// The largest stack buffer tconv-thread-scratch-on-stack gives a thread
/// (OpenMP's workers and glibc's main thread have 8 MiB stacks); the
/// strategy sizes per-thread copies to fit it.
inline constexpr int64_t kMaxThreadScratchBytes = 2 << 20;

#define GEN_PASS_DECL
#include "tconv/Codegen/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tconv/Codegen/Passes.h.inc"

} // namespace mlir::tconv

#endif // TCONV_CODEGEN_PASSES_H
