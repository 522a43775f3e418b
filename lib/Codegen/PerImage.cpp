//===- PerImage.cpp - Which ops compute each image separately -------------===//

#include "PerImage.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

using namespace mlir;

/// Whether the linalg op `op` computes each image from that image alone:
/// one parallel loop is dim 0 of every batched operand, all of its outputs,
/// and indexes nothing else; its body does not read that loop's index.
static bool isPerImageLinalg(linalg::LinalgOp op,
                             function_ref<bool(Value)> isBatchedValue) {
  if (!op.hasPureTensorSemantics())
    return false;
  std::optional<unsigned> batchLoop;
  for (OpOperand &operand : op->getOpOperands()) {
    if (!isBatchedValue(operand.get())) {
      if (op.isDpsInit(&operand))
        return false;
      continue;
    }
    AffineMap map = op.getMatchingIndexingMap(&operand);
    if (map.getNumResults() == 0)
      return false;
    auto dim = dyn_cast<AffineDimExpr>(map.getResult(0));
    if (!dim || (batchLoop && *batchLoop != dim.getPosition()))
      return false;
    batchLoop = dim.getPosition();
  }
  if (!batchLoop ||
      op.getIteratorTypesArray()[*batchLoop] != utils::IteratorType::parallel)
    return false;
  for (OpOperand &operand : op->getOpOperands()) {
    ArrayRef<AffineExpr> results =
        op.getMatchingIndexingMap(&operand).getResults();
    if (isBatchedValue(operand.get()))
      results = results.drop_front();
    if (llvm::any_of(results, [&](AffineExpr expr) {
          return expr.isFunctionOfDim(*batchLoop);
        }))
      return false;
  }
  return !op->walk([&](linalg::IndexOp index) {
              return index.getDim() == *batchLoop ? WalkResult::interrupt()
                                                  : WalkResult::advance();
            }).wasInterrupted();
}

bool mlir::tconv::isPerImage(Operation *op,
                             function_ref<bool(Value)> isBatchedValue) {
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
    return isPerImageLinalg(linalgOp, isBatchedValue);
  // A slice of the other dims (torch-mlir's zero-insertion, a crop): dim 0
  // whole, sized by the batch (which the caller checks), same rank.
  if (isa<tensor::InsertSliceOp, tensor::ExtractSliceOp>(op)) {
    auto slice = cast<OffsetSizeAndStrideOpInterface>(op);
    auto insert = dyn_cast<tensor::InsertSliceOp>(op);
    Value source = op->getOperand(0);
    return isBatchedValue(source) &&
           (!insert || isBatchedValue(insert.getDest())) &&
           cast<ShapedType>(source.getType()).getRank() ==
               cast<ShapedType>(op->getResult(0).getType()).getRank() &&
           slice.getOffsets().empty() && slice.getStrides().empty() &&
           slice.getStaticOffsets().front() == 0 &&
           slice.getStaticStrides().front() == 1 &&
           slice.getSizes().size() == 1 &&
           ShapedType::isDynamic(slice.getStaticSizes().front());
  }
  // A pad of the other dims by one value (upstream's conv padding).
  if (auto pad = dyn_cast<tensor::PadOp>(op))
    return isBatchedValue(pad.getSource()) && pad.getLow().empty() &&
           pad.getHigh().empty() && pad.getStaticLow().front() == 0 &&
           pad.getStaticHigh().front() == 0 && pad.getConstantPaddingValue();
  // Other regions may see the batch.
  if (op->getNumRegions() > 0)
    return false;
  // A reshape (torch-mlir's flatten) that keeps dim 0 a group of its own.
  if (isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(op)) {
    auto groups = isa<tensor::CollapseShapeOp>(op)
                      ? cast<tensor::CollapseShapeOp>(op)
                            .getReassociationIndices()
                      : cast<tensor::ExpandShapeOp>(op)
                            .getReassociationIndices();
    return isBatchedValue(op->getOperand(0)) && !groups.empty() &&
           groups.front() == ReassociationIndices{0};
  }
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

