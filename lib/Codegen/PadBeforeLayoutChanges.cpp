//===- PadBeforeLayoutChanges.cpp - Pad NCHW, read it from the tiles -----===//
//
// A convolution's padded channels-last input is a pad of a layout change.
// Padded before the layout change instead, the input is a copy with zero
// borders in its own layout (a row-by-row copy), and the layout change is
// left for tconv-fold-layout-changes-into-reads to fold into the FMA tiles'
// element reads: no transposing pass over the input.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "PermutationCopy.h"
#include "VectorizeConvs.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "tconv/Codegen/Strategy.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVPADBEFORELAYOUTCHANGES
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

/// Whether each use of `value` is the input of an f32 convolution whose
/// tiles broadcast input elements (the FMA channels-last schedule), directly
/// or through unit-stride slices.
static bool onlyBroadcastingConvsRead(Value value) {
  return llvm::all_of(value.getUses(), [](OpOperand &use) {
    Operation *user = use.getOwner();
    if (auto slice = dyn_cast<tensor::ExtractSliceOp>(user))
      return slice.hasUnitStride() &&
             onlyBroadcastingConvsRead(slice.getResult());
    std::optional<ConvLoops> loops = scheduledConv(user);
    if (!loops || loops->kind != ConvKind::Full ||
        use.getOperandNumber() != 0 ||
        !llvm::all_of(user->getOperandTypes(), [](Type type) {
          return getElementTypeOrSelf(type).isF32();
        }))
      return false;
    FailureOr<std::optional<ConvSchedule>> schedule = getSchedule(user);
    return succeeded(schedule) &&
           (!*schedule || ((*schedule)->kind == ScheduleKind::ChannelsLast &&
                           (*schedule)->dotWidth == 0));
  });
}

namespace {
/// pad(copy(x)) -> copy(pad(x)) with the pads permuted.
struct PadBeforeLayoutChange : public OpRewritePattern<tensor::PadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::PadOp pad,
                                PatternRewriter &rewriter) const override {
    auto copy = pad.getSource().getDefiningOp<linalg::GenericOp>();
    Value padding = pad.getConstantPaddingValue();
    if (!copy || !padding || !copy->hasOneUse() || !isPermutationCopy(copy) || copy.hasDynamicShape() ||
        !pad.getResultType().hasStaticShape() ||
        ShapedType::isDynamicShape(pad.getStaticLow()) ||
        ShapedType::isDynamicShape(pad.getStaticHigh()) ||
        !onlyBroadcastingConvsRead(pad.getResult()))
      return failure();
    // Input dim d is the copy's loop (= result dim) map[d].
    Value input = copy.getDpsInputs()[0];
    AffineMap map = copy.getMatchingIndexingMap(copy.getDpsInputOperand(0));
    auto inputType = cast<RankedTensorType>(input.getType());
    SmallVector<OpFoldResult> low, high;
    SmallVector<int64_t> paddedShape;
    for (auto [d, expr] : llvm::enumerate(map.getResults())) {
      unsigned loop = cast<AffineDimExpr>(expr).getPosition();
      int64_t lo = pad.getStaticLow()[loop], hi = pad.getStaticHigh()[loop];
      low.push_back(rewriter.getIndexAttr(lo));
      high.push_back(rewriter.getIndexAttr(hi));
      paddedShape.push_back(inputType.getDimSize(d) + lo + hi);
    }
    Location loc = pad.getLoc();
    auto paddedInput = tensor::PadOp::create(
        rewriter, loc, inputType.clone(paddedShape), input, low, high,
        padding);
    // Profiling tags and the like stay with the pad.
    paddedInput->setDiscardableAttrs(pad->getDiscardableAttrDictionary());
    Value init = tensor::EmptyOp::create(rewriter, loc,
                                         pad.getResultType().getShape(),
                                         pad.getResultType().getElementType());
    auto moved = cast<linalg::GenericOp>(rewriter.clone(*copy));
    rewriter.modifyOpInPlace(moved, [&] {
      moved.getDpsInputOperand(0)->set(paddedInput);
      moved.getDpsInitOperand(0)->set(init);
      moved.getResult(0).setType(pad.getResultType());
    });
    rewriter.replaceOp(pad, moved.getResult(0));
    rewriter.eraseOp(copy);
    return success();
  }
};

struct PadBeforeLayoutChangesPass
    : public tconv::impl::TConvPadBeforeLayoutChangesBase<
          PadBeforeLayoutChangesPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    patterns.add<PadBeforeLayoutChange>(&getContext());
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
