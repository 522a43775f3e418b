//===- Relayouts.h - tconv-convert-to-linalg's layout changes ---*- C++ -*-===//
//
// The layout changes tconv-convert-to-linalg builds around each convolution
// (TConvToLinalg.cpp), and the cleanups after the conversion that move them
// where a change and its inverse cancel (RelayoutCleanups.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CONVERSION_TCONVTOLINALG_RELAYOUTS_H
#define TCONV_LIB_CONVERSION_TCONVTOLINALG_RELAYOUTS_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tconv {

/// `source` with result dim i taken from source dim perm[i]
/// (linalg.transpose's convention) and its elements converted to
/// `elementType`: a copying linalg.generic, or the folded constant when
/// `source` is one (constant weights are packed once, at compile time).
Value relayout(OpBuilder &b, Location loc, Value source,
               ArrayRef<int64_t> perm, Type elementType);

/// insert_slice / scf.forall's parallel_insert_slice of a relayout ->
/// relayout of the insert, and linalg.transpose -> relayout generic.
void populateRelayoutCleanupPatterns(RewritePatternSet &patterns);

/// Zero pads of one tensor become windows of one pad by the largest sides.
void shareZeroPads(Operation *root);

} // namespace mlir::tconv

#endif // TCONV_LIB_CONVERSION_TCONVTOLINALG_RELAYOUTS_H
