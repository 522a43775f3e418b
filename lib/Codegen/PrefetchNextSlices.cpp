//===- PrefetchNextSlices.cpp - Fetch a parallel step's slice ahead -------===//
//
// A parallel loop whose steps each copy a slice of a large argument (a
// filter's block of output channels, repacked per step) waits on memory at
// the start of every step: the argument is larger than the caches, the
// slice's rows lie far apart, and the copy stalls on each of them while the
// FMA units idle. This pass has each step prefetch the next step's slice
// while its own multiplications run.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVPREFETCHNEXTSLICES
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

static constexpr int64_t kLineBytes = 64;

/// Whether `op` multiplies vectors: an FMA or an x86 dot product.
static bool isVectorProduct(Operation *op) {
  return isa<vector::FMAOp>(op) ||
         isa_and_nonnull<x86vector::X86VectorDialect>(op->getDialect());
}

static bool containsVectorProduct(Operation *op) {
  return op->walk([](Operation *inner) {
           return isVectorProduct(inner) ? WalkResult::interrupt()
                                         : WalkResult::advance();
         }).wasInterrupted();
}

/// The loops from `root` down to the first loop whose own body multiplies
/// vectors, outermost first; empty if there is none.
static SmallVector<scf::ForOp> productLoops(scf::ForOp root) {
  SmallVector<scf::ForOp> chain;
  scf::ForOp loop = root;
  while (loop) {
    chain.push_back(loop);
    if (llvm::any_of(loop.getBody()->getOperations(),
                     [](Operation &op) { return isVectorProduct(&op); }))
      return chain;
    scf::ForOp next;
    for (Operation &op : loop.getBody()->getOperations())
      if (auto inner = dyn_cast<scf::ForOp>(op);
          inner && containsVectorProduct(inner)) {
        next = inner;
        break;
      }
    loop = next;
  }
  return {};
}

/// Whether `op` is a subview of a static function argument of at least
/// `minBytes`.
static bool isSliceOfLargeArgument(memref::SubViewOp op, int64_t minBytes) {
  auto argument = dyn_cast<BlockArgument>(op.getSource());
  if (!argument || !isa<func::FuncOp>(argument.getOwner()->getParentOp()))
    return false;
  auto sourceType = cast<MemRefType>(op.getSource().getType());
  MemRefType type = op.getType();
  return sourceType.hasStaticShape() && type.hasStaticShape() &&
         type.getElementTypeBitWidth() % 8 == 0 &&
         sourceType.getNumElements() *
                 (sourceType.getElementTypeBitWidth() / 8) >=
             minBytes;
}

/// The ops in `parallel`'s body that compute `op`'s operands, in an order
/// that clones them; nullopt if the analysis fails.
static std::optional<SetVector<Operation *>>
getOperandSlice(memref::SubViewOp op, scf::ParallelOp parallel) {
  SetVector<Operation *> slice;
  BackwardSliceOptions options;
  options.filter = [&](Operation *def) {
    return parallel->isProperAncestor(def);
  };
  options.inclusive = true;
  for (Value operand : op->getOperands())
    if (Operation *def = operand.getDefiningOp();
        def && parallel->isProperAncestor(def) &&
        failed(getBackwardSlice(def, &slice, options)))
      return std::nullopt;
  return slice;
}

/// Whether `op`, whose operands `operandSlice` computes, moves with the
/// induction variable of `parallel`.
static bool dependsOnStep(memref::SubViewOp op, scf::ParallelOp parallel,
                          const SetVector<Operation *> &operandSlice) {
  Value iv = parallel.getInductionVars().front();
  return llvm::is_contained(op->getOperands(), iv) ||
         llvm::any_of(operandSlice, [&](Operation *sliceOp) {
           return llvm::is_contained(sliceOp->getOperands(), iv);
         });
}

