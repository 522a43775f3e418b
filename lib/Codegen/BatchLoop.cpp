//===- BatchLoop.cpp - A dynamic batch as a loop over images --------------===//

#include "tconv/Codegen/BatchLoop.h"

#include "ProfileTags.h"

#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

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

/// Gives `callee` an extra, writable argument per result, the image of the
/// caller's result that the result materializes in.
static void computeResultsInPlace(func::FuncOp callee) {
  MLIRContext *ctx = callee.getContext();
  unsigned numInputs = callee.getNumArguments();
  auto writable = NamedAttribute(
      StringAttr::get(ctx,
                      bufferization::BufferizationDialect::kWritableAttrName),
      BoolAttr::get(ctx, true));
  for (Type result : callee.getFunctionType().getResults())
    (void)callee.insertArgument(callee.getNumArguments(), result,
                                DictionaryAttr::get(ctx, writable),
                                callee.getLoc());
  callee.walk([&](func::ReturnOp ret) {
    OpBuilder b(ret);
    // A value returned twice is copied from its first destination: one
    // computation cannot have two destinations of its own.
    DenseMap<Value, Value> firstDestination;
    for (OpOperand &operand : ret->getOpOperands()) {
      Value value = operand.get();
      auto [it, first] = firstDestination.try_emplace(value, Value());
      Value result = bufferization::MaterializeInDestinationOp::create(
                         b, ret.getLoc(), first ? value : it->second,
                         callee.getArgument(numInputs +
                                            operand.getOperandNumber()))
                         .getResult();
      if (first)
        it->second = result;
      operand.set(result);
    }
  });
  callee->setAttr(tconv::kBatchImageAttrName, UnitAttr::get(ctx));
}

