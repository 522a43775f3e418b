//===- TConvToLinalg.h - tconv.conv to linalg -------------------*- C++ -*-===//

#ifndef TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H
#define TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H

#include <cstdint>

namespace mlir {
class RewritePatternSet;
namespace tconv {

/// Adds the pattern rewriting tconv.conv into linalg on tensors. A
/// convolution with a `tconv.schedule` (see tconv/Codegen/Strategy.h) takes
/// the layout of its kind and hands the attribute to its linalg
/// convolution. Otherwise, with `channelsLast`, ungrouped and depthwise
/// convolutions compute in channels-last layout between transposes, except
/// the width-vector ones (isWidthVectorConv) for `widthVectorLanes` > 0,
/// which stay NCHW.
void populateTConvToLinalgPatterns(RewritePatternSet &patterns,
                                   bool channelsLast,
                                   int64_t widthVectorLanes = 0);

} // namespace tconv
} // namespace mlir

#endif // TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H
