//===- Passes.h - tconv conversion passes -----------------------*- C++ -*-===//

#ifndef TCONV_CONVERSION_PASSES_H
#define TCONV_CONVERSION_PASSES_H

#include "mlir/Pass/Pass.h"
#include "tconv/Conversion/TConvToLinalg/TConvToLinalg.h"

namespace mlir::tconv {

#define GEN_PASS_DECL
#include "tconv/Conversion/Passes.h.inc"

/// A TOSA or linalg convolution, which --tconv-raise-convolutions tries to
/// raise.
bool isUpstreamConvolution(Operation *op);

/// Fails, naming the first op and its location, if anything under `root` is
/// not in the LLVM or OpenMP dialects (or builtin.module): what --tconv-lower-to-llvm
/// could not lower. Translation to LLVM IR would fail without saying which.
LogicalResult checkLoweredToLLVM(Operation *root);

#define GEN_PASS_REGISTRATION
#include "tconv/Conversion/Passes.h.inc"

} // namespace mlir::tconv

#endif // TCONV_CONVERSION_PASSES_H
