//===- InnermostOutputLoops.cpp - Window reductions outside the row loop --===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVINNERMOSTOUTPUTLOOPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The loop order with the output's innermost dim moved inside the
/// reductions that follow it, or nullopt when `op` has none there or some
/// input reads that dim other than in its innermost position (a reduction
/// over rows of a plane: the moved loop would stride across the plane).
static std::optional<SmallVector<unsigned>>
rowInnermostOrder(linalg::GenericOp op) {
  if (op.getNumDpsInits() != 1 || op.getNumReductionLoops() == 0)
    return std::nullopt;
  AffineMap outMap = op.getMatchingIndexingMap(op.getDpsInitOperand(0));
  if (outMap.getNumResults() == 0)
    return std::nullopt;
  auto row = dyn_cast<AffineDimExpr>(outMap.getResults().back());
  if (!row)
    return std::nullopt;
  unsigned rowDim = row.getPosition();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  unsigned numLoops = op.getNumLoops();
  // Only reductions after it (a pooling window's kh, kw).
  if (rowDim + 1 == numLoops)
    return std::nullopt;
  for (unsigned d = rowDim + 1; d < numLoops; ++d)
    if (iterators[d] != utils::IteratorType::reduction)
      return std::nullopt;
  for (OpOperand *input : op.getDpsInputOperands()) {
    AffineMap map = op.getMatchingIndexingMap(input);
    for (auto [i, result] : llvm::enumerate(map.getResults()))
      if (result.isFunctionOfDim(rowDim) && i + 1 != map.getNumResults())
        return std::nullopt;
  }
  SmallVector<unsigned> order;
  for (unsigned d = 0; d < numLoops; ++d)
    if (d != rowDim)
      order.push_back(d);
  order.push_back(rowDim);
  return order;
}

namespace {
struct InnermostOutputLoopsPass
    : public tconv::impl::TConvInnermostOutputLoopsBase<
          InnermostOutputLoopsPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    SmallVector<std::pair<linalg::GenericOp, SmallVector<unsigned>>> ops;
    getOperation().walk([&](linalg::GenericOp op) {
      if (std::optional<SmallVector<unsigned>> order = rowInnermostOrder(op))
        ops.push_back({op, std::move(*order)});
    });
    for (auto &[op, order] : ops) {
      rewriter.setInsertionPoint(op);
      if (failed(linalg::interchangeGenericOp(rewriter, op, order))) {
        op.emitError() << "tconv-innermost-output-loops: interchange failed";
        return signalPassFailure();
      }
    }
  }
};
} // namespace
