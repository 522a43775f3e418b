//===- TagProfiledOps.cpp - Number the computations to profile -----------===//

#include "ProfileTags.h"
#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVTAGPROFILEDOPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// The ops a profile lists: convolutions, fused groups, layout changes, pads,
/// and parallel loops (a Winograd convolution's transforms and products:
/// one row each, not one for the run of loops its rewrite left).
static bool isNumbered(Operation *op) {
  return (isa<linalg::LinalgOp>(op) && !isa<linalg::FillOp>(op)) ||
         isa<tensor::PadOp, scf::ForallOp>(op);
}

/// The first op in the block that uses `fill` and has an id: the
/// accumulator a fill initializes is part of that op's work.
static Operation *getTaggedUser(linalg::FillOp fill) {
  Operation *first = nullptr;
  for (Operation *user : fill->getUsers()) {
    if (user->getBlock() != fill->getBlock() ||
        tconv::getProfileIds(user->getLoc()).empty())
      continue;
    if (!first || user->isBeforeInBlock(first))
      first = user;
  }
  return first;
}

namespace {
struct TagProfiledOpsPass
    : public tconv::impl::TConvTagProfiledOpsBase<TagProfiledOpsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (refresh)
      return refreshTable();
    ModuleOp module = getOperation();
    Builder builder(&getContext());
    SmallVector<Attribute> table;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      for (Operation &op : func.front()) {
        if (!isNumbered(&op))
          continue;
        int64_t id = table.size();
        table.push_back(tconv::describeProfiledOp(&op));
        op.setLoc(tconv::tagWithProfileId(op.getLoc(), id));
      }
      for (auto fill : func.front().getOps<linalg::FillOp>())
        if (Operation *user = getTaggedUser(fill))
          fill->setLoc(tconv::tagWithProfileId(
              fill.getLoc(), tconv::getProfileIds(user->getLoc()).front()));
    }
    module->setAttr(tconv::kProfiledOpsAttrName, builder.getArrayAttr(table));
  }

  /// Describes again each numbered op that still carries exactly one id and
  /// is still the kind of op its entry names.
  void refreshTable() {
    ModuleOp module = getOperation();
    auto tableAttr =
        module->getAttrOfType<ArrayAttr>(tconv::kProfiledOpsAttrName);
    if (!tableAttr)
      return;
    SmallVector<Attribute> table(tableAttr.getValue());
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      for (Operation &op : func.front()) {
        SmallVector<int64_t, 1> ids = tconv::getProfileIds(op.getLoc());
        if (!isNumbered(&op) || ids.size() != 1 || ids.front() < 0 ||
            ids.front() >= static_cast<int64_t>(table.size()))
          continue;
        auto entry = dyn_cast<DictionaryAttr>(table[ids.front()]);
        auto name = entry ? entry.getAs<StringAttr>("name") : StringAttr();
        if (name && name.getValue() == op.getName().getStringRef())
          table[ids.front()] = tconv::describeProfiledOp(&op);
      }
    }
    module->setAttr(tconv::kProfiledOpsAttrName,
                    Builder(&getContext()).getArrayAttr(table));
  }
};
} // namespace
