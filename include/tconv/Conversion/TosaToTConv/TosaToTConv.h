//===- TosaToTConv.h - Raise TOSA convolutions to tconv ---------*- C++ -*-===//

#ifndef TCONV_CONVERSION_TOSATOTCONV_TOSATOTCONV_H
#define TCONV_CONVERSION_TOSATOTCONV_TOSATOTCONV_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace mlir::tconv {

/// Rewrites tosa.conv2d, tosa.conv3d, tosa.depthwise_conv2d or
/// tosa.transpose_conv2d (float, zero zero-points, static shapes) into a
/// tconv op between layout changes. Fails, leaving the IR untouched and
/// saying why in `whyNot`, on anything else.
LogicalResult raiseTosaConvolution(RewriterBase &rewriter, Operation *op,
                                   std::string &whyNot);

} // namespace mlir::tconv

#endif // TCONV_CONVERSION_TOSATOTCONV_TOSATOTCONV_H
