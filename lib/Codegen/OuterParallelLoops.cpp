//===- OuterParallelLoops.cpp - Parallel outer dims, sequential inner ----===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVOUTERPARALLELLOOPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// Iterations of dim `d`, or nullopt if not static.
static std::optional<int64_t> tripCount(scf::ParallelOp loop, unsigned d) {
  std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound()[d]);
  std::optional<int64_t> ub = getConstantIntValue(loop.getUpperBound()[d]);
  std::optional<int64_t> step = getConstantIntValue(loop.getStep()[d]);
  if (!lb || !ub || !step || *step <= 0)
    return std::nullopt;
  return std::max<int64_t>(0, llvm::divideCeil(*ub - *lb, *step));
}

/// Iterations of all dims of `loop`, nullopt if some are not static.
static std::optional<uint64_t> totalIterations(scf::ParallelOp loop) {
  uint64_t total = 1;
  for (unsigned d = 0, e = loop.getNumLoops(); d < e; ++d) {
    std::optional<int64_t> trips = tripCount(loop, d);
    if (!trips)
      return std::nullopt;
    total = llvm::SaturatingMultiply<uint64_t>(total, *trips);
  }
  return total;
}

/// How many leading dims of `loop` stay parallel.
static unsigned parallelPrefix(scf::ParallelOp loop, int64_t minIterations,
                               int64_t minWork) {
  // Inside a parallel tile the threads are busy already.
  if (loop->getParentOfType<scf::ForallOp>() ||
      loop->getParentOfType<scf::ParallelOp>())
    return 0;
  // Too little work to pay for waking the threads and the barrier after.
  if (std::optional<uint64_t> total = totalIterations(loop))
    if (minWork > 0 && *total < static_cast<uint64_t>(minWork))
      return 0;
  unsigned rank = loop.getNumLoops();
  unsigned prefix = 1;
  int64_t iterations = tripCount(loop, 0).value_or(minIterations);
  while (prefix + 1 < rank && iterations < minIterations) {
    iterations *= tripCount(loop, prefix).value_or(minIterations);
    ++prefix;
  }
  return prefix;
}

/// Rewrites `loop` as an scf.parallel over its first `prefix` dims (none if
/// 0) around an scf.for nest over the others.
static void splitLoop(RewriterBase &rewriter, scf::ParallelOp loop,
                      unsigned prefix) {
  Location loc = loop.getLoc();
  Block *body = loop.getBody();
  auto buildInner = [&](OpBuilder &b, Location l, ValueRange outerIvs) {
    scf::buildLoopNest(
        b, l, loop.getLowerBound().drop_front(prefix),
        loop.getUpperBound().drop_front(prefix),
        loop.getStep().drop_front(prefix),
        [&](OpBuilder &nested, Location, ValueRange innerIvs) {
          IRMapping mapping;
          SmallVector<Value> ivs(outerIvs);
          llvm::append_range(ivs, innerIvs);
          mapping.map(body->getArguments(), ivs);
          for (Operation &op : body->without_terminator())
            nested.clone(op, mapping);
        });
  };
  rewriter.setInsertionPoint(loop);
  if (prefix == 0)
    buildInner(rewriter, loc, {});
  else
    scf::ParallelOp::create(rewriter, loc,
                            loop.getLowerBound().take_front(prefix),
                            loop.getUpperBound().take_front(prefix),
                            loop.getStep().take_front(prefix), buildInner);
  rewriter.eraseOp(loop);
}

namespace {
struct OuterParallelLoopsPass
    : public tconv::impl::TConvOuterParallelLoopsBase<OuterParallelLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    // Tiles nested in a parallel loop (a convolution inside the parallel
    // loop over Winograd's products) would each open a serialized OpenMP
    // region: they become loops here like the others below.
    SmallVector<scf::ForallOp> nested;
    getOperation().walk([&](scf::ForallOp forall) {
      if (forall.getNumResults() == 0 &&
          (forall->getParentOfType<scf::ForallOp>() ||
           forall->getParentOfType<scf::ParallelOp>()))
        nested.push_back(forall);
    });
    for (scf::ForallOp forall : nested) {
      rewriter.setInsertionPoint(forall);
      if (failed(scf::forallToParallelLoop(rewriter, forall)))
        return signalPassFailure();
    }
    SmallVector<scf::ParallelOp> loops;
    getOperation().walk([&](scf::ParallelOp loop) {
      if (loop.getInitVals().empty())
        loops.push_back(loop);
    });
    // Post-order: inner loops are rewritten before the loops around them.
    for (scf::ParallelOp loop : loops) {
      unsigned prefix = parallelPrefix(loop, minParallelIterations, minParallelWork);
      if (prefix < loop.getNumLoops())
        splitLoop(rewriter, loop, prefix);
    }
  }
};
} // namespace
