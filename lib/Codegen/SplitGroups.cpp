//===- SplitGroups.cpp - One ungrouped convolution per group --------------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVSPLITGROUPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

/// The slice of `source` of `size` elements along `dim` from `offset`, whole
/// along every other dim.
static Value sliceAlong(OpBuilder &b, Location loc, Value source, int64_t dim,
                        int64_t offset, int64_t size) {
  auto type = cast<RankedTensorType>(source.getType());
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes =
      llvm::map_to_vector(type.getShape(), [&](int64_t extent) -> OpFoldResult {
        return b.getIndexAttr(extent);
      });
  SmallVector<OpFoldResult> strides(type.getRank(), b.getIndexAttr(1));
  offsets[dim] = b.getIndexAttr(offset);
  sizes[dim] = b.getIndexAttr(size);
  return tensor::ExtractSliceOp::create(b, loc, source, offsets, sizes,
                                        strides);
}

static void splitGroups(ConvOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  ConvGeometry geometry = op.getGeometry();
  int64_t groups = geometry.group;
  int64_t inPerGroup = op.getFilter().getType().getDimSize(1);
  int64_t outPerGroup = op.getFilter().getType().getDimSize(0) / groups;
  RankedTensorType resultType = op.getOutput().getType();
  ConvGeometry ungrouped = geometry;
  ungrouped.group = 1;

  Value result = tensor::EmptyOp::create(b, loc, resultType.getShape(),
                                         resultType.getElementType());
  for (int64_t g = 0; g < groups; ++g) {
    Value input = sliceAlong(b, loc, op.getInput(), 1, g * inPerGroup,
                             inPerGroup);
    Value filter = sliceAlong(b, loc, op.getFilter(), 0, g * outPerGroup,
                              outPerGroup);
    Value bias;
    if (Value fullBias = op.getBias())
      bias = sliceAlong(b, loc, fullBias, 0, g * outPerGroup, outPerGroup);
    Value conv = ConvOp::create(b, loc, input, filter, bias, ungrouped);
    auto convType = cast<RankedTensorType>(conv.getType());
    SmallVector<OpFoldResult> offsets(convType.getRank(), b.getIndexAttr(0));
    offsets[1] = b.getIndexAttr(g * outPerGroup);
    SmallVector<OpFoldResult> sizes = llvm::map_to_vector(
        convType.getShape(),
        [&](int64_t extent) -> OpFoldResult { return b.getIndexAttr(extent); });
    SmallVector<OpFoldResult> strides(convType.getRank(), b.getIndexAttr(1));
    result = tensor::InsertSliceOp::create(b, loc, conv, result, offsets,
                                           sizes, strides);
  }
  op.getOutput().replaceAllUsesWith(result);
  op.erase();
}

namespace {
struct SplitGroupsPass
    : public tconv::impl::TConvSplitGroupsBase<SplitGroupsPass> {
  void runOnOperation() override {
    SmallVector<ConvOp> grouped;
    getOperation().walk([&](ConvOp op) {
      if (shouldSplitGroups(op))
        grouped.push_back(op);
    });
    for (ConvOp op : grouped)
      splitGroups(op);
  }
};
} // namespace
