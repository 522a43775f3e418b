//===- ZeroRows.h - Taps that only read padding rows are skipped -*- C++ -*-===//
//
// A padded convolution input has whole rows of zeros at its borders (a
// tensor.pad, or the fills DecomposePads leaves). A tap that reads such a
// row for an output row adds x * 0: the tile's loop over that kernel dim is
// narrowed to the taps that read real rows, as oneDNN's kernels skip the
// padding. Along the width a tile's taps are unrolled: the first and last
// tiles, split off to static offsets, leave out the taps that read zero
// columns (vdpbf16ps tiles). (A NaN or infinite weight at a skipped tap
// then no longer turns that border output into NaN.)
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_ZEROROWS_H
#define TCONV_LIB_CODEGEN_ZEROROWS_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tconv {

/// Rows [0, leading) and [size - trailing, size) along one dim of a tensor,
/// each all zeros.
struct ZeroBorder {
  int64_t leading = 0;
  int64_t trailing = 0;
};

/// The zero rows along `dim` at each end of `value` (at most `maxRows`
/// each) that its producers (tensor.pad, insert_slice of zero fills,
/// extract_slice) show; none when they show nothing.
ZeroBorder knownZeroBorder(Value value, unsigned dim, int64_t maxRows);

/// A kernel dim of a convolution tile whose taps may read zero rows: the
/// tile's input, its dim that the taps walk and their dilation.
struct TapRows {
  Value tileInput;
  unsigned inputDim;
  int64_t dilation;
};

/// The root of `tap.tileInput` (through unit-stride extract_slices) has a
/// zero border along the tap's dim: narrows `loop` (the tile's loop over the
/// kernel dim, step 1 from 0) to the taps whose row is inside it.
void skipZeroRowTaps(RewriterBase &rewriter, const TapRows &tap,
                     scf::ForOp loop);

/// The value of `offset`, a constant or an affine function of constants
/// and of scf.forall induction variables that take one value; none
/// otherwise.
std::optional<int64_t> getStaticOffset(OpFoldResult offset);

/// Splits `conv` (a linalg convolution whose dim `widthDim` is the output
/// width) at `tile` and `width - tile` when its input has zero columns
/// along `inputDim`: the first and last tiles then sit at static offsets,
/// where a tile can leave out the taps that read only those zeros. A filled
/// initial value is filled part by part. Returns the parts (just `conv`
/// when there is nothing to skip).
SmallVector<linalg::LinalgOp> splitBorderTiles(RewriterBase &rewriter,
                                               linalg::LinalgOp conv,
                                               unsigned widthDim,
                                               unsigned inputDim, int64_t tile);

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_ZEROROWS_H
