//===- MergeParallelRegions.cpp - One OpenMP team for a run of loops -----===//
//
// Consecutive omp.parallel regions (the phases of a transposed convolution,
// a layout change and its remainder columns, a filter packing next to an
// input layout change) become one region whose loops share the team; a
// serial loop between them runs in an omp.single. A loop keeps the barrier
// after it only if a later loop of the region may touch what it wrote (or
// write what it read): BufferFootprints.h compares the bytes they access.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "BufferFootprints.h"

#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "llvm/ADT/STLExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVMERGEPARALLELREGIONS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

/// An omp.parallel without clauses around one omp.wsloop: a region to
/// merge.
static omp::WsloopOp soleLoop(omp::ParallelOp parallel) {
  if (parallel->getNumOperands() != 0 || !parallel.getRegion().hasOneBlock())
    return nullptr;
  Block &body = parallel.getRegion().front();
  if (body.getNumArguments() != 0 || !llvm::hasNItems(body, 2))
    return nullptr;
  auto loop = dyn_cast<omp::WsloopOp>(body.front());
  return loop && loop->getNumOperands() == 0 ? loop : nullptr;
}

/// Whether `op`, between two regions, can run on one thread of the team
/// (an omp.single): no results, no OpenMP inside, effects known.
static bool isSerialStep(Operation *op) {
  if (op->getNumResults() != 0 || op->hasTrait<OpTrait::IsTerminator>())
    return false;
  bool hasOpenMP = false;
  op->walk([&](Operation *nested) {
    hasOpenMP |= isa<omp::OpenMPDialect>(nested->getDialect());
  });
  return !hasOpenMP && !effectsOf(op).unknown;
}

/// Merges the run of regions and serial steps `steps` into one omp.parallel
/// before the first; `hoisted` (effect-free ops between them) move above.
static void mergeRun(ArrayRef<Operation *> steps, ArrayRef<Operation *> hoisted) {
  Operation *first = steps.front();
  for (Operation *op : hoisted)
    op->moveBefore(first);
  OpBuilder builder(first);
  auto merged = omp::ParallelOp::create(builder, first->getLoc());
  Block *body = builder.createBlock(&merged.getRegion());
  omp::TerminatorOp::create(builder, first->getLoc());
  Effects pending;
  SmallVector<Operation *> workshares; // wsloop or single, in order
  for (Operation *step : steps) {
    Effects effects = effectsOf(step);
    Operation *share;
    if (auto parallel = dyn_cast<omp::ParallelOp>(step)) {
      share = soleLoop(parallel);
      share->moveBefore(body->getTerminator());
      parallel->erase();
    } else {
      builder.setInsertionPoint(body->getTerminator());
      auto single = omp::SingleOp::create(builder, step->getLoc(),
                                          omp::SingleOperands{});
      builder.createBlock(&single.getRegion());
      omp::TerminatorOp::create(builder, step->getLoc());
      step->moveBefore(single.getRegion().front().getTerminator());
      share = single;
    }
    // No barrier before `share` unless it may touch what another thread is
    // still doing in a step since the last barrier.
    if (!workshares.empty()) {
      if (conflict(pending, effects)) {
        pending = Effects();
      } else {
        auto setNowait = [&](Operation *op) {
          if (auto loop = dyn_cast<omp::WsloopOp>(op))
            loop.setNowait(true);
          else
            cast<omp::SingleOp>(op).setNowait(true);
        };
        setNowait(workshares.back());
      }
    }
    pending.unknown |= effects.unknown;
    llvm::append_range(pending.accesses, effects.accesses);
    workshares.push_back(share);
  }
  // The region's end is a barrier.
  if (auto loop = dyn_cast<omp::WsloopOp>(workshares.back()))
    loop.setNowait(true);
  else
    cast<omp::SingleOp>(workshares.back()).setNowait(true);
}

/// Runs of `block` starting and ending with a mergeable region.
static void mergeRunsIn(Block &block) {
  SmallVector<Operation *> steps, hoisted, serialTail, hoistedTail;
  auto flush = [&] {
    if (llvm::count_if(steps, [](Operation *op) {
          return isa<omp::ParallelOp>(op);
        }) >= 2)
      mergeRun(steps, hoisted);
    steps.clear();
    hoisted.clear();
  };
  for (Operation &op : llvm::make_early_inc_range(block)) {
    auto parallel = dyn_cast<omp::ParallelOp>(op);
    if (parallel && soleLoop(parallel)) {
      if (!steps.empty()) {
        // Serial steps and hoisted ops seen since the last region join.
        llvm::append_range(steps, serialTail);
        llvm::append_range(hoisted, hoistedTail);
      }
      serialTail.clear();
      hoistedTail.clear();
      steps.push_back(&op);
      continue;
    }
    if (steps.empty())
      continue;
    // Ops between regions: effect-free ones move above the run if their
    // operands allow; others run on one thread.
    bool operandsBefore = llvm::all_of(op.getOperands(), [&](Value v) {
      Operation *def = v.getDefiningOp();
      return !def || def->getBlock() != &block ||
             def->isBeforeInBlock(steps.front()) ||
             llvm::is_contained(hoisted, def) ||
             llvm::is_contained(hoistedTail, def);
    });
    if (operandsBefore && op.getNumRegions() == 0 && isMemoryEffectFree(&op)) {
      hoistedTail.push_back(&op);
      continue;
    }
    if (operandsBefore && isSerialStep(&op)) {
      serialTail.push_back(&op);
      continue;
    }
    flush();
    serialTail.clear();
    hoistedTail.clear();
  }
  flush();
}

namespace {
struct MergeParallelRegionsPass
    : public tconv::impl::TConvMergeParallelRegionsBase<
          MergeParallelRegionsPass> {
  void runOnOperation() override {
    SmallVector<Block *> blocks;
    getOperation()->walk([&](Block *block) {
      if (!block->getParentOp()->getParentOfType<omp::ParallelOp>() &&
          !isa<omp::ParallelOp>(block->getParentOp()))
        blocks.push_back(block);
    });
    for (Block *block : blocks)
      mergeRunsIn(*block);
  }
};
} // namespace
