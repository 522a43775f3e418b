//===- SinkLayoutChanges.cpp - Assemble phases before the layout change ===//
//
// Phase decomposition assembles its output from strided inserts of the
// phase results. In the channels-last schedule each phase result goes back
// to NCHW first, and the strided insert then writes every element on its
// own. Assembled channels-last instead, each insert writes whole channel
// vectors, and one layout change converts the assembled output.
//
//===----------------------------------------------------------------------===//

#include "tconv/Pipelines/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/Dominance.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVSINKLAYOUTCHANGES
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// A layout change: a static all-parallel generic that permutes one input
/// into an identity-indexed output, optionally converting each element
/// (f32 accumulators back to f16, say).
static bool isLayoutChange(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape() ||
      op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
      op.getNumReductionLoops() != 0)
    return false;
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (!maps[0].isPermutation() || !maps[1].isIdentity())
    return false;
  Block &body = op.getRegion().front();
  Value yielded = body.getTerminator()->getOperand(0);
  if (body.getOperations().size() == 1)
    return yielded == body.getArgument(0);
  if (body.getOperations().size() != 2)
    return false;
  Operation *convert = yielded.getDefiningOp();
  return isa_and_nonnull<arith::TruncFOp, arith::ExtFOp>(convert) &&
         convert->getOperand(0) == body.getArgument(0);
}

/// Same permutation, types and element conversion.
static bool sameLayoutChange(linalg::GenericOp a, linalg::GenericOp b) {
  auto opNames = [](linalg::GenericOp op) {
    return llvm::map_to_vector(op.getRegion().front(), [](Operation &o) {
      return o.getName();
    });
  };
  return a.getIndexingMapsArray()[0] == b.getIndexingMapsArray()[0] &&
         getElementTypeOrSelf(a.getDpsInputs()[0].getType()) ==
             getElementTypeOrSelf(b.getDpsInputs()[0].getType()) &&
         getElementTypeOrSelf(a.getResult(0).getType()) ==
             getElementTypeOrSelf(b.getResult(0).getType()) &&
         opNames(a) == opNames(b);
}

/// The chain of tensor.insert_slice ops that starts from `head` (whose dest
/// is a tensor.empty) and continues while each result is only the dest of
/// the next insert. Empty unless every source is the same layout change,
/// used only there.
static SmallVector<tensor::InsertSliceOp>
layoutChangeChain(tensor::InsertSliceOp head) {
  SmallVector<tensor::InsertSliceOp> chain = {head};
  while (chain.back()->hasOneUse()) {
    auto next = dyn_cast<tensor::InsertSliceOp>(*chain.back()->user_begin());
    if (!next || next.getDest() != chain.back().getResult())
      break;
    chain.push_back(next);
  }
  linalg::GenericOp first;
  for (tensor::InsertSliceOp insert : chain) {
    auto change = insert.getSource().getDefiningOp<linalg::GenericOp>();
    if (!change || !change->hasOneUse() || !isLayoutChange(change) ||
        insert.getSourceType().getRank() != insert.getDestType().getRank() ||
        !insert.getDestType().hasStaticShape())
      return {};
    if (!first)
      first = change;
    else if (!sameLayoutChange(first, change))
      return {};
  }
  return chain;
}

/// When `value` is computed by a destination-style op (a convolution) into an
/// initial value that a fill or a broadcast writes into a tensor.empty
/// (accumulators start at zero or at the bias), makes them write into the
/// slice of `dest` that `value` is inserted into: the op then accumulates in
/// place in the assembled tensor. Phases share one such initial value until
/// here (CSE merges them), which would force a copy of it per phase.
static void accumulateInPlace(RewriterBase &rewriter, Value value, Value dest,
                              ArrayRef<OpFoldResult> offsets,
                              ArrayRef<OpFoldResult> sizes,
                              ArrayRef<OpFoldResult> strides) {
  auto op = value.getDefiningOp<DestinationStyleOpInterface>();
  if (!op || !value.hasOneUse() || op->getNumResults() != 1 ||
      op.getNumDpsInits() != 1)
    return;
  OpOperand *init = op.getDpsInitOperand(0);
  Operation *producer = init->get().getDefiningOp();
  auto initOp = dyn_cast_or_null<DestinationStyleOpInterface>(producer);
  if (!initOp || !isa<linalg::FillOp, linalg::GenericOp>(producer) ||
      initOp.getNumDpsInits() != 1 || producer->getNumResults() != 1 ||
      !initOp.getDpsInits()[0].getDefiningOp<tensor::EmptyOp>())
    return;
  if (auto generic = dyn_cast<linalg::GenericOp>(producer))
    if (generic.getNumReductionLoops() != 0 ||
        generic.payloadUsesValueFromOperand(generic.getDpsInitOperand(0)))
      return;
  if (!DominanceInfo().properlyDominates(dest, op))
    return;
  OpBuilder::InsertionGuard guard(rewriter);
  rewriter.setInsertionPoint(op);
  auto type = cast<RankedTensorType>(value.getType());
  Value slice = tensor::ExtractSliceOp::create(rewriter, value.getLoc(), type,
                                               dest, offsets, sizes, strides);
  Operation *clone = rewriter.clone(*producer);
  rewriter.modifyOpInPlace(clone, [&] {
    cast<DestinationStyleOpInterface>(clone).getDpsInitOperand(0)->set(slice);
  });
  rewriter.modifyOpInPlace(op, [&] { init->set(clone->getResult(0)); });
  if (producer->use_empty())
    rewriter.eraseOp(producer);
}

