//===- WinogradConvs.cpp - Winograd F(2x2, 3x3) and F(2x2, 2x2) ----------===//
//
// Each 2x2 block of outputs of an r x r convolution (r = 3, or 2 for the
// phases of a stride-2 4x4 transposed convolution) is computed from its
// (r+1) x (r+1) input patch with (r+1)^2 products instead of 4 r^2 (Lavin
// and Gray, "Fast Algorithms for Convolutional Neural Networks", 2015): the
// patches and the filter are transformed, multiplied elementwise per entry
// of the transform and summed over input channels, i.e. (r+1)^2 1x1
// convolutions that the FMA tiles run, and transformed back.
//
// Longer than most pass files: the three transforms, the products, and the
// two ways of looping over them (stage by stage, or block by block of tile
// rows) are one rewrite, and each piece is short.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "tconv/Codegen/Strategy.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVWINOGRADCONVS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

/// Outputs per tile along each dim: F(2x2, r x r).
static constexpr int64_t kOut = 2;

namespace {
/// The matrices of F(2x2, r x r): V = BT d B for each (r+1) x (r+1) input
/// patch d, U = G g GT for the filter g, Y = AT M A for the 2x2 outputs,
/// where M = U * V elementwise, summed over input channels.
struct Algorithm {
  int64_t taps, alpha;
  const float *bt, *g, *at; // alpha x alpha, alpha x taps, kOut x alpha
  float btAt(int64_t i, int64_t j) const { return bt[i * alpha + j]; }
  float gAt(int64_t i, int64_t j) const { return g[i * taps + j]; }
  float atAt(int64_t i, int64_t j) const { return at[i * alpha + j]; }
};
} // namespace

// F(2x2, 3x3), Lavin and Gray's matrices (interpolation points 0, 1, -1).
static constexpr float kBT3[] = {1, 0, -1, 0, 0, 1, 1, 0,
                                 0, -1, 1, 0, 0, 1, 0, -1};
static constexpr float kG3[] = {1, 0, 0, 0.5f, 0.5f, 0.5f,
                                0.5f, -0.5f, 0.5f, 0, 0, 1};
static constexpr float kAT3[] = {1, 1, 1, 0, 0, 1, -1, -1};
// F(2x2, 2x2): m1 = (d0 - d1) g0, m2 = d1 (g0 + g1), m3 = (d2 - d1) g1;
// y0 = m1 + m2, y1 = m2 + m3. Every coefficient is +-1.
static constexpr float kBT2[] = {1, -1, 0, 0, 1, 0, 0, -1, 1};
static constexpr float kG2[] = {1, 0, 1, 1, 0, 1};
static constexpr float kAT2[] = {1, 1, 0, 0, 1, 1};

/// The algorithm for an r x r kernel, null if none.
static const Algorithm *algorithmFor(int64_t taps) {
  static constexpr Algorithm f3{3, 4, kBT3, kG3, kAT3};
  static constexpr Algorithm f2{2, 3, kBT2, kG2, kAT2};
  return taps == 3 ? &f3 : taps == 2 ? &f2 : nullptr;
}

namespace {
/// `coefficient` times the element of `tensor` at `map` of the loop indices.
struct Term {
  float coefficient;
  Value tensor;
  AffineMap map;
};
} // namespace

/// A parallel generic writing `init` with the sums of `terms`, plus the
/// element of `init` itself if `accumulate`, else `scalar` if not null.
static Value combine(OpBuilder &b, Location loc, Value init,
                     ArrayRef<Term> terms, bool accumulate = false,
                     Value scalar = Value()) {
  auto type = cast<RankedTensorType>(init.getType());
  unsigned loops = type.getRank();
  SmallVector<Value> inputs;
  SmallVector<AffineMap> maps;
  for (const Term &term : terms) {
    inputs.push_back(term.tensor);
    maps.push_back(term.map);
  }
  maps.push_back(b.getMultiDimIdentityMap(loops));
  SmallVector<utils::IteratorType> iterators(loops,
                                             utils::IteratorType::parallel);
  // f32 arithmetic; bf16 operands (vdpbf16ps products) are widened and the
  // result rounded to `init`'s type.
  Type f32 = b.getF32Type();
  auto body = [&](OpBuilder &nb, Location nloc, ValueRange args) {
    auto widen = [&](Value value) -> Value {
      return value.getType() == f32
                 ? value
                 : arith::ExtFOp::create(nb, nloc, f32, value).getResult();
    };
    Value sum = accumulate ? widen(args.back()) : scalar;
    for (auto [term, arg] : llvm::zip(terms, args)) {
      Value value = widen(arg);
      float c = term.coefficient;
      if (c != 1 && c != -1)
        value = arith::MulFOp::create(
            nb, nloc, value,
            arith::ConstantOp::create(nb, nloc, nb.getF32FloatAttr(c)));
      if (!sum)
        sum = c == -1 ? arith::NegFOp::create(nb, nloc, value) : value;
      else if (c == -1)
        sum = arith::SubFOp::create(nb, nloc, sum, value);
      else
        sum = arith::AddFOp::create(nb, nloc, sum, value);
    }
    if (type.getElementType() != f32)
      sum = arith::TruncFOp::create(nb, nloc, type.getElementType(), sum);
    linalg::YieldOp::create(nb, nloc, sum);
  };
  return linalg::GenericOp::create(b, loc, TypeRange{type}, inputs,
                                   ValueRange{init}, maps, iterators, body)
      .getResult(0);
}

