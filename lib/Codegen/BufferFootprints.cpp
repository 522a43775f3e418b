//===- BufferFootprints.cpp - Which bytes a piece of code touches --------===//

#include "BufferFootprints.h"

#include "tconv/Codegen/BatchLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::tconv;

/// The buffer `value` views (`root`) and the byte offset of `value`'s base
/// pointer from the root's, if static.
static std::optional<int64_t> baseShift(Value value, Value &root) {
  std::optional<int64_t> shift = 0;
  while (Operation *def = value.getDefiningOp()) {
    if (auto view = dyn_cast<memref::ViewOp>(def)) {
      std::optional<int64_t> bytes = getConstantIntValue(view.getByteShift());
      shift = shift && bytes ? std::optional(*shift + *bytes) : std::nullopt;
      value = view.getSource();
      continue;
    }
    auto viewLike = dyn_cast<ViewLikeOpInterface>(def);
    if (!viewLike)
      break;
    value = viewLike.getViewSource();
  }
  root = value;
  return shift;
}

static Footprint footprintOf(Value value) {
  Footprint fp;
  while (true) {
    auto type = dyn_cast<MemRefType>(value.getType());
    int64_t offset;
    SmallVector<int64_t> strides;
    if (type && type.hasStaticShape() &&
        type.getElementType().isIntOrFloat() &&
        type.getElementTypeBitWidth() % 8 == 0 &&
        succeeded(type.getStridesAndOffset(strides, offset)) &&
        !ShapedType::isDynamic(offset) &&
        llvm::none_of(strides, ShapedType::isDynamic)) {
      std::optional<int64_t> shift = baseShift(value, fp.root);
      if (!shift)
        return fp;
      fp.whole = false;
      fp.anchor = value;
      fp.base = *shift;
      fp.elementBytes = type.getElementTypeBitWidth() / 8;
      fp.offset = offset;
      fp.lows.assign(type.getRank(), 0);
      fp.sizes = llvm::to_vector(type.getShape());
      fp.strides = std::move(strides);
      return fp;
    }
    // A dynamic view reaches no more than its source, unless it places
    // its own layout (reinterpret_cast) or base (view).
    Operation *def = value.getDefiningOp();
    if (def && isa<memref::SubViewOp, memref::ExpandShapeOp,
                   memref::CollapseShapeOp, memref::CastOp,
                   memref::TransposeOp>(def)) {
      value = cast<ViewLikeOpInterface>(def).getViewSource();
      continue;
    }
    (void)baseShift(value, fp.root);
    return fp;
  }
}

/// The byte ranges [begin, end) of `fp`, sorted, or nothing if there are
/// more than `limit`.
static std::optional<SmallVector<std::pair<int64_t, int64_t>>>
byteRanges(const Footprint &fp, int64_t limit) {
  SmallVector<int64_t> sizes = fp.sizes, strides = fp.strides;
  int64_t run = fp.elementBytes;
  if (!sizes.empty() && strides.back() == 1) {
    run *= sizes.back();
    sizes.back() = 1;
  }
  int64_t count = 1;
  for (int64_t size : sizes) {
    if (size == 0)
      return SmallVector<std::pair<int64_t, int64_t>>();
    count *= size;
    if (count > limit)
      return std::nullopt;
  }
  SmallVector<std::pair<int64_t, int64_t>> ranges;
  SmallVector<int64_t> index(sizes.size(), 0);
  for (int64_t i = 0; i < count; ++i) {
    int64_t element = fp.offset;
    for (auto [idx, low, stride] : llvm::zip_equal(index, fp.lows, strides))
      element += (low + idx) * stride;
    int64_t begin = fp.base + element * fp.elementBytes;
    ranges.push_back({begin, begin + run});
    for (int64_t d = sizes.size() - 1; d >= 0; --d) {
      if (++index[d] < sizes[d])
        break;
      index[d] = 0;
    }
  }
  llvm::sort(ranges);
  return ranges;
}

/// The smallest byte range holding `fp`.
static std::pair<int64_t, int64_t> bounds(const Footprint &fp) {
  int64_t low = fp.offset, high = fp.offset;
  for (auto [start, size, stride] :
       llvm::zip_equal(fp.lows, fp.sizes, fp.strides)) {
    if (size == 0)
      return {0, 0};
    low += start * stride;
    high += start * stride;
    (stride < 0 ? low : high) += (size - 1) * stride;
  }
  return {fp.base + low * fp.elementBytes,
          fp.base + (high + 1) * fp.elementBytes};
}

