//===- PlanWorkspace.cpp - Temporaries from one planned workspace ---------===//

#include "tconv/Codegen/Passes.h"

#include "StaticBytes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVPLANWORKSPACE
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
/// A temporary served from the workspace: its bytes and the top-level ops
/// (indices in the function's block) between which it is live.
struct Buffer {
  memref::AllocOp alloc;
  int64_t bytes = 0;
  int64_t first = 0, last = 0;
  int64_t offset = 0;
};
} // namespace

/// Numbers the ops of `block` in program order, and those of the scf.ifs
/// among them in place of the ifs (the branches of a dynamic batch's loops:
/// a buffer of the chunk loop can reuse the bytes of one that died before
/// it, in the same branch); any other op with regions is one step.
static void numberSteps(Block &block,
                        DenseMap<Operation *, int64_t> &position) {
  for (Operation &op : block) {
    if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
      for (Region *region : {&ifOp.getThenRegion(), &ifOp.getElseRegion()})
        for (Block &nested : *region)
          numberSteps(nested, position);
      continue;
    }
    int64_t step = position.size();
    position[&op] = step;
  }
}

/// The numbered step that runs `op`: itself or its closest numbered
/// ancestor; null outside them.
static Operation *getStep(Operation *op,
                          const DenseMap<Operation *, int64_t> &position) {
  for (; op; op = op->getParentOp())
    if (position.contains(op))
      return op;
  return nullptr;
}

/// The steps (see numberSteps) between which `root` or a value derived from
/// it (views, loop-carried or yielded memrefs) is used; nullopt if it
/// escapes the function or the analysis.
static std::optional<std::pair<int64_t, int64_t>>
getLiveRange(Value root, Block &body,
             const DenseMap<Operation *, int64_t> &position) {
  SmallVector<Value> worklist = {root};
  DenseSet<Value> seen = {root};
  auto track = [&](Value value) {
    if (isa<BaseMemRefType>(value.getType()) && seen.insert(value).second)
      worklist.push_back(value);
  };
  int64_t first = std::numeric_limits<int64_t>::max(), last = -1;
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      // A callee cannot keep a memref beyond the call (any it returns is
      // tracked as a result); a returned one outlives the function.
      if (isa<memref::DeallocOp>(user))
        continue;
      if (user->hasTrait<OpTrait::IsTerminator>() &&
          user->getParentOp() == body.getParentOp())
        return std::nullopt;
      if (llvm::any_of(user->getResultTypes(),
                       [](Type t) { return isa<TensorType>(t); }))
        return std::nullopt;
      Operation *top = getStep(user, position);
      if (!top)
        return std::nullopt;
      int64_t index = position.lookup(top);
      first = std::min(first, index);
      last = std::max(last, index);
      for (Value result : user->getResults())
        track(result);
      for (Region &region : user->getRegions())
        for (Block &block : region)
          for (BlockArgument arg : block.getArguments())
            track(arg);
      // A yielded memref reappears as a result of an enclosing op.
      if (user->hasTrait<OpTrait::IsTerminator>())
        for (Operation *op = user->getParentOp();
             op && op != top && op != body.getParentOp();
             op = op->getParentOp())
          for (Value result : op->getResults())
            track(result);
    }
  }
  if (last < 0)
    return std::pair<int64_t, int64_t>{0, -1};
  return std::pair<int64_t, int64_t>{first, last};
}

/// Offsets for `buffers`: largest first, each at the lowest aligned offset
/// that overlaps no placed buffer live at the same time. Returns the size.
static int64_t placeBuffers(MutableArrayRef<Buffer> buffers,
                            int64_t alignment) {
  SmallVector<Buffer *> order;
  for (Buffer &buffer : buffers)
    order.push_back(&buffer);
  llvm::stable_sort(order, [](const Buffer *a, const Buffer *b) {
    return a->bytes != b->bytes ? a->bytes > b->bytes : a->first < b->first;
  });
  SmallVector<Buffer *> placed;
  int64_t total = 0;
  for (Buffer *buffer : order) {
    SmallVector<Buffer *> live;
    for (Buffer *other : placed)
      if (other->first <= buffer->last && buffer->first <= other->last)
        live.push_back(other);
    llvm::sort(live, [](const Buffer *a, const Buffer *b) {
      return a->offset < b->offset;
    });
    int64_t offset = 0;
    for (Buffer *other : live) {
      if (offset + buffer->bytes <= other->offset)
        break;
      offset = std::max<int64_t>(
          offset, llvm::alignTo(other->offset + other->bytes, alignment));
    }
    buffer->offset = offset;
    total = std::max(total, offset + buffer->bytes);
    placed.push_back(buffer);
  }
  return llvm::alignTo(total, alignment);
}

