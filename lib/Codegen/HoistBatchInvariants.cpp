//===- HoistBatchInvariants.cpp - Batch-free work once per call -----------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/BatchLoop.h"
#include "tconv/Codegen/Strategy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVHOISTBATCHINVARIANTS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// Whether `use` only reads the tensor: an input of a destination-style
/// op, a transfer or element read, or a view whose uses only read.
static bool isReadOnlyUse(OpOperand &use) {
  Operation *user = use.getOwner();
  if (auto dps = dyn_cast<DestinationStyleOpInterface>(user))
    return !dps.isDpsInit(&use);
  if (isa<vector::TransferReadOp, tensor::ExtractOp>(user))
    return true;
  if (isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
          tensor::CollapseShapeOp>(user))
    return llvm::all_of(user->getResult(0).getUses(), isReadOnlyUse);
  return false;
}

/// Whether `op` has no effect besides its results: memory-effect free, a new
/// tensor (bufferization.alloc_tensor allocates, touching nothing else), or
/// a tiled computation on tensors: an scf.forall whose body is, and whose
/// parallel_insert_slices (which declare no effects) only write its own
/// shared outputs. A filter's Winograd transform is such a loop.
static bool isSideEffectFree(Operation *op) {
  if (isMemoryEffectFree(op) || isa<bufferization::AllocTensorOp>(op))
    return true;
  // On memrefs a forall has no shared outputs.
  auto forall = dyn_cast<scf::ForallOp>(op);
  if (!forall || forall.getOutputs().empty())
    return false;
  auto body = forall.getBody()->without_terminator();
  return llvm::all_of(
             body, [](Operation &inner) { return isSideEffectFree(&inner); }) &&
         llvm::all_of(forall.getTerminator().getYieldingOps(),
                      llvm::IsaPred<tensor::ParallelInsertSliceOp>);
}

/// Whether `op` computes a new tensor (rather than viewing one or being a
/// constant): worth a buffer of its own in the caller.
static bool computesTensor(Operation *op) {
  return !isa<tensor::ExtractSliceOp, tensor::ExpandShapeOp,
              tensor::CollapseShapeOp, tensor::CastOp>(op) &&
         !op->hasTrait<OpTrait::ConstantLike>();
}

