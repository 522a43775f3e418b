//===- VectorizeConvsBF16Dot.cpp - bf16 conv tiles on vdpbf16ps ----------===//
//
// Part of tconv-vectorize-convs: the tiles of a bf16 convolution whose
// schedule has `dot_width = 2` multiply pairs of input channels with
// AVX512_BF16's vdpbf16ps (x86vector.avx512.dot): each instruction adds,
// for 16 output channels, x[c] * w[c][f] + x[c+1] * w[c+1][f] to f32
// accumulators. The input pair is one 32-bit broadcast of the channels-last
// input; the filter is packed so that the 16 (w[c][f], w[c+1][f]) pairs of
// a step are one 64-byte vector. The packing, its view for one entry of a
// stack of filters and the tiles that read it stay in one file (a little
// over 300 lines): each assumes the others' layout.
//
//===----------------------------------------------------------------------===//

#include "VectorizeConvs.h"

#include "ZeroRows.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

#include <functional>

using namespace mlir;
using namespace mlir::tconv;

/// f32 accumulators per vdpbf16ps.
static constexpr int64_t kLanes = 16;

Value mlir::tconv::packFilterPairs(RewriterBase &rewriter, Location loc,
                                   Value filter) {
  auto type = cast<RankedTensorType>(filter.getType());
  ArrayRef<int64_t> shape = type.getShape();
  unsigned rank = shape.size(); // K.. x C x F
  int64_t channels = shape[rank - 2];
  // (fb, k.., cp, j) reads (k.., 2 cp + j mod 2, 16 fb + j floordiv 2):
  // one 1-D vector per (fb, k.., cp).
  SmallVector<int64_t> packedShape = {shape.back() / kLanes};
  packedShape.append(shape.begin(), shape.end() - 2);
  packedShape.append({channels / 2, 2 * kLanes});
  auto packedType = RankedTensorType::get(packedShape, type.getElementType());

  if (Value folded = foldPackedFilter(
          rewriter, loc, filter, packedType,
          [&](ArrayRef<int64_t> index, ArrayRef<int64_t> strides) {
            int64_t pair = index[rank - 1], lane = index[rank];
            int64_t source = (index[0] * kLanes + lane / 2) * strides.back() +
                             (2 * pair + lane % 2) * strides[rank - 2];
            for (unsigned d = 0; d + 2 < rank; ++d)
              source += index[1 + d] * strides[d];
            return source;
          }))
    return folded;

  MLIRContext *ctx = rewriter.getContext();
  unsigned taps = rank - 2;
  auto dim = [&](unsigned d) { return getAffineDimExpr(d, ctx); };

  // What the pairs are packed from: source dim j holds filter dim
  // filterDims[j]. A filter that is a permuted copy of a tensor (the
  // taps-first copy of an argument) is replaced by a copy of that tensor as
  // C x K.. x F, each input channel's taps and output channels in one block:
  // the taps-first copy wrote its tap planes (32 KiB apart in a 512 x 32 x
  // 4 x 4 chunk of DCGAN's filter) in rows that share an L1 set, and the
  // packing below reads pairs of channels as close in either.
  Value source = filter;
  SmallVector<unsigned> filterDims = llvm::to_vector(llvm::seq(rank));
  if (std::optional<std::pair<Value, AffineMap>> permuted =
          getPermutedSource(filter);
      permuted &&
      cast<RankedTensorType>(permuted->first.getType()).hasStaticShape()) {
    auto [original, perm] = *permuted;
    SmallVector<AffineExpr> exprs;
    for (unsigned j = 0; j < rank; ++j) {
      unsigned p = perm.getDimPosition(j);
      exprs.push_back(p == taps ? dim(0) : dim(p < taps ? 1 + p : p));
    }
    SmallVector<int64_t> channelsFirst = {channels};
    channelsFirst.append(shape.begin(), shape.end() - 2);
    channelsFirst.push_back(shape.back());
    source = createGather(rewriter, loc, original, exprs, channelsFirst);
    filterDims = {taps};
    llvm::append_range(filterDims, llvm::seq(taps));
    filterDims.push_back(taps + 1);
  }

  // A permutation of `source` with C and F split, (cp, ci) and (fb, fi),
  // into (fb, k.., cp, fi, ci), which the layout-change vectorizer copies
  // in whole vectors, then viewed with (fi, ci) as one dim.
  SmallVector<int64_t> expandedShape;
  SmallVector<ReassociationIndices> split;
  SmallVector<AffineExpr> inputExprs;
  ArrayRef<int64_t> sourceShape =
      cast<RankedTensorType>(source.getType()).getShape();
  for (unsigned j = 0; j < rank; ++j) {
    unsigned p = filterDims[j];
    int64_t first = expandedShape.size();
    if (p < taps) {
      expandedShape.push_back(sourceShape[j]);
      split.push_back({first});
      inputExprs.push_back(dim(1 + p));
    } else if (p == taps) {
      expandedShape.append({channels / 2, 2});
      split.push_back({first, first + 1});
      inputExprs.append({dim(taps + 1), dim(taps + 3)});
    } else {
      expandedShape.append({shape.back() / kLanes, kLanes});
      split.push_back({first, first + 1});
      inputExprs.append({dim(0), dim(taps + 2)});
    }
  }
  Value expanded = tensor::ExpandShapeOp::create(
      rewriter, loc,
      RankedTensorType::get(expandedShape, type.getElementType()), source,
      split);
  SmallVector<int64_t> blockedShape(packedShape.begin(),
                                    packedShape.end() - 1);
  blockedShape.append({kLanes, 2});
  Value blocked =
      createGather(rewriter, loc, expanded, inputExprs, blockedShape);
  SmallVector<ReassociationIndices> merge;
  for (unsigned d = 0; d < taps + 2; ++d)
    merge.push_back({int64_t(d)});
  merge.push_back({int64_t(taps) + 2, int64_t(taps) + 3});
  return tensor::CollapseShapeOp::create(rewriter, loc, packedType, blocked,
                                         merge);
}

