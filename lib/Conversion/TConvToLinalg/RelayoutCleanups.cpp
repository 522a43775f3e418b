//===- RelayoutCleanups.cpp - Layout changes moved where they cancel ------===//
//
// What tconv-convert-to-linalg does after converting each convolution on its
// own: relayouts of inserted results move past the inserts (phases and
// output-channel chunks then fill one channels-last tensor), transposes
// become relayout generics, and the pads of one input become one pad.
// Elementwise fusion then cancels a layout change and its inverse.
//
//===----------------------------------------------------------------------===//

#include "Relayouts.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::tconv;

/// The permutation (result dim i is source dim perm[i]) of a linalg.generic
/// that only copies its one input, as `relayout` builds them; with
/// `converting`, also one that converts the elements on the way (f32
/// accumulators to a bf16 or f16 result).
static std::optional<SmallVector<int64_t>>
copyPermutation(Value value, bool converting = false) {
  auto copy = value.getDefiningOp<linalg::GenericOp>();
  if (!copy || copy.getNumDpsInputs() != 1 || copy.getNumDpsInits() != 1 ||
      copy.getNumReductionLoops() != 0 ||
      !copy.getDpsInits()[0].getDefiningOp<tensor::EmptyOp>())
    return std::nullopt;
  Block &body = copy.getRegion().front();
  Value yielded = body.getTerminator()->getOperand(0);
  if (converting && body.getOperations().size() == 2)
    if (auto truncate = yielded.getDefiningOp<arith::TruncFOp>())
      yielded = truncate.getIn();
  if (yielded != body.getArgument(0))
    return std::nullopt;
  SmallVector<AffineMap> maps = copy.getIndexingMapsArray();
  if (!maps[0].isPermutation() || !maps[1].isIdentity())
    return std::nullopt;
  SmallVector<int64_t> inverse;
  for (AffineExpr expr : maps[0].getResults())
    inverse.push_back(cast<AffineDimExpr>(expr).getPosition());
  return invertPermutationVector(inverse);
}

/// `dest` in the layout `perm` and with `elementType` (the element type
/// before a truncating relayout) when that costs no pass over memory: a
/// tensor.empty, fill or broadcast rebuilt in that layout, or the source of
/// a relayout by the inverse permutation. Null otherwise.
static Value permutedForFree(OpBuilder &b, Location loc, Value dest,
                             ArrayRef<int64_t> perm, Type elementType) {
  auto type = cast<RankedTensorType>(dest.getType());
  SmallVector<int64_t> shape = applyPermutation(type.getShape(), perm);
  if (dest.getDefiningOp<tensor::EmptyOp>())
    return tensor::EmptyOp::create(b, loc, shape, elementType);
  if (std::optional<SmallVector<int64_t>> inverse =
          copyPermutation(dest, /*converting=*/true)) {
    Value source = dest.getDefiningOp<linalg::GenericOp>().getDpsInputs()[0];
    if (invertPermutationVector(*inverse) == perm &&
        getElementTypeOrSelf(source.getType()) == elementType)
      return source;
  }
  if (type.getElementType() != elementType)
    return nullptr;
  if (auto fill = dest.getDefiningOp<linalg::FillOp>()) {
    Value empty = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
    return linalg::FillOp::create(b, loc, fill.value(), empty).getResult(0);
  }
  if (auto broadcast = dest.getDefiningOp<linalg::BroadcastOp>()) {
    // Result dim i of the new broadcast is dim perm[i] of the old one; the
    // kept (input) dims must stay in order.
    SmallVector<int64_t> dims, kept;
    for (auto [i, p] : llvm::enumerate(perm))
      (llvm::is_contained(broadcast.getDimensions(), p) ? dims : kept)
          .push_back(i);
    if (!llvm::is_sorted(
            llvm::map_range(kept, [&](int64_t i) { return perm[i]; })))
      return nullptr;
    Value empty = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
    return linalg::BroadcastOp::create(b, loc, broadcast.getInput(), empty,
                                       dims)
        ->getResult(0);
  }
  return nullptr;
}

