//===- OutlineBatch.cpp - Dynamic batch as a loop over static images ------===//

#include "tconv/Codegen/Passes.h"

#include "PerImage.h"
#include "tconv/Codegen/BatchLoop.h"
#include "tconv/Codegen/Strategy.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVOUTLINEBATCH
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using tconv::isBatchedType;
using tconv::isPerImage;

static bool hasDynamicDim(Type type) {
  auto shaped = dyn_cast<ShapedType>(type);
  return shaped && (!shaped.hasRank() || !shaped.hasStaticShape());
}

/// A batched type with dim 0 of `images`: 1 for the image of a batched type.
static Type withImages(Type type, int64_t images) {
  auto tensor = cast<RankedTensorType>(type);
  SmallVector<int64_t> shape(tensor.getShape());
  shape[0] = images;
  return tensor.clone(shape);
}

/// Gives each of `batchedValues` (the values of a batched function, or
/// their clones through `mapping`) dim 0 of `images`.
static void retypeBatched(const DenseSet<Value> &batchedValues,
                          const IRMapping &mapping, int64_t images) {
  for (Value original : batchedValues) {
    Value value = mapping.lookupOrDefault(original);
    value.setType(withImages(value.getType(), images));
    // Its size was the batch size: now static.
    if (auto empty = value.getDefiningOp<tensor::EmptyOp>())
      empty.getDynamicSizesMutable().clear();
    if (auto expand = value.getDefiningOp<tensor::ExpandShapeOp>()) {
      expand.getOutputShapeMutable().clear();
      expand.setStaticOutputShape(
          cast<RankedTensorType>(value.getType()).getShape());
    }
    auto withStaticImages = [&](auto slice) {
      SmallVector<int64_t> sizes(slice.getStaticSizes());
      sizes.front() = images;
      slice.getSizesMutable().clear();
      slice.setStaticSizes(sizes);
    };
    if (auto insert = value.getDefiningOp<tensor::InsertSliceOp>())
      withStaticImages(insert);
    if (auto extract = value.getDefiningOp<tensor::ExtractSliceOp>())
      withStaticImages(extract);
    if (auto constant = value.getDefiningOp<arith::ConstantOp>())
      constant.setValueAttr(cast<SplatElementsAttr>(constant.getValue())
                                .resizeSplat(cast<ShapedType>(
                                    value.getType())));
  }
}

/// Bytes of the largest of `batchedValues` with dim 0 of `images` (their
/// own dim 0 where `images` is 0).
static uint64_t largestBytes(const DenseSet<Value> &batchedValues,
                             int64_t images) {
  uint64_t largest = 0;
  for (Value value : batchedValues) {
    Type type = images ? withImages(value.getType(), images) : value.getType();
    largest = std::max(largest,
                       tconv::staticBytes(cast<RankedTensorType>(type)));
  }
  return largest;
}

/// The N of a function on a static batch that the strategy runs image by
/// image: its results and some arguments have dim 0 of N > 1; 0 otherwise.
static int64_t staticBatchOf(func::FuncOp func) {
  FunctionType type = func.getFunctionType();
  if (type.getNumResults() == 0 ||
      llvm::any_of(llvm::concat<const Type>(type.getInputs(),
                                            type.getResults()),
                   hasDynamicDim))
    return 0;
  auto result = dyn_cast<RankedTensorType>(type.getResult(0));
  if (!result || result.getRank() == 0 || result.getDimSize(0) <= 1)
    return 0;
  return result.getDimSize(0);
}

/// Whether `op` is a splat constant whose type may be batched.
static bool isBatchedSplat(Operation *op,
                           function_ref<bool(Type)> isBatchedType) {
  auto constant = dyn_cast<arith::ConstantOp>(op);
  auto splat =
      constant ? dyn_cast<SplatElementsAttr>(constant.getValue()) : nullptr;
  return splat && isBatchedType(splat.getType());
}

