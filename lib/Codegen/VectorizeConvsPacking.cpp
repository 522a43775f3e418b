//===- VectorizeConvsPacking.cpp - Filters packed for channel tiles ------===//
//
// Part of tconv-vectorize-convs: the filter of a convolution tiled along
// output channels is packed so that each tile reads a contiguous slice; the
// phases of a transposed convolution share one blocked copy instead.
//
//===----------------------------------------------------------------------===//

#include "VectorizeConvs.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::tconv;

Value mlir::tconv::createGather(OpBuilder &b, Location loc, Value source,
                               ArrayRef<AffineExpr> sourceExprs,
                               ArrayRef<int64_t> shape) {
  unsigned numLoops = shape.size();
  MLIRContext *ctx = b.getContext();
  Type elementType = getElementTypeOrSelf(source.getType());
  Value init = tensor::EmptyOp::create(b, loc, shape, elementType);
  return linalg::GenericOp::create(
             b, loc, init.getType(), source, init,
             {AffineMap::get(numLoops, 0, sourceExprs, ctx),
              AffineMap::getMultiDimIdentityMap(numLoops, ctx)},
             SmallVector<utils::IteratorType>(numLoops,
                                              utils::IteratorType::parallel),
             [](OpBuilder &nb, Location l, ValueRange args) {
               linalg::YieldOp::create(nb, l, args[0]);
             })
      .getResult(0);
}

Value mlir::tconv::foldPackedFilter(
    RewriterBase &rewriter, Location loc, Value filter,
    RankedTensorType packedType,
    function_ref<int64_t(ArrayRef<int64_t>, ArrayRef<int64_t>)> sourceOf) {
  ElementsAttr constant;
  if (!matchPattern(filter, m_Constant(&constant)))
    return {};
  // A splat stays a splat, whatever its element count.
  if (auto dense = dyn_cast<DenseElementsAttr>(constant);
      dense && dense.isSplat())
    return arith::ConstantOp::create(rewriter, loc, packedType,
                                     dense.resizeSplat(packedType));
  auto values = constant.tryGetValues<APFloat>();
  if (!values)
    return {};
  SmallVector<int64_t> strides =
      computeStrides(cast<ShapedType>(filter.getType()).getShape());
  SmallVector<int64_t> packedStrides = computeStrides(packedType.getShape());
  SmallVector<APFloat> packed;
  packed.reserve(constant.getNumElements());
  for (int64_t i = 0, e = constant.getNumElements(); i < e; ++i)
    packed.push_back(
        (*values)[sourceOf(delinearize(i, packedStrides), strides)]);
  return arith::ConstantOp::create(rewriter, loc, packedType,
                                   DenseElementsAttr::get(packedType, packed));
}

Value mlir::tconv::packFilter(RewriterBase &rewriter, Location loc,
                              Value filter, int64_t block) {
  auto type = cast<RankedTensorType>(filter.getType());
  ArrayRef<int64_t> shape = type.getShape();
  unsigned rank = shape.size();
  SmallVector<int64_t> packedShape = {shape.back() / block};
  packedShape.append(shape.begin(), shape.end() - 1);
  packedShape.push_back(block);
  auto packedType = RankedTensorType::get(packedShape, type.getElementType());

  // Row-major walk of the packed shape: (fb, k.., c, fi).
  if (Value folded = foldPackedFilter(
          rewriter, loc, filter, packedType,
          [&](ArrayRef<int64_t> index, ArrayRef<int64_t> strides) {
            int64_t source = (index[0] * block + index.back()) * strides.back();
            for (unsigned d = 0; d + 1 < rank; ++d)
              source += index[1 + d] * strides[d];
            return source;
          }))
    return folded;

  // Loops (fb, k.., c, fi) read the filter at (k.., c, fb * block + fi).
  MLIRContext *ctx = rewriter.getContext();
  SmallVector<AffineExpr> inputExprs;
  for (unsigned d = 1; d < rank; ++d)
    inputExprs.push_back(getAffineDimExpr(d, ctx));
  inputExprs.push_back(getAffineDimExpr(0, ctx) * block +
                       getAffineDimExpr(rank, ctx));
  return createGather(rewriter, loc, filter, inputExprs, packedShape);
}