/// `scf.for %i = lower to upper step` that calls `callee` on images
/// [%i, %i + step) of `driver`'s batched arguments and of `inits`, the
/// results, which it inserts into them.
static scf::ForOp buildCallLoop(OpBuilder &builder, Location loc,
                                func::FuncOp driver, func::FuncOp callee,
                                Value lower, Value upper, Value step,
                                ValueRange inits) {
  FunctionType calleeType = callee.getFunctionType();
  unsigned numInputs = driver.getNumArguments();
  auto imageType = [&](unsigned index) {
    return cast<RankedTensorType>(calleeType.getInput(index));
  };
  return scf::ForOp::create(
      builder, loc, lower, upper, step, inits,
      [&](OpBuilder &b, Location loc, Value i, ValueRange accs) {
        auto sliceOf = [&](RankedTensorType image) {
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
        auto imageOf = [&](Value full, RankedTensorType image) -> Value {
          auto [offsets, sizes, strides] = sliceOf(image);
          return tensor::ExtractSliceOp::create(b, loc, image, full, offsets,
                                                sizes, strides);
        };
        SmallVector<Value> operands;
        // An argument is batched where its image type differs: dim 0 of ?
        // or N against the callee's.
        for (auto [index, arg] : llvm::enumerate(driver.getArguments()))
          operands.push_back(arg.getType() != imageType(index)
                                 ? imageOf(arg, imageType(index))
                                 : arg);
        for (auto [index, acc] : llvm::enumerate(accs))
          operands.push_back(imageOf(acc, imageType(numInputs + index)));
        auto call = func::CallOp::create(b, loc, callee, operands);
        SmallVector<Value> next;
        for (auto [result, acc] : llvm::zip(call.getResults(), accs)) {
          auto [offsets, sizes, strides] =
              sliceOf(cast<RankedTensorType>(result.getType()));
          next.push_back(tensor::InsertSliceOp::create(b, loc, result, acc,
                                                       offsets, sizes, strides));
        }
        scf::YieldOp::create(b, loc, next);
      });
}

/// `scf.if cond` whose then-region `thenBuilder` fills and whose else-region
/// yields `values` unchanged.
static ValueRange buildIfElseKeep(
    OpBuilder &builder, Location loc, Value cond, ValueRange values,
    function_ref<ValueRange(OpBuilder &, Location)> thenBuilder) {
  return scf::IfOp::create(
             builder, loc, cond,
             [&](OpBuilder &b, Location l) {
               scf::YieldOp::create(b, l, thenBuilder(b, l));
             },
             [&](OpBuilder &b, Location l) {
               scf::YieldOp::create(b, l, values);
             })
      .getResults();
}

/// A copy of `image` for a lone image of `driver`'s dynamic batch, if one
/// of its convolutions copies its filter chunk by chunk on one image.
static func::FuncOp buildSingleImage(func::FuncOp driver, func::FuncOp image,
                                     unsigned firstBatched) {
  if (!tconv::isBatchedType(driver.getArgumentTypes()[firstBatched]))
    return {};
  bool chunked = image
                     .walk([](Operation *op) {
                       return isa<tconv::ConvOp, tconv::ConvTransposeOp>(op) &&
                                      tconv::copiesFilterInChunks(op)
                                  ? WalkResult::interrupt()
                                  : WalkResult::advance();
                     })
                     .wasInterrupted();
  if (!chunked)
    return {};
  return tconv::cloneForOneRun(image,
                               (driver.getSymName() + ".single").str());
}

func::FuncOp tconv::cloneForOneRun(func::FuncOp function, StringRef name) {
  OpBuilder builder(function);
  builder.setInsertionPointAfter(function);
  auto copy = cast<func::FuncOp>(builder.clone(*function));
  copy.setSymName(name);
  // A name already taken gets a unique suffix.
  SymbolTable(function->getParentOfType<ModuleOp>()).insert(copy);
  copy->setAttr(kBatchSingleImageAttrName, UnitAttr::get(copy.getContext()));
  tagCopiedFunction(copy);
  return copy;
}

void tconv::buildBatchLoop(func::FuncOp driver, func::FuncOp image,
                           func::FuncOp chunk) {
  MLIRContext *ctx = driver.getContext();
  // Callers outside a pass (importers) may not have loaded them.
  ctx->loadDialect<arith::ArithDialect, bufferization::BufferizationDialect,
                   scf::SCFDialect, tensor::TensorDialect>();
  unsigned firstBatched = *llvm::find_if(
      llvm::seq(driver.getNumArguments()), [&](unsigned index) {
        return driver.getFunctionType().getInput(index) !=
               image.getFunctionType().getInput(index);
      });
  func::FuncOp single = buildSingleImage(driver, image, firstBatched);
  // Each image is read and written in place, a contiguous slice of the
  // batched buffer at a dynamic offset (tconv-bufferize's layout for the
  // image function): no copy into or out of a buffer of its own. The image
  // of a result is an extra, writable argument that the result materializes
  // in, which empty-tensor elimination makes the computation's own
  // destination.
  for (func::FuncOp callee : {image, chunk, single})
    if (callee)
      computeResultsInPlace(callee);

  Location loc = driver.getLoc();
  Block *body = driver.addEntryBlock();
  OpBuilder builder = OpBuilder::atBlockBegin(body);
  Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
  Value one = arith::ConstantIndexOp::create(builder, loc, 1);
  Value chunkImages;
  if (chunk)
    chunkImages = arith::ConstantIndexOp::create(
        builder, loc,
        cast<RankedTensorType>(chunk.getFunctionType().getInput(firstBatched))
            .getDimSize(0));
  Value n = tensor::DimOp::create(builder, loc,
                                  driver.getArgument(firstBatched), 0);
  SmallVector<Value> inits;
  for (Type result : driver.getFunctionType().getResults()) {
    auto tensor = cast<RankedTensorType>(result);
    inits.push_back(tensor::EmptyOp::create(
        builder, loc, tensor,
        tensor.isDynamicDim(0) ? ValueRange{n} : ValueRange{}));
  }
  // Images [from, n) one at a time into `accs`. Each loop runs under an
  // scf.if: what tconv-hoist-batch-invariants moves before a loop (a
  // filter's layout change for the single images' schedule, a Winograd
  // transform for the chunks') is computed only if it runs.
  auto imagesFrom = [&](OpBuilder &b, Location l, Value from,
                        ValueRange accs) -> ValueRange {
    auto imageLoop = [&](OpBuilder &lb, Location ll) {
      return buildCallLoop(lb, ll, driver, image, from, n, one, accs)
          .getResults();
    };
    Value anyImage =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::ult, from, n);
    if (!single)
      return buildIfElseKeep(b, l, anyImage, accs, imageLoop);
    Value last = arith::SubIOp::create(b, l, n, one);
    Value loneImage =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, from, last);
    return scf::IfOp::create(
               b, l, loneImage,
               [&](OpBuilder &tb, Location tl) {
                 scf::YieldOp::create(
                     tb, tl,
                     buildCallLoop(tb, tl, driver, single, from, n, one, accs)
                         .getResults());
               },
               [&](OpBuilder &eb, Location el) {
                 scf::YieldOp::create(
                     eb, el, buildIfElseKeep(eb, el, anyImage, accs, imageLoop));
               })
        .getResults();
  };
  ValueRange results;
  if (!chunk && !single) {
    results =
        buildCallLoop(builder, loc, driver, image, zero, n, one, inits)
            .getResults();
  } else if (!chunk) {
    results = imagesFrom(builder, loc, zero, inits);
  } else {
    // Chunks while K images remain, then single images.
    Value chunked = arith::SubIOp::create(
        builder, loc, n,
        arith::RemUIOp::create(builder, loc, n, chunkImages));
    Value anyChunk = arith::CmpIOp::create(
        builder, loc, arith::CmpIPredicate::ugt, chunked, zero);
    ValueRange afterChunks = buildIfElseKeep(
        builder, loc, anyChunk, inits, [&](OpBuilder &b, Location l) {
          return buildCallLoop(b, l, driver, chunk, zero, chunked, chunkImages,
                               inits)
              .getResults();
        });
    results = imagesFrom(builder, loc, chunked, afterChunks);
  }
  func::ReturnOp::create(builder, loc, results);
  driver->setAttr(kBatchLoopAttrName, UnitAttr::get(ctx));
}

tensor::EmptyOp tconv::getBatchResultInit(Value result) {
  Value value = result;
  while (true) {
    if (auto empty = value.getDefiningOp<tensor::EmptyOp>()) {
      auto passesOn = [](OpOperand &use) {
        if (isa<scf::YieldOp>(use.getOwner()))
          return true;
        auto loop = dyn_cast<scf::ForOp>(use.getOwner());
        return loop && loop.getTiedLoopResult(&use) != nullptr;
      };
      return llvm::all_of(empty->getUses(), passesOn) ? empty
                                                      : tensor::EmptyOp();
    }
    auto produced = dyn_cast<OpResult>(value);
    if (!produced)
      return {};
    unsigned index = produced.getResultNumber();
    if (auto branch = dyn_cast<scf::IfOp>(produced.getOwner())) {
      if (branch.getElseRegion().empty())
        return {};
      value = branch.elseYield().getOperand(index);
    } else if (auto loop = dyn_cast<scf::ForOp>(produced.getOwner())) {
      value = loop.getInitArgs()[index];
    } else {
      return {};
    }
  }
}
