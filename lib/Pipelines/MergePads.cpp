//===- MergePads.cpp - One padded copy per tensor ------------------------===//
//
// Phase decomposition pads one input differently for each phase; each
// tensor.pad is a copy. One pad with the largest pads, sliced by every
// consumer, is one copy.
//
//===----------------------------------------------------------------------===//

#include "tconv/Pipelines/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/MapVector.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVMERGEPADS
#include "tconv/Pipelines/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The constant a static tensor.pad pads with, if it has one.
static Attribute paddingConstant(tensor::PadOp pad) {
  Attribute value;
  if (!pad.getResultType().hasStaticShape() ||
      !pad.getSourceType().hasStaticShape() || pad.getNofold())
    return nullptr;
  Value padding = pad.getConstantPaddingValue();
  if (!padding || !matchPattern(padding, m_Constant(&value)))
    return nullptr;
  return value;
}

/// Replaces the pads of `source` (all with the same constant) by slices of
/// one pad, and the other uses of `source` by its interior.
static void mergePads(RewriterBase &rewriter, Value source,
                      ArrayRef<tensor::PadOp> pads) {
  auto sourceType = cast<RankedTensorType>(source.getType());
  unsigned rank = sourceType.getRank();
  SmallVector<int64_t> low(rank, 0), high(rank, 0);
  for (tensor::PadOp pad : pads)
    for (unsigned d = 0; d < rank; ++d) {
      low[d] = std::max(low[d], pad.getStaticLow()[d]);
      high[d] = std::max(high[d], pad.getStaticHigh()[d]);
    }
  SmallVector<int64_t> shape(sourceType.getShape());
  for (unsigned d = 0; d < rank; ++d)
    shape[d] += low[d] + high[d];

  // At the first pad, where its padding value is defined.
  OpBuilder::InsertionGuard guard(rewriter);
  tensor::PadOp first = pads.front();
  rewriter.setInsertionPoint(first);
  Location loc = first.getLoc();
  auto merged = tensor::PadOp::create(
      rewriter, loc, RankedTensorType::get(shape, sourceType.getElementType()),
      source, rewriter.getDenseI64ArrayAttr(low),
      rewriter.getDenseI64ArrayAttr(high), ValueRange{}, ValueRange{});
  rewriter.cloneRegionBefore(first.getRegion(), merged.getRegion(),
                             merged.getRegion().end());

  auto sliceAt = [&](ArrayRef<int64_t> offsets, RankedTensorType type) {
    SmallVector<OpFoldResult> strides(rank, rewriter.getIndexAttr(1));
    SmallVector<OpFoldResult> offsetAttrs, sizeAttrs;
    for (unsigned d = 0; d < rank; ++d) {
      offsetAttrs.push_back(rewriter.getIndexAttr(offsets[d]));
      sizeAttrs.push_back(rewriter.getIndexAttr(type.getDimSize(d)));
    }
    return tensor::ExtractSliceOp::create(rewriter, loc, type, merged,
                                          offsetAttrs, sizeAttrs, strides);
  };
  for (tensor::PadOp pad : pads) {
    SmallVector<int64_t> offsets;
    for (unsigned d = 0; d < rank; ++d)
      offsets.push_back(low[d] - pad.getStaticLow()[d]);
    rewriter.setInsertionPoint(pad);
    rewriter.replaceOp(pad, sliceAt(offsets, pad.getResultType()));
  }
  rewriter.setInsertionPointAfter(merged);
  Value interior = sliceAt(low, sourceType);
  DominanceInfo dominance;
  rewriter.replaceUsesWithIf(source, interior, [&](OpOperand &use) {
    return use.getOwner() != merged &&
           dominance.properlyDominates(interior, use.getOwner());
  });
}

namespace {
struct MergePadsPass
    : public tconv::impl::TConvMergePadsBase<MergePadsPass> {
  void runOnOperation() override {
    // Pads grouped by source and padding constant, in program order.
    llvm::MapVector<std::pair<Value, Attribute>, SmallVector<tensor::PadOp>>
        groups;
    getOperation().walk([&](tensor::PadOp pad) {
      Attribute constant = paddingConstant(pad);
      if (!constant)
        return;
      SmallVector<tensor::PadOp> &group = groups[{pad.getSource(), constant}];
      // One block, in program order: the first pad comes first.
      if (group.empty() || group.front()->getBlock() == pad->getBlock())
        group.push_back(pad);
    });
    IRRewriter rewriter(&getContext());
    for (auto &group : groups) {
      // The source must have no other pad (with another constant).
      Value source = group.first.first;
      ArrayRef<tensor::PadOp> pads = group.second;
      bool onlyThese = llvm::all_of(source.getUsers(), [&](Operation *user) {
        auto pad = dyn_cast<tensor::PadOp>(user);
        return !pad || llvm::is_contained(pads, pad);
      });
      if (pads.size() > 1 && onlyThese)
        mergePads(rewriter, source, pads);
    }
  }
};
} // namespace
