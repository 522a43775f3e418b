//===- SliceAlong.h - Slices of a tensor along one dim ----------*- C++ -*-===//
//
// The channel slices that tconv-split-groups (one per group) and
// tconv-chunk-output-channels (one per chunk) cut convolutions into.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_SLICEALONG_H
#define TCONV_LIB_CODEGEN_SLICEALONG_H

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"

namespace mlir::tconv {

/// Offsets, sizes and unit strides of the slice of a `shape` tensor that
/// spans `size` elements from `offset` along `dim` and everything elsewhere.
inline void sliceAlong(OpBuilder &b, ArrayRef<int64_t> shape, unsigned dim,
                       OpFoldResult offset, int64_t size,
                       SmallVectorImpl<OpFoldResult> &offsets,
                       SmallVectorImpl<OpFoldResult> &sizes,
                       SmallVectorImpl<OpFoldResult> &strides) {
  offsets.assign(shape.size(), b.getIndexAttr(0));
  sizes.clear();
  for (int64_t extent : shape)
    sizes.push_back(b.getIndexAttr(extent));
  strides.assign(shape.size(), b.getIndexAttr(1));
  offsets[dim] = offset;
  sizes[dim] = b.getIndexAttr(size);
}

/// That slice of `source`.
inline Value extractAlong(OpBuilder &b, Location loc, Value source,
                          unsigned dim, OpFoldResult offset, int64_t size) {
  SmallVector<OpFoldResult> offsets, sizes, strides;
  sliceAlong(b, cast<RankedTensorType>(source.getType()).getShape(), dim,
             offset, size, offsets, sizes, strides);
  return tensor::ExtractSliceOp::create(b, loc, source, offsets, sizes,
                                        strides);
}

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_SLICEALONG_H