/// A new f32 tensor of `shape` that CSE leaves alone: the transformed
/// inputs and the products have the same type when C = F, and one
/// tensor.empty for both would cost a copy.
static Value newTensor(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                       Type elementType) {
  return bufferization::AllocTensorOp::create(
      b, loc, RankedTensorType::get(shape, elementType), ValueRange());
}

/// Where product `k` (static or dynamic) of an alpha^2 x shape tensor of
/// `type` is: the whole shape at `k`.
static SmallVector<OpFoldResult> productOffsets(OpBuilder &b,
                                                RankedTensorType type,
                                                OpFoldResult k) {
  SmallVector<OpFoldResult> offsets(type.getRank(), b.getIndexAttr(0));
  offsets[0] = k;
  return offsets;
}
static SmallVector<OpFoldResult> productSizes(OpBuilder &b,
                                              RankedTensorType type) {
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1)};
  for (int64_t extent : type.getShape().drop_front())
    sizes.push_back(b.getIndexAttr(extent));
  return sizes;
}
static SmallVector<OpFoldResult> unitStrides(OpBuilder &b,
                                             RankedTensorType type) {
  return SmallVector<OpFoldResult>(type.getRank(), b.getIndexAttr(1));
}

/// Product `k` of the alpha^2 in `all`, without the leading dim unless
/// `keepDim` (an image of a batch, sliced the same way).
static Value extractProduct(OpBuilder &b, Location loc, Value all,
                            OpFoldResult k, bool keepDim = false) {
  auto type = cast<RankedTensorType>(all.getType());
  SmallVector<int64_t> shape(type.getShape());
  shape[0] = 1;
  auto sliceType = RankedTensorType::get(
      keepDim ? ArrayRef<int64_t>(shape) : type.getShape().drop_front(),
      type.getElementType());
  return tensor::ExtractSliceOp::create(b, loc, sliceType, all,
                                        productOffsets(b, type, k),
                                        productSizes(b, type),
                                        unitStrides(b, type));
}

/// `product` inserted into `all` as product `k`.
static Value insertProduct(OpBuilder &b, Location loc, Value product,
                           Value all, OpFoldResult k) {
  auto type = cast<RankedTensorType>(all.getType());
  return tensor::InsertSliceOp::create(b, loc, product, all,
                                       productOffsets(b, type, k),
                                       productSizes(b, type),
                                       unitStrides(b, type));
}

/// `all` (alpha^2 x ...) with each entry (a, c) the generic over one entry's
/// shape summing m(a, i) m(c, j) `source`[at(i, j)] over i, j < `taps`: the
/// separable transform both the filter (G g GT) and the input patches
/// (BT d B) go through.
static Value transformEach(OpBuilder &b, Location loc, const Algorithm &alg,
                           Value all, Value source, int64_t taps,
                           function_ref<float(int64_t, int64_t)> m,
                           function_ref<AffineMap(int64_t, int64_t)> at) {
  for (int64_t a = 0; a < alg.alpha; ++a)
    for (int64_t c = 0; c < alg.alpha; ++c) {
      SmallVector<Term> terms;
      for (int64_t i = 0; i < taps; ++i)
        for (int64_t j = 0; j < taps; ++j)
          if (float k = m(a, i) * m(c, j))
            terms.push_back({k, source, at(i, j)});
      OpFoldResult k = b.getIndexAttr(a * alg.alpha + c);
      Value entry =
          combine(b, loc, extractProduct(b, loc, all, k), terms);
      all = insertProduct(b, loc, entry, all, k);
    }
  return all;
}

/// A parallel loop over the tile rows (image, row) of an N x TY grid of
/// tiles (the filter's: 1 x C input channels), writing `init`: `body`
/// builds, for image `n` and tile row `ty`, the slice of it to write
/// (value, offsets, sizes, strides). The transforms of a row run in one
/// parallel region instead of one per entry or output
/// (each a barrier: on a host whose vCPUs sat far apart, C2's 16 input
/// transforms took 0.04 ms each instead of 0.006), split by the tile rows
/// the products' loop gives each thread too.
struct RowSlice {
  Value value;
  SmallVector<OpFoldResult> offsets, sizes, strides;
};

