//===- InstrumentOps.cpp - Bracket computations with profiling calls -----===//

#include "ProfileTags.h"
#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVINSTRUMENTOPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// Whether a top-level op of a function body takes time of its own: loop
/// nests, copies, stores, allocations; not constants or views.
static bool takesTime(Operation *op) {
  if (op->hasTrait<OpTrait::IsTerminator>())
    return false;
  if (op->getNumRegions() > 0)
    return true;
  if (isa<ViewLikeOpInterface>(op))
    return false;
  return !isMemoryEffectFree(op);
}

namespace {
/// Places one bracket around each run of consecutive top-level ops that take
/// time and have the same id. Ops without one (e.g. the copy of a result
/// into its out-param, which bufferization adds) get a new table entry, one
/// per run of such ops with the same name and location.
class Bracketer {
public:
  Bracketer(ModuleOp module, SmallVector<Attribute> &table)
      : builder(module.getContext()), table(table) {
    for (auto func : module.getOps<func::FuncOp>())
      if (!func.isExternal())
        definedFunctions.insert(func.getSymNameAttr());
  }

  void visit(Operation *op) {
    if (!takesTime(op))
      return;
    // A call (e.g. the loop over the images of a dynamic batch) is timed by
    // the brackets in its callee: one around it would count that twice.
    if (callsDefinedFunction(op)) {
      close();
      return;
    }
    SmallVector<int64_t, 1> ids = tconv::getProfileIds(op->getLoc());
    int64_t id;
    if (!ids.empty()) {
      id = ids.front();
      // Loops made of several ops (two phases in one tile) are timed as the
      // first; the others' work is theirs too.
      for (int64_t other : llvm::drop_begin(ids))
        sharedInto.try_emplace(other, id);
    } else if (open && !open->tagged &&
               open->last->getName() == op->getName() &&
               open->last->getLoc() == op->getLoc()) {
      id = open->id;
    } else {
      id = table.size();
      table.push_back(tconv::describeProfiledOp(op));
    }
    if (open && open->id == id) {
      open->last = op;
      return;
    }
    close();
    open = Run{id, !ids.empty(), op, op};
    ++brackets[id];
  }

  /// Ends the run in progress, if any, after its last op.
  void close() {
    if (!open)
      return;
    Location loc = open->first->getLoc();
    builder.setInsertionPoint(open->first);
    Value id = arith::ConstantIntOp::create(builder, loc, builder.getI64Type(),
                                            open->id);
    func::CallOp::create(builder, loc, tconv::kProfileBeginName, TypeRange(),
                         id);
    builder.setInsertionPointAfter(open->last);
    func::CallOp::create(builder, loc, tconv::kProfileEndName, TypeRange(),
                         id);
    open.reset();
  }

  /// How many brackets each id got.
  llvm::DenseMap<int64_t, int64_t> brackets;
  /// The id whose bracket timed loops that other ids' ops share, by other id.
  llvm::DenseMap<int64_t, int64_t> sharedInto;

private:
  bool callsDefinedFunction(Operation *op) {
    return op
        ->walk([&](func::CallOp call) {
          return definedFunctions.contains(call.getCalleeAttr().getAttr())
                     ? WalkResult::interrupt()
                     : WalkResult::advance();
        })
        .wasInterrupted();
  }

  struct Run {
    int64_t id;
    bool tagged;
    Operation *first, *last;
  };
  OpBuilder builder;
  SmallVector<Attribute> &table;
  llvm::DenseSet<StringAttr> definedFunctions;
  std::optional<Run> open;
};

struct InstrumentOpsPass
    : public tconv::impl::TConvInstrumentOpsBase<InstrumentOpsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    OpBuilder builder(ctx);
    for (StringRef name : {tconv::kProfileBeginName, tconv::kProfileEndName}) {
      if (module.lookupSymbol(name)) {
        module.emitError() << "@" << name << " is already defined";
        return signalPassFailure();
      }
    }

    SmallVector<Attribute> table;
    if (auto tagged =
            module->getAttrOfType<ArrayAttr>(tconv::kProfiledOpsAttrName))
      llvm::append_range(table, tagged);
    // The table and the ids come from the input: check them before use.
    if (!llvm::all_of(table, llvm::IsaPred<DictionaryAttr>)) {
      module.emitError() << "'" << tconv::kProfiledOpsAttrName
                         << "' must be an array of dictionaries";
      return signalPassFailure();
    }
    WalkResult idsInTable = module.walk([&](Operation *op) {
      for (int64_t id : tconv::getProfileIds(op->getLoc()))
        if (id < 0 || id >= static_cast<int64_t>(table.size())) {
          // On the module: the op's location is the tag itself.
          module.emitError()
              << "'" << op->getName() << "' at " << op->getLoc()
              << " has profile id " << id << ", which has no entry in '"
              << tconv::kProfiledOpsAttrName << "' (" << table.size()
              << " entries)";
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    if (idsInTable.wasInterrupted())
      return signalPassFailure();
    Bracketer bracketer(module, table);
    for (auto func : module.getOps<func::FuncOp>()) {
      for (Block &block : func.getBody()) {
        for (Operation &op : llvm::make_early_inc_range(block))
          bracketer.visit(&op);
        bracketer.close();
      }
    }

    // Ops without a bracket had their work folded into another op's loops
    // (e.g. a bias into a convolution's tiles); their FLOPs count in the
    // bracket that timed those loops. The count tells the runner how many
    // times an op ran: entries into its brackets / brackets.
    auto flopsOf = [&](int64_t id) {
      auto flops = cast<DictionaryAttr>(table[id]).getAs<FloatAttr>("flops");
      return flops ? flops.getValueAsDouble() : 0.0;
    };
    llvm::DenseMap<int64_t, double> sharedFlops;
    for (auto [other, host] : bracketer.sharedInto)
      if (!bracketer.brackets.contains(other))
        sharedFlops[host] += flopsOf(other);
    for (auto [id, entry] : llvm::enumerate(table)) {
      NamedAttrList fields(cast<DictionaryAttr>(entry));
      fields.set("brackets",
                 builder.getI64IntegerAttr(bracketer.brackets.lookup(id)));
      if (sharedFlops.contains(id))
        fields.set("flops",
                   builder.getF64FloatAttr(flopsOf(id) + sharedFlops[id]));
      entry = fields.getDictionary(ctx);
    }
    module->setAttr(tconv::kProfiledOpsAttrName, builder.getArrayAttr(table));

    auto hookType = builder.getFunctionType({builder.getI64Type()}, {});
    builder.setInsertionPointToEnd(module.getBody());
    for (StringRef name : {tconv::kProfileBeginName, tconv::kProfileEndName})
      func::FuncOp::create(builder, module.getLoc(), name, hookType)
          .setPrivate();
    tconv::stripProfileTags(module);
  }
};
} // namespace
