//===- DepthwiseRows.h - Limits shared by the depthwise row passes -*- C++ -*-===//
//
// --tconv-lower-depthwise-transpose only produces generics that
// --tconv-vectorize-depthwise-rows can vectorize; both check this bound.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_PIPELINES_DEPTHWISEROWS_H
#define TCONV_LIB_PIPELINES_DEPTHWISEROWS_H

#include <cstdint>

namespace mlir::tconv {
class ConvTransposeOp;

/// Multiply-adds per output vector (phases of the innermost dim times the
/// reduction taps) the vectorized row body unrolls; larger kernels stay
/// with the general schedule.
constexpr int64_t kMaxUnrolledRowTaps = 128;

/// Whether --tconv-lower-depthwise-transpose rewrites `op`: depthwise, unit
/// dilations, whole phases and a bounded row body.
bool canLowerDepthwiseTranspose(ConvTransposeOp op);

} // namespace mlir::tconv

#endif // TCONV_LIB_PIPELINES_DEPTHWISEROWS_H