/// The block of `whole` at `offsets` of static `shape` (same rank, unit
/// strides), its value the extracted tensor.
static RowSlice extractBlock(OpBuilder &b, Location loc, Value whole,
                             SmallVector<OpFoldResult> offsets,
                             ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(whole.getType());
  RowSlice block;
  block.offsets = std::move(offsets);
  block.sizes = getAsIndexOpFoldResult(b.getContext(), shape);
  block.strides = unitStrides(b, type);
  block.value = tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), whole,
      block.offsets, block.sizes, block.strides);
  return block;
}
static Value forEachTileRow(
    OpBuilder &b, Location loc, int64_t images, int64_t rows, Value init,
    function_ref<RowSlice(OpBuilder &, Value, Value, Value)> body) {
  auto loop = scf::ForallOp::create(
      b, loc,
      ArrayRef<OpFoldResult>{b.getIndexAttr(images), b.getIndexAttr(rows)},
      ValueRange{init}, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  SmallVector<Value> ivs = loop.getInductionVars();
  Value shared = loop.getRegionIterArgs()[0];
  RowSlice slice = body(b, ivs[0], ivs[1], shared);
  b.setInsertionPointToStart(loop.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, slice.value, shared,
                                        slice.offsets, slice.sizes,
                                        slice.strides);
  return loop.getResult(0);
}

/// `index` * `factor`.
static Value scaleIndex(OpBuilder &b, Location loc, Value index,
                        int64_t factor) {
  return arith::MulIOp::create(b, loc, index,
                               arith::ConstantIndexOp::create(b, loc, factor));
}

/// The first input or output row of tile row `ty`: kOut * `ty`.
static Value tileStart(OpBuilder &b, Location loc, Value ty) {
  return scaleIndex(b, loc, ty, kOut);
}

/// The map of a generic that only gathers `filter`'s taps (r x r x C x F)
/// from a larger filter, as tconv's transposed convolutions take a phase's
/// sub-kernel: (i, j, c, f) -> (a(i), b(j), c, f), flipped or strided.
static std::optional<AffineMap> tapGather(Value filter) {
  auto gather = filter.getDefiningOp<linalg::GenericOp>();
  if (!gather || gather.getNumDpsInputs() != 1 ||
      gather.getNumDpsInits() != 1 || !gather.hasPureTensorSemantics() ||
      gather.getNumReductionLoops() != 0 ||
      !gather.getMatchingIndexingMap(gather.getDpsInitOperand(0))
           .isIdentity())
    return std::nullopt;
  auto yield = cast<linalg::YieldOp>(gather.getBody()->getTerminator());
  if (yield.getValues().size() != 1 ||
      yield.getValues()[0] != gather.getBody()->getArgument(0))
    return std::nullopt;
  AffineMap map = gather.getMatchingIndexingMap(gather.getDpsInputOperand(0));
  if (map.getNumDims() != 4 || map.getNumResults() != 4 ||
      map.getResult(2) != getAffineDimExpr(2, map.getContext()) ||
      map.getResult(3) != getAffineDimExpr(3, map.getContext()))
    return std::nullopt;
  for (unsigned tap = 0; tap < 2; ++tap)
    for (unsigned dim = 0; dim < 4; ++dim)
      if (dim != tap && map.getResult(tap).isFunctionOfDim(dim))
        return std::nullopt;
  return map;
}

/// The alpha^2 filter transforms U[a][c] = (G g GT)[a][c] of `filter`
/// (r x r x C x F) as alpha^2 x 1 x 1 x C x F, folded if it is a constant.
static Value transformFilter(OpBuilder &b, Location loc,
                             const Algorithm &alg, Value filter) {
  auto type = cast<RankedTensorType>(filter.getType());
  Type elementType = type.getElementType();
  int64_t inChannels = type.getDimSize(2), outChannels = type.getDimSize(3);
  auto allType = RankedTensorType::get(
      {alg.alpha * alg.alpha, 1, 1, inChannels, outChannels}, elementType);
  DenseElementsAttr constant;
  if (matchPattern(filter, m_Constant(&constant))) {
    SmallVector<float> taps = llvm::map_to_vector(
        constant.getValues<APFloat>(),
        [](const APFloat &value) { return value.convertToFloat(); });
    int64_t plane = inChannels * outChannels;
    SmallVector<float> values(alg.alpha * alg.alpha * plane, 0.0f);
    for (int64_t a = 0; a < alg.alpha; ++a)
      for (int64_t c = 0; c < alg.alpha; ++c)
        for (int64_t i = 0; i < alg.taps; ++i)
          for (int64_t j = 0; j < alg.taps; ++j)
            if (float k = alg.gAt(a, i) * alg.gAt(c, j))
              for (int64_t e = 0; e < plane; ++e)
                values[(a * alg.alpha + c) * plane + e] +=
                    k * taps[(i * alg.taps + j) * plane + e];
    // Rounded to the filter's type (bf16 products) once, at compile time.
    const llvm::fltSemantics &semantics =
        cast<FloatType>(elementType).getFloatSemantics();
    SmallVector<APFloat> rounded = llvm::map_to_vector(values, [&](float v) {
      APFloat value(v);
      bool lostInfo;
      value.convert(semantics, APFloat::rmNearestTiesToEven, &lostInfo);
      return value;
    });
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(allType, ArrayRef<APFloat>(rounded)));
  }
  // A transposed convolution's phase: its taps are read where the gather
  // would have copied them from (the whole filter, 8 MB for T1's).
  Value source = filter;
  AffineMap gather = b.getMultiDimIdentityMap(4);
  if (std::optional<AffineMap> map = tapGather(filter)) {
    source = filter.getDefiningOp<linalg::GenericOp>().getInputs()[0];
    gather = *map;
  }
  auto sourceType = cast<RankedTensorType>(source.getType());
  SmallVector<int64_t> sourceRowShape = {sourceType.getDimSize(0),
                                         sourceType.getDimSize(1), 1,
                                         outChannels};
  SmallVector<int64_t> rowShape = {alg.alpha * alg.alpha, 1, 1, 1,
                                   outChannels};
  // One input channel per iteration, all alpha^2 entries from its taps.
  auto body = [&](OpBuilder &rb, Value, Value c, Value all) {
    OpFoldResult zero = rb.getIndexAttr(0);
    Value taps = extractBlock(rb, loc, source, {zero, zero, c, zero},
                              sourceRowShape)
                     .value;
    RowSlice slice =
        extractBlock(rb, loc, all, {zero, zero, zero, c, zero}, rowShape);
    // Loops (0, 0, 0, f) over the filter's (i, j, 0, f).
    slice.value = transformEach(
        rb, loc, alg, slice.value, taps, alg.taps,
        [&](int64_t a, int64_t i) { return alg.gAt(a, i); },
        [&](int64_t i, int64_t j) {
          return gather.compose(AffineMap::get(
              4, 0,
              {rb.getAffineConstantExpr(i), rb.getAffineConstantExpr(j),
               rb.getAffineDimExpr(2), rb.getAffineDimExpr(3)},
              rb.getContext()));
        });
    return slice;
  };
  return forEachTileRow(b, loc, 1, inChannels,
                        newTensor(b, loc, allType.getShape(), elementType),
                        body);
}

