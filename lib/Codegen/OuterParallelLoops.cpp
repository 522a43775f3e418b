//===- OuterParallelLoops.cpp - Which loops run in parallel --------------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/BatchLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/ValueBoundsOpInterface.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVOUTERPARALLELLOOPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// Iterations from `lb` up to (not including) `ub` by `step`, or nullopt if
/// one of them is unknown.
static std::optional<int64_t> iterations(std::optional<int64_t> lb,
                                         std::optional<int64_t> ub,
                                         std::optional<int64_t> step) {
  if (!lb || !ub || !step || *step <= 0)
    return std::nullopt;
  return std::max<int64_t>(0, llvm::divideCeil(*ub - *lb, *step));
}

/// Iterations of dim `d`, or nullopt if not static.
static std::optional<int64_t> tripCount(scf::ParallelOp loop, unsigned d) {
  return iterations(getConstantIntValue(loop.getLowerBound()[d]),
                    getConstantIntValue(loop.getUpperBound()[d]),
                    getConstantIntValue(loop.getStep()[d]));
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

/// The most iterations of a loop-like op, all dims multiplied out: a
/// dynamic bound (a kernel tap loop that skips zero rows) counts as the most
/// its value bounds allow, or as one iteration if they are not known.
static uint64_t mostIterations(LoopLikeOpInterface loop) {
  std::optional<SmallVector<OpFoldResult>> lbs = loop.getLoopLowerBounds();
  std::optional<SmallVector<OpFoldResult>> ubs = loop.getLoopUpperBounds();
  std::optional<SmallVector<OpFoldResult>> steps = loop.getLoopSteps();
  if (!lbs || !ubs || !steps)
    return 1;
  uint64_t total = 1;
  for (auto [lb, ub, step] : llvm::zip_equal(*lbs, *ubs, *steps)) {
    FailureOr<int64_t> lo = ValueBoundsConstraintSet::computeConstantBound(
        presburger::BoundType::LB, lb);
    FailureOr<int64_t> hi = ValueBoundsConstraintSet::computeConstantBound(
        presburger::BoundType::UB, ub, /*stopCondition=*/nullptr,
        /*closedUB=*/true);
    std::optional<int64_t> trips =
        iterations(succeeded(lo) ? std::optional<int64_t>(*lo) : std::nullopt,
                   succeeded(hi) ? std::optional<int64_t>(*hi) : std::nullopt,
                   getConstantIntValue(step));
    total = llvm::SaturatingMultiply<uint64_t>(total, trips.value_or(1));
  }
  return total;
}

/// Elements of `type`: a vector's lanes, 1 for a scalar.
static uint64_t elements(Type type) {
  if (auto vector = dyn_cast<VectorType>(type))
    return vector.getNumElements();
  return 1;
}

/// Bytes of a vector or scalar `type`.
static uint64_t bytes(Type type) {
  return elements(type) *
         llvm::divideCeil(getElementTypeOrSelf(type).getIntOrFloatBitWidth(),
                          8);
}

/// The work of one run of `op` alone: one unit per floating-point operation
/// (two per fused multiply-add, four per lane of a bf16 pair dot), one per
/// byte loaded or stored.
static uint64_t ownWork(Operation *op) {
  if (isa<vector::FMAOp, math::FmaOp>(op))
    return 2 * elements(op->getResult(0).getType());
  if (isa<x86vector::DotBF16Op>(op))
    return 4 * elements(op->getResult(0).getType());
  Dialect *dialect = op->getDialect();
  if (dialect && isa<arith::ArithDialect, math::MathDialect>(dialect) &&
      op->getNumResults() == 1 &&
      isa<FloatType>(getElementTypeOrSelf(op->getResult(0).getType())))
    return elements(op->getResult(0).getType());
  if (isa<memref::LoadOp, vector::LoadOp, vector::TransferReadOp,
          vector::MaskedLoadOp>(op))
    return bytes(op->getResult(0).getType());
  if (isa<memref::StoreOp, vector::StoreOp, vector::TransferWriteOp,
          vector::MaskedStoreOp>(op))
    return bytes(op->getOperand(0).getType());
  return 0;
}

/// The work one run of `op` does, nested loops multiplied out.
static uint64_t executedWork(Operation *op) {
  uint64_t body = 0;
  for (Region &region : op->getRegions())
    for (Operation &nested : region.getOps())
      body = llvm::SaturatingAdd(body, executedWork(&nested));
  if (auto loop = dyn_cast<LoopLikeOpInterface>(op))
    body = llvm::SaturatingMultiply(body, mostIterations(loop));
  return llvm::SaturatingAdd(ownWork(op), body);
}

/// Whether `op` is a parallel loop outside any other one.
static bool isOutermostParallelLoop(Operation *op) {
  if (auto forall = dyn_cast<scf::ForallOp>(op)) {
    if (forall.getNumResults() != 0)
      return false;
  } else if (auto parallel = dyn_cast<scf::ParallelOp>(op)) {
    if (!parallel.getInitVals().empty())
      return false;
  } else {
    return false;
  }
  return !op->getParentOfType<scf::ForallOp>() &&
         !op->getParentOfType<scf::ParallelOp>();
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
    // A batch loop's function holds what its images share, moved out of the
    // functions it calls (tconv-hoist-batch-invariants): it runs on one
    // thread only if they all do, as those loops would have with them.
    // Callees first.
    SmallVector<func::FuncOp> drivers;
    llvm::StringMap<bool> serialFunctions;
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      if (func->hasAttr(tconv::kBatchLoopAttrName)) {
        drivers.push_back(func);
        continue;
      }
      bool serial = hasSmallLoops(func);
      serialFunctions[func.getSymName()] = serial;
      if (failed(decide(func, serial)))
        return signalPassFailure();
    }
    for (func::FuncOp driver : drivers) {
      bool anyCall = false, parallelCallee = false;
      driver.walk([&](func::CallOp call) {
        anyCall = true;
        auto it = serialFunctions.find(call.getCallee());
        parallelCallee |= it != serialFunctions.end() && !it->second;
      });
      bool serial = anyCall ? !parallelCallee : hasSmallLoops(driver);
      if (failed(decide(driver, serial)))
        return signalPassFailure();
    }
  }