Value mlir::tconv::packedPairsOnce(RewriterBase &rewriter, Value source,
                                   llvm::DenseMap<Value, Value> &pairCopies) {
  Value &pairs = pairCopies[source];
  if (!pairs) {
    OpBuilder::InsertionGuard guard(rewriter);
    rewriter.setInsertionPointAfterValue(source);
    pairs = packFilterPairs(rewriter, source.getLoc(), source);
  }
  return pairs;
}

Value mlir::tconv::pairsViewOfStackEntry(
    RewriterBase &rewriter, Location loc, Value filter,
    llvm::DenseMap<Value, Value> &pairCopies) {
  auto entry = filter.getDefiningOp<tensor::ExtractSliceOp>();
  if (!entry || !entry.hasUnitStride())
    return {};
  Value stack = entry.getSource();
  RankedTensorType stackType = entry.getSourceType();
  ArrayRef<int64_t> shape = entry.getType().getShape();
  // One entry along the leading dim, the whole of every other dim.
  if (!stackType.hasStaticShape() ||
      stackType.getRank() != entry.getType().getRank() + 1 ||
      stackType.getShape().drop_front() != shape ||
      !llvm::all_of(ArrayRef(entry.getMixedOffsets()).drop_front(),
                    [](OpFoldResult o) { return isConstantIntValue(o, 0); }))
    return {};
  // Worth packing whole only if the stack is made outside the entry's loop.
  auto loop = entry->getParentOfType<LoopLikeOpInterface>();
  if (!loop || loop->getRegion(0).isAncestor(stack.getParentRegion()))
    return {};
  Value stackPairs = packedPairsOnce(rewriter, stack, pairCopies);
  // (fb, e, k.., cp, j) at entry e: the packFilterPairs layout of the entry.
  auto pairsType = cast<RankedTensorType>(stackPairs.getType());
  SmallVector<OpFoldResult> offsets(pairsType.getRank(),
                                    rewriter.getIndexAttr(0));
  offsets[1] = entry.getMixedOffsets().front();
  SmallVector<OpFoldResult> sizes =
      getAsIndexOpFoldResult(rewriter.getContext(), pairsType.getShape());
  sizes[1] = rewriter.getIndexAttr(1);
  SmallVector<int64_t> entryShape(pairsType.getShape());
  entryShape.erase(entryShape.begin() + 1);
  return tensor::ExtractSliceOp::create(
      rewriter, loc, pairsType.clone(entryShape), stackPairs, offsets, sizes,
      SmallVector<OpFoldResult>(offsets.size(), rewriter.getIndexAttr(1)));
}

