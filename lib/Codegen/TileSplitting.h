//===- TileSplitting.h - Whole tiles by splitting remainders ---*- C++ -*-===//
//
// The vectorizer needs static shapes, so tiles must divide the iteration
// space: a dim that no good tile size divides is split (linalg::splitOp)
// into a part that tiles evenly and a remainder, itself one static tile.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_PIPELINES_TILESPLITTING_H
#define TCONV_LIB_PIPELINES_TILESPLITTING_H

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tconv {

/// Either a tile size that divides the dim, or a point to split it at first.
struct DimPlan {
  int64_t tile = 0;
  int64_t splitPoint = 0;
};

/// Picks a tile of at most `target` (and at least target / 2) that divides
/// `size` and is a multiple of `quantum`, or a split point that leaves such
/// a tileable part plus a remainder. A dim smaller than the target (and than
/// the quantum, or a multiple of it) is one tile.
DimPlan planDim(int64_t size, int64_t target, int64_t quantum);

/// A loop dim to tile: at most `target` per tile, a multiple of `quantum`.
struct TileTarget {
  unsigned dim;
  int64_t target;
  int64_t quantum = 1;
};

/// Splits `op` until each target dim is a whole number of tiles. Returns
/// every part with its tile size per target, in `targets` order.
SmallVector<std::pair<linalg::LinalgOp, SmallVector<int64_t>>>
splitIntoTileableParts(RewriterBase &rewriter, linalg::LinalgOp op,
                       ArrayRef<TileTarget> targets);

} // namespace mlir::tconv

#endif // TCONV_LIB_PIPELINES_TILESPLITTING_H
