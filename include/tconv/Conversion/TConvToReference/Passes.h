//===- Passes.h - tconv to reference loops ----------------------*- C++ -*-===//

#ifndef TCONV_CONVERSION_TCONVTOREFERENCE_PASSES_H
#define TCONV_CONVERSION_TCONVTOREFERENCE_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir {
class RewritePatternSet;
namespace tconv {

#define GEN_PASS_DECL
#include "tconv/Conversion/TConvToReference/Passes.h.inc"

/// Patterns lowering tconv.conv and tconv.conv_transpose to scalar loops.
void populateTConvToReferencePatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "tconv/Conversion/TConvToReference/Passes.h.inc"

} // namespace tconv
} // namespace mlir

#endif // TCONV_CONVERSION_TCONVTOREFERENCE_PASSES_H