namespace {
struct OutlineBatchPass
    : public tconv::impl::TConvOutlineBatchBase<OutlineBatchPass> {
  using Base::Base;

  void runOnOperation() override {
    SmallVector<func::FuncOp> candidates;
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal() &&
          !func->hasAttr(tconv::kBatchLoopAttrName))
        candidates.push_back(func);
    for (func::FuncOp func : candidates) {
      if (llvm::any_of(func.getFunctionType().getInputs(), isBatchedType)) {
        if (failed(outlineDynamic(func)))
          return signalPassFailure();
      } else if (staticBatches) {
        outlineStatic(func);
      }
    }
  }

  /// Checks that every op of `func` is per image, starting from the batched
  /// arguments `isBatchedArg` tells; the batched values. `isBatchedType`
  /// tells the types a batched value may have. Diagnoses a failure if
  /// `diagnose`.
  FailureOr<DenseSet<Value>>
  classify(func::FuncOp func, function_ref<bool(BlockArgument)> isBatchedArg,
           function_ref<bool(Type)> isBatchedType, bool diagnose) {
    auto fail = [&](Operation *op) {
      return diagnose ? op->emitError("cannot compile @")
                            << func.getSymName() << " for a dynamic batch: "
                      : InFlightDiagnostic();
    };
    DenseSet<Value> batchedValues;
    auto isBatchedValue = [&](Value v) { return batchedValues.contains(v); };
    // tensor.dim of a batched value's dim 0, which upstream IR sizes its
    // results' tensor.empty (expand_shape, slices) with: the number of
    // images of the callee.
    DenseSet<Value> batchSizes;
    auto isBatchSize = [&](Value v) { return batchSizes.contains(v); };
    for (BlockArgument arg : func.getArguments()) {
      if (isBatchedArg(arg))
        batchedValues.insert(arg);
      else if (hasDynamicDim(arg.getType()))
        return fail(func) << "argument #" << arg.getArgNumber()
                          << " has type " << arg.getType()
                          << "; only dim 0 (the batch) may be dynamic";
    }
    if (!func.getBody().hasOneBlock())
      return fail(func) << "its body has several blocks";
    for (Operation &op : func.front()) {
      if (auto ret = dyn_cast<func::ReturnOp>(op)) {
        for (auto [index, value] : llvm::enumerate(ret.getOperands()))
          if (!isBatchedValue(value))
            return fail(ret) << "result #" << index << " ("
                             << value.getType()
                             << ") does not have the batch as its dim 0";
        continue;
      }
      if (auto dim = dyn_cast<tensor::DimOp>(op);
          dim && isBatchedValue(dim.getSource()) &&
          dim.getConstantIndex() == 0) {
        batchSizes.insert(dim.getResult());
        continue;
      }
      // An empty tensor of the batch's shape is one per image.
      if (auto empty = dyn_cast<tensor::EmptyOp>(op);
          empty && isBatchedType(empty.getType()) &&
          llvm::all_of(empty.getDynamicSizes(), isBatchSize)) {
        batchedValues.insert(empty.getResult());
        continue;
      }
      // A reshape's or a slice's dim 0 may be the batch size.
      SmallVector<Value> sizes;
      if (auto expand = dyn_cast<tensor::ExpandShapeOp>(op))
        sizes = expand.getOutputShape();
      else if (isa<tensor::InsertSliceOp, tensor::ExtractSliceOp>(op))
        sizes = cast<OffsetSizeAndStrideOpInterface>(op).getSizes();
      bool sizedByBatch = llvm::all_of(op.getResultTypes(), isBatchedType) &&
                          !sizes.empty() && llvm::all_of(sizes, isBatchSize);
      if (!sizedByBatch && llvm::any_of(op.getOperands(), isBatchSize))
        return fail(&op) << "'" << op.getName()
                         << "' uses the batch size other than as the size "
                            "of a tensor.empty, a reshape or a slice";
      bool readsBatch = llvm::any_of(op.getOperands(), isBatchedValue);
      bool ok = readsBatch
                    ? isPerImage(&op, isBatchedValue) &&
                          llvm::all_of(op.getResultTypes(), isBatchedType)
                    : isMemoryEffectFree(&op) &&
                          llvm::none_of(op.getResultTypes(), hasDynamicDim);
      if (!ok)
        return fail(&op) << "'" << op.getName()
                         << "' is not known to compute each image separately";
      // A splat of the batch's shape (a static batch's ReLU bound) is the
      // same splat on each image.
      if (readsBatch || isBatchedSplat(&op, isBatchedType))
        for (Value result : op.getResults())
          batchedValues.insert(result);
    }
    return batchedValues;
  }