/// The offsets in `root` of element 0 of `tile`, which unit-stride
/// (possibly rank-reducing) extract_slices of `root` produce; none if they
/// do not.
static std::optional<SmallVector<OpFoldResult>>
offsetsInRoot(RewriterBase &rewriter, Location loc, Value tile, Value root) {
  auto rank = cast<RankedTensorType>(tile.getType()).getRank();
  SmallVector<OpFoldResult> offsets(rank, rewriter.getIndexAttr(0));
  AffineExpr a, b;
  bindDims(rewriter.getContext(), a, b);
  while (tile != root) {
    auto slice = tile.getDefiningOp<tensor::ExtractSliceOp>();
    if (!slice || !slice.hasUnitStride())
      return std::nullopt;
    llvm::SmallBitVector dropped = slice.getDroppedDims();
    SmallVector<OpFoldResult> sourceOffsets;
    unsigned next = 0;
    for (auto [dim, offset] : llvm::enumerate(slice.getMixedOffsets())) {
      if (dropped.test(dim)) {
        sourceOffsets.push_back(offset);
        continue;
      }
      sourceOffsets.push_back(affine::makeComposedFoldedAffineApply(
          rewriter, loc, a + b, {offset, offsets[next++]}));
    }
    offsets = std::move(sourceOffsets);
    tile = slice.getSource();
  }
  return offsets;
}