private:
  /// Whether the parallel loops of `func` do too little on average: each
  /// loop would pay for a barrier and for reading what another core wrote,
  /// more than its work saves.
  bool hasSmallLoops(func::FuncOp func) {
    uint64_t numLoops = 0, totalWork = 0;
    func.walk([&](Operation *op) {
      if (!isOutermostParallelLoop(op))
        return;
      ++numLoops;
      totalWork = llvm::SaturatingAdd(totalWork, executedWork(op));
    });
    return minMeanParallelWork > 0 &&
           totalWork < llvm::SaturatingMultiply<uint64_t>(
                           numLoops, static_cast<uint64_t>(minMeanParallelWork));
  }

  /// Makes the loops of `func` that stay parallel (none if `serial`)
  /// scf.parallel, the others scf.for nests.
  LogicalResult decide(func::FuncOp func, bool serial) {
    IRRewriter rewriter(&getContext());
    // Tiles nested in a parallel loop (a convolution inside the parallel
    // loop over Winograd's products) would each open a serialized OpenMP
    // region: they become loops here like the others below, and so do all
    // tiles of a serial function.
    SmallVector<scf::ForallOp> sequential;
    func.walk([&](scf::ForallOp forall) {
      if (forall.getNumResults() == 0 &&
          (serial || forall->getParentOfType<scf::ForallOp>() ||
           forall->getParentOfType<scf::ParallelOp>()))
        sequential.push_back(forall);
    });
    for (scf::ForallOp forall : sequential) {
      rewriter.setInsertionPoint(forall);
      if (failed(scf::forallToParallelLoop(rewriter, forall)))
        return failure();
    }
    SmallVector<scf::ParallelOp> loops;
    func.walk([&](scf::ParallelOp loop) {
      if (loop.getInitVals().empty())
        loops.push_back(loop);
    });
    // Post-order: inner loops are rewritten before the loops around them.
    for (scf::ParallelOp loop : loops) {
      unsigned prefix =
          serial ? 0
                 : parallelPrefix(loop, minParallelIterations, minParallelWork);
      if (prefix < loop.getNumLoops())
        splitLoop(rewriter, loop, prefix);
    }
    return success();
  }
};
} // namespace
