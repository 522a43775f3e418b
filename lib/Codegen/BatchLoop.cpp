//===- BatchLoop.cpp - A dynamic batch as a loop over images --------------===//

#include "tconv/Codegen/BatchLoop.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;

bool tconv::isBatchedType(Type type) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  return tensor && tensor.getRank() >= 1 && tensor.isDynamicDim(0) &&
         tensor.getNumDynamicDims() == 1;
}

void tconv::buildBatchLoop(func::FuncOp driver, func::FuncOp image) {
  MLIRContext *ctx = driver.getContext();
  // Callers outside a pass (importers) may not have loaded them.
  ctx->loadDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                   scf::SCFDialect, tensor::TensorDialect>();
  // Each image is read and written in place, a contiguous slice of the
  // batched buffer at a dynamic offset (tconv-bufferize's layout for the
  // image function): no copy into or out of a buffer of its own. The image
  // of a result is an extra, writable argument that the result materializes
  // in, which empty-tensor elimination makes the computation's own
  // destination.
  unsigned numInputs = image.getNumArguments();
  // An argument is batched where its image type differs: dim 0 of ? or N
  // against 1.
  auto isBatchedArg = [&](unsigned index) {
    return driver.getFunctionType().getInput(index) !=
           image.getFunctionType().getInput(index);
  };
  SmallVector<Type> imageResults(image.getFunctionType().getResults());
  auto writable = NamedAttribute(
      StringAttr::get(ctx,
                      bufferization::BufferizationDialect::kWritableAttrName),
      BoolAttr::get(ctx, true));
  for (Type result : imageResults)
    (void)image.insertArgument(image.getNumArguments(), result,
                               DictionaryAttr::get(ctx, writable),
                               image.getLoc());
  image.walk([&](func::ReturnOp ret) {
    OpBuilder b(ret);
    // A value returned twice is copied from its first destination: one
    // computation cannot have two destinations of its own.
    DenseMap<Value, Value> firstDestination;
    for (OpOperand &operand : ret->getOpOperands()) {
      Value value = operand.get();
      auto [it, first] = firstDestination.try_emplace(value, Value());
      Value result = bufferization::MaterializeInDestinationOp::create(
                         b, ret.getLoc(), first ? value : it->second,
                         image.getArgument(numInputs +
                                           operand.getOperandNumber()))
                         .getResult();
      if (first)
        it->second = result;
      operand.set(result);
    }
  });
  image->setAttr(kBatchImageAttrName, UnitAttr::get(ctx));

  Location loc = driver.getLoc();
  Block *body = driver.addEntryBlock();
  OpBuilder builder = OpBuilder::atBlockBegin(body);
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  unsigned firstBatched = *llvm::find_if(
      llvm::seq(driver.getNumArguments()), isBatchedArg);
  Value n = tensor::DimOp::create(builder, loc,
                                  driver.getArgument(firstBatched), 0);
  SmallVector<Value> inits;
  for (Type result : driver.getFunctionType().getResults()) {
    auto tensor = cast<RankedTensorType>(result);
    inits.push_back(tensor::EmptyOp::create(
        builder, loc, tensor,
        tensor.isDynamicDim(0) ? ValueRange{n} : ValueRange{}));
  }
  auto loop = scf::ForOp::create(
      builder, loc, zero, n, one, inits,
      [&](OpBuilder &b, Location loc, Value i, ValueRange accs) {
        auto sliceOf = [&](Type imageType) {
          auto image = cast<RankedTensorType>(imageType);
          SmallVector<OpFoldResult> offsets(image.getRank(), b.getIndexAttr(0));
          offsets[0] = i;
          SmallVector<OpFoldResult> sizes = llvm::map_to_vector(
              image.getShape(),
              [&](int64_t size) -> OpFoldResult {
                return b.getIndexAttr(size);
              });
          SmallVector<OpFoldResult> strides(image.getRank(), b.getIndexAttr(1));
          return std::make_tuple(offsets, sizes, strides);
        };
        auto imageOf = [&](Value full, Type imageType) -> Value {
          auto [offsets, sizes, strides] = sliceOf(imageType);
          return tensor::ExtractSliceOp::create(
              b, loc, cast<RankedTensorType>(imageType), full, offsets, sizes,
              strides);
        };
        SmallVector<Value> operands;
        for (auto [index, arg] : llvm::enumerate(driver.getArguments()))
          operands.push_back(isBatchedArg(index)
                                 ? imageOf(arg, image.getArgumentTypes()[index])
                                 : arg);
        for (auto [acc, imageType] : llvm::zip(accs, imageResults))
          operands.push_back(imageOf(acc, imageType));
        auto call = func::CallOp::create(b, loc, image, operands);
        SmallVector<Value> next;
        for (auto [result, acc] : llvm::zip(call.getResults(), accs)) {
          auto [offsets, sizes, strides] = sliceOf(result.getType());
          next.push_back(tensor::InsertSliceOp::create(b, loc, result, acc,
                                                       offsets, sizes, strides));
        }
        scf::YieldOp::create(b, loc, next);
      });
  func::ReturnOp::create(builder, loc, loop.getResults());
  driver->setAttr(kBatchLoopAttrName, UnitAttr::get(ctx));
}
