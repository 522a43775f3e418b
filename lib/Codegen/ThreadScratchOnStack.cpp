//===- ThreadScratchOnStack.cpp - Per-iteration buffers on the stack -----===//

#include "tconv/Codegen/Passes.h"

#include "StaticBytes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/OpenMP/OpenMPDialect.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVTHREADSCRATCHONSTACK
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The block whose start runs once per thread and call around `alloc`, a
/// buffer of an iteration: the entry of the enclosing OpenMP parallel
/// region (each thread runs it), else of the function; null for one that is
/// not in a loop.
static Block *getThreadEntry(memref::AllocOp alloc) {
  Operation *parent = alloc->getParentOp();
  if (isa<func::FuncOp>(parent))
    return nullptr;
  if (auto region = alloc->getParentOfType<omp::ParallelOp>())
    return &region.getRegion().front();
  return &alloc->getParentOfType<func::FuncOp>().getBody().front();
}

namespace {
struct ThreadScratchOnStackPass
    : public tconv::impl::TConvThreadScratchOnStackBase<
          ThreadScratchOnStackPass> {
  using Base::Base;

  void runOnOperation() override {
    const DataLayout &layout = DataLayout::closest(getOperation());
    llvm::MapVector<Block *, SmallVector<memref::AllocOp>> scratch;
    getOperation().walk([&](memref::AllocOp alloc) {
      if (Block *entry = getThreadEntry(alloc))
        scratch[entry].push_back(alloc);
    });
    for (auto &[entry, allocs] : scratch)
      placeOnStack(entry, allocs, layout);
  }

  /// One stack buffer at the start of `entry` for those of `allocs` it can
  /// serve: those under the same op of `entry` live together and get bytes
  /// of their own; those under different ones run one after the other (on
  /// a thread) and share.
  void placeOnStack(Block *entry, MutableArrayRef<memref::AllocOp> allocs,
                    const DataLayout &layout) {
    constexpr int64_t kAlignment = 64;
    llvm::MapVector<Operation *, int64_t> groupBytes;
    SmallVector<std::pair<memref::AllocOp, int64_t>> offsets;
    int64_t total = 0;
    for (memref::AllocOp alloc : allocs) {
      std::optional<int64_t> bytes = tconv::getStaticBytes(alloc.getType(), layout);
      // Freed where allocated: no other deallocation to miss.
      bool freedHere = llvm::all_of(alloc->getUsers(), [&](Operation *user) {
        return !isa<memref::DeallocOp>(user) ||
               user->getBlock() == alloc->getBlock();
      });
      if (!bytes || !freedHere)
        continue;
      int64_t &group = groupBytes[entry->findAncestorOpInBlock(*alloc)];
      offsets.push_back({alloc, group});
      int64_t aligned = static_cast<int64_t>(llvm::alignTo(*bytes, kAlignment));
      if (llvm::AddOverflow(group, aligned, group))
        return;
      total = std::max(total, group);
    }
    if (offsets.empty() || total > maxBytes)
      return;
    OpBuilder builder = OpBuilder::atBlockBegin(entry);
    Location loc = allocs.front().getLoc();
    auto bufferType =
        MemRefType::get({total}, IntegerType::get(builder.getContext(), 8));
    Value buffer = memref::AllocaOp::create(builder, loc, bufferType,
                                            ValueRange{},
                                            builder.getI64IntegerAttr(kAlignment));
    DenseMap<int64_t, Value> constants;
    for (auto [alloc, offset] : offsets) {
      Value &at = constants[offset];
      if (!at)
        at = arith::ConstantIndexOp::create(builder, loc, offset);
      Value view = memref::ViewOp::create(builder, alloc.getLoc(),
                                          alloc.getType(), buffer, at,
                                          ValueRange{});
      for (Operation *user : llvm::make_early_inc_range(alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      alloc.replaceAllUsesWith(view);
      alloc.erase();
    }
  }
};
} // namespace
