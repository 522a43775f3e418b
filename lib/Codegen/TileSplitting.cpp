//===- TileSplitting.cpp - Whole tiles by splitting off remainders -------===//

#include "TileSplitting.h"

#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Interfaces/TilingInterface.h"

using namespace mlir;
using namespace mlir::tconv;

DimPlan mlir::tconv::planDim(int64_t size, int64_t target, int64_t quantum) {
  if (size <= target && (size % quantum == 0 || size < quantum))
    return {size, 0};
  int64_t smallest = std::max(quantum, (target + 1) / 2);
  for (int64_t t = target / quantum * quantum; t >= smallest; t -= quantum)
    if (size % t == 0)
      return {t, 0};
  if (size > target)
    return {0, size - size % target};
  return {0, size - size % quantum};
}

SmallVector<std::pair<linalg::LinalgOp, SmallVector<int64_t>>>
mlir::tconv::splitIntoTileableParts(RewriterBase &rewriter, linalg::LinalgOp op,
                                    ArrayRef<TileTarget> targets) {
  SmallVector<std::pair<linalg::LinalgOp, SmallVector<int64_t>>> done;
  SmallVector<linalg::LinalgOp> worklist = {op};
  while (!worklist.empty()) {
    linalg::LinalgOp part = worklist.pop_back_val();
    SmallVector<int64_t> ranges = part.getStaticLoopRanges();
    SmallVector<int64_t> tiles;
    std::optional<std::pair<unsigned, int64_t>> split;
    for (const TileTarget &target : targets) {
      DimPlan plan = planDim(ranges[target.dim], target.target, target.quantum);
      if (plan.splitPoint != 0) {
        split = {target.dim, plan.splitPoint};
        break;
      }
      tiles.push_back(plan.tile);
    }
    if (!split) {
      done.push_back({part, tiles});
      continue;
    }
    rewriter.setInsertionPoint(part);
    auto [first, second] =
        linalg::splitOp(rewriter, cast<TilingInterface>(part.getOperation()),
                        split->first, rewriter.getIndexAttr(split->second));
    worklist.push_back(cast<linalg::LinalgOp>(first.getOperation()));
    worklist.push_back(cast<linalg::LinalgOp>(second.getOperation()));
  }
  return done;
}