/// Whether `root` is a fresh allocation or an argument of an entry point,
/// whose buffers the ABI keeps apart (outputs and the workspace alias
/// nothing; see tconv/Pipelines/Pipelines.h), or of the image function of a
/// dynamic batch, whose arguments are slices of those, the image's own
/// output slices, or buffers computed before the loop (BatchLoop.h).
static bool isDistinctRoot(Value root) {
  if (Operation *def = root.getDefiningOp())
    return isa<memref::AllocOp, memref::AllocaOp>(def);
  auto arg = cast<BlockArgument>(root);
  auto func = dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp());
  return func && arg.getOwner()->isEntryBlock() &&
         (func.isPublic() || func->hasAttr(tconv::kBatchImageAttrName));
}

static bool mayOverlap(const Footprint &a, const Footprint &b) {
  if (a.root != b.root)
    return !isDistinctRoot(a.root) || !isDistinctRoot(b.root);
  if (a.whole || b.whole)
    return true;
  auto [aBegin, aEnd] = bounds(a);
  auto [bBegin, bEnd] = bounds(b);
  if (aEnd <= bBegin || bEnd <= aBegin)
    return false;
  // Interleaved views (the phases of a transposed convolution): compare
  // their contiguous runs.
  constexpr int64_t kMaxRuns = 1 << 16;
  auto aRanges = byteRanges(a, kMaxRuns);
  auto bRanges = byteRanges(b, kMaxRuns);
  if (!aRanges || !bRanges)
    return true;
  auto i = aRanges->begin(), j = bRanges->begin();
  while (i != aRanges->end() && j != bRanges->end()) {
    if (i->second <= j->first)
      ++i;
    else if (j->second <= i->first)
      ++j;
    else
      return true;
  }
  return false;
}

/// Smallest and largest value of an index computed from constants and the
/// induction variables of loops with constant bounds; nothing if unknown.
static std::optional<std::pair<int64_t, int64_t>> indexRange(Value value,
                                                             int depth = 0) {
  if (std::optional<int64_t> c = getConstantIntValue(value))
    return std::make_pair(*c, *c);
  if (depth > 8)
    return std::nullopt;
  auto loopRange = [](std::optional<int64_t> lb, std::optional<int64_t> ub,
                      std::optional<int64_t> step, bool inclusive)
      -> std::optional<std::pair<int64_t, int64_t>> {
    if (!lb || !ub || !step || *step <= 0)
      return std::nullopt;
    int64_t end = inclusive ? *ub + 1 : *ub;
    if (end <= *lb)
      return std::nullopt;
    return std::make_pair(*lb, *lb + (end - 1 - *lb) / *step * *step);
  };
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    Operation *owner = arg.getOwner()->getParentOp();
    if (auto loop = dyn_cast<scf::ForOp>(owner);
        loop && arg == loop.getInductionVar())
      return loopRange(getConstantIntValue(loop.getLowerBound()),
                       getConstantIntValue(loop.getUpperBound()),
                       getConstantIntValue(loop.getStep()), false);
    if (auto nest = dyn_cast<omp::LoopNestOp>(owner)) {
      unsigned i = arg.getArgNumber();
      return loopRange(getConstantIntValue(nest.getLoopLowerBounds()[i]),
                       getConstantIntValue(nest.getLoopUpperBounds()[i]),
                       getConstantIntValue(nest.getLoopSteps()[i]),
                       nest.getLoopInclusive());
    }
    return std::nullopt;
  }
  Operation *def = value.getDefiningOp();
  if (!def || def->getNumOperands() != 2 ||
      !isa<arith::AddIOp, arith::SubIOp, arith::MulIOp>(def))
    return std::nullopt;
  auto a = indexRange(def->getOperand(0), depth + 1);
  auto b = indexRange(def->getOperand(1), depth + 1);
  if (!a || !b)
    return std::nullopt;
  // Overflow: unknown.
  int64_t lo, hi;
  if (isa<arith::AddIOp>(def)) {
    if (llvm::AddOverflow(a->first, b->first, lo) ||
        llvm::AddOverflow(a->second, b->second, hi))
      return std::nullopt;
    return std::make_pair(lo, hi);
  }
  if (isa<arith::SubIOp>(def)) {
    if (llvm::SubOverflow(a->first, b->second, lo) ||
        llvm::SubOverflow(a->second, b->first, hi))
      return std::nullopt;
    return std::make_pair(lo, hi);
  }
  int64_t products[4];
  if (llvm::MulOverflow(a->first, b->first, products[0]) ||
      llvm::MulOverflow(a->first, b->second, products[1]) ||
      llvm::MulOverflow(a->second, b->first, products[2]) ||
      llvm::MulOverflow(a->second, b->second, products[3]))
    return std::nullopt;
  return std::make_pair(*llvm::min_element(products),
                        *llvm::max_element(products));
}

