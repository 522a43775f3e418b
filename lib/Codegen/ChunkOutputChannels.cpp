//===- ChunkOutputChannels.cpp - Large runtime filters chunk by chunk -----===//

#include "tconv/Codegen/Passes.h"

#include "FunctionInputs.h"
#include "SliceAlong.h"
#include "tconv/Codegen/BatchLoop.h"
#include "tconv/Codegen/Strategy.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVCHUNKOUTPUTCHANNELS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

/// Whether `op` computes each element of its result from the same element
/// of its operands (elementwise) or from the same one moved
/// (linalg.transpose): a slice of its result is the op on slices.
static bool isSliceableProducer(Operation *op) {
  if (auto transpose = dyn_cast<linalg::TransposeOp>(op))
    return transpose.hasPureTensorSemantics();
  return op->getNumResults() == 1 &&
         OpTrait::hasElementwiseMappableTraits(op);
}

/// Whether `filter` is sliced as it is: an input of the function or a
/// constant (an extract_slice of it is a view).
static bool isSliceSource(Value filter) {
  return isFunctionInput(filter) || matchPattern(filter, m_Constant());
}

/// Whether a chunk of `filter` can be computed from chunks of what it is
/// made of: a function argument or a constant, or sliceable ops used only
/// by the convolution on such values (a filter scaled by a folded batch
/// norm; TOSA's OHWI weights moved to C x M x k..). Any other producer
/// would compute the whole filter before the loop, where the decomposition
/// fuses it into the filter's copy.
static bool slicesFromSources(Value filter) {
  if (isSliceSource(filter))
    return true;
  Operation *producer = filter.getDefiningOp();
  if (!producer || !filter.hasOneUse() || !isSliceableProducer(producer))
    return false;
  if (auto transpose = dyn_cast<linalg::TransposeOp>(producer))
    return slicesFromSources(transpose.getInput());
  auto type = cast<RankedTensorType>(filter.getType());
  return llvm::all_of(producer->getOperands(), [&](Value operand) {
    auto operandType = dyn_cast<RankedTensorType>(operand.getType());
    return operandType && operandType.getShape() == type.getShape() &&
           slicesFromSources(operand);
  });
}

/// The chunk of `chunk` output channels from `first` of `filter`, whose
/// dim `channelDim` they are, through the ops it is made of
/// (slicesFromSources).
static Value sliceFilter(OpBuilder &b, Location loc, Value filter,
                         unsigned channelDim, OpFoldResult first,
                         int64_t chunk) {
  if (isSliceSource(filter))
    return extractAlong(b, loc, filter, channelDim, first, chunk);
  auto type = cast<RankedTensorType>(filter.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[channelDim] = chunk;
  Operation *producer = filter.getDefiningOp();
  if (auto transpose = dyn_cast<linalg::TransposeOp>(producer)) {
    ArrayRef<int64_t> permutation = transpose.getPermutation();
    Value input = sliceFilter(b, loc, transpose.getInput(),
                              permutation[channelDim], first, chunk);
    Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
    return linalg::TransposeOp::create(b, loc, input, init, permutation)
        ->getResult(0);
  }
  IRMapping slices;
  for (Value operand : producer->getOperands())
    slices.map(operand,
               sliceFilter(b, loc, operand, channelDim, first, chunk));
  Operation *sliced = b.clone(*producer, slices);
  sliced->getResult(0).setType(type.clone(shape));
  return sliced->getResult(0);
}

/// Erases `producer`, an op of a filter that slicesFromSources accepted,
/// once unused, and then the ops it read: each had that one use.
static void eraseSlicedProducers(Operation *producer) {
  if (!producer || !producer->use_empty() || !isSliceableProducer(producer))
    return;
  SmallVector<Operation *> read;
  for (Value operand : producer->getOperands())
    read.push_back(operand.getDefiningOp());
  producer->erase();
  for (Operation *op : read)
    eraseSlicedProducers(op);
}

/// `op` as an scf.forall over chunks of `chunk` output channels.
template <typename ConvLikeOp>
static void chunkOutputChannels(ConvLikeOp op, int64_t chunk) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  RankedTensorType resultType = op.getOutput().getType();
  int64_t chunks = resultType.getDimSize(1) / chunk;
  Value init = tensor::EmptyOp::create(b, loc, resultType.getShape(),
                                       resultType.getElementType());
  auto loop = scf::ForallOp::create(
      b, loc, ArrayRef<OpFoldResult>{b.getIndexAttr(chunks)},
      ValueRange{init}, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value first = arith::MulIOp::create(
      b, loc, loop.getInductionVars()[0],
      arith::ConstantIndexOp::create(b, loc, chunk));
  // A filter is M x C x k.., a transposed convolution's C x M x k...
  unsigned channelDim = std::is_same_v<ConvLikeOp, ConvOp> ? 0 : 1;
  Operation *producer = op.getFilter().getDefiningOp();
  Value filter =
      sliceFilter(b, loc, op.getFilter(), channelDim, first, chunk);
  Value bias;
  if (Value wholeBias = op.getBias())
    bias = extractAlong(b, loc, wholeBias, 0, first, chunk);
  auto part = ConvLikeOp::create(b, loc, op.getInput(), filter, bias,
                                 op.getGeometry());
  SmallVector<OpFoldResult> offsets, sizes, strides;
  sliceAlong(b, resultType.getShape(), 1, first, chunk, offsets, sizes,
             strides);
  b.setInsertionPointToStart(loop.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, part.getOutput(),
                                        loop.getRegionIterArgs()[0], offsets,
                                        sizes, strides);
  op.getOutput().replaceAllUsesWith(loop.getResult(0));
  op.erase();
  eraseSlicedProducers(producer);
}

namespace {
struct ChunkOutputChannelsPass
    : public tconv::impl::TConvChunkOutputChannelsBase<
          ChunkOutputChannelsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (fTile < 1) {
      getOperation().emitError()
          << "tconv-chunk-output-channels: f-tile must be >= 1";
      return signalPassFailure();
    }
    // An image of a batch loop: its filter's copy moves out of the loop
    // over images (tconv-hoist-batch-invariants), once per call; chunks
    // would copy the filter again for each image. A lone image runs once.
    if (mayMoveWorkToBatchLoop(getOperation()))
      return;
    SmallVector<std::pair<Operation *, int64_t>> chunked;
    auto select = [&](auto op) {
      int64_t chunk = outputChannelChunk(op, fTile);
      if (chunk && slicesFromSources(op.getFilter()))
        chunked.push_back({op, chunk});
    };
    getOperation().walk([&](Operation *op) {
      if (auto conv = dyn_cast<ConvOp>(op))
        select(conv);
      else if (auto transpose = dyn_cast<ConvTransposeOp>(op))
        select(transpose);
    });
    for (auto [op, chunk] : chunked) {
      if (auto conv = dyn_cast<ConvOp>(op))
        chunkOutputChannels(conv, chunk);
      else
        chunkOutputChannels(cast<ConvTransposeOp>(op), chunk);
    }
  }
};
} // namespace
