//===- PerImage.h - Which ops compute each image separately -----*- C++ -*-===//
//
// --tconv-outline-batch moves a batched function's body to a function on
// one image: valid only where each op computes each image from that image
// alone. The ops it knows to, in one place.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_PERIMAGE_H
#define TCONV_LIB_CODEGEN_PERIMAGE_H

#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"

namespace mlir::tconv {

/// Whether `op`, some of whose operands are batched (dim 0 is the batch),
/// computes each image from that image alone; `isBatchedValue` tells which
/// operands are. tconv and TOSA convolutions, pooling and resize with
/// batch-free filters; elementwise ops whose batch-free operands broadcast;
/// TOSA transposes and tensor reshapes that keep dim 0 apart; slices of the
/// other dims, dim 0 whole and sized by the batch (which callers check);
/// tensor.pad of the other dims by one value; linalg ops in which one
/// parallel loop is
/// dim 0 of every batched operand and of all outputs, indexes nothing else
/// and is not read by linalg.index.
bool isPerImage(Operation *op, function_ref<bool(Value)> isBatchedValue);

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_PERIMAGE_H