LogicalResult mlir::tconv::emitBF16DotTile(RewriterBase &rewriter,
                                           linalg::LinalgOp conv,
                                           Value filter, Value pairs,
                                           Value input) {
  // linalg.conv_1d_nwc_wcf: 1 x W x C input, KW x C x F filter, 1 x OW x F
  // accumulators.
  Value inputTile = conv.getDpsInputs()[0];
  Value filterTile = conv.getDpsInputs()[1];
  Value init = conv.getDpsInits()[0];
  ArrayRef<int64_t> filterShape =
      cast<RankedTensorType>(filterTile.getType()).getShape();
  int64_t kernelWidth = filterShape[0], channels = filterShape[1],
          outChannels = filterShape[2];
  int64_t width = cast<RankedTensorType>(init.getType()).getShape()[1];
  if (channels % 2 != 0 || outChannels % kLanes != 0)
    return conv.emitError("tconv-vectorize-convs: a vdpbf16ps tile needs "
                          "input channels in pairs and output channels in "
                          "vectors of 16");
  auto attrValue = [&](StringRef name) -> int64_t {
    if (auto attr = dyn_cast_or_null<DenseIntElementsAttr>(conv->getAttr(name)))
      return *attr.getValues<int64_t>().begin();
    return 1;
  };
  int64_t stride = attrValue("strides"), dilation = attrValue("dilations");

  Location loc = conv.getLoc();
  rewriter.setInsertionPoint(conv);
  std::optional<SmallVector<OpFoldResult>> origin =
      offsetsInRoot(rewriter, loc, filterTile, filter);
  if (!origin)
    return conv.emitError("tconv-vectorize-convs: the filter tile is not a "
                          "slice of the packed filter's source");
  // Root offsets (k.., kw0, c0, f0) -> packed (f0 / 16, k.., kw0, c0 / 2).
  AffineExpr a;
  bindDims(rewriter.getContext(), a);
  unsigned rootRank = origin->size();
  SmallVector<Value> base = {getValueOrCreateConstantIndexOp(
      rewriter, loc,
      affine::makeComposedFoldedAffineApply(rewriter, loc, a.floorDiv(kLanes),
                                            {origin->back()}))};
  for (unsigned d = 0; d + 2 < rootRank; ++d)
    base.push_back(getValueOrCreateConstantIndexOp(rewriter, loc, (*origin)[d]));
  base.push_back(getValueOrCreateConstantIndexOp(
      rewriter, loc,
      affine::makeComposedFoldedAffineApply(rewriter, loc, a.floorDiv(2),
                                            {(*origin)[rootRank - 2]})));
  Value zeroIndex = arith::ConstantIndexOp::create(rewriter, loc, 0);
  auto constant = [&](int64_t value) -> Value {
    return arith::ConstantIndexOp::create(rewriter, loc, value);
  };
  auto plus = [&](Value value, int64_t offset) -> Value {
    if (offset == 0)
      return value;
    return arith::AddIOp::create(rewriter, loc, value, constant(offset));
  };

  // A tile at a static column of the convolution's input leaves out the
  // taps that read its zero columns.
  std::function<bool(int64_t)> readsZeros = [](int64_t) { return false; };
  auto inputType = cast<RankedTensorType>(input.getType());
  unsigned widthDim = inputType.getRank() - 2;
  if (std::optional<SmallVector<OpFoldResult>> at =
          offsetsInRoot(rewriter, loc, inputTile, input))
    if (std::optional<int64_t> column = getStaticOffset((*at)[widthDim])) {
      ZeroBorder border = knownZeroBorder(input, widthDim,
                                          inputType.getDimSize(widthDim));
      int64_t end = inputType.getDimSize(widthDim) - border.trailing;
      readsZeros = [=](int64_t x) {
        return *column + x < border.leading || *column + x >= end;
      };
    }

  Type f32 = rewriter.getF32Type(), bf16 = rewriter.getBF16Type();
  auto accType = VectorType::get({kLanes}, f32);
  auto operandType = VectorType::get({2 * kLanes}, bf16);
  auto pairType = VectorType::get({2}, bf16);
  auto i32Type = VectorType::get({1}, rewriter.getI32Type());
  auto i32Splat = VectorType::get({kLanes}, rewriter.getI32Type());
  Value accPad = arith::ConstantOp::create(rewriter, loc, f32,
                                           rewriter.getZeroAttr(f32));
  Value bf16Pad = arith::ConstantOp::create(rewriter, loc, bf16,
                                            rewriter.getZeroAttr(bf16));
  int64_t vectors = outChannels / kLanes;

  SmallVector<Value> accs;
  for (int64_t w = 0; w < width; ++w)
    for (int64_t v = 0; v < vectors; ++v)
      accs.push_back(vector::TransferReadOp::create(
          rewriter, loc, accType, init,
          ValueRange{zeroIndex, constant(w), constant(v * kLanes)}, accPad,
          ArrayRef<bool>{true}));
  for (int64_t kw = 0; kw < kernelWidth; ++kw) {
    for (int64_t p = 0; p < channels / 2; ++p) {
      SmallVector<Value> weights;
      for (int64_t v = 0; v < vectors; ++v) {
        SmallVector<Value> indices = {plus(base[0], v)};
        for (unsigned d = 1; d + 2 < base.size(); ++d)
          indices.push_back(base[d]);
        indices.push_back(plus(base[base.size() - 2], kw));
        indices.push_back(plus(base.back(), p));
        indices.push_back(zeroIndex);
        weights.push_back(vector::TransferReadOp::create(
            rewriter, loc, operandType, pairs, indices, bf16Pad,
            ArrayRef<bool>{true}));
      }
      for (int64_t w = 0; w < width; ++w) {
        if (readsZeros(w * stride + kw * dilation))
          continue;
        // x[w * stride + kw * dilation][2p, 2p + 1] in every 32-bit lane.
        Value pair = vector::TransferReadOp::create(
            rewriter, loc, pairType, inputTile,
            ValueRange{zeroIndex, constant(w * stride + kw * dilation),
                       constant(2 * p)},
            bf16Pad, ArrayRef<bool>{true});
        Value word = vector::BitCastOp::create(rewriter, loc, i32Type, pair);
        Value splat = vector::BroadcastOp::create(
            rewriter, loc, i32Splat,
            vector::ExtractOp::create(rewriter, loc, word, 0));
        Value operand =
            vector::BitCastOp::create(rewriter, loc, operandType, splat);
        // The broadcast goes last: vdpbf16ps reads its last operand from
        // memory, broadcast ({1to16}), so a pair used by one dot needs no
        // instruction of its own (T6 in bf16 on Zen 4, one vector of output
        // channels: 0.68 -> 0.62 ms; its phases with one tap along the
        // width 160-180 -> 195-220 GFLOP/s).
        for (int64_t v = 0; v < vectors; ++v) {
          Value &acc = accs[w * vectors + v];
          acc = x86vector::DotBF16Op::create(rewriter, loc, accType, acc,
                                             weights[v], operand);
        }
      }
    }
  }
  Value result = init;
  for (int64_t w = 0; w < width; ++w)
    for (int64_t v = 0; v < vectors; ++v)
      result = vector::TransferWriteOp::create(
                   rewriter, loc, accs[w * vectors + v], result,
                   ValueRange{zeroIndex, constant(w), constant(v * kLanes)},
                   ArrayRef<bool>{true})
                   .getResult();
  rewriter.replaceOp(conv, result);
  return success();
}
