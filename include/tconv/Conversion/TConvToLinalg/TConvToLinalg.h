//===- TConvToLinalg.h - tconv.conv to linalg -------------------*- C++ -*-===//

#ifndef TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H
#define TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H

namespace mlir {
class RewritePatternSet;
namespace tconv {

/// Adds the pattern rewriting tconv.conv into linalg on tensors. With
/// `channelsLast`, ungrouped and depthwise convolutions compute in
/// channels-last layout between transposes.
void populateTConvToLinalgPatterns(RewritePatternSet &patterns,
                                   bool channelsLast);

} // namespace tconv
} // namespace mlir

#endif // TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H
