//===- StreamingResultStores.cpp - Large results bypass the caches --------===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/BatchLoop.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"
#include "llvm/ADT/MapVector.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVSTREAMINGRESULTSTORES
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

static constexpr int64_t kLineBytes = 64;

static bool isMultipleOf(Value value, int64_t factor);

/// Whether `expr` over `operands` (`numDims` dims, then symbols) is
/// provably a multiple of `factor`.
static bool isMultipleOf(AffineExpr expr, ValueRange operands,
                         unsigned numDims, int64_t factor) {
  if (auto constant = dyn_cast<AffineConstantExpr>(expr))
    return constant.getValue() % factor == 0;
  if (auto dim = dyn_cast<AffineDimExpr>(expr))
    return isMultipleOf(operands[dim.getPosition()], factor);
  if (auto symbol = dyn_cast<AffineSymbolExpr>(expr))
    return isMultipleOf(operands[numDims + symbol.getPosition()], factor);
  auto binary = cast<AffineBinaryOpExpr>(expr);
  auto lhs = [&] {
    return isMultipleOf(binary.getLHS(), operands, numDims, factor);
  };
  auto rhs = [&] {
    return isMultipleOf(binary.getRHS(), operands, numDims, factor);
  };
  if (expr.getKind() == AffineExprKind::Add)
    return lhs() && rhs();
  if (expr.getKind() == AffineExprKind::Mul)
    return lhs() || rhs();
  return false;
}

/// Whether `value`, an index, is provably a multiple of `factor`: a
/// constant, an induction variable whose lower bound and step are, or a sum
/// or product of such (arith or affine.apply).
static bool isMultipleOf(Value value, int64_t factor) {
  APInt constant;
  if (matchPattern(value, m_ConstantInt(&constant)))
    return constant.getSExtValue() % factor == 0;
  auto boundsAre = [&](std::optional<SmallVector<OpFoldResult>> lowers,
                       std::optional<SmallVector<OpFoldResult>> steps,
                       unsigned index) {
    if (!lowers || !steps)
      return false;
    auto multiple = [&](OpFoldResult bound) {
      if (auto attr = getConstantIntValue(bound))
        return *attr % factor == 0;
      return isMultipleOf(cast<Value>(bound), factor);
    };
    return multiple((*lowers)[index]) && multiple((*steps)[index]);
  };
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto loop = dyn_cast<LoopLikeOpInterface>(arg.getOwner()->getParentOp());
    std::optional<SmallVector<Value>> inductionVars =
        loop ? loop.getLoopInductionVars() : std::nullopt;
    if (!inductionVars)
      return false;
    auto position = llvm::find(*inductionVars, value);
    if (position == inductionVars->end())
      return false;
    return boundsAre(loop.getLoopLowerBounds(), loop.getLoopSteps(),
                     position - inductionVars->begin());
  }
  if (auto apply = value.getDefiningOp<affine::AffineApplyOp>())
    return isMultipleOf(apply.getAffineMap().getResult(0),
                        apply.getMapOperands(),
                        apply.getAffineMap().getNumDims(), factor);
  if (auto add = value.getDefiningOp<arith::AddIOp>())
    return isMultipleOf(add.getLhs(), factor) &&
           isMultipleOf(add.getRhs(), factor);
  if (auto mul = value.getDefiningOp<arith::MulIOp>())
    return isMultipleOf(mul.getLhs(), factor) ||
           isMultipleOf(mul.getRhs(), factor);
  return false;
}

/// Whether `type` lays its elements out row-major, at any offset.
static bool hasRowMajorStrides(MemRefType type) {
  SmallVector<int64_t> strides;
  int64_t offset;
  if (failed(type.getStridesAndOffset(strides, offset)))
    return false;
  int64_t expected = 1;
  for (int64_t d = type.getRank() - 1; d >= 0; --d) {
    if (strides[d] != expected)
      return false;
    expected *= type.getDimSize(d);
  }
  return true;
}

/// Whether the function reads `buffer` (through its views) anywhere: a line
/// stored around the caches and read again comes back from memory (the
/// zeros a channels-last tile's fill writes into a result and its FMAs then
/// accumulate on: the tosa form of T4 ran 1.5x slower streamed).
static bool isReadBack(Value buffer) {
  SmallVector<Value> worklist = {buffer};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (OpOperand &use : value.getUses()) {
      Operation *user = use.getOwner();
      if (auto view = dyn_cast<ViewLikeOpInterface>(user);
          view && view.getViewSource() == value) {
        llvm::append_range(worklist, user->getResults());
        continue;
      }
      if (isa<memref::ExtractStridedMetadataOp,
              memref::ExtractAlignedPointerAsIndexOp>(user))
        continue;
      auto effects = dyn_cast<MemoryEffectOpInterface>(user);
      if (!effects)
        return true;
      SmallVector<MemoryEffects::EffectInstance> onValue;
      effects.getEffectsOnValue(value, onValue);
      if (llvm::any_of(onValue, [](const MemoryEffects::EffectInstance &e) {
            return isa<MemoryEffects::Read>(e.getEffect());
          }))
        return true;
    }
  }
  return false;
}