std::optional<std::pair<Value, AffineMap>>
mlir::tconv::getPermutedSource(Value value) {
  auto copy = value.getDefiningOp<linalg::GenericOp>();
  if (!copy || copy.getNumDpsInputs() != 1 || copy.getNumDpsInits() != 1 ||
      copy.getNumReductionLoops() != 0)
    return std::nullopt;
  OpOperand *input = copy.getDpsInputOperand(0);
  AffineMap map = copy.getMatchingIndexingMap(input);
  auto yield = cast<linalg::YieldOp>(copy.getBody()->getTerminator());
  if (!copy.getMatchingIndexingMap(copy.getDpsInitOperand(0)).isIdentity() ||
      !map.isPermutation() ||
      yield.getValues() != ValueRange{copy.getMatchingBlockArgument(input)})
    return std::nullopt;
  return std::make_pair(input->get(), map);
}

/// `pack` (see packFilter) of a filter that is a permuted copy of another
/// tensor, as one permutation of that tensor with its output-channel dim
/// split into (block, lane): a layout change that
/// tconv-vectorize-layout-changes moves in register blocks. Fused by
/// elementwise fusion instead, the gather reads the source at
/// `fb * block + fi` and stays scalar loops (C1's 64x32x9x9 filter: 0.3 ms,
/// 4% of the call). Null if the filter is no such copy.
static Value packPermutedSource(RewriterBase &rewriter,
                                linalg::GenericOp pack) {
  std::optional<std::pair<Value, AffineMap>> permuted =
      getPermutedSource(pack.getDpsInputs()[0]);
  if (!permuted)
    return {};
  auto [source, perm] = *permuted;
  auto sourceType = cast<RankedTensorType>(source.getType());
  if (!sourceType.hasStaticShape())
    return {};
  auto packedType = cast<RankedTensorType>(pack.getResult(0).getType());
  unsigned rank = sourceType.getRank();
  int64_t block = packedType.getShape().back();
  MLIRContext *ctx = rewriter.getContext();
  // Pack loops are (fb, filter dims but the last, fi); filter dim p < rank -
  // 1 is loop p + 1.
  SmallVector<int64_t> expandedShape;
  SmallVector<ReassociationIndices> reassociation;
  SmallVector<AffineExpr> exprs;
  for (unsigned j = 0; j < rank; ++j) {
    unsigned filterDim = perm.getDimPosition(j);
    int64_t first = expandedShape.size();
    if (filterDim + 1 == rank) {
      expandedShape.push_back(sourceType.getDimSize(j) / block);
      expandedShape.push_back(block);
      reassociation.push_back({first, first + 1});
      exprs.push_back(getAffineDimExpr(0, ctx));
      exprs.push_back(getAffineDimExpr(rank, ctx));
    } else {
      expandedShape.push_back(sourceType.getDimSize(j));
      reassociation.push_back({first});
      exprs.push_back(getAffineDimExpr(filterDim + 1, ctx));
    }
  }
  rewriter.setInsertionPoint(pack);
  Location loc = pack.getLoc();
  Value expanded = tensor::ExpandShapeOp::create(
      rewriter, loc, sourceType.clone(expandedShape), source, reassociation);
  return createGather(rewriter, loc, expanded, exprs, packedType.getShape());
}

void mlir::tconv::fusePacking(RewriterBase &rewriter, Value packed,
                              bool outputChannelBlocks) {
  auto pack = packed.getDefiningOp<linalg::GenericOp>();
  if (!pack)
    return;
  if (outputChannelBlocks) {
    if (Value repacked = packPermutedSource(rewriter, pack)) {
      rewriter.replaceOp(pack, repacked);
      return;
    }
  }
  OpOperand *input = pack.getDpsInputOperand(0);
  if (!input->get().hasOneUse() || !linalg::areElementwiseOpsFusable(input))
    return;
  rewriter.setInsertionPoint(pack);
  FailureOr<linalg::ElementwiseOpFusionResult> fused =
      linalg::fuseElementwiseOps(rewriter, input);
  if (succeeded(fused))
    rewriter.replaceOp(pack, fused->replacements.lookup(packed));
}

/// The all-parallel linalg op on tensors that computes `value` element by
/// element over its identity-mapped init, without reading the init: a
/// fill, a broadcast, a copy into a new layout.

linalg::GenericOp mlir::tconv::getRowGather(Value value) {
  auto gather = dyn_cast_if_present<linalg::GenericOp>(
      getElementwiseProducer(value).getOperation());
  if (!gather || gather.getNumDpsInputs() != 1)
    return nullptr;
  OpOperand *input = gather.getDpsInputOperand(0);
  auto yield = cast<linalg::YieldOp>(gather.getBody()->getTerminator());
  if (yield.getValues() != ValueRange{gather.getMatchingBlockArgument(input)})
    return nullptr;
  AffineMap map = gather.getMatchingIndexingMap(input);
  unsigned last = gather.getNumLoops() - 1;
  if (map.getNumResults() == 0 ||
      map.getResults().back() != getAffineDimExpr(last, map.getContext()))
    return nullptr;
  for (AffineExpr expr : map.getResults().drop_back())
    if (expr.isFunctionOfDim(last))
      return nullptr;
  return gather;
}