/// The tensor.empty that `value` is computed into through a chain of
/// single-use destination-style ops (conv <- fill <- empty), if any.
static tensor::EmptyOp rootEmpty(Value value) {
  while (value.hasOneUse()) {
    if (auto empty = value.getDefiningOp<tensor::EmptyOp>())
      return empty;
    auto op = value.getDefiningOp<DestinationStyleOpInterface>();
    if (!op || op.getNumDpsInits() != 1)
      return nullptr;
    value = op.getDpsInits()[0];
  }
  return nullptr;
}

/// The permutation of `inserted`, a value inserted into a tensor of
/// `destRank` dims, when it is a relayout (also one that rounds) used only
/// there.
static std::optional<SmallVector<int64_t>>
loneInsertedRelayout(Value inserted, int64_t destRank) {
  if (!inserted.hasOneUse() ||
      cast<RankedTensorType>(inserted.getType()).getRank() != destRank)
    return std::nullopt;
  return copyPermutation(inserted, /*converting=*/true);
}

namespace {

/// insert_slice(relayout(x, perm), dest) -> relayout(insert_slice(x,
/// dest'), perm), with dest' the dest in x's layout. A chain of such inserts
/// (the phases of a decomposed transposed convolution, each written with a
/// stride into the NCHW output) then fills one channels-last tensor, phase
/// results land with contiguous channel vectors, and one layout change at
/// the end replaces a strided one per phase.
struct InsertBeforeRelayout : public OpRewritePattern<tensor::InsertSliceOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::InsertSliceOp op,
                                PatternRewriter &rewriter) const override {
    std::optional<SmallVector<int64_t>> perm =
        loneInsertedRelayout(op.getSource(), op.getDestType().getRank());
    if (!perm)
      return rewriter.notifyMatchFailure(op, "source is no lone relayout");
    SmallVector<int64_t> inverse = invertPermutationVector(*perm);
    Location loc = op.getLoc();
    // Built next to the old dest, so that it dominates the source's
    // computation.
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointAfterValue(op.getDest());
    Value source =
        op.getSource().getDefiningOp<linalg::GenericOp>().getDpsInputs()[0];
    Value dest = permutedForFree(rewriter, loc, op.getDest(), inverse,
                                 getElementTypeOrSelf(source.getType()));
    if (!dest)
      return rewriter.notifyMatchFailure(op, "dest is costly to relayout");
    auto permuted = [&](SmallVector<OpFoldResult> values) {
      return applyPermutation(values, inverse);
    };
    SmallVector<OpFoldResult> offsets = permuted(op.getMixedOffsets());
    SmallVector<OpFoldResult> sizes = permuted(op.getMixedSizes());
    SmallVector<OpFoldResult> strides = permuted(op.getMixedStrides());
    // The source computation starts from the slice it ends up in rather
    // than from a tensor.empty: it then writes in place, and CSE cannot
    // merge the identical initialisations of several phases into one
    // shared (and then copied) tensor.
    tensor::EmptyOp empty = rootEmpty(source);
    if (empty && DominanceInfo().properlyDominates(dest, empty)) {
      rewriter.setInsertionPoint(empty);
      rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
          empty, empty.getType(), dest, offsets, sizes, strides);
    }
    rewriter.setInsertionPoint(op);
    Value inserted = tensor::InsertSliceOp::create(rewriter, loc, source, dest,
                                                   offsets, sizes, strides);
    rewriter.replaceOp(op, relayout(rewriter, loc, inserted, *perm,
                                    op.getDestType().getElementType()));
    return success();
  }
};

