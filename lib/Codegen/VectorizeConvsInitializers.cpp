//===- VectorizeConvsInitializers.cpp - Accumulators from initializers ---===//
//
// Part of tconv-vectorize-convs: a fused initializer (a fill, a bias
// broadcast) is vectorized into writes of its output tile, which the tile's
// accumulators read back and at the end overwrite. Here the accumulators
// start from the written vectors, and the writes that nothing reads any more
// go. Besides the loads and stores, this matters to bufferization: its
// conflict check pairs each read of a buffer with each of its writes.
//
//===----------------------------------------------------------------------===//

#include "VectorizeConvs.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/SmallBitVector.h"

using namespace mlir;
using namespace mlir::tconv;

/// The reads of a tile through a slice of the transfer_writes that filled
/// it: those of the accumulators. Other reads (the filter's and input's
/// slices) stay as they are for the passes that prefetch and pack them.
static SmallVector<Operation *> readsOfWrittenTiles(func::FuncOp func) {
  SmallVector<Operation *> reads;
  func.walk([&](vector::TransferReadOp read) {
    auto slice = read.getBase().getDefiningOp<tensor::ExtractSliceOp>();
    if (slice && slice.getSource().getDefiningOp<vector::TransferWriteOp>())
      reads.push_back(read);
  });
  return reads;
}

/// A write of a whole vector at static indices: what two chains of writes
/// can be compared by.
struct PlainWrite {
  SmallVector<int64_t> indices;
  VectorType type;
  bool operator==(const PlainWrite &other) const {
    return indices == other.indices && type == other.type;
  }
};

static std::optional<PlainWrite> asPlainWrite(vector::TransferWriteOp write) {
  if (write.getMask() || !write.getPermutationMap().isMinorIdentity() ||
      !llvm::all_of(write.getInBoundsValues(), [](bool b) { return b; }))
    return std::nullopt;
  PlainWrite plain{{}, write.getVectorType()};
  for (Value index : write.getIndices()) {
    std::optional<int64_t> constant = getConstantIntValue(index);
    if (!constant)
      return std::nullopt;
    plain.indices.push_back(*constant);
  }
  return plain;
}

/// Whether `slice` is all of its (static) source, with unit dims dropped.
static bool isWholeSource(tensor::ExtractSliceOp slice) {
  ArrayRef<int64_t> shape = slice.getSourceType().getShape();
  return slice.getSourceType().hasStaticShape() &&
         llvm::all_of(slice.getStaticOffsets(),
                      [](int64_t offset) { return offset == 0; }) &&
         llvm::all_of(slice.getStaticStrides(),
                      [](int64_t stride) { return stride == 1; }) &&
         slice.getStaticSizes() == shape;
}

/// Drops the initializer's writes that the accumulators overwrite before
/// anything reads them:
///
///   %init = vector.transfer_write %zeros, %tile[...]      (a chain)
///   %acc = tensor.extract_slice %init[0, ...] [1, ...]    (all of it)
///   %out = vector.transfer_write %sum, %acc[...]          (a chain)
///   tensor.insert_slice %out into %init[0, ...] [1, ...]
///
/// When each write of the first chain has one at the same place in the
/// second and nothing else reads either chain, %init is replaced by %tile.
static void dropOverwrittenWrites(RewriterBase &rewriter,
                                  tensor::ExtractSliceOp slice) {
  Value init = slice.getSource();
  if (!isWholeSource(slice) || !init.hasNUses(2))
    return;
  SmallVector<vector::TransferWriteOp> initWrites;
  Value tile = init;
  while (auto write = tile.getDefiningOp<vector::TransferWriteOp>()) {
    if (write.getResult() != init && !write.getResult().hasOneUse())
      return;
    initWrites.push_back(write);
    tile = write.getBase();
  }
  // The accumulators' chain, in the slice's dims; nothing reads it.
  SmallVector<PlainWrite> overwritten;
  Value acc = slice.getResult();
  llvm::SmallBitVector dropped = slice.getDroppedDims();
  while (acc.hasOneUse()) {
    auto write = dyn_cast<vector::TransferWriteOp>(*acc.user_begin());
    if (!write || write.getBase() != acc)
      break;
    std::optional<PlainWrite> plain = asPlainWrite(write);
    if (!plain)
      return;
    // The vector's dims are the innermost ones with and without the unit
    // dims only if none of those is dropped.
    int64_t firstVectorDim = dropped.size() - plain->type.getRank();
    if (dropped.find_last() >= firstVectorDim)
      return;
    SmallVector<int64_t> indices;
    for (unsigned dim = 0, next = 0; dim < dropped.size(); ++dim)
      indices.push_back(dropped[dim] ? 0 : plain->indices[next++]);
    overwritten.push_back({indices, plain->type});
    acc = write.getResult();
  }
  auto insert = acc.hasOneUse()
                    ? dyn_cast<tensor::InsertSliceOp>(*acc.user_begin())
                    : nullptr;
  if (initWrites.empty() || !insert || insert.getSource() != acc ||
      insert.getDest() != init ||
      !sameOffsetsSizesAndStrides(insert, slice, isEqualConstantIntOrValue))
    return;
  for (vector::TransferWriteOp write : initWrites) {
    std::optional<PlainWrite> plain = asPlainWrite(write);
    if (!plain || !llvm::is_contained(overwritten, *plain))
      return;
  }
  rewriter.modifyOpInPlace(slice,
                           [&] { slice.getSourceMutable().assign(tile); });
  rewriter.modifyOpInPlace(insert,
                           [&] { insert.getDestMutable().assign(tile); });
  for (vector::TransferWriteOp write : initWrites)
    rewriter.eraseOp(write);
}

LogicalResult mlir::tconv::startAccumulatorsFromInitializers(
    RewriterBase &rewriter, func::FuncOp func) {
  MLIRContext *ctx = func.getContext();
  RewritePatternSet throughSlices(ctx);
  tensor::populateFoldTensorSubsetIntoVectorTransferPatterns(throughSlices);
  if (failed(applyOpPatternsGreedily(readsOfWrittenTiles(func),
                                     std::move(throughSlices))))
    return func.emitError(
        "tconv-vectorize-convs: accumulator reads did not converge");
  // On the whole function, for its constants to be uniqued: a read folds
  // into the write of its vector only if their indices are the same values.
  // The tiles also leave the reduction loops' iter_args they pass through
  // unchanged, so that the chains of writes meet.
  RewritePatternSet forwarding(ctx);
  vector::TransferReadOp::getCanonicalizationPatterns(forwarding, ctx);
  scf::ForOp::getCanonicalizationPatterns(forwarding, ctx);
  if (failed(applyPatternsGreedily(func, std::move(forwarding))))
    return func.emitError(
        "tconv-vectorize-convs: accumulator forwarding did not converge");
  SmallVector<tensor::ExtractSliceOp> slices;
  func.walk([&](tensor::ExtractSliceOp slice) {
    if (slice.getSource().getDefiningOp<vector::TransferWriteOp>())
      slices.push_back(slice);
  });
  for (tensor::ExtractSliceOp slice : slices)
    dropOverwrittenWrites(rewriter, slice);
  return success();
}
