//===- FoldLayoutChangesIntoReads.cpp - Read NCHW where tiles broadcast ---===//
//
// The FMA tiles of a channels-last convolution read their input one element
// at a time (a broadcast per output position and input channel), so they can
// read it in any layout. A layout change (NCHW -> NHWC) whose result only
// such reads use is folded into them: each reads the NCHW element instead,
// and the pass over the whole input goes away.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "PermutationCopy.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVFOLDLAYOUTCHANGESINTOREADS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// Whether every use of `value` is a tensor.extract, directly or through
/// unit-stride tensor.extract_slice ops.
static bool onlyElementReads(Value value) {
  return llvm::all_of(value.getUses(), [](OpOperand &use) {
    Operation *user = use.getOwner();
    if (auto extract = dyn_cast<tensor::ExtractOp>(user))
      return true;
    if (auto slice = dyn_cast<tensor::ExtractSliceOp>(user))
      return slice.hasUnitStride() && onlyElementReads(slice.getResult());
    return false;
  });
}

/// Rewrites `extract`, which reads an element of the permutation copy `copy`
/// through the slices `slices` (outermost first), to read the copy's input.
static void readInput(RewriterBase &rewriter, tensor::ExtractOp extract,
                      ArrayRef<tensor::ExtractSliceOp> slices,
                      linalg::GenericOp copy) {
  Location loc = extract.getLoc();
  rewriter.setInsertionPoint(extract);
  SmallVector<OpFoldResult> indices = getAsOpFoldResult(extract.getIndices());
  AffineExpr a, b;
  bindDims(rewriter.getContext(), a, b);
  // Innermost slice first: indices into its result become indices into its
  // source (dropped unit dims read at 0, plus the offsets).
  for (tensor::ExtractSliceOp slice : llvm::reverse(slices)) {
    llvm::SmallBitVector dropped = slice.getDroppedDims();
    SmallVector<OpFoldResult> full;
    unsigned next = 0;
    for (auto [dim, offset] : llvm::enumerate(slice.getMixedOffsets())) {
      OpFoldResult inner =
          dropped[dim] ? rewriter.getIndexAttr(0) : indices[next++];
      full.push_back(affine::makeComposedFoldedAffineApply(
          rewriter, loc, a + b, {offset, inner}));
    }
    indices = std::move(full);
  }
  AffineMap map = copy.getMatchingIndexingMap(copy.getDpsInputOperand(0));
  SmallVector<Value> inputIndices;
  for (AffineExpr expr : map.getResults())
    inputIndices.push_back(getValueOrCreateConstantIndexOp(
        rewriter, loc,
        indices[cast<AffineDimExpr>(expr).getPosition()]));
  rewriter.replaceOpWithNewOp<tensor::ExtractOp>(
      extract, copy.getDpsInputs()[0], inputIndices);
}

/// Folds into its element reads the permutation copy that `value` is, all of
/// whose uses are such reads.
static void foldIntoReads(RewriterBase &rewriter, Value value,
                          linalg::GenericOp copy,
                          SmallVector<tensor::ExtractSliceOp> &slices) {
  for (OpOperand &use : llvm::make_early_inc_range(value.getUses())) {
    Operation *user = use.getOwner();
    if (auto extract = dyn_cast<tensor::ExtractOp>(user)) {
      readInput(rewriter, extract, slices, copy);
      continue;
    }
    auto slice = cast<tensor::ExtractSliceOp>(user);
    slices.push_back(slice);
    foldIntoReads(rewriter, slice.getResult(), copy, slices);
    slices.pop_back();
  }
}

namespace {
struct FoldLayoutChangesIntoReadsPass
    : public tconv::impl::TConvFoldLayoutChangesIntoReadsBase<
          FoldLayoutChangesIntoReadsPass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> copies;
    getOperation().walk([&](linalg::GenericOp op) {
      if (tconv::isPermutationCopy(op) && onlyElementReads(op.getResult(0)))
        copies.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp copy : copies) {
      SmallVector<tensor::ExtractSliceOp> slices;
      foldIntoReads(rewriter, copy.getResult(0), copy, slices);
    }
  }
};
} // namespace
