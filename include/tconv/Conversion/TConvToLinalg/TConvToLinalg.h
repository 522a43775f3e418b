//===- TConvToLinalg.h - tconv.conv to linalg -------------------*- C++ -*-===//

#ifndef TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H
#define TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H

#include <cstdint>

namespace mlir {
class RewritePatternSet;
namespace tconv {
class ConvOp;

/// Whether a convolution is better vectorized along its output width with
/// `lanes`-wide vectors, in NCHW, than along its output channels in
/// channels-last form: ungrouped, f32, at most `lanes` output channels (a
/// channel vector would be partly empty, or a single one whose layout
/// changes cost more than it gains), unit stride and dilation along the
/// width and at least `lanes` outputs along it.
bool isWidthVectorConv(ConvOp op, int64_t lanes);

/// Adds the pattern rewriting tconv.conv into linalg on tensors. With
/// `channelsLast`, ungrouped and depthwise convolutions compute in
/// channels-last layout between transposes, except the width-vector ones
/// for `widthVectorLanes` > 0, which stay NCHW.
void populateTConvToLinalgPatterns(RewritePatternSet &patterns,
                                   bool channelsLast,
                                   int64_t widthVectorLanes = 0);

} // namespace tconv
} // namespace mlir

#endif // TCONV_CONVERSION_TCONVTOLINALG_TCONVTOLINALG_H