/// forall { parallel_insert_slice relayout(x, perm) into out } ->
/// relayout(forall { parallel_insert_slice x into out' }, perm), with out'
/// a fresh tensor in x's layout: the chunks of a convolution's output
/// channels (tconv-chunk-output-channels) then fill one channels-last
/// tensor, whose layout change back cancels with a channels-last consumer's
/// (the vocoder's next layer read the chunks' NCW output through two).
struct ParallelInsertBeforeRelayout
    : public OpRewritePattern<scf::ForallOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(scf::ForallOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getNumResults() != 1 ||
        !op.getOutputs()[0].getDefiningOp<tensor::EmptyOp>())
      return rewriter.notifyMatchFailure(op, "not one fresh result");
    // A result of the function keeps its layout: each chunk changes its own
    // while it is in cache (T7 in bf16 ran 4-5% slower changed after the
    // loop, T1n1 1%).
    if (llvm::any_of(op->getUsers(),
                     llvm::IsaPred<func::ReturnOp,
                                   bufferization::MaterializeInDestinationOp>))
      return rewriter.notifyMatchFailure(op, "result of the function");
    BlockArgument shared = op.getRegionIterArgs()[0];
    auto inserts = op.getTerminator().getYieldingOps();
    if (!llvm::hasSingleElement(inserts) || !shared.hasOneUse())
      return rewriter.notifyMatchFailure(op, "result not just inserted");
    auto insert = dyn_cast<tensor::ParallelInsertSliceOp>(*inserts.begin());
    if (!insert || insert.getDest() != shared)
      return rewriter.notifyMatchFailure(op, "result not just inserted");
    std::optional<SmallVector<int64_t>> perm = loneInsertedRelayout(
        insert.getSource(), insert.getDestType().getRank());
    if (!perm)
      return rewriter.notifyMatchFailure(op, "source is no lone relayout");
    SmallVector<int64_t> inverse = invertPermutationVector(*perm);
    auto relayoutOp = insert.getSource().getDefiningOp<linalg::GenericOp>();
    Value source = relayoutOp.getDpsInputs()[0];
    auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
    Location loc = op.getLoc();
    rewriter.setInsertionPoint(op);
    Value out = tensor::EmptyOp::create(
        rewriter, loc, applyPermutation(resultType.getShape(), inverse),
        getElementTypeOrSelf(source.getType()));
    auto forall = scf::ForallOp::create(
        rewriter, loc, op.getMixedLowerBound(), op.getMixedUpperBound(),
        op.getMixedStep(), ValueRange{out}, op.getMapping());
    // The body moves over; its insert writes `source` where it lands in
    // the new layout.
    Block *body = forall.getBody();
    rewriter.eraseOp(body->getTerminator());
    SmallVector<Value> arguments(forall.getInductionVars());
    arguments.push_back(forall.getRegionIterArgs()[0]);
    rewriter.mergeBlocks(op.getBody(), body, arguments);
    rewriter.setInsertionPoint(insert);
    tensor::ParallelInsertSliceOp::create(
        rewriter, insert.getLoc(), source, forall.getRegionIterArgs()[0],
        applyPermutation(insert.getMixedOffsets(), inverse),
        applyPermutation(insert.getMixedSizes(), inverse),
        applyPermutation(insert.getMixedStrides(), inverse));
    rewriter.eraseOp(insert);
    rewriter.eraseOp(relayoutOp);
    rewriter.setInsertionPointAfter(forall);
    rewriter.replaceOp(op, relayout(rewriter, loc, forall.getResult(0), *perm,
                                    resultType.getElementType()));
    return success();
  }
};

/// A linalg.transpose (from tconv-raise-convolutions or tosa.transpose) as a
/// generic like the relayouts here, so that elementwise fusion merges it
/// with them: the layout changes between two raised channels-last layers
/// cancel.
struct GeneralizeTranspose : OpRewritePattern<linalg::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;
  LogicalResult matchAndRewrite(linalg::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    return linalg::generalizeNamedOp(rewriter, op);
  }
};

} // namespace