Value mlir::tconv::blockedCopy(RewriterBase &rewriter, Value source,
                               int64_t block) {
  auto copy = dyn_cast_if_present<linalg::GenericOp>(
      getElementwiseProducer(source).getOperation());
  if (!copy || copy.hasDynamicShape())
    return nullptr;
  auto sourceType = cast<RankedTensorType>(source.getType());
  unsigned rank = sourceType.getRank();
  int64_t channels = sourceType.getShape().back();
  if (channels % block != 0)
    return nullptr;
  for (OpOperand *input : copy.getDpsInputOperands())
    if (!copy.getMatchingIndexingMap(input).isPermutation())
      return nullptr;

  // Each input's dim read along S's innermost dim, expanded into (blocks,
  // block); the blocked copy's loops are (mb, s_0 .. s_{rank-2}, mi): an
  // input dim read at S's loop d is read at loop d + 1, the split one at
  // (mb, mi).
  Location loc = copy.getLoc();
  MLIRContext *ctx = rewriter.getContext();
  rewriter.setInsertionPointAfter(copy);
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (OpOperand *input : copy.getDpsInputOperands()) {
    AffineMap map = copy.getMatchingIndexingMap(input);
    auto type = cast<RankedTensorType>(input->get().getType());
    SmallVector<int64_t> expandedShape;
    SmallVector<ReassociationIndices> reassociation;
    SmallVector<AffineExpr> exprs;
    for (auto [dim, expr] : llvm::enumerate(map.getResults())) {
      unsigned d = cast<AffineDimExpr>(expr).getPosition();
      ReassociationIndices group = {int64_t(expandedShape.size())};
      if (d == rank - 1) {
        expandedShape.append({type.getDimSize(dim) / block, block});
        group.push_back(expandedShape.size() - 1);
        exprs.append({getAffineDimExpr(0, ctx), getAffineDimExpr(rank, ctx)});
      } else {
        expandedShape.push_back(type.getDimSize(dim));
        exprs.push_back(getAffineDimExpr(d + 1, ctx));
      }
      reassociation.push_back(group);
    }
    inputs.push_back(tensor::ExpandShapeOp::create(
        rewriter, loc,
        RankedTensorType::get(expandedShape, type.getElementType()),
        input->get(), reassociation));
    maps.push_back(AffineMap::get(rank + 1, 0, exprs, ctx));
  }
  maps.push_back(AffineMap::getMultiDimIdentityMap(rank + 1, ctx));
  SmallVector<int64_t> shape = {channels / block};
  llvm::append_range(shape, sourceType.getShape().drop_back());
  shape.push_back(block);
  Value init = tensor::EmptyOp::create(rewriter, loc, shape,
                                       sourceType.getElementType());
  Block *body = copy.getBody();
  return linalg::GenericOp::create(
             rewriter, loc, init.getType(), inputs, init, maps,
             SmallVector<utils::IteratorType>(rank + 1,
                                              utils::IteratorType::parallel),
             [&](OpBuilder &b, Location, ValueRange args) {
               IRMapping mapping;
               mapping.map(body->getArguments(), args);
               for (Operation &op : *body)
                 b.clone(op, mapping);
             })
      .getResult(0);
}

/// Loop 0 (the output-channel block) and the first `count` results of a
/// gather's map `map`, each of its loops moved one place in: the indexing
/// of a view of a packed copy that the gather reads through.
static SmallVector<AffineExpr> withBlockLoopInFront(AffineMap map,
                                                    unsigned count) {
  MLIRContext *ctx = map.getContext();
  SmallVector<AffineExpr> shifted;
  for (unsigned d = 0, e = map.getNumDims(); d < e; ++d)
    shifted.push_back(getAffineDimExpr(d + 1, ctx));
  SmallVector<AffineExpr> exprs = {getAffineDimExpr(0, ctx)};
  for (AffineExpr expr : map.getResults().take_front(count))
    exprs.push_back(expr.replaceDims(shifted));
  return exprs;
}

