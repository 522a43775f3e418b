//===- OutlineBatch.cpp - Dynamic batch as a loop over static images ------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/BatchLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVOUTLINEBATCH
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using tconv::isBatchedType;

static bool hasDynamicDim(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  return shaped && (!shaped.hasRank() || !shaped.hasStaticShape());
}

/// Whether `op`, some of whose operands are batched, computes each image
/// from that image alone; `isBatchedValue` tells which operands are.
static bool isPerImage(Operation *op,
                       function_ref<bool(Value)> isBatchedValue) {
  auto onlyFirstBatched = [&] {
    return llvm::none_of(op->getOperands().drop_front(), isBatchedValue);
  };
  if (isa<tconv::ConvOp, tconv::ConvTransposeOp, tosa::AvgPool2dOp,
          tosa::MaxPool2dOp, tosa::ResizeOp, tosa::Conv2DOp, tosa::Conv3DOp,
          tosa::DepthwiseConv2DOp, tosa::TransposeConv2DOp>(op))
    return isBatchedValue(op->getOperand(0)) && onlyFirstBatched();
  if (auto transpose = dyn_cast<tosa::TransposeOp>(op))
    return transpose.getPerms().front() == 0;
  if (op->hasTrait<OpTrait::Elementwise>())
    return llvm::all_of(op->getOperands(), [&](Value v) {
      return !isa<ShapedType>(v.getType()) || isBatchedValue(v);
    });
  if (op->hasTrait<OpTrait::tosa::TosaElementwiseOperator>())
    // A batch-free operand must broadcast along the batch.
    return llvm::all_of(op->getOperands(), [&](Value v) {
      auto tensor = dyn_cast<RankedTensorType>(v.getType());
      return !tensor || isBatchedValue(v) || tensor.getRank() == 0 ||
             tensor.getDimSize(0) == 1;
    });
  return false;
}

namespace {
struct OutlineBatchPass
    : public tconv::impl::TConvOutlineBatchBase<OutlineBatchPass> {
  void runOnOperation() override {
    SmallVector<func::FuncOp> batched;
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal() &&
          !func->hasAttr(tconv::kBatchLoopAttrName) &&
          llvm::any_of(func.getFunctionType().getInputs(), isBatchedType))
        batched.push_back(func);
    for (func::FuncOp func : batched)
      if (failed(outline(func)))
        return signalPassFailure();
  }

  /// Checks that every op of `func` is per image; the batched values.
  FailureOr<DenseSet<Value>> classify(func::FuncOp func) {
    DenseSet<Value> batchedValues;
    auto isBatchedValue = [&](Value v) { return batchedValues.contains(v); };
    for (BlockArgument arg : func.getArguments()) {
      if (isBatchedType(arg.getType()))
        batchedValues.insert(arg);
      else if (hasDynamicDim(arg.getType()))
        return func.emitError("cannot compile @")
               << func.getSymName() << " for a dynamic batch: argument #"
               << arg.getArgNumber() << " has type " << arg.getType()
               << "; only dim 0 (the batch) may be dynamic";
    }
    if (!func.getBody().hasOneBlock())
      return func.emitError("cannot compile @")
             << func.getSymName()
             << " for a dynamic batch: its body has several blocks";
    for (Operation &op : func.front()) {
      if (auto ret = dyn_cast<func::ReturnOp>(op)) {
        for (auto [index, value] : llvm::enumerate(ret.getOperands()))
          if (!isBatchedValue(value))
            return ret.emitError("cannot compile @")
                   << func.getSymName() << " for a dynamic batch: result #"
                   << index << " (" << value.getType()
                   << ") does not have the batch as its dim 0";
        continue;
      }
      bool readsBatch = llvm::any_of(op.getOperands(), isBatchedValue);
      bool ok = readsBatch
                    ? isPerImage(&op, isBatchedValue) &&
                          llvm::all_of(op.getResultTypes(), isBatchedType)
                    : isMemoryEffectFree(&op) &&
                          llvm::none_of(op.getResultTypes(), hasDynamicDim);
      if (!ok || (readsBatch && op.getNumRegions() > 0))
        return op.emitError("cannot compile @")
               << func.getSymName() << " for a dynamic batch: '"
               << op.getName()
               << "' is not known to compute each image separately";
      if (readsBatch)
        for (Value result : op.getResults())
          batchedValues.insert(result);
    }
    return batchedValues;
  }

  LogicalResult outline(func::FuncOp func) {
    FailureOr<DenseSet<Value>> batchedValues = classify(func);
    if (failed(batchedValues))
      return failure();
    MLIRContext *ctx = func.getContext();
    FunctionType type = func.getFunctionType();
    auto imageTypes = [](TypeRange types) {
      return llvm::map_to_vector(types, tconv::getImageType);
    };
    auto imageFuncType = FunctionType::get(ctx, imageTypes(type.getInputs()),
                                           imageTypes(type.getResults()));

    // The image function takes the body, its batched values retyped.
    OpBuilder builder(ctx);
    builder.setInsertionPointAfter(func);
    std::string imageName = (func.getSymName() + ".image").str();
    auto image =
        func::FuncOp::create(builder, func.getLoc(), imageName, imageFuncType);
    image.setPrivate();
    image.getBody().takeBody(func.getBody());
    for (BlockArgument arg : image.getArguments())
      arg.setType(tconv::getImageType(arg.getType()));
    for (Operation &op : image.front())
      for (Value result : op.getResults())
        if (batchedValues->contains(result))
          result.setType(tconv::getImageType(result.getType()));
    SymbolTable(getOperation()).insert(image);
    if (failed(verify(image)))
      return image.emitError("cannot compile @")
             << func.getSymName()
             << " for a dynamic batch: its body does not verify on one image";

    // The public function loops over the images.
    tconv::buildBatchLoop(func, image);
    return success();
  }
};
} // namespace
