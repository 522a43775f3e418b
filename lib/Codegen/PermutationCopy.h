//===- PermutationCopy.h - Recognizing layout-change copies -----*- C++ -*-===//
//
// A layout change is a linalg.generic that copies its one input into a
// permuted layout; several codegen passes look through or rewrite them.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_PERMUTATIONCOPY_H
#define TCONV_LIB_CODEGEN_PERMUTATIONCOPY_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"

namespace mlir::tconv {

/// Whether `op` only copies elements of its one input: an identity-mapped
/// result of the input's element type whose elements are the input's at
/// indices affine in the result's (a layout change, a reversed or strided
/// slice of it).
inline bool isElementCopy(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 1 ||
      op.getNumDpsInits() != 1 || op.getNumReductionLoops() != 0)
    return false;
  OpOperand *input = op.getDpsInputOperand(0);
  if (op.getMatchingIndexingMap(input).getNumSymbols() != 0 ||
      !op.getMatchingIndexingMap(op.getDpsInitOperand(0)).isIdentity())
    return false;
  auto yield = cast<linalg::YieldOp>(op.getBody()->getTerminator());
  return yield.getValues() == ValueRange{op.getMatchingBlockArgument(input)} &&
         getElementTypeOrSelf(input->get().getType()) ==
             getElementTypeOrSelf(op.getResult(0).getType());
}

/// Whether `op` only copies its one input into a new layout: an element
/// copy whose indices are a permutation of the result's.
inline bool isPermutationCopy(linalg::GenericOp op) {
  return isElementCopy(op) &&
         op.getMatchingIndexingMap(op.getDpsInputOperand(0)).isPermutation();
}

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_PERMUTATIONCOPY_H
