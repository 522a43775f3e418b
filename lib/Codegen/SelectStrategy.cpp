//===- SelectStrategy.cpp - Record each tconv.conv's schedule -------------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVSELECTSTRATEGY
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

namespace {
struct SelectStrategyPass
    : public tconv::impl::TConvSelectStrategyBase<SelectStrategyPass> {
  using Base::Base;

  void runOnOperation() override {
    if (vectorWidth < 1 || owTile < 1 || fTile < 1 || cTile < 1 ||
        fmaPipes < 1 || fTile % vectorWidth != 0) {
      getOperation().emitError()
          << "tconv-select-strategy: sizes and fma-pipes must be >= 1 and "
             "f-tile a multiple of vector-width";
      return signalPassFailure();
    }
    StrategyOptions options{vectorWidth, owTile,   fTile,   cTile,
                            bf16Dot,     winograd, fmaPipes};
    getOperation().walk([&](ConvOp op) {
      op->setAttr(kScheduleAttrName,
                  selectSchedule(op, options).toAttr(&getContext()));
    });
    getOperation().walk([&](ConvTransposeOp op) {
      if (std::optional<ConvSchedule> schedule =
              selectTransposeSchedule(op, options))
        op->setAttr(kScheduleAttrName, schedule->toAttr(&getContext()));
    });
  }
};
} // namespace