/// 1 x 1 x rows x TX x X as 1 x 1 x (rows TX) x X.
static SmallVector<ReassociationIndices> rowsAsOneRow() {
  return {{0}, {1}, {2, 3}, {4}};
}

/// Rows [ty * rows, (ty + 1) * rows) of image `n` of product `k` in `all`
/// (alpha^2 x N x TY x TX x X): the block (1 x 1 x rows x TX x X), and its
/// value as one longer row, 1 x 1 x (rows TX) x X (contiguous: a view).
static std::pair<RowSlice, Value> extractRows(OpBuilder &b, Location loc,
                                              Value all, ValueRange nTyK,
                                              int64_t rows) {
  auto type = cast<RankedTensorType>(all.getType());
  OpFoldResult zero = b.getIndexAttr(0);
  RowSlice block = extractBlock(
      b, loc, all,
      {nTyK[2], nTyK[0], scaleIndex(b, loc, nTyK[1], rows), zero, zero},
      {1, 1, rows, type.getDimSize(3), type.getDimSize(4)});
  Value row = tensor::CollapseShapeOp::create(b, loc, block.value,
                                              rowsAsOneRow());
  return {block, row};
}

/// `dest` (alpha^2 x 1 x 1 x TX x C) with the input transforms V[a][c] =
/// (BT d B)[a][c] of the alpha x alpha patches d of the padded `input` under
/// tile row `ty` of image `n`.
static Value transformInputRow(OpBuilder &b, Location loc,
                               const Algorithm &alg, Value input, Value n,
                               Value ty, Value dest) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t width = inputType.getDimSize(2), channels = inputType.getDimSize(3);
  OpFoldResult zero = b.getIndexAttr(0);
  // The alpha input rows under the tile row.
  Value rows = extractBlock(b, loc, input,
                            {n, tileStart(b, loc, ty), zero, zero},
                            {1, alg.alpha, width, channels})
                   .value;
  AffineExpr tx = b.getAffineDimExpr(2), ch = b.getAffineDimExpr(3);
  return transformEach(
      b, loc, alg, dest, rows, alg.alpha,
      [&](int64_t a, int64_t i) { return alg.btAt(a, i); },
      [&](int64_t i, int64_t j) {
        return AffineMap::get(4, 0,
                              {b.getAffineConstantExpr(0),
                               b.getAffineConstantExpr(i), tx * kOut + j, ch},
                              b.getContext());
      });
}

/// The alpha^2 input transforms of every tile, as alpha^2 x `tilesShape`, a
/// row of tiles at a time.
static Value transformInput(OpBuilder &b, Location loc, const Algorithm &alg,
                            Value input, ArrayRef<int64_t> tilesShape) {
  SmallVector<int64_t> allShape = {alg.alpha * alg.alpha};
  llvm::append_range(allShape, tilesShape);
  Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
  SmallVector<int64_t> rowShape = {alg.alpha * alg.alpha, 1, 1, tilesShape[2],
                                   tilesShape[3]};
  auto body = [&](OpBuilder &rb, Value n, Value ty, Value all) {
    OpFoldResult zero = rb.getIndexAttr(0);
    RowSlice slice =
        extractBlock(rb, loc, all, {zero, n, ty, zero, zero}, rowShape);
    slice.value = transformInputRow(rb, loc, alg, input, n, ty, slice.value);
    return slice;
  };
  return forEachTileRow(b, loc, tilesShape[0], tilesShape[1],
                        newTensor(b, loc, allShape, elementType), body);
}