namespace {
struct PrefetchNextSlicesPass
    : public tconv::impl::TConvPrefetchNextSlicesBase<PrefetchNextSlicesPass> {
  using Base::Base;

  void runOnOperation() override {
    getOperation().walk([&](scf::ParallelOp parallel) {
      if (parallel.getNumLoops() != 1)
        return;
      std::optional<int64_t> lower =
          getConstantIntValue(parallel.getLowerBound().front());
      std::optional<int64_t> upper =
          getConstantIntValue(parallel.getUpperBound().front());
      std::optional<int64_t> step =
          getConstantIntValue(parallel.getStep().front());
      if (!lower || !upper || !step || *step <= 0 || *upper - *lower <= *step)
        return;
      int64_t lastStep = *lower + (*upper - *lower - 1) / *step * *step;
      SmallVector<std::pair<memref::SubViewOp, SetVector<Operation *>>>
          slices;
      for (Operation &op : parallel.getBody()->getOperations()) {
        auto subview = dyn_cast<memref::SubViewOp>(op);
        if (!subview || !isSliceOfLargeArgument(subview, minBytes))
          continue;
        std::optional<SetVector<Operation *>> operandSlice =
            getOperandSlice(subview, parallel);
        if (operandSlice && dependsOnStep(subview, parallel, *operandSlice))
          slices.push_back({subview, std::move(*operandSlice)});
      }
      for (auto &[slice, operandSlice] : slices)
        prefetchNext(parallel, slice, operandSlice, lastStep);
    });
  }

private:
  /// Inserts the prefetches of the next step's `slice` (whose operands
  /// `operandSlice` computes) into the first loop nest after it that
  /// multiplies vectors, spread over that nest's iterations (a few lines
  /// each).
  void prefetchNext(scf::ParallelOp parallel, memref::SubViewOp slice,
                    const SetVector<Operation *> &operandSlice,
                    int64_t lastStep) {
    SmallVector<scf::ForOp> chain;
    for (Operation *op = slice->getNextNode(); op && chain.empty();
         op = op->getNextNode())
      if (auto loop = dyn_cast<scf::ForOp>(op))
        chain = productLoops(loop);
    if (chain.empty())
      return;
    MemRefType type = slice.getType();
    int64_t elementBytes = type.getElementTypeBitWidth() / 8;
    SmallVector<int64_t> strides;
    int64_t offset;
    if (failed(type.getStridesAndOffset(strides, offset)))
      return;
    ArrayRef<int64_t> sizes = type.getShape();
    // The innermost dims that lie contiguously form a run of lines.
    int64_t rank = type.getRank(), firstContiguous = rank, runElements = 1;
    while (firstContiguous > 0 &&
           strides[firstContiguous - 1] == runElements) {
      --firstContiguous;
      runElements *= sizes[firstContiguous];
    }
    if (firstContiguous == rank || runElements * elementBytes < kLineBytes)
      return;
    int64_t elementsPerLine = kLineBytes / elementBytes;
    int64_t linesPerRun = llvm::divideCeil(runElements, elementsPerLine);
    int64_t runs = 1;
    for (int64_t size : sizes.take_front(firstContiguous))
      runs *= size;
    int64_t lines = runs * linesPerRun;
    // Iterations numbered by induction variable / step in the loops with a
    // constant upper bound and step; the others (a border's taps) repeat
    // their enclosing iteration's prefetches, which then hit.
    SmallVector<std::pair<scf::ForOp, int64_t>> numbered;
    int64_t iterations = 1;
    for (scf::ForOp loop : chain) {
      std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
      std::optional<int64_t> step = getConstantIntValue(loop.getStep());
      if (!upper || !step || *step <= 0)
        continue;
      int64_t extent = llvm::divideCeil(*upper, *step);
      numbered.push_back({loop, extent});
      iterations *= extent;
    }
    // A divisor of a run's lines: an iteration's lines then lie in one run,
    // whose position it computes once.
    int64_t perIteration = llvm::divideCeil(lines, iterations);
    while (perIteration <= maxPerIteration && linesPerRun % perIteration != 0)
      ++perIteration;
    if (perIteration > maxPerIteration)
      return;

    // The next step's slice (the last step fetches its own again), computed
    // as the slice's own operands are, which must be pure.
    if (!llvm::all_of(operandSlice, isPure))
      return;
    OpBuilder b(slice);
    Location loc = slice.getLoc();
    Value iv = parallel.getInductionVars().front();
    Value next =
        b.createOrFold<arith::AddIOp>(loc, iv, parallel.getStep().front());
    Value last = arith::ConstantIndexOp::create(b, loc, lastStep);
    next = b.createOrFold<arith::MinSIOp>(loc, next, last);
    IRMapping mapping;
    mapping.map(iv, next);
    for (Operation *op : operandSlice)
      b.clone(*op, mapping);
    Value nextSlice = b.clone(*slice, mapping)->getResult(0);

    // The runs as rows of one dim: a line is then a run and an offset.
    SmallVector<ReassociationIndices> groups;
    for (int64_t dim = 0; dim < firstContiguous; ++dim)
      groups.push_back({dim});
    groups.emplace_back(llvm::to_vector(llvm::seq(firstContiguous, rank)));
    Value runsView =
        memref::CollapseShapeOp::create(b, loc, nextSlice, groups);

    // In the innermost loop: iteration i prefetches the lines from
    // min(i * perIteration, lines - perIteration) on.
    scf::ForOp host = chain.back();
    b.setInsertionPointToStart(host.getBody());
    auto constant = [&](int64_t value) -> Value {
      return arith::ConstantIndexOp::create(b, loc, value);
    };
    Value index = constant(0);
    for (auto [loop, extent] : numbered) {
      Value step = b.createOrFold<arith::DivUIOp>(loc, loop.getInductionVar(),
                                                  loop.getStep());
      index = b.createOrFold<arith::AddIOp>(
          loc, b.createOrFold<arith::MulIOp>(loc, index, constant(extent)),
          step);
    }
    Value first = b.createOrFold<arith::MinUIOp>(
        loc, b.createOrFold<arith::MulIOp>(loc, index, constant(perIteration)),
        constant(lines - perIteration));
    Value run =
        b.createOrFold<arith::DivUIOp>(loc, first, constant(linesPerRun));
    Value within = b.createOrFold<arith::MulIOp>(
        loc, b.createOrFold<arith::RemUIOp>(loc, first, constant(linesPerRun)),
        constant(elementsPerLine));
    SmallVector<Value> indices(firstContiguous + 1);
    for (int64_t dim = firstContiguous - 1; dim > 0; --dim) {
      indices[dim] =
          b.createOrFold<arith::RemUIOp>(loc, run, constant(sizes[dim]));
      run = b.createOrFold<arith::DivUIOp>(loc, run, constant(sizes[dim]));
    }
    indices[0] = run;
    for (int64_t j = 0; j < perIteration; ++j) {
      indices.back() = b.createOrFold<arith::AddIOp>(
          loc, within, constant(j * elementsPerLine));
      memref::PrefetchOp::create(b, loc, runsView, indices,
                                 /*isWrite=*/false, /*localityHint=*/locality,
                                 /*isDataCache=*/true);
    }
  }
};
} // namespace