  LogicalResult outlineDynamic(func::FuncOp func) {
    FailureOr<DenseSet<Value>> batchedValues = classify(
        func, [](BlockArgument arg) { return isBatchedType(arg.getType()); },
        isBatchedType, /*diagnose=*/true);
    if (failed(batchedValues))
      return failure();
    int64_t chunkImages =
        batchChunks ? tconv::batchChunkImages(largestBytes(*batchedValues, 1))
                    : 1;
    if (failed(outline(func, *batchedValues, chunkImages)))
      return func.emitError("cannot compile @")
             << func.getSymName()
             << " for a dynamic batch: its body does not verify on "
             << (chunkImages > 1 ? "one image or a chunk of images"
                                 : "one image");
    return success();
  }

  /// A static batch runs image by image where the strategy says so; left
  /// whole if it is not per image (nothing to diagnose: it compiles as is).
  void outlineStatic(func::FuncOp func) {
    int64_t n = staticBatchOf(func);
    if (n == 0)
      return;
    auto hasBatch = [n](Type type) {
      auto tensor = dyn_cast<RankedTensorType>(type);
      return tensor && tensor.getRank() >= 1 && tensor.getDimSize(0) == n;
    };
    FailureOr<DenseSet<Value>> batchedValues = classify(
        func, [&](BlockArgument arg) { return hasBatch(arg.getType()); },
        hasBatch, /*diagnose=*/false);
    if (failed(batchedValues) ||
        llvm::none_of(func.getArguments(), [&](Value arg) {
          return batchedValues->contains(arg);
        }))
      return;
    if (!tconv::runsImageByImage(n, largestBytes(*batchedValues, 0)))
      return;
    // Per-image ops verify on one image: a failure is a bug.
    if (failed(outline(func, *batchedValues)))
      signalPassFailure();
  }

  /// Moves the body of `func` to `@<name>.image` on one image of each of
  /// the `batchedValues`, and makes `func` the loop over its images. With
  /// `chunkImages` > 1, a copy on that many images, `@<name>.chunk`, takes
  /// them while that many remain.
  LogicalResult outline(func::FuncOp func,
                        const DenseSet<Value> &batchedValues,
                        int64_t chunkImages = 1) {
    MLIRContext *ctx = func.getContext();
    FunctionType type = func.getFunctionType();
    auto calleeType = [&](int64_t images) {
      SmallVector<Type> inputs;
      for (auto [index, input] : llvm::enumerate(type.getInputs()))
        inputs.push_back(batchedValues.contains(func.getArgument(index))
                             ? withImages(input, images)
                             : input);
      return FunctionType::get(
          ctx, inputs, llvm::map_to_vector(type.getResults(), [&](Type t) {
            return withImages(t, images);
          }));
    };
    OpBuilder builder(ctx);
    builder.setInsertionPointAfter(func);
    auto createCallee = [&](StringRef suffix, int64_t images) {
      auto callee =
          func::FuncOp::create(builder, func.getLoc(),
                               (func.getSymName() + suffix).str(),
                               calleeType(images));
      callee.setPrivate();
      return callee;
    };

    func::FuncOp chunk;
    if (chunkImages > 1) {
      chunk = createCallee(".chunk", chunkImages);
      IRMapping mapping;
      func.getBody().cloneInto(&chunk.getBody(), mapping);
      retypeBatched(batchedValues, mapping, chunkImages);
      SymbolTable(getOperation()).insert(chunk);
      if (failed(verify(chunk)))
        return failure();
    }
    // The image function takes the body, its batched values retyped.
    func::FuncOp image = createCallee(".image", 1);
    image.getBody().takeBody(func.getBody());
    retypeBatched(batchedValues, IRMapping(), 1);
    SymbolTable(getOperation()).insert(image);
    if (failed(verify(image)))
      return failure();

    // The public function loops over the images.
    tconv::buildBatchLoop(func, image, chunk);
    return success();
  }
};
} // namespace
