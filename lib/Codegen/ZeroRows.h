//===- ZeroRows.h - Taps that only read padding rows are skipped -*- C++ -*-===//
//
// A padded convolution input has whole rows of zeros at its borders (a
// tensor.pad, or the fills DecomposePads leaves). A tap that reads such a
// row for an output row adds x * 0: the tile's loop over that kernel dim is
// narrowed to the taps that read real rows, as oneDNN's kernels skip the
// padding. (A NaN or infinite weight at a skipped tap then no longer turns
// that border output into NaN.)
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_ZEROROWS_H
#define TCONV_LIB_CODEGEN_ZEROROWS_H

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

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_ZEROROWS_H
