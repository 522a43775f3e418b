//===- ReshapesAsViews.cpp - Static reshapes as strided views -------------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/MemRef/Utils/MemRefUtils.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVRESHAPESASVIEWS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The reinterpret_cast equivalent to reshaping `source` into `result`, if
/// both are static, contiguous and row-major.
static FailureOr<memref::ReinterpretCastOp>
buildView(RewriterBase &rewriter, Operation *reshape, Value source,
          MemRefType result) {
  auto sourceType = dyn_cast<MemRefType>(source.getType());
  if (!sourceType || !memref::isStaticShapeAndContiguousRowMajor(sourceType) ||
      !memref::isStaticShapeAndContiguousRowMajor(result))
    return failure();
  auto [strides, offset] = result.getStridesAndOffset();
  int64_t sourceOffset = sourceType.getStridesAndOffset().second;
  if (ShapedType::isDynamic(offset) || offset != sourceOffset)
    return failure();
  rewriter.setInsertionPoint(reshape);
  return memref::ReinterpretCastOp::create(rewriter, reshape->getLoc(), result,
                                           source, offset, result.getShape(),
                                           strides);
}

namespace {
struct ReshapesAsViewsPass
    : public tconv::impl::TConvReshapesAsViewsBase<ReshapesAsViewsPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<Operation *> reshapes;
    getOperation().walk([&](Operation *op) {
      if (isa<memref::ExpandShapeOp, memref::CollapseShapeOp>(op))
        reshapes.push_back(op);
    });
    for (Operation *reshape : reshapes) {
      auto result = cast<MemRefType>(reshape->getResult(0).getType());
      FailureOr<memref::ReinterpretCastOp> view =
          buildView(rewriter, reshape, reshape->getOperand(0), result);
      if (succeeded(view))
        rewriter.replaceOp(reshape, view->getResult());
    }
  }
};
} // namespace