/// Zero pads of one tensor (the phases of a decomposed transposed
/// convolution pad the same input on different sides) become windows of one
/// pad by the largest sides: one padded copy of the input instead of one per
/// phase.
void mlir::tconv::shareZeroPads(Operation *root) {
  // Keyed by the padded tensor; identical relayouts of one tensor (one per
  // convolution, merged by CSE later) count as one.
  using Key = std::tuple<Value, SmallVector<int64_t>, Block *>;
  SmallVector<std::pair<Key, SmallVector<tensor::PadOp>>> groups;
  root->walk([&](tensor::PadOp pad) {
    Value value = pad.getConstantPaddingValue();
    if (!value || !matchPattern(value, m_PosZeroFloat()) || pad.getNofold() ||
        ShapedType::isDynamicShape(pad.getStaticLow()) ||
        ShapedType::isDynamicShape(pad.getStaticHigh()))
      return;
    Key key = {pad.getSource(), {}, pad->getBlock()};
    if (std::optional<SmallVector<int64_t>> perm =
            copyPermutation(pad.getSource()))
      key = {
          pad.getSource().getDefiningOp<linalg::GenericOp>().getDpsInputs()[0],
          *perm, pad->getBlock()};
    auto *group =
        llvm::find_if(groups, [&](auto &g) { return g.first == key; });
    if (group == groups.end()) {
      groups.push_back({key, {}});
      group = std::prev(groups.end());
    }
    group->second.push_back(pad);
  });
  for (auto &[key, pads] : groups) {
    // The first pad's source is defined before every pad of the block.
    Value source = pads.front().getSource();
    SmallVector<int64_t> low(pads.front().getStaticLow());
    SmallVector<int64_t> high(pads.front().getStaticHigh());
    for (tensor::PadOp pad : pads)
      for (auto [d, l, h] :
           llvm::enumerate(pad.getStaticLow(), pad.getStaticHigh())) {
        low[d] = std::max(low[d], l);
        high[d] = std::max(high[d], h);
      }
    // A single pad, or identical ones CSE merges.
    if (llvm::all_of(pads, [&](tensor::PadOp pad) {
          return pad.getStaticLow() == ArrayRef(low) &&
                 pad.getStaticHigh() == ArrayRef(high);
        }))
      continue;
    OpBuilder b(root->getContext());
    b.setInsertionPointAfterValue(source);
    auto type = cast<RankedTensorType>(source.getType());
    SmallVector<int64_t> shape(type.getShape());
    for (auto [d, size] : llvm::enumerate(shape))
      size += low[d] + high[d];
    Location loc = pads.front().getLoc();
    Type elementType = type.getElementType();
    Value zero = arith::ConstantOp::create(b, loc, elementType,
                                           b.getZeroAttr(elementType));
    Value shared = tensor::PadOp::create(
        b, loc, RankedTensorType::get(shape, elementType), source,
        getAsIndexOpFoldResult(b.getContext(), low),
        getAsIndexOpFoldResult(b.getContext(), high), zero);
    for (tensor::PadOp pad : pads) {
      SmallVector<int64_t> offsets;
      for (auto [d, l] : llvm::enumerate(pad.getStaticLow()))
        offsets.push_back(low[d] - l);
      b.setInsertionPoint(pad);
      SmallVector<int64_t> ones(offsets.size(), 1);
      Value window = tensor::ExtractSliceOp::create(
          b, pad.getLoc(), pad.getResultType(), shared,
          getAsIndexOpFoldResult(b.getContext(), offsets),
          getAsIndexOpFoldResult(b.getContext(),
                                 pad.getResultType().getShape()),
          getAsIndexOpFoldResult(b.getContext(), ones));
      pad.replaceAllUsesWith(window);
      pad.erase();
    }
  }
}

void mlir::tconv::populateRelayoutCleanupPatterns(
    RewritePatternSet &patterns) {
  patterns.add<InsertBeforeRelayout, ParallelInsertBeforeRelayout,
               GeneralizeTranspose>(patterns.getContext());
}