namespace {
struct PlanWorkspacePass
    : public tconv::impl::TConvPlanWorkspaceBase<PlanWorkspacePass> {
  using Base::Base;

  void runOnOperation() override {
    if (alignment < 1 || !llvm::isPowerOf2_64(alignment)) {
      getOperation().emitError("tconv-plan-workspace: alignment must be a "
                               "power of two, got ")
          << static_cast<int64_t>(alignment);
      return signalPassFailure();
    }
    // Callees first: a call's workspace is then a buffer of its caller.
    SymbolTable symbols(getOperation());
    SmallVector<func::FuncOp> order;
    DenseSet<Operation *> visited, recursive;
    std::function<void(func::FuncOp, SmallVectorImpl<Operation *> &)> visit =
        [&](func::FuncOp func, SmallVectorImpl<Operation *> &stack) {
          if (llvm::is_contained(stack, func.getOperation())) {
            recursive.insert(func);
            return;
          }
          if (!visited.insert(func).second)
            return;
          stack.push_back(func);
          func.walk([&](func::CallOp call) {
            if (auto callee = symbols.lookup<func::FuncOp>(call.getCallee()))
              visit(callee, stack);
          });
          stack.pop_back();
          order.push_back(func);
        };
    for (auto func : getOperation().getOps<func::FuncOp>()) {
      SmallVector<Operation *> stack;
      visit(func, stack);
    }
    for (func::FuncOp func : order)
      if (!func.isExternal() && !recursive.contains(func) &&
          func.getBody().hasOneBlock())
        planFunction(func);
  }

  void planFunction(func::FuncOp func) {
    Block &body = func.front();
    DenseMap<Operation *, int64_t> position;
    numberSteps(body, position);
    const DataLayout &layout = DataLayout::closest(func);
    // Allocations at the top level, or under scf.ifs only (the loops over
    // chunks and single images of a dynamic batch): each runs at most once
    // per call, and lives within the steps of numberSteps that use it.
    SmallVector<memref::AllocOp> allocs;
    func.walk([&](memref::AllocOp alloc) {
      Operation *parent = alloc->getParentOp();
      while (isa<scf::IfOp>(parent))
        parent = parent->getParentOp();
      if (parent == func)
        allocs.push_back(alloc);
    });
    SmallVector<Buffer> buffers;
    for (memref::AllocOp alloc : allocs) {
      std::optional<int64_t> bytes = tconv::getStaticBytes(alloc.getType(), layout);
      if (!bytes)
        continue;
      auto range = getLiveRange(alloc.getResult(), body, position);
      if (!range)
        continue;
      buffers.push_back({alloc, *bytes, range->first, range->second, 0});
    }
    // Functions without temporaries keep their signature (e.g. drivers that
    // mlir-runner calls without arguments).
    if (buffers.empty())
      return;
    int64_t total = placeBuffers(buffers, alignment);

    MLIRContext *ctx = func.getContext();
    auto workspaceType = MemRefType::get({total}, IntegerType::get(ctx, 8));
    // insertArgument keeps arg_attrs as long as the arguments.
    unsigned index = body.getNumArguments();
    if (failed(func.insertArgument(index, workspaceType, DictionaryAttr(),
                                   func.getLoc())))
      return signalPassFailure();
    Value workspace = body.getArgument(index);
    auto i64 = IntegerType::get(ctx, 64);
    func->setAttr(tconv::kWorkspaceSizeAttrName, IntegerAttr::get(i64, total));
    int64_t temporaries = 0;
    for (const Buffer &buffer : buffers)
      temporaries += buffer.bytes;
    func->setAttr(tconv::kTemporaryBytesAttrName,
                  IntegerAttr::get(i64, temporaries));
    // How close the plan comes to the bound any plan has.
    int64_t peakLive = 0, largestPair = 0;
    for (int64_t at = 0, end = position.size(); at < end; ++at) {
      int64_t live = 0, first = 0, second = 0;
      for (const Buffer &buffer : buffers) {
        if (buffer.first > at || buffer.last < at)
          continue;
        live += buffer.bytes;
        second = std::max(second, std::min(first, buffer.bytes));
        first = std::max(first, buffer.bytes);
      }
      peakLive = std::max(peakLive, live);
      largestPair = std::max(largestPair, first + second);
    }
    func->setAttr(tconv::kPeakLiveBytesAttrName,
                  IntegerAttr::get(i64, peakLive));
    func->setAttr(tconv::kLargestLivePairBytesAttrName,
                  IntegerAttr::get(i64, largestPair));
    // One index constant per offset, at the top of the body.
    DenseMap<int64_t, Value> offsets;
    for (Buffer &buffer : buffers) {
      Location loc = buffer.alloc.getLoc();
      Value &offset = offsets[buffer.offset];
      if (!offset) {
        // Not a saved insertion point: the first op may be an erased alloc.
        OpBuilder constants = OpBuilder::atBlockBegin(&body);
        offset = arith::ConstantIndexOp::create(constants, loc, buffer.offset);
      }
      OpBuilder builder(buffer.alloc);
      Value view = memref::ViewOp::create(builder, loc, buffer.alloc.getType(),
                                          workspace, offset, ValueRange());
      for (Operation *user :
           llvm::make_early_inc_range(buffer.alloc->getUsers()))
        if (isa<memref::DeallocOp>(user))
          user->erase();
      buffer.alloc.replaceAllUsesWith(view);
      buffer.alloc.erase();
    }
    passWorkspaceAtCalls(func, workspaceType);
  }

  /// Each call of `func` gets a workspace allocated right before it, or
  /// before the outermost sequential loop around it (the image loop of a
  /// dynamic batch): one allocation serves every iteration.
  void passWorkspaceAtCalls(func::FuncOp func, MemRefType workspaceType) {
    std::optional<SymbolTable::UseRange> uses =
        SymbolTable::getSymbolUses(func, getOperation());
    if (!uses)
      return;
    for (const SymbolTable::SymbolUse &use : *uses) {
      auto call = dyn_cast<func::CallOp>(use.getUser());
      if (!call)
        continue;
      Operation *before = call;
      for (Operation *op = call->getParentOp(); op && !isa<func::FuncOp>(op);
           op = op->getParentOp()) {
        if (!isa<scf::ForOp>(op))
          break;
        before = op;
      }
      OpBuilder builder(before);
      Value workspace = memref::AllocOp::create(
          builder, call.getLoc(), workspaceType, builder.getI64IntegerAttr(alignment));
      call->insertOperands(call->getNumOperands(), workspace);
    }
  }
};
} // namespace