Value mlir::tconv::packedViewOfBlockedCopy(RewriterBase &rewriter, Location loc,
                                           linalg::GenericOp gather,
                                           Value blocked) {
  AffineMap map = gather.getMatchingIndexingMap(gather.getDpsInputOperand(0));
  unsigned numLoops = map.getNumDims();
  // Gather loops (k.., c, f) become (fb, k.., c, fi).
  SmallVector<AffineExpr> exprs = withBlockLoopInFront(map, numLoops - 1);
  exprs.push_back(rewriter.getAffineDimExpr(numLoops));
  auto filterType = cast<RankedTensorType>(gather.getResult(0).getType());
  int64_t block = cast<RankedTensorType>(blocked.getType()).getShape().back();
  SmallVector<int64_t> shape = {filterType.getShape().back() / block};
  llvm::append_range(shape, filterType.getShape().drop_back());
  shape.push_back(block);
  return createGather(rewriter, loc, blocked, exprs, shape);
}

Value mlir::tconv::pairsViewOfTapGather(
    RewriterBase &rewriter, Location loc, linalg::GenericOp gather,
    llvm::DenseMap<Value, Value> &pairCopies) {
  AffineMap map = gather.getMatchingIndexingMap(gather.getDpsInputOperand(0));
  unsigned rank = map.getNumDims(), taps = rank - 2;
  MLIRContext *ctx = rewriter.getContext();
  // Taps gathered from taps, channels read as they are.
  if (rank < 3 || map.getNumResults() != rank ||
      map.getResult(taps) != getAffineDimExpr(taps, ctx) ||
      map.getResult(taps + 1) != getAffineDimExpr(taps + 1, ctx))
    return {};
  for (AffineExpr expr : map.getResults().take_front(taps))
    if (expr.isFunctionOfDim(taps) || expr.isFunctionOfDim(taps + 1))
      return {};
  Value source = gather.getDpsInputs()[0];
  Value sourcePairs = packedPairsOnce(rewriter, source, pairCopies);
  // Gather loops (k.., c, f) become (fb, k.., cp, j).
  SmallVector<AffineExpr> exprs = withBlockLoopInFront(map, taps);
  exprs.push_back(getAffineDimExpr(taps + 1, ctx));
  exprs.push_back(getAffineDimExpr(taps + 2, ctx));
  ArrayRef<int64_t> pairsShape =
      cast<RankedTensorType>(sourcePairs.getType()).getShape();
  ArrayRef<int64_t> filterShape =
      cast<RankedTensorType>(gather.getResult(0).getType()).getShape();
  SmallVector<int64_t> shape = {pairsShape.front()};
  llvm::append_range(shape, filterShape.take_front(taps));
  llvm::append_range(shape, pairsShape.take_back(2));
  return createGather(rewriter, loc, sourcePairs, exprs, shape);
}

void mlir::tconv::usePackedFilter(RewriterBase &rewriter, linalg::LinalgOp conv,
                                  Value filter, Value packed, int64_t block) {
  OpOperand *operand = conv.getDpsInputOperand(1);
  // Compose the chain of slices that leads from `filter` to the operand.
  auto tileType = cast<RankedTensorType>(operand->get().getType());
  unsigned rank = tileType.getRank();
  SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);
  Value current = operand->get();
  AffineExpr a, b;
  bindDims(rewriter.getContext(), a, b);
  while (current != filter) {
    auto slice = current.getDefiningOp<tensor::ExtractSliceOp>();
    if (!slice || !slice.hasUnitStride() ||
        slice.getSourceType().getRank() != rank)
      return;
    for (auto [offset, extra] : llvm::zip(offsets, slice.getMixedOffsets()))
      offset = affine::makeComposedFoldedAffineApply(rewriter, loc, a + b,
                                                     {offset, extra});
    current = slice.getSource();
  }
  if (tileType.getShape().back() != block)
    return;
  // (k.., c, f) at f = fb * block -> (fb, k.., c, 0).
  SmallVector<OpFoldResult> packedOffsets = {
      affine::makeComposedFoldedAffineApply(rewriter, loc, a.floorDiv(block),
                                            {offsets.back()})};
  packedOffsets.append(offsets.begin(), offsets.end() - 1);
  packedOffsets.push_back(rewriter.getIndexAttr(0));
  SmallVector<OpFoldResult> sizes = {rewriter.getIndexAttr(1)};
  for (int64_t size : tileType.getShape())
    sizes.push_back(rewriter.getIndexAttr(size));
  SmallVector<OpFoldResult> strides(rank + 1, rewriter.getIndexAttr(1));
  Value tile = tensor::ExtractSliceOp::create(rewriter, loc, tileType, packed,
                                              packedOffsets, sizes, strides);
  Value old = operand->get();
  rewriter.modifyOpInPlace(conv, [&] { operand->set(tile); });
  // Drop the now unused slices of the unpacked filter.
  while (auto slice = old.getDefiningOp<tensor::ExtractSliceOp>()) {
    if (!slice->use_empty())
      break;
    old = slice.getSource();
    rewriter.eraseOp(slice);
  }
}