namespace {
struct HoistBatchInvariantsPass
    : public tconv::impl::TConvHoistBatchInvariantsBase<
          HoistBatchInvariantsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    for (auto driver : module.getOps<func::FuncOp>()) {
      if (!driver->hasAttr(tconv::kBatchLoopAttrName) || driver.isExternal())
        continue;
      // Loops over images or chunks of them (one call each), possibly under
      // an scf.if.
      SmallVector<std::pair<scf::ForOp, func::CallOp>> calls;
      driver.walk([&](scf::ForOp loop) {
        auto inBody = loop.getBody()->getOps<func::CallOp>();
        if (llvm::hasSingleElement(inBody))
          calls.push_back({loop, *inBody.begin()});
      });
      for (auto [loop, call] : calls) {
        auto image = module.lookupSymbol<func::FuncOp>(call.getCallee());
        std::optional<SymbolTable::UseRange> uses =
            SymbolTable::getSymbolUses(image, module);
        // A lone image's function runs once per call: nothing to share.
        if (image && !image.isExternal() &&
            tconv::mayMoveWorkToBatchLoop(image) && uses &&
            llvm::hasSingleElement(*uses))
          hoist(loop, call, image);
      }
    }
  }

  /// Wraps `loop` in an scf.if that runs, when the loop has one iteration, a
  /// copy of it calling a copy of `image` marked to run once per call
  /// (nothing moves out of it), and otherwise another copy calling `image`,
  /// which it returns with its call; `loop` is erased.
  std::pair<scf::ForOp, func::CallOp>
  callCopyWhenOnce(scf::ForOp loop, func::CallOp call, func::FuncOp image) {
    func::FuncOp once =
        tconv::cloneForOneRun(image, (image.getSymName() + ".once").str());
    OpBuilder builder(loop);
    Location loc = loop.getLoc();
    Value trip = arith::SubIOp::create(builder, loc, loop.getUpperBound(),
                                       loop.getLowerBound());
    Value oneIteration = arith::CmpIOp::create(
        builder, loc, arith::CmpIPredicate::ule, trip, loop.getStep());
    unsigned callIndex = std::distance(
        loop.getBody()->begin(), Block::iterator(call.getOperation()));
    auto copyLoop = [&](OpBuilder &b, func::FuncOp callee) {
      auto copy = cast<scf::ForOp>(b.clone(*loop));
      auto copyCall =
          cast<func::CallOp>(*std::next(copy.getBody()->begin(), callIndex));
      copyCall.setCallee(callee.getSymName());
      return std::make_pair(copy, copyCall);
    };
    std::pair<scf::ForOp, func::CallOp> repeated;
    auto branch = scf::IfOp::create(
        builder, loc, oneIteration,
        [&](OpBuilder &b, Location l) {
          scf::YieldOp::create(b, l, copyLoop(b, once).first.getResults());
        },
        [&](OpBuilder &b, Location l) {
          repeated = copyLoop(b, image);
          scf::YieldOp::create(b, l, repeated.first.getResults());
        });
    loop.replaceAllUsesWith(branch.getResults());
    loop.erase();
    return repeated;
  }

  void hoist(scf::ForOp loop, func::CallOp call, func::FuncOp image) {
    Block &body = image.front();
    // Values the same in every image: arguments the caller defines outside
    // the loop, and results of pure ops on such values only. Those that
    // depend on an argument (not on constants alone, which later passes
    // fold) are worth hoisting.
    DenseSet<Value> invariant, argDependent;
    for (BlockArgument arg : body.getArguments())
      if (loop.isDefinedOutsideOfLoop(call.getOperand(arg.getArgNumber()))) {
        invariant.insert(arg);
        argDependent.insert(arg);
      }
    auto usedValues = [](Operation *op) {
      SetVector<Value> values(op->operand_begin(), op->operand_end());
      getUsedValuesDefinedAbove(op->getRegions(), values);
      return values;
    };
    for (Operation &op : body.without_terminator()) {
      SetVector<Value> used = usedValues(&op);
      if (!isSideEffectFree(&op) ||
          !llvm::all_of(used, [&](Value v) { return invariant.contains(v); }))
        continue;
      invariant.insert(op.result_begin(), op.result_end());
      if (llvm::any_of(used, [&](Value v) { return argDependent.contains(v); }))
        argDependent.insert(op.result_begin(), op.result_end());
    }
    // Users first: an op moves if each of its results is used by moved ops
    // or, computed, only read by the others.
    DenseSet<Operation *> hoisted;
    for (Operation &op : llvm::reverse(body.without_terminator())) {
      if (op.getNumResults() == 0 || !argDependent.contains(op.getResult(0)))
        continue;
      bool movable = llvm::all_of(op.getUses(), [&](OpOperand &use) {
        return hoisted.contains(body.findAncestorOpInBlock(*use.getOwner())) ||
               (computesTensor(&op) && isReadOnlyUse(use));
      });
      if (movable)
        hoisted.insert(&op);
    }
    if (hoisted.empty())
      return;
    auto isOutside = [&](OpOperand &use) {
      return !hoisted.contains(body.findAncestorOpInBlock(*use.getOwner()));
    };
    // What the image reads of the moved work: too large to share, it is
    // read back from memory in each call, where the loop's single iteration
    // would have made it (as a static batch does) just before reading it.
    uint64_t sharedBytes = 0;
    for (Operation *op : hoisted)
      for (Value result : op->getResults())
        if (auto shaped = dyn_cast<ShapedType>(result.getType());
            shaped && shaped.hasStaticShape() &&
            llvm::any_of(result.getUses(), isOutside))
          sharedBytes =
              llvm::SaturatingAdd(sharedBytes, tconv::staticBytes(shaped));
    if (!tconv::sharesAcrossImages(sharedBytes)) {
      // A loop known to run once has nothing to share; one known to run
      // more needs no copy.
      std::optional<APInt> trips = loop.getStaticTripCount();
      if (!trips)
        std::tie(loop, call) = callCopyWhenOnce(loop, call, image);
      else if (trips->ule(1))
        return;
    }

    // The moved ops, and the invariant ones they read (cloned), go before
    // the loop; arguments map to the call's operands.
    OpBuilder builder(loop);
    IRMapping mapping;
    for (BlockArgument arg : body.getArguments())
      if (invariant.contains(arg))
        mapping.map(arg, call.getOperand(arg.getArgNumber()));
    std::function<void(Value)> materialize = [&](Value v) {
      if (mapping.contains(v))
        return;
      Operation *producer = v.getDefiningOp();
      for (Value used : usedValues(producer))
        materialize(used);
      builder.clone(*producer, mapping);
    };
    for (Operation &op : body.without_terminator())
      if (hoisted.contains(&op))
        materialize(op.getResult(0));

    // Each moved result read by the image becomes an argument.
    for (Operation &op : body.without_terminator()) {
      if (!hoisted.contains(&op))
        continue;
      for (Value result : op.getResults()) {
        if (llvm::none_of(result.getUses(), isOutside))
          continue;
        (void)image.insertArgument(image.getNumArguments(), result.getType(),
                                   {}, result.getLoc());
        result.replaceUsesWithIf(image.getArguments().back(), isOutside);
        call.getOperandsMutable().append(mapping.lookup(result));
      }
    }
    SmallVector<Operation *> moved;
    for (Operation &op : body.without_terminator())
      if (hoisted.contains(&op))
        moved.push_back(&op);
    for (Operation *op : llvm::reverse(moved))
      op->erase();
    // What only the moved ops used (their alloc_tensors, which no later
    // pass erases) goes too.
    SmallVector<Operation *> remaining;
    for (Operation &op : body.without_terminator())
      remaining.push_back(&op);
    for (Operation *op : llvm::reverse(remaining))
      if (op->use_empty() && isSideEffectFree(op))
        op->erase();
  }
};
} // namespace