/// Narrows `fp` (the whole of the accessed memref) to the box of elements
/// `op` touches, from the ranges of its indices and its vector's shape.
static void narrowToAccess(Operation *op, Footprint &fp) {
  ValueRange indices;
  SmallVector<int64_t> extent(fp.sizes.size(), 1);
  if (auto load = dyn_cast<memref::LoadOp>(op))
    indices = load.getIndices();
  else if (auto store = dyn_cast<memref::StoreOp>(op))
    indices = store.getIndices();
  else if (auto transfer = dyn_cast<VectorTransferOpInterface>(op)) {
    if (transfer.hasOutOfBoundsDim())
      return;
    indices = transfer.getIndices();
    AffineMap map = transfer.getPermutationMap();
    for (auto [expr, size] :
         llvm::zip_equal(map.getResults(), transfer.getVectorType().getShape()))
      if (auto dim = dyn_cast<AffineDimExpr>(expr))
        extent[dim.getPosition()] = size;
  } else {
    return;
  }
  if (indices.size() != fp.sizes.size())
    return;
  for (auto [d, index] : llvm::enumerate(indices)) {
    auto range = indexRange(index);
    if (!range || range->first < 0 ||
        range->second + extent[d] > fp.sizes[d])
      continue;
    fp.lows[d] = range->first;
    fp.sizes[d] = range->second - range->first + extent[d];
  }
}

Effects mlir::tconv::effectsOf(Operation *root) {
  Effects effects;
  // Unrolled code accesses a few buffers many times: one box per view
  // and kind of access, the hull of the accessed ones.
  llvm::DenseMap<std::pair<Value, int>, size_t> boxes;
  root->walk([&](Operation *op) {
    if (effects.unknown || op->hasTrait<OpTrait::HasRecursiveMemoryEffects>())
      return;
    auto iface = dyn_cast<MemoryEffectOpInterface>(op);
    if (!iface) {
      effects.unknown = true;
      return;
    }
    SmallVector<MemoryEffects::EffectInstance> instances;
    iface.getEffects(instances);
    for (const MemoryEffects::EffectInstance &effect : instances) {
      bool write = isa<MemoryEffects::Write>(effect.getEffect());
      if (!write && !isa<MemoryEffects::Read>(effect.getEffect()))
        continue; // allocation and free of thread-private scratch
      Value value = effect.getValue();
      if (!value || !isa<MemRefType>(value.getType())) {
        effects.unknown = true;
        return;
      }
      Footprint fp = footprintOf(value);
      if (fp.anchor == value)
        narrowToAccess(op, fp);
      auto [it, inserted] = boxes.try_emplace(
          {fp.anchor ? fp.anchor : fp.root, write}, effects.accesses.size());
      if (inserted) {
        effects.accesses.push_back({std::move(fp), write});
        continue;
      }
      Footprint &hull = effects.accesses[it->second].footprint;
      if (hull.whole || fp.whole) {
        hull.whole = true;
        continue;
      }
      for (unsigned d = 0; d < hull.sizes.size(); ++d) {
        int64_t end = std::max(hull.lows[d] + hull.sizes[d],
                               fp.lows[d] + fp.sizes[d]);
        hull.lows[d] = std::min(hull.lows[d], fp.lows[d]);
        hull.sizes[d] = end - hull.lows[d];
      }
    }
  });
  return effects;
}

bool mlir::tconv::conflict(const Effects &a, const Effects &b) {
  if (a.unknown || b.unknown)
    return true;
  for (const Access &x : a.accesses)
    for (const Access &y : b.accesses)
      if ((x.write || y.write) && mayOverlap(x.footprint, y.footprint))
        return true;
  return false;
}