/// The product `vk` x `uk` (a 1x1 convolution, `schedule` its tiles) into
/// `mk`, zeroed first.
static Value product(OpBuilder &b, Location loc, Value vk, Value uk, Value mk,
                     DictionaryAttr schedule) {
  Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0));
  Value acc = linalg::FillOp::create(b, loc, zero, mk).getResult(0);
  auto conv = linalg::Conv2DNhwcHwcfOp::create(
      b, loc, TypeRange{acc.getType()}, ValueRange{vk, uk}, ValueRange{acc},
      b.getI64TensorAttr({1, 1}), b.getI64TensorAttr({1, 1}));
  conv->setAttr(kScheduleAttrName, schedule);
  return conv.getResult(0);
}

/// The alpha^2 products M[k] = V[k] x U[k] summed over input channels (in
/// f32), as one 1x1 convolution in a loop: one body to vectorize and
/// bufferize instead of 16 (4 s more compile time for a 64-channel layer).
/// The loop is parallel, one region rather than a small one per product (T2
/// at 2 threads: 1.04 ms instead of 1.39), over (image, block of tile rows,
/// product) in that order (winogradProductRows: a block is a longer row):
/// each thread's share is the rows whose transforms it computes too (the
/// transforms' loops split tile rows the same way), so V and M do not move
/// between cores. Where U outweighs V and M (winogradFilterMajor), the
/// products come first instead: each thread reads its share of U once.
/// vdpbf16ps products read U packed in pairs of input channels, all of it
/// at once before the loop (pairsViewOfStackEntry).
static Value multiply(OpBuilder &b, Location loc, const Algorithm &alg,
                      Value v, Value u, ArrayRef<int64_t> productShape,
                      const ConvSchedule &productSchedule) {
  SmallVector<int64_t> allShape = {alg.alpha * alg.alpha};
  llvm::append_range(allShape, productShape);
  Value init = newTensor(b, loc, allShape, b.getF32Type());
  DictionaryAttr schedule = productSchedule.toAttr(b.getContext());
  int64_t count = alg.alpha * alg.alpha;
  int64_t rows = winogradProductRows(productShape[1], productShape[2]);
  int64_t tiles = productShape[0] * productShape[1] * productShape[2];
  bool filterMajor = winogradFilterMajor(
      tiles, cast<RankedTensorType>(v.getType()).getDimSize(4),
      productShape[3]);
  SmallVector<OpFoldResult> extents = {b.getIndexAttr(productShape[0]),
                                       b.getIndexAttr(productShape[1] / rows),
                                       b.getIndexAttr(count)};
  // Filter-major: (product, image, block) instead of (image, block, product).
  if (filterMajor)
    std::rotate(extents.begin(), extents.begin() + 2, extents.end());
  auto loop = scf::ForallOp::create(b, loc, extents, ValueRange{init},
                                    std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  SmallVector<Value> nTyK = loop.getInductionVars();
  if (filterMajor) // Back to (image, block, product).
    std::rotate(nTyK.begin(), nTyK.begin() + 1, nTyK.end());
  auto [mBlock, mRow] =
      extractRows(b, loc, loop.getRegionIterArgs()[0], nTyK, rows);
  Value m = product(b, loc, extractRows(b, loc, v, nTyK, rows).second,
                    extractProduct(b, loc, u, nTyK[2]), mRow, schedule);
  m = tensor::ExpandShapeOp::create(b, loc, mBlock.value.getType(), m,
                                    rowsAsOneRow());
  b.setInsertionPointToStart(loop.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, m, loop.getRegionIterArgs()[0],
                                        mBlock.offsets, mBlock.sizes,
                                        mBlock.strides);
  return loop.getResult(0);
}

/// `rows` (1 x kOut x W x F, the outputs of a tile row) with the output
/// transforms (AT M A)[p][q] of the row's products `mRows` (alpha^2 x 1 x 1 x
/// TX x F) added to its elements if `accumulate`, else to `scalar` (if
/// any), plus `bias` (F values, if any) along the channels: one generic per
/// position (p, q) of the 2x2 blocks.
static Value transformOutputRow(OpBuilder &b, Location loc,
                                const Algorithm &alg, Value mRows, Value rows,
                                bool accumulate, Value scalar, Value bias) {
  auto rowsType = cast<RankedTensorType>(rows.getType());
  int64_t tileCols = cast<RankedTensorType>(mRows.getType()).getDimSize(3);
  int64_t channels = rowsType.getDimSize(3);
  auto phaseType = RankedTensorType::get({1, 1, tileCols, channels},
                                         rowsType.getElementType());
  AffineMap identity = b.getMultiDimIdentityMap(4);
  SmallVector<OpFoldResult> phaseSizes = {
      b.getIndexAttr(1), b.getIndexAttr(1), b.getIndexAttr(tileCols),
      b.getIndexAttr(channels)};
  SmallVector<OpFoldResult> phaseStrides = {b.getIndexAttr(1),
                                            b.getIndexAttr(1),
                                            b.getIndexAttr(kOut),
                                            b.getIndexAttr(1)};
  for (int64_t p = 0; p < kOut; ++p)
    for (int64_t q = 0; q < kOut; ++q) {
      SmallVector<Term> terms;
      for (int64_t a = 0; a < alg.alpha; ++a)
        for (int64_t c = 0; c < alg.alpha; ++c)
          if (float k = alg.atAt(p, a) * alg.atAt(q, c))
            terms.push_back(
                {k, mRows,
                 identity.insertResult(
                     b.getAffineConstantExpr(a * alg.alpha + c), 0)});
      if (bias)
        terms.push_back({1.0f, bias, AffineMap::get(4, 0, b.getAffineDimExpr(3))});
      SmallVector<OpFoldResult> phaseOffsets = {
          b.getIndexAttr(0), b.getIndexAttr(p), b.getIndexAttr(q),
          b.getIndexAttr(0)};
      Value init = tensor::ExtractSliceOp::create(
          b, loc, phaseType, rows, phaseOffsets, phaseSizes, phaseStrides);
      Value phase = combine(b, loc, init, terms, accumulate, scalar);
      rows = tensor::InsertSliceOp::create(b, loc, phase, rows, phaseOffsets,
                                           phaseSizes, phaseStrides);
    }
  return rows;
}

namespace {
/// The Winograd convolution of images, with the filter transformed once.
struct Image {
  const Algorithm &alg;
  /// alpha^2 x 1 x 1 x C x F.
  Value u;
  ConvSchedule productSchedule;
  /// The outputs are added to `dest`'s elements, or to `scalar` (if any),
  /// and to `bias` (F values, if any) along the channels.
  bool accumulate = true;
  Value scalar, bias;

  /// `dest` (N x H x W x F) with the convolution of `input` (the padded
  /// N x (H + r - 1) x (W + r - 1) x C) added.
  Value compute(OpBuilder &b, Location loc, Value input, Value dest) const;

  /// The tile rows of the blocks computed in one iteration each
  /// (computeFused) for an N x H x W x F output `out` and `inChannels`; 0
  /// to compute stage by stage.
  int64_t fusedBlockRows(ArrayRef<int64_t> out, int64_t inChannels) const;

private:
  /// Stage by stage: each stage a parallel loop over every tile.
  Value computeStages(OpBuilder &b, Location loc, Value input, Value dest,
                      ArrayRef<int64_t> productShape) const;
  /// Block by block: one parallel loop over blocks of `rows` tile rows, each
  /// iteration transforming the block's inputs, multiplying them by every
  /// product's filter and transforming the products back.
  Value computeFused(OpBuilder &b, Location loc, Value input, Value dest,
                     ArrayRef<int64_t> productShape, int64_t rows) const;
};
} // namespace

int64_t Image::fusedBlockRows(ArrayRef<int64_t> out,
                              int64_t inChannels) const {
  int64_t tileRows = out[1] / kOut, tileCols = out[2] / kOut;
  int64_t rows = winogradProductRows(tileRows, tileCols);
  bool fused = winogradFusedRows(out[0] * tileRows * tileCols, rows, tileCols,
                                 alg.alpha * alg.alpha, inChannels, out[3]);
  return fused ? rows : 0;
}

Value Image::compute(OpBuilder &b, Location loc, Value input,
                     Value dest) const {
  ArrayRef<int64_t> out = cast<RankedTensorType>(dest.getType()).getShape();
  int64_t inChannels = cast<RankedTensorType>(input.getType()).getDimSize(3);
  SmallVector<int64_t> productShape = {out[0], out[1] / kOut, out[2] / kOut,
                                       out[3]};
  if (int64_t rows = fusedBlockRows(out, inChannels))
    return computeFused(b, loc, input, dest, productShape, rows);
  return computeStages(b, loc, input, dest, productShape);
}

Value Image::computeStages(OpBuilder &b, Location loc, Value input,
                           Value dest, ArrayRef<int64_t> productShape) const {
  int64_t inChannels = cast<RankedTensorType>(input.getType()).getDimSize(3);
  SmallVector<int64_t> tilesShape = {productShape[0], productShape[1],
                                     productShape[2], inChannels};
  Value m = multiply(b, loc, alg, transformInput(b, loc, alg, input, tilesShape),
                     u, productShape, productSchedule);
  // Outputs (2 ty + p, 2 x + q) of tile row ty from the row's products.
  int64_t width = cast<RankedTensorType>(dest.getType()).getDimSize(2);
  auto body = [&](OpBuilder &rb, Value n, Value ty, Value result) {
    OpFoldResult zero = rb.getIndexAttr(0);
    Value mRows = extractBlock(rb, loc, m, {zero, n, ty, zero, zero},
                               {alg.alpha * alg.alpha, 1, 1, productShape[2],
                                productShape[3]})
                      .value;
    RowSlice slice = extractBlock(
        rb, loc, result, {n, tileStart(rb, loc, ty), zero, zero},
        {1, kOut, width, productShape[3]});
    slice.value = transformOutputRow(rb, loc, alg, mRows, slice.value,
                                     accumulate, scalar, bias);
    return slice;
  };
  return forEachTileRow(b, loc, productShape[0], productShape[1], dest, body);
}

Value Image::computeFused(OpBuilder &b, Location loc, Value input, Value dest,
                          ArrayRef<int64_t> productShape, int64_t rows) const {
  int64_t count = alg.alpha * alg.alpha, tileCols = productShape[2];
  int64_t inChannels = cast<RankedTensorType>(input.getType()).getDimSize(3);
  int64_t width = cast<RankedTensorType>(dest.getType()).getDimSize(2);
  Type elementType = cast<RankedTensorType>(input.getType()).getElementType();
  DictionaryAttr schedule = productSchedule.toAttr(b.getContext());
  auto index = [&](int64_t i) {
    return arith::ConstantIndexOp::create(b, loc, i).getResult();
  };
  auto setRow = [&](Value all, int64_t row, Value value) {
    auto type = cast<RankedTensorType>(value.getType());
    SmallVector<OpFoldResult> offsets(5, b.getIndexAttr(0));
    offsets[2] = b.getIndexAttr(row);
    return tensor::InsertSliceOp::create(
               b, loc, value, all, offsets,
               getAsIndexOpFoldResult(b.getContext(), type.getShape()),
               unitStrides(b, type))
        .getResult();
  };
  auto loop = scf::ForallOp::create(
      b, loc,
      ArrayRef<OpFoldResult>{b.getIndexAttr(productShape[0]),
                             b.getIndexAttr(productShape[1] / rows)},
      ValueRange{dest}, std::nullopt);
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(loop.getBody());
  Value n = loop.getInductionVars()[0];
  Value firstRow = scaleIndex(b, loc, loop.getInductionVars()[1], rows);
  Value result = loop.getRegionIterArgs()[0];
  OpFoldResult zero = b.getIndexAttr(0);
  // The block's input transforms, a tile row at a time.
  Value v = newTensor(b, loc, {count, 1, rows, tileCols, inChannels},
                      elementType);
  for (int64_t row = 0; row < rows; ++row) {
    Value ty = arith::AddIOp::create(b, loc, firstRow, index(row));
    Value rowV = extractBlock(b, loc, v, {zero, zero, b.getIndexAttr(row),
                                          zero, zero},
                              {count, 1, 1, tileCols, inChannels})
                     .value;
    v = setRow(v, row, transformInputRow(b, loc, alg, input, n, ty, rowV));
  }
  // Its products, one after the other.
  Value mInit = newTensor(b, loc, {count, 1, rows, tileCols, productShape[3]},
                          b.getF32Type());
  auto products = scf::ForOp::create(
      b, loc, index(0), index(count), index(1), ValueRange{mInit},
      [&](OpBuilder &lb, Location, Value k, ValueRange iterArgs) {
        Value origin = arith::ConstantIndexOp::create(lb, loc, 0);
        SmallVector<Value> block = {origin, origin, k};
        auto [mBlock, mRow] = extractRows(lb, loc, iterArgs[0], block, rows);
        Value m = product(lb, loc, extractRows(lb, loc, v, block, rows).second,
                          extractProduct(lb, loc, u, k), mRow, schedule);
        m = tensor::ExpandShapeOp::create(lb, loc, mBlock.value.getType(), m,
                                          rowsAsOneRow());
        scf::YieldOp::create(
            lb, loc,
            tensor::InsertSliceOp::create(lb, loc, m, iterArgs[0],
                                          mBlock.offsets, mBlock.sizes,
                                          mBlock.strides)
                .getResult());
      });
  Value m = products.getResult(0);
  // Its outputs, a tile row at a time.
  RowSlice slice =
      extractBlock(b, loc, result, {n, tileStart(b, loc, firstRow), zero, zero},
                   {1, kOut * rows, width, productShape[3]});
  for (int64_t row = 0; row < rows; ++row) {
    RowSlice outRows =
        extractBlock(b, loc, slice.value,
                     {zero, b.getIndexAttr(kOut * row), zero, zero},
                     {1, kOut, width, productShape[3]});
    Value mRows = extractBlock(b, loc, m, {zero, zero, b.getIndexAttr(row),
                                           zero, zero},
                               {count, 1, 1, tileCols, productShape[3]})
                      .value;
    Value computed = transformOutputRow(b, loc, alg, mRows, outRows.value,
                                        accumulate, scalar, bias);
    slice.value = tensor::InsertSliceOp::create(b, loc, computed, slice.value,
                                                outRows.offsets, outRows.sizes,
                                                outRows.strides);
  }
  b.setInsertionPointToStart(loop.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, slice.value, result,
                                        slice.offsets, slice.sizes,
                                        slice.strides);
  return loop.getResult(0);
}

/// The F values `init` (N x H x W x F) broadcasts along its channels, if it
/// is such a broadcast (a bias); null otherwise.
static Value getChannelBroadcastSource(Value init) {
  auto broadcast = init.getDefiningOp<linalg::GenericOp>();
  if (!broadcast || broadcast.getNumDpsInputs() != 1 ||
      broadcast.getNumDpsInits() != 1 || !broadcast.hasPureTensorSemantics() ||
      broadcast.getNumReductionLoops() != 0 || broadcast.getNumLoops() != 4)
    return Value();
  MLIRContext *ctx = init.getContext();
  OpOperand *source = broadcast.getDpsInputOperand(0);
  auto sourceType = dyn_cast<RankedTensorType>(source->get().getType());
  auto yield = cast<linalg::YieldOp>(broadcast.getBody()->getTerminator());
  if (!sourceType || sourceType.getElementType() != getElementTypeOrSelf(init) ||
      broadcast.getMatchingIndexingMap(source) !=
          AffineMap::get(4, 0, getAffineDimExpr(3, ctx)) ||
      !broadcast.getMatchingIndexingMap(broadcast.getDpsInitOperand(0))
           .isIdentity() ||
      yield.getValues().size() != 1 ||
      yield.getValues()[0] != broadcast.getBody()->getArgument(0))
    return Value();
  return source->get();
}

static LogicalResult rewrite(linalg::Conv2DNhwcHwcfOp conv,
                             ConvSchedule products) {
  auto inputType = cast<RankedTensorType>(conv.getInputs()[0].getType());
  auto filterType = cast<RankedTensorType>(conv.getInputs()[1].getType());
  auto outputType = cast<RankedTensorType>(conv.getResultTypes()[0]);
  auto isOne = [](DenseIntElementsAttr attr) {
    return llvm::all_of(attr.getValues<int64_t>(),
                        [](int64_t v) { return v == 1; });
  };
  ArrayRef<int64_t> out = outputType.getShape();
  if (!inputType.hasStaticShape() || !outputType.hasStaticShape() ||
      !filterType.hasStaticShape() || !outputType.getElementType().isF32() ||
      !(inputType.getElementType().isF32() ||
        inputType.getElementType().isBF16()) ||
      filterType.getElementType() != inputType.getElementType() ||
      !isOne(conv.getStrides()) ||
      !isOne(conv.getDilations()) ||
      filterType.getDimSize(0) != filterType.getDimSize(1) ||
      !algorithmFor(filterType.getDimSize(0)) || out[1] % kOut ||
      out[2] % kOut)
    return conv.emitError()
           << "winograd_tile 2 needs a 2x2 or 3x3 convolution on f32 (or bf16 "
              "into f32) of static shape at unit stride and dilation with an "
              "even output size";
  const Algorithm &alg = *algorithmFor(filterType.getDimSize(0));

  OpBuilder b(conv);
  Location loc = conv.getLoc();
  Value input = conv.getInputs()[0], init = conv.getOutputs()[0];
  products.winogradTile = 0;
  Image image{alg, transformFilter(b, loc, alg, conv.getInputs()[1]),
              products, /*accumulate=*/true, /*scalar=*/Value(),
              /*bias=*/Value()};
  // The outputs are added to the convolution's initial value: a filled
  // scalar (none for zero) or a bias broadcast along the channels, written
  // into the fill's or broadcast's destination (a materialized bias would
  // be written, copied for each phase sharing it and read again: T3 with a
  // bias took 1.18 ms instead of 0.94), or in place to the tensor.
  Value result = init;
  if (auto fill = init.getDefiningOp<linalg::FillOp>()) {
    result = fill.getDpsInits()[0];
    image.accumulate = false;
    if (!matchPattern(fill.getInputs()[0], m_AnyZeroFloat()))
      image.scalar = fill.getInputs()[0];
  } else if (Value bias = getChannelBroadcastSource(init)) {
    result = init.getDefiningOp<linalg::GenericOp>().getDpsInits()[0];
    image.accumulate = false;
    image.bias = bias;
  }
  // Block by block, nothing of the whole batch is kept: no loop over its
  // images.
  if (image.fusedBlockRows(out, inputType.getDimSize(3)) ||
      !winogradPerImage(out[0], out[1] / kOut * (out[2] / kOut),
                        alg.alpha * alg.alpha, inputType.getDimSize(3),
                        out[3])) {
    result = image.compute(b, loc, input, result);
  } else {
    auto index = [&](int64_t i) {
      return arith::ConstantIndexOp::create(b, loc, i).getResult();
    };
    auto loop = scf::ForOp::create(
        b, loc, index(0), index(out[0]), index(1), ValueRange{result},
        [&](OpBuilder &lb, Location lloc, Value n, ValueRange iterArgs) {
          // Image n as 1xHxWxC: a product's slice with its leading dim kept.
          Value picture = extractProduct(lb, lloc, input, n, /*keepDim=*/true);
          Value dest = extractProduct(lb, lloc, iterArgs[0], n, true);
          Value computed = image.compute(lb, lloc, picture, dest);
          scf::YieldOp::create(
              lb, lloc, insertProduct(lb, lloc, computed, iterArgs[0], n));
        });
    result = loop.getResult(0);
  }
  conv.getResult(0).replaceAllUsesWith(result);
  conv.erase();
  return success();
}

namespace {
struct WinogradConvsPass
    : public tconv::impl::TConvWinogradConvsBase<WinogradConvsPass> {
  void runOnOperation() override {
    SmallVector<std::pair<linalg::Conv2DNhwcHwcfOp, ConvSchedule>> convs;
    WalkResult walk = getOperation().walk([&](linalg::Conv2DNhwcHwcfOp op) {
      FailureOr<std::optional<ConvSchedule>> schedule = getSchedule(op);
      if (failed(schedule))
        return WalkResult::interrupt();
      if (*schedule && (*schedule)->winogradTile)
        convs.push_back({op, **schedule});
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();
    for (auto [conv, schedule] : convs)
      if (failed(rewrite(conv, schedule)))
        return signalPassFailure();
  }
};
} // namespace