/// Inserts the inputs of the layout changes into a tensor in their layout,
/// then changes the layout of the whole.
static void sinkLayoutChange(RewriterBase &rewriter,
                             MutableArrayRef<tensor::InsertSliceOp> chain) {
  auto first = chain.front().getSource().getDefiningOp<linalg::GenericOp>();
  AffineMap permutation = first.getIndexingMapsArray()[0];
  RankedTensorType resultType = chain.back().getResultType();
  auto permute = [&](ArrayRef<OpFoldResult> values) {
    SmallVector<OpFoldResult> permuted;
    for (AffineExpr e : permutation.getResults())
      permuted.push_back(values[cast<AffineDimExpr>(e).getPosition()]);
    return permuted;
  };
  SmallVector<int64_t> shape;
  for (AffineExpr e : permutation.getResults())
    shape.push_back(
        resultType.getDimSize(cast<AffineDimExpr>(e).getPosition()));
  Type innerType = getElementTypeOrSelf(first.getDpsInputs()[0].getType());

  Location loc = chain.back().getLoc();
  // Early enough for the first phase to accumulate into it.
  rewriter.setInsertionPoint(chain.front());
  if (Operation *def = first.getDpsInputs()[0].getDefiningOp())
    if (def->getBlock() == chain.front()->getBlock())
      rewriter.setInsertionPoint(def);
  Value assembled = tensor::EmptyOp::create(rewriter, loc, shape, innerType);
  for (tensor::InsertSliceOp insert : chain) {
    auto change = insert.getSource().getDefiningOp<linalg::GenericOp>();
    rewriter.setInsertionPoint(insert);
    SmallVector<OpFoldResult> offsets = permute(insert.getMixedOffsets());
    SmallVector<OpFoldResult> sizes = permute(insert.getMixedSizes());
    SmallVector<OpFoldResult> strides = permute(insert.getMixedStrides());
    Value value = change.getDpsInputs()[0];
    accumulateInPlace(rewriter, value, assembled, offsets, sizes, strides);
    assembled = tensor::InsertSliceOp::create(rewriter, insert.getLoc(), value,
                                              assembled, offsets, sizes,
                                              strides);
  }
  Value empty = tensor::EmptyOp::create(rewriter, loc, resultType.getShape(),
                                        resultType.getElementType());
  auto whole = linalg::GenericOp::create(
      rewriter, loc, resultType, assembled, empty,
      first.getIndexingMapsArray(), first.getIteratorTypesArray());
  rewriter.cloneRegionBefore(first.getRegion(), whole.getRegion(),
                             whole.getRegion().end());
  SmallVector<Operation *> changes = llvm::map_to_vector(
      chain, [](tensor::InsertSliceOp insert) {
        return insert.getSource().getDefiningOp();
      });
  rewriter.replaceOp(chain.back(), whole.getResult(0));
  for (tensor::InsertSliceOp insert : llvm::reverse(chain.drop_back()))
    rewriter.eraseOp(insert);
  for (Operation *change : changes)
    rewriter.eraseOp(change);
}

namespace {
struct SinkLayoutChangesPass
    : public tconv::impl::TConvSinkLayoutChangesBase<SinkLayoutChangesPass> {
  void runOnOperation() override {
    SmallVector<SmallVector<tensor::InsertSliceOp>> chains;
    getOperation().walk([&](tensor::InsertSliceOp insert) {
      if (!insert.getDest().getDefiningOp<tensor::EmptyOp>())
        return;
      SmallVector<tensor::InsertSliceOp> chain = layoutChangeChain(insert);
      if (!chain.empty())
        chains.push_back(std::move(chain));
    });
    IRRewriter rewriter(&getContext());
    for (MutableArrayRef<tensor::InsertSliceOp> chain : chains)
      sinkLayoutChange(rewriter, chain);
  }
};
} // namespace
