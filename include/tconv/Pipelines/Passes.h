//===- Passes.h - Passes used by the tconv pipelines ------------*- C++ -*-===//

#ifndef TCONV_PIPELINES_PASSES_H
#define TCONV_PIPELINES_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::tconv {

#define GEN_PASS_DECL
#include "tconv/Pipelines/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tconv/Pipelines/Passes.h.inc"

} // namespace mlir::tconv

#endif // TCONV_PIPELINES_PASSES_H
