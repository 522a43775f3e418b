//===- UntieEmptyTensors.cpp - Own tensor.empty for returned values ------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVUNTIEEMPTYTENSORS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {
struct UntieEmptyTensorsPass
    : public tconv::impl::TConvUntieEmptyTensorsBase<UntieEmptyTensorsPass> {
  void runOnOperation() override {
    IRRewriter rewriter(&getContext());
    getOperation().walk([&](func::ReturnOp ret) {
      // Repetitions of a returned value become copies.
      llvm::SmallPtrSet<Value, 4> returned;
      for (OpOperand &operand : ret->getOpOperands()) {
        auto type = dyn_cast<RankedTensorType>(operand.get().getType());
        if (!type || returned.insert(operand.get()).second)
          continue;
        rewriter.setInsertionPoint(ret);
        Value copy = bufferization::AllocTensorOp::create(
            rewriter, ret.getLoc(), type, ValueRange{}, operand.get());
        rewriter.modifyOpInPlace(ret, [&] { operand.set(copy); });
      }
      for (Value value : ret.getOperands()) {
        auto result = dyn_cast<OpResult>(value);
        if (!result)
          continue;
        auto producer = dyn_cast<DestinationStyleOpInterface>(result.getOwner());
        if (!producer)
          continue;
        OpOperand *init = producer.getTiedOpOperand(result);
        auto empty = init->get().getDefiningOp<tensor::EmptyOp>();
        if (!empty || empty->hasOneUse())
          continue;
        rewriter.setInsertionPoint(producer);
        Operation *own = rewriter.clone(*empty);
        rewriter.modifyOpInPlace(producer,
                                 [&] { init->set(own->getResult(0)); });
      }
    });
  }
};
} // namespace
