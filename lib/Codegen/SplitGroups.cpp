//===- SplitGroups.cpp - One ungrouped convolution per group --------------===//

#include "tconv/Codegen/Passes.h"

#include "SliceAlong.h"
#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVSPLITGROUPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

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
    OpFoldResult firstIn = b.getIndexAttr(g * inPerGroup);
    OpFoldResult firstOut = b.getIndexAttr(g * outPerGroup);
    Value input =
        extractAlong(b, loc, op.getInput(), 1, firstIn, inPerGroup);
    Value filter =
        extractAlong(b, loc, op.getFilter(), 0, firstOut, outPerGroup);
    Value bias;
    if (Value fullBias = op.getBias())
      bias = extractAlong(b, loc, fullBias, 0, firstOut, outPerGroup);
    Value conv = ConvOp::create(b, loc, input, filter, bias, ungrouped);
    SmallVector<OpFoldResult> offsets, sizes, strides;
    sliceAlong(b, resultType.getShape(), 1, firstOut, outPerGroup, offsets,
               sizes, strides);
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
