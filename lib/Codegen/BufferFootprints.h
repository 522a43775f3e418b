//===- BufferFootprints.h - Which bytes a piece of code touches -*- C++ -*-===//
//
// The reads and writes of a loop nest, as boxes of the buffers it reaches,
// for deciding whether two loops may run at the same time
// (tconv-merge-parallel-regions). Boxes come from the static layouts of
// the views accessed, narrowed by the ranges of the indices of loads,
// stores and vector transfers; what cannot be tied to a buffer (a call)
// conflicts with everything.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_BUFFERFOOTPRINTS_H
#define TCONV_LIB_CODEGEN_BUFFERFOOTPRINTS_H

#include "mlir/IR/Operation.h"

namespace mlir::tconv {

/// Bytes of a buffer a memref value can reach: `whole` (anything of
/// `root`), or the elements of a static strided layout, `base` bytes past
/// the root's start.
struct Footprint {
  Value root;
  /// The value whose layout gave the bytes (the accessed one, or a view it
  /// was taken from).
  Value anchor;
  bool whole = true;
  int64_t base = 0, elementBytes = 0, offset = 0;
  /// The box of the anchor's elements reached: from `lows`, `sizes` long.
  SmallVector<int64_t> lows, sizes, strides;
};

struct Access {
  Footprint footprint;
  bool write;
};

/// What one loop (or serial op) of a run reads and writes.
struct Effects {
  SmallVector<Access> accesses;
  /// Some effect could not be tied to a buffer: conflicts with everything.
  bool unknown = false;
};

/// The accesses of `op` and the ops nested in it.
Effects effectsOf(Operation *op);

/// Whether code with effects `a` and code with effects `b` may touch the
/// same bytes, one of them writing.
bool conflict(const Effects &a, const Effects &b);

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_BUFFERFOOTPRINTS_H
