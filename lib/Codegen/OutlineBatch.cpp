//===- OutlineBatch.cpp - Dynamic batch as a loop over static images ------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVOUTLINEBATCH
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// A tensor with a dynamic batch: dim 0 dynamic, every other dim static.
static bool isBatched(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() >= 1 && tensor.isDynamicDim(0) &&
         tensor.getNumDynamicDims() == 1;
}

static bool hasDynamicDim(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  return shaped && (!shaped.hasRank() || !shaped.hasStaticShape());
}

/// The type of one image of a batched type.
static Type imageType(Type type) {
  if (!isBatched(type))
    return type;
  auto tensor = cast<RankedTensorType>(type);
  SmallVector<int64_t> shape(tensor.getShape());
  shape[0] = 1;
  return tensor.clone(shape);
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
          llvm::any_of(func.getFunctionType().getInputs(), isBatched))
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
      if (isBatched(arg.getType()))
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
                          llvm::all_of(op.getResultTypes(), isBatched)
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
      return llvm::map_to_vector(types, imageType);
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
    for (BlockArgument arg : image.getArguments()) {
      if (!isBatched(arg.getType()))
        continue;
      auto type = cast<RankedTensorType>(imageType(arg.getType()));
      arg.setType(type);
      // The image of a batched input is read in place, a contiguous slice
      // at a dynamic offset: no copy into a buffer of its own.
      SmallVector<int64_t> strides(type.getRank(), 1);
      for (int64_t d = type.getRank() - 2; d >= 0; --d)
        strides[d] = strides[d + 1] * type.getDimSize(d + 1);
      image.setArgAttr(
          arg.getArgNumber(),
          bufferization::BufferizationDialect::kBufferLayoutAttrName,
          StridedLayoutAttr::get(ctx, ShapedType::kDynamic, strides));
    }
    for (Operation &op : image.front())
      for (Value result : op.getResults())
        if (batchedValues->contains(result))
          result.setType(imageType(result.getType()));
    SymbolTable(getOperation()).insert(image);
    if (failed(verify(image)))
      return image.emitError("cannot compile @")
             << func.getSymName()
             << " for a dynamic batch: its body does not verify on one image";

    // The public function loops over the images.
    Location loc = func.getLoc();
    Block *body = func.addEntryBlock();
    builder.setInsertionPointToStart(body);
    Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
    Value one = arith::ConstantIndexOp::create(builder, loc, 1);
    Value firstBatched = *llvm::find_if(func.getArguments(), [](Value v) {
      return isBatched(v.getType());
    });
    Value n = tensor::DimOp::create(builder, loc, firstBatched, 0);
    SmallVector<Value> inits;
    for (Type result : type.getResults())
      inits.push_back(tensor::EmptyOp::create(
          builder, loc, cast<RankedTensorType>(result), ValueRange{n}));
    auto loop = scf::ForOp::create(
        builder, loc, zero, n, one, inits,
        [&](OpBuilder &b, Location loc, Value i, ValueRange accs) {
          auto sliceOf = [&](RankedTensorType full) {
            SmallVector<OpFoldResult> offsets(full.getRank(),
                                              b.getIndexAttr(0));
            offsets[0] = i;
            SmallVector<OpFoldResult> sizes = llvm::map_to_vector(
                cast<RankedTensorType>(imageType(full)).getShape(),
                [&](int64_t size) -> OpFoldResult {
                  return b.getIndexAttr(size);
                });
            SmallVector<OpFoldResult> strides(full.getRank(),
                                              b.getIndexAttr(1));
            return std::make_tuple(offsets, sizes, strides);
          };
          SmallVector<Value> operands;
          for (Value arg : func.getArguments()) {
            if (!isBatched(arg.getType())) {
              operands.push_back(arg);
              continue;
            }
            auto full = cast<RankedTensorType>(arg.getType());
            auto [offsets, sizes, strides] = sliceOf(full);
            operands.push_back(tensor::ExtractSliceOp::create(
                b, loc, cast<RankedTensorType>(imageType(full)), arg,
                offsets, sizes, strides));
          }
          auto call = func::CallOp::create(b, loc, image, operands);
          SmallVector<Value> next;
          for (auto [result, acc] : llvm::zip(call.getResults(), accs)) {
            auto [offsets, sizes, strides] =
                sliceOf(cast<RankedTensorType>(acc.getType()));
            next.push_back(tensor::InsertSliceOp::create(
                b, loc, result, acc, offsets, sizes, strides));
          }
          scf::YieldOp::create(b, loc, next);
        });
    func::ReturnOp::create(builder, loc, loop.getResults());
    return success();
  }
};
} // namespace