namespace {
struct StreamingResultStoresPass
    : public tconv::impl::TConvStreamingResultStoresBase<
          StreamingResultStoresPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    // Entry points, and the image functions of their batch loops, which
    // write images of the entry point's results.
    if (func.isExternal() ||
        !(func.isPublic() || func->hasAttr(tconv::kBatchImageAttrName)))
      return;
    // Stores of whole cache lines into a large result.
    llvm::MapVector<Value, SmallVector<vector::TransferWriteOp>> byResult;
    func.walk([&](vector::TransferWriteOp write) {
      if (Value result = streamedResult(write, func))
        byResult[result].push_back(write);
    });
    byResult.remove_if(
        [](const auto &entry) { return isReadBack(entry.first); });
    if (byResult.empty())
      return;

    Block &entry = func.front();
    for (auto &[result, writes] : byResult) {
      // The lines are whole only if the caller's buffer starts on one.
      OpBuilder builder = OpBuilder::atBlockBegin(&entry);
      Location loc = func.getLoc();
      Value lineBytes = arith::ConstantIndexOp::create(builder, loc, kLineBytes);
      Value zero = arith::ConstantIndexOp::create(builder, loc, 0);
      Value elementBytes = arith::ConstantIndexOp::create(
          builder, loc,
          cast<MemRefType>(result.getType()).getElementTypeBitWidth() / 8);
      // The first element's address: an image's result is a view at an
      // offset into the caller's.
      auto metadata =
          memref::ExtractStridedMetadataOp::create(builder, loc, result);
      Value address = arith::AddIOp::create(
          builder, loc,
          memref::ExtractAlignedPointerAsIndexOp::create(builder, loc, result),
          arith::MulIOp::create(builder, loc, metadata.getOffset(),
                                elementBytes));
      Value lineOffset =
          arith::RemUIOp::create(builder, loc, address, lineBytes);
      Value aligned = arith::CmpIOp::create(
          builder, loc, arith::CmpIPredicate::eq, lineOffset, zero);
      for (vector::TransferWriteOp write : writes) {
        OpBuilder b(write);
        scf::IfOp::create(
            b, write.getLoc(), aligned,
            [&](OpBuilder &then, Location l) {
              vector::StoreOp::create(then, l, write.getVector(),
                                      write.getBase(), write.getIndices(),
                                      /*nontemporal=*/true,
                                      llvm::MaybeAlign(kLineBytes));
              scf::YieldOp::create(then, l);
            },
            [&](OpBuilder &otherwise, Location l) {
              otherwise.clone(*write);
              scf::YieldOp::create(otherwise, l);
            });
        write.erase();
      }
    }
    // Streaming stores are not ordered with later stores of this thread:
    // fence them before the caller sees the results (another thread's are
    // ordered by the lock-prefixed atomics of the barrier it ends with).
    func.walk([&](func::ReturnOp ret) {
      OpBuilder b(ret);
      LLVM::CallIntrinsicOp::create(
          b, ret.getLoc(), b.getStringAttr("llvm.x86.sse.sfence"),
          ValueRange());
    });
  }

  /// The argument of `func` that `write` stores whole, aligned cache lines
  /// into (if the buffer is aligned), or null: at least `minBytes`, written
  /// directly or through a subview contiguous along the last dim, a static,
  /// row-major memref (at any offset) whose rows are whole lines, written at
  /// a multiple of a line along them.
  Value streamedResult(vector::TransferWriteOp write, func::FuncOp func) {
    Value base = write.getBase();
    // Where along the argument's rows the write starts: its index, plus the
    // subview's offset.
    SmallVector<Value, 2> rowPositions = {write.getIndices().back()};
    if (auto subview = base.getDefiningOp<memref::SubViewOp>()) {
      SmallVector<int64_t> strides;
      int64_t offset;
      if (failed(subview.getType().getStridesAndOffset(strides, offset)) ||
          strides.empty() || strides.back() != 1 ||
          subview.getType().getRank() != subview.getSourceType().getRank())
        return {};
      OpFoldResult rowOffset = subview.getMixedOffsets().back();
      if (auto constant = getConstantIntValue(rowOffset)) {
        if (*constant != 0)
          return {};
      } else {
        rowPositions.push_back(cast<Value>(rowOffset));
      }
      base = subview.getSource();
    }
    auto arg = dyn_cast<BlockArgument>(base);
    auto type = dyn_cast<MemRefType>(base.getType());
    VectorType vector = write.getVectorType();
    if (!arg || arg.getOwner() != &func.front() || !type ||
        !type.hasStaticShape() || !hasRowMajorStrides(type) ||
        type.getRank() == 0 || write.getMask() || vector.getRank() != 1 ||
        !write.getPermutationMap().isMinorIdentity() ||
        !write.isDimInBounds(0))
      return {};
    int64_t elementBits = type.getElementTypeBitWidth();
    if (elementBits % 8 != 0)
      return {};
    int64_t elementBytes = elementBits / 8;
    int64_t rowBytes = type.getShape().back() * elementBytes;
    int64_t bytes = type.getNumElements() * elementBytes;
    bool wholeLines =
        vector.getNumElements() * elementBytes % kLineBytes == 0 &&
        rowBytes % kLineBytes == 0 && bytes >= minBytes &&
        llvm::all_of(rowPositions, [&](Value position) {
          return isMultipleOf(position, kLineBytes / elementBytes);
        });
    return wholeLines ? base : Value();
  }
};
} // namespace
