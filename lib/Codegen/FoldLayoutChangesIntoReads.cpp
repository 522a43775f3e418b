//===- FoldLayoutChangesIntoReads.cpp - Read NCHW where tiles broadcast ---===//
//
// The FMA tiles of a channels-last convolution read their input one element
// at a time (a broadcast per output position and input channel), so they can
// read it in any layout. A layout change (NCHW -> NHWC) whose result only
// such reads use is folded into them: each reads the NCHW element instead,
// and the pass over the whole input goes away, unless the channels' lines
// crowd into fewer L1 sets than their reads need (readsAliasInL1).
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "PermutationCopy.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include <numeric>

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

/// L1 data caches of x86 cores hold 64 sets of 64-byte lines per way (32
/// and 48 KiB: 8 and 12 ways); reads 4 KiB apart share a set.
static constexpr int64_t kL1LineBytes = 64, kL1Sets = 64, kL1MinWays = 8;

/// Whether reading `copy`'s result element by element, channel after channel
/// as a tile's reduction does, thrashes L1: read through the copy, channels
/// lie a plane apart in its input, and a plane that is a multiple of 64
/// bytes maps every channel's line into the same few sets. When a
/// reduction's channels outnumber those sets' ways, every read misses (T4,
/// a 1x1 reduction over 256 channels of 32x32 planes, all in one set: 2.4
/// ms folded, 2.0 with the layout change made).
static bool readsAliasInL1(linalg::GenericOp copy) {
  auto inputType =
      cast<RankedTensorType>(copy.getDpsInputs()[0].getType());
  if (!inputType.hasStaticShape() || inputType.getRank() < 2)
    return false;
  // The input dim the result's innermost (channel) dim reads.
  AffineMap map = copy.getMatchingIndexingMap(copy.getDpsInputOperand(0));
  std::optional<unsigned> channelDim =
      map.getResultPosition(getAffineDimExpr(map.getNumDims() - 1,
                                             copy.getContext()));
  if (!channelDim)
    return false;
  int64_t stride =
      inputType.getElementTypeBitWidth() / 8 *
      ShapedType::getNumElements(inputType.getShape().drop_front(
          *channelDim + 1));
  if (stride % kL1LineBytes != 0)
    return false;
  int64_t sets = kL1Sets / std::gcd(kL1Sets, stride / kL1LineBytes);
  return inputType.getDimSize(*channelDim) > sets * kL1MinWays;
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
        affine::makeComposedFoldedAffineApply(
            rewriter, loc, AffineMap::get(map.getNumDims(), 0, expr),
            indices)));
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

/// Erases the slices of `value` that nothing reads any more.
static void eraseDeadSlices(RewriterBase &rewriter, Value value) {
  for (Operation *user : llvm::make_early_inc_range(value.getUsers())) {
    auto slice = cast<tensor::ExtractSliceOp>(user);
    eraseDeadSlices(rewriter, slice.getResult());
    rewriter.eraseOp(slice);
  }
}

namespace {
struct FoldLayoutChangesIntoReadsPass
    : public tconv::impl::TConvFoldLayoutChangesIntoReadsBase<
          FoldLayoutChangesIntoReadsPass> {
  void runOnOperation() override {
    // Consumers first (reverse order): a folded copy's reads may read
    // another copy (a phase's sub-kernel of the filter's layout change),
    // whose uses are all element reads once that consumer is gone.
    SmallVector<linalg::GenericOp> copies;
    getOperation().walk([&](linalg::GenericOp op) {
      if (tconv::isElementCopy(op))
        copies.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp copy : llvm::reverse(copies)) {
      if (!onlyElementReads(copy.getResult(0)) || readsAliasInL1(copy))
        continue;
      SmallVector<tensor::ExtractSliceOp> slices;
      foldIntoReads(rewriter, copy.getResult(0), copy, slices);
      eraseDeadSlices(rewriter, copy.getResult(0));
      rewriter.eraseOp(copy);
    }
  }
};
} // namespace
