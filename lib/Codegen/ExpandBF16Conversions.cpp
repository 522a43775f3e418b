//===- ExpandBF16Conversions.cpp - bf16 <-> f32 as integer operations -----===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVEXPANDBF16CONVERSIONS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

static bool isBF16(Type type) { return getElementTypeOrSelf(type).isBF16(); }

static bool isF32(Type type) { return getElementTypeOrSelf(type).isF32(); }

/// Vectors LLVM must widen to a register type before it legalizes them.
static bool needsWidening(Type type) {
  auto vector = dyn_cast<VectorType>(type);
  return vector && !llvm::isPowerOf2_64(vector.getNumElements());
}

/// `type` (a scalar or a vector) with `elementType` elements.
static Type withElementType(Type type, Type elementType) {
  if (auto shaped = dyn_cast<ShapedType>(type))
    return shaped.clone(elementType);
  return elementType;
}

/// A splat of `value` shaped as `like` (i32 elements).
static Value i32Constant(PatternRewriter &rewriter, Location loc, Type like,
                         int64_t value) {
  TypedAttr scalar = rewriter.getIntegerAttr(getElementTypeOrSelf(like), value);
  if (auto shaped = dyn_cast<ShapedType>(like))
    return arith::ConstantOp::create(
        rewriter, loc, SplatElementsAttr::get(shaped, scalar));
  return arith::ConstantOp::create(rewriter, loc, scalar);
}

namespace {
/// bf16 -> f32: the 16 bits become the upper half of the f32.
struct ExtendBF16 : OpRewritePattern<arith::ExtFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::ExtFOp op,
                                PatternRewriter &rewriter) const override {
    Type source = op.getIn().getType();
    if (!isBF16(source) || !isF32(op.getType()))
      return failure();
    Location loc = op.getLoc();
    Type i16 = withElementType(source, rewriter.getI16Type());
    Type i32 = withElementType(source, rewriter.getI32Type());
    Value bits = arith::BitcastOp::create(rewriter, loc, i16, op.getIn());
    Value wide = arith::ExtUIOp::create(rewriter, loc, i32, bits);
    Value shifted = arith::ShLIOp::create(rewriter, loc, wide,
                                          i32Constant(rewriter, loc, i32, 16));
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, op.getType(), shifted);
    return success();
  }
};

/// f32 -> bf16, to nearest even: add 0x7fff plus the lowest kept bit, keep
/// the upper half; a NaN keeps its sign and payload with the quiet bit set.
/// The NaN select is on the i32 values, before the narrowing: on i16
/// vectors LLVM's x86 backend scalarizes it (a mask shift and a cmov per
/// lane, a bf16 T5 at 5x its f32 time).
struct TruncateToBF16 : OpRewritePattern<arith::TruncFOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(arith::TruncFOp op,
                                PatternRewriter &rewriter) const override {
    Type source = op.getIn().getType();
    std::optional<arith::RoundingMode> mode = op.getRoundingmode();
    if (!isF32(source) || !isBF16(op.getType()) ||
        (mode && *mode != arith::RoundingMode::to_nearest_even))
      return failure();
    Location loc = op.getLoc();
    Type i32 = withElementType(source, rewriter.getI32Type());
    Type i16 = withElementType(source, rewriter.getI16Type());
    Value bits = arith::BitcastOp::create(rewriter, loc, i32, op.getIn());
    Value sixteen = i32Constant(rewriter, loc, i32, 16);
    Value keptLowBit = arith::AndIOp::create(
        rewriter, loc, arith::ShRUIOp::create(rewriter, loc, bits, sixteen),
        i32Constant(rewriter, loc, i32, 1));
    Value rounded = arith::AddIOp::create(
        rewriter, loc, bits,
        arith::AddIOp::create(rewriter, loc, keptLowBit,
                              i32Constant(rewriter, loc, i32, 0x7fff)));
    Value quietNaN = arith::OrIOp::create(
        rewriter, loc, bits, i32Constant(rewriter, loc, i32, 0x400000));
    Value isNaN = arith::CmpFOp::create(
        rewriter, loc, arith::CmpFPredicate::UNO, op.getIn(), op.getIn());
    Value chosen =
        arith::SelectOp::create(rewriter, loc, isNaN, quietNaN, rounded);
    Value upper = arith::TruncIOp::create(
        rewriter, loc, i16,
        arith::ShRUIOp::create(rewriter, loc, chosen, sixteen));
    rewriter.replaceOpWithNewOp<arith::BitcastOp>(op, op.getType(), upper);
    return success();
  }
};

struct ExpandBF16ConversionsPass
    : public tconv::impl::TConvExpandBF16ConversionsBase<
          ExpandBF16ConversionsPass> {
  using TConvExpandBF16ConversionsBase::TConvExpandBF16ConversionsBase;

  void runOnOperation() override {
    SmallVector<Operation *> conversions;
    getOperation().walk([&](Operation *op) {
      if ((isa<arith::ExtFOp>(op) && isBF16(op->getOperand(0).getType())) ||
          (isa<arith::TruncFOp>(op) && isBF16(op->getResult(0).getType()) &&
           (!nativeTruncations || needsWidening(op->getResult(0).getType()))))
        conversions.push_back(op);
    });
    RewritePatternSet patterns(&getContext());
    patterns.add<ExtendBF16, TruncateToBF16>(&getContext());
    if (failed(applyOpPatternsGreedily(conversions, std::move(patterns))))
      signalPassFailure();
  }
};
} // namespace
