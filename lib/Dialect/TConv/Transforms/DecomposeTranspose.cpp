//===- DecomposeTranspose.cpp - conv_transpose as stride-1 convs ---------===//
//
// Rewrites tconv.conv_transpose into tconv.conv ops of stride 1 plus
// tensor/linalg ops on the input and the filter, either over the
// zero-inserted input or one convolution per output phase. All sizes come
// from ConvGeometry.h.
//
// Longer than most pass files (~550 lines): both strategies build on the
// same blocks (zero insertion, cropping, group splits, the flipped and
// taps-first filters), and the folding of those filter gathers into
// constants serves only them; split, each part would export its internals.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/TConv/Transforms/Passes.h"

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_DECOMPOSETRANSPOSEPASS
#include "tconv/Dialect/TConv/Transforms/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

std::optional<TransposeStrategy>
mlir::tconv::parseTransposeStrategy(StringRef name) {
  return llvm::StringSwitch<std::optional<TransposeStrategy>>(name)
      .Case("auto", TransposeStrategy::Auto)
      .Case("zero-insert", TransposeStrategy::ZeroInsert)
      .Case("phase", TransposeStrategy::Phase)
      .Default(std::nullopt);
}

//===----------------------------------------------------------------------===//
// Building blocks
//===----------------------------------------------------------------------===//

static SmallVector<OpFoldResult> indexAttrs(OpBuilder &b,
                                            ArrayRef<int64_t> values) {
  return llvm::map_to_vector(
      values, [&](int64_t v) -> OpFoldResult { return b.getIndexAttr(v); });
}

/// A tensor of `type` holding the bias of each output channel (dim 1), or
/// zeros without bias.
static Value biasOrZeros(OpBuilder &b, Location loc, RankedTensorType type,
                         Value bias) {
  Value init =
      tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  if (bias) {
    SmallVector<int64_t> dims = {0};
    for (int64_t d = 2, e = type.getRank(); d < e; ++d)
      dims.push_back(d);
    return linalg::BroadcastOp::create(b, loc, bias, init, dims)->getResult(0);
  }
  Value zero = arith::ConstantOp::create(
      b, loc, cast<TypedAttr>(b.getZeroAttr(type.getElementType())));
  return linalg::FillOp::create(b, loc, zero, init).getResult(0);
}

/// Inserts `stride - 1` zeros between neighbours along each spatial dim.
static Value insertZeros(OpBuilder &b, Location loc, Value input,
                         ArrayRef<int64_t> strides) {
  if (llvm::all_of(strides, [](int64_t s) { return s == 1; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape(type.getShape().take_front(2));
  SmallVector<int64_t> steps = {1, 1};
  for (auto [size, stride] :
       llvm::zip_equal(type.getShape().drop_front(2), strides)) {
    shape.push_back(zeroInsertedSize(size, stride));
    steps.push_back(stride);
  }
  Value zeros = biasOrZeros(
      b, loc, RankedTensorType::get(shape, type.getElementType()), Value());
  SmallVector<int64_t> offsets(shape.size(), 0);
  return tensor::InsertSliceOp::create(
      b, loc, input, zeros, indexAttrs(b, offsets),
      indexAttrs(b, type.getShape()), indexAttrs(b, steps));
}

/// Crops the spatial dims of `input` whose pad is negative. The caller has
/// checked with croppedSize() that something is left.
static Value cropNegativePads(OpBuilder &b, Location loc, Value input,
                              ArrayRef<int64_t> padsBegin,
                              ArrayRef<int64_t> padsEnd) {
  auto isCrop = [](int64_t pad) { return pad < 0; };
  if (llvm::none_of(padsBegin, isCrop) && llvm::none_of(padsEnd, isCrop))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> offsets = {0, 0};
  SmallVector<int64_t> sizes(type.getShape().take_front(2));
  for (auto [i, size] : llvm::enumerate(type.getShape().drop_front(2))) {
    offsets.push_back(std::max<int64_t>(0, -padsBegin[i]));
    sizes.push_back(croppedSize(size, padsBegin[i], padsEnd[i]));
  }
  SmallVector<int64_t> strides(sizes.size(), 1);
  auto resultType = RankedTensorType::get(sizes, type.getElementType());
  return tensor::ExtractSliceOp::create(
      b, loc, resultType, input, indexAttrs(b, offsets), indexAttrs(b, sizes),
      indexAttrs(b, strides));
}

namespace {
/// The kernel taps one spatial dim of a direct convolution reads, in its
/// order: last, last - step, ..., count of them (flipped).
struct TapSequence {
  int64_t last;
  int64_t step;
  int64_t count;
};
} // namespace

/// Reassociation that merges dims 0 and 1 of a rank `rank` tensor.
static SmallVector<ReassociationIndices> mergeLeadingDims(int64_t rank) {
  SmallVector<ReassociationIndices> reassociation = {{0, 1}};
  for (int64_t d = 2; d < rank; ++d)
    reassociation.push_back({d});
  return reassociation;
}

/// Splits the group out of dim 0 of a C x M/g x k.. filter
/// (g x C/g x M/g x k..) when there are several groups.
static Value splitGroups(OpBuilder &b, Location loc, Value filter,
                         int64_t group) {
  if (group == 1)
    return filter;
  auto type = cast<RankedTensorType>(filter.getType());
  SmallVector<int64_t> shape = {group, type.getDimSize(0) / group};
  llvm::append_range(shape, type.getShape().drop_front(1));
  return tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), filter,
      mergeLeadingDims(shape.size()));
}

/// A copy of the filter as splitGroups returns it, [g,] C x M x k.., with
/// the taps first: [g,] k.. x C x M. With several phases, each phase then
/// reads its taps as contiguous rows of output channels; gathering them from
/// the original layout reads single elements spread over the whole filter,
/// once per phase.
static Value copyTapsFirst(OpBuilder &b, Location loc, Value source,
                           int64_t group) {
  auto type = cast<RankedTensorType>(source.getType());
  unsigned lead = group > 1 ? 1 : 0;
  unsigned rank = type.getRank();
  unsigned numTaps = rank - lead - 2;
  // Loops over the result: [group,] taps, in channel, out channel.
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> sourceExprs;
  SmallVector<int64_t> shape;
  for (unsigned d = 0; d < lead; ++d) {
    sourceExprs.push_back(getAffineDimExpr(d, ctx));
    shape.push_back(type.getDimSize(d));
  }
  sourceExprs.push_back(getAffineDimExpr(lead + numTaps, ctx));
  sourceExprs.push_back(getAffineDimExpr(lead + numTaps + 1, ctx));
  for (unsigned i = 0; i < numTaps; ++i) {
    sourceExprs.push_back(getAffineDimExpr(lead + i, ctx));
    shape.push_back(type.getDimSize(lead + 2 + i));
  }
  shape.append({type.getDimSize(lead), type.getDimSize(lead + 1)});
  SmallVector<AffineMap> maps = {AffineMap::get(rank, 0, sourceExprs, ctx),
                                 AffineMap::getMultiDimIdentityMap(rank, ctx)};
  Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
  return linalg::GenericOp::create(
             b, loc, init.getType(), source, init, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc, args[0]);
             })
      .getResult(0);
}

/// Builds the M x C/g x t1..tn filter of a direct convolution from the
/// transposed convolution's filter as splitGroups returns it ([g,] C x M x
/// k..) or as copyTapsFirst does ([g,] k.. x C x M, `tapsFirst`): regroups
/// the channels group by group (dims 0 and 1 swap inside each group, not
/// across the whole tensor) and keeps the flipped taps of `taps` in each
/// spatial dim.
static Value gatherDirectFilter(OpBuilder &b, Location loc, Value source,
                                int64_t group, ArrayRef<TapSequence> taps,
                                bool tapsFirst = false) {
  auto type = cast<RankedTensorType>(source.getType());
  bool grouped = group > 1;
  unsigned lead = grouped ? 1 : 0;
  unsigned numLoops = lead + 2 + taps.size();
  unsigned inDim = tapsFirst ? lead + taps.size() : lead;

  // Loops over the result: [group,] out channel, in channel, taps. The
  // source is read at [group,] in channel, out channel, last - step * tap
  // (taps first with `tapsFirst`).
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> sourceExprs;
  SmallVector<int64_t> shape;
  if (grouped) {
    sourceExprs.push_back(getAffineDimExpr(0, ctx));
    shape.push_back(group);
  }
  SmallVector<AffineExpr> tapExprs;
  for (auto [i, tap] : llvm::enumerate(taps))
    tapExprs.push_back(tap.last -
                       tap.step * getAffineDimExpr(lead + 2 + i, ctx));
  if (tapsFirst)
    llvm::append_range(sourceExprs, tapExprs);
  sourceExprs.push_back(getAffineDimExpr(lead + 1, ctx));
  sourceExprs.push_back(getAffineDimExpr(lead, ctx));
  if (!tapsFirst)
    llvm::append_range(sourceExprs, tapExprs);
  shape.append({type.getDimSize(inDim + 1), type.getDimSize(inDim)});
  for (const TapSequence &tap : taps)
    shape.push_back(tap.count);
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, sourceExprs, ctx),
      AffineMap::getMultiDimIdentityMap(numLoops, ctx)};
  SmallVector<utils::IteratorType> iterators(numLoops,
                                             utils::IteratorType::parallel);
  Value init = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
  Value result = linalg::GenericOp::create(
                     b, loc, init.getType(), source, init, maps, iterators,
                     [](OpBuilder &nb, Location nloc, ValueRange args) {
                       linalg::YieldOp::create(nb, nloc, args[0]);
                     })
                     .getResult(0);
  if (!grouped)
    return result;
  return tensor::CollapseShapeOp::create(b, loc, result,
                                         mergeLeadingDims(shape.size()));
}

//===----------------------------------------------------------------------===//
// Strategies
//===----------------------------------------------------------------------===//

/// One stride-1 convolution with the flipped, regrouped kernel over the
/// input with stride - 1 zeros between neighbours, padded by
/// dilation * (k - 1) - pad (cropped where that is negative).
static Value decomposeWithZeroInsertion(OpBuilder &b, ConvTransposeOp op,
                                        const ConvGeometry &g) {
  Location loc = op.getLoc();
  ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
  ArrayRef<int64_t> kernel = op.getFilter().getType().getShape().drop_front(2);
  unsigned numSpatial = op.getNumSpatialDims();

  ConvGeometry direct = ConvGeometry::identity(numSpatial);
  direct.dilations = g.dilations;
  direct.group = g.group;
  SmallVector<int64_t> padsBegin, padsEnd;
  SmallVector<TapSequence> taps;
  for (unsigned i = 0; i < numSpatial; ++i) {
    ZeroInsertionPads pads = zeroInsertionPads(kernel[i], g, i);
    int64_t inserted = zeroInsertedSize(inputShape[i + 2], g.strides[i]);
    // Every input element is cropped away: only the bias reaches the output.
    if (croppedSize(inserted, pads.begin, pads.end) < 1)
      return biasOrZeros(b, loc, op.getOutput().getType(), op.getBias());
    padsBegin.push_back(pads.begin);
    padsEnd.push_back(pads.end);
    direct.padsBegin[i] = std::max<int64_t>(0, pads.begin);
    direct.padsEnd[i] = std::max<int64_t>(0, pads.end);
    taps.push_back({kernel[i] - 1, 1, kernel[i]});
  }
  Value input = insertZeros(b, loc, op.getInput(), g.strides);
  input = cropNegativePads(b, loc, input, padsBegin, padsEnd);
  Value filter = gatherDirectFilter(
      b, loc, splitGroups(b, loc, op.getFilter(), g.group), g.group, taps);
  return ConvOp::create(b, loc, input, filter, op.getBias(), direct);
}

/// One stride-1 convolution of the original input per output phase, with
/// the kernel taps of that phase, written into the output with the stride as
/// step. Phases without taps keep the bias the output starts with.
static Value decomposeWithPhases(OpBuilder &b, ConvTransposeOp op,
                                 const ConvGeometry &g) {
  Location loc = op.getLoc();
  RankedTensorType resultType = op.getOutput().getType();
  ArrayRef<int64_t> inputShape = op.getInput().getType().getShape();
  ArrayRef<int64_t> kernel = op.getFilter().getType().getShape().drop_front(2);
  unsigned numSpatial = op.getNumSpatialDims();

  // The phases of each spatial dim that read input (have taps and an input
  // element left after cropping), and their combinations (one phase per dim),
  // last spatial dim fastest. Only phases r = (d*k - padBegin) mod s of some
  // tap k can have taps: the work grows with the kernel, not the stride.
  SmallVector<DenseMap<int64_t, TransposePhase>> phases(numSpatial);
  SmallVector<SmallVector<int64_t>> combinations = {{}};
  // Whether every phase that has outputs reads input.
  bool allConvolve = true;
  for (unsigned i = 0; i < numSpatial; ++i) {
    int64_t in = inputShape[i + 2];
    SmallVector<int64_t> convolving;
    for (int64_t k = 0; k < kernel[i]; ++k) {
      int64_t r = llvm::mod(g.dilations[i] * k - g.padsBegin[i], g.strides[i]);
      if (phases[i].count(r))
        continue;
      TransposePhase p = convTransposePhase(in, kernel[i], g, i, r);
      phases[i][r] = p;
      if (p.numOutputs > 0 && p.numTaps > 0 &&
          croppedSize(in, p.padBegin, p.padEnd) >= 1)
        convolving.push_back(r);
    }
    int64_t withOutputs = std::min(
        g.strides[i], static_cast<int64_t>(resultType.getDimSize(i + 2)));
    allConvolve &= static_cast<int64_t>(convolving.size()) == withOutputs;
    SmallVector<SmallVector<int64_t>> extended;
    for (int64_t r : convolving)
      for (ArrayRef<int64_t> combination : combinations) {
        extended.emplace_back(combination);
        extended.back().push_back(r);
      }
    combinations = std::move(extended);
  }
  llvm::sort(combinations);
  Value groupedFilter;
  bool tapsFirst = false;

  // Constant filters fold at compile time whatever their layout.
  tapsFirst = combinations.size() > 1 &&
              !matchPattern(op.getFilter(), m_Constant());
  auto buildConv = [&](ArrayRef<int64_t> combination) -> Value {
    if (!groupedFilter) {
      groupedFilter = splitGroups(b, loc, op.getFilter(), g.group);
      if (tapsFirst)
        groupedFilter = copyTapsFirst(b, loc, groupedFilter, g.group);
    }
    ConvGeometry direct = ConvGeometry::identity(numSpatial);
    direct.group = g.group;
    SmallVector<int64_t> padsBegin, padsEnd;
    SmallVector<TapSequence> taps;
    for (auto [dim, r] : llvm::enumerate(combination)) {
      const TransposePhase &p = phases[dim][r];
      padsBegin.push_back(p.padBegin);
      padsEnd.push_back(p.padEnd);
      direct.padsBegin[dim] = std::max<int64_t>(0, p.padBegin);
      direct.padsEnd[dim] = std::max<int64_t>(0, p.padEnd);
      direct.dilations[dim] = p.dilation;
      taps.push_back({p.lastTap, p.tapStep, p.numTaps});
    }
    Value input = cropNegativePads(b, loc, op.getInput(), padsBegin, padsEnd);
    Value filter =
        gatherDirectFilter(b, loc, groupedFilter, g.group, taps, tapsFirst);
    return ConvOp::create(b, loc, input, filter, op.getBias(), direct);
  };

  // A single combination covers the whole output (unit strides, or only
  // phase 0 has outputs).
  if (combinations.size() == 1 && allConvolve)
    return buildConv(combinations.front());

  // When every combination convolves, they overwrite every element.
  Value result = allConvolve
                     ? tensor::EmptyOp::create(b, loc, resultType.getShape(),
                                               resultType.getElementType())
                     : biasOrZeros(b, loc, resultType, op.getBias());
  for (ArrayRef<int64_t> combination : combinations) {
    Value conv = buildConv(combination);
    auto convType = cast<RankedTensorType>(conv.getType());
    SmallVector<int64_t> offsets = {0, 0};
    SmallVector<int64_t> steps = {1, 1};
    for (auto [dim, r] : llvm::enumerate(combination)) {
      assert(convType.getDimSize(dim + 2) == phases[dim][r].numOutputs &&
             "phase convolution size disagrees with the phase geometry");
      offsets.push_back(r);
      steps.push_back(g.strides[dim]);
    }
    result = tensor::InsertSliceOp::create(
        b, loc, conv, result, indexAttrs(b, offsets),
        indexAttrs(b, convType.getShape()), indexAttrs(b, steps));
  }
  return result;
}

LogicalResult mlir::tconv::decomposeConvTranspose(RewriterBase &rewriter,
                                                  ConvTransposeOp op,
                                                  TransposeStrategy strategy) {
  ConvGeometry g = op.getGeometry();
  if (strategy == TransposeStrategy::Auto)
    strategy = llvm::any_of(g.strides, [](int64_t s) { return s > 1; })
                   ? TransposeStrategy::Phase
                   : TransposeStrategy::ZeroInsert;
  rewriter.setInsertionPoint(op);
  Value result = strategy == TransposeStrategy::Phase
                     ? decomposeWithPhases(rewriter, op, g)
                     : decomposeWithZeroInsertion(rewriter, op, g);
  rewriter.replaceOp(op, result);
  return success();
}

//===----------------------------------------------------------------------===//
// Constant filters
//===----------------------------------------------------------------------===//

namespace {
/// Folds a linalg.generic that only gathers the elements of one constant
/// (its payload yields the input element, its input map is affine-linear in
/// the loops, its output map the identity) into a constant. Upstream folding
/// only handles permutations; the filters built here are also flipped and
/// strided.
struct FoldConstantGather : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
        !op.hasPureTensorSemantics())
      return rewriter.notifyMatchFailure(op, "not a one-to-one tensor op");
    DenseIntOrFPElementsAttr source;
    if (!matchPattern(op.getDpsInputOperand(0)->get(), m_Constant(&source)))
      return rewriter.notifyMatchFailure(op, "input is not a constant");
    Block &body = op.getRegion().front();
    auto yield = cast<linalg::YieldOp>(body.getTerminator());
    if (!llvm::hasSingleElement(body) ||
        yield.getValues().front() != body.getArgument(0))
      return rewriter.notifyMatchFailure(op, "payload is not a copy");
    auto resultType = cast<RankedTensorType>(op.getResult(0).getType());
    AffineMap sourceMap = op.getIndexingMapsArray()[0];
    if (!op.getIndexingMapsArray()[1].isIdentity() ||
        sourceMap.getNumSymbols() != 0 || !resultType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "unsupported indexing");
    // Only +, * and constants, so that each source index is
    // base + sum(coefficient * loop index).
    for (AffineExpr expr : sourceMap.getResults()) {
      bool linear = true;
      expr.walk([&](AffineExpr e) {
        linear &= e.getKind() == AffineExprKind::Add ||
                  e.getKind() == AffineExprKind::Mul ||
                  e.getKind() == AffineExprKind::DimId ||
                  e.getKind() == AffineExprKind::Constant;
      });
      if (!linear)
        return rewriter.notifyMatchFailure(op, "non-linear source index");
    }
    if (source.isSplat()) {
      rewriter.replaceOpWithNewOp<arith::ConstantOp>(
          op, source.resizeSplat(resultType));
      return success();
    }
    unsigned bitWidth = resultType.getElementTypeBitWidth();
    if (bitWidth % 8 != 0)
      return rewriter.notifyMatchFailure(op, "sub-byte elements");

    unsigned numLoops = sourceMap.getNumDims();
    SmallVector<int64_t> zeros(numLoops, 0);
    SmallVector<int64_t> base = sourceMap.compose(zeros);
    SmallVector<SmallVector<int64_t>> coefficients;
    for (unsigned l = 0; l < numLoops; ++l) {
      SmallVector<int64_t> unit(numLoops, 0);
      unit[l] = 1;
      SmallVector<int64_t> at = sourceMap.compose(unit);
      for (auto [c, b] : llvm::zip_equal(at, base))
        c -= b;
      coefficients.push_back(at);
    }

    ArrayRef<int64_t> sourceShape = source.getType().getShape();
    ArrayRef<int64_t> resultShape = resultType.getShape();
    size_t elementBytes = bitWidth / 8;
    ArrayRef<char> sourceData = source.getRawData();
    std::vector<char> data(resultType.getNumElements() * elementBytes);
    SmallVector<int64_t> loop(numLoops, 0);
    for (int64_t linear = 0, e = resultType.getNumElements(); linear < e;
         ++linear) {
      int64_t offset = 0;
      for (auto [d, size] : llvm::enumerate(sourceShape)) {
        int64_t index = base[d];
        for (unsigned l = 0; l < numLoops; ++l)
          index += coefficients[l][d] * loop[l];
        if (index < 0 || index >= size)
          return rewriter.notifyMatchFailure(op, "gather out of bounds");
        offset = offset * size + index;
      }
      std::copy_n(sourceData.begin() + offset * elementBytes, elementBytes,
                  data.begin() + linear * elementBytes);
      for (int l = numLoops - 1; l >= 0 && ++loop[l] == resultShape[l]; --l)
        loop[l] = 0;
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, DenseElementsAttr::getFromRawBuffer(resultType, data));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pass
//===----------------------------------------------------------------------===//

struct DecomposeTransposePass
    : tconv::impl::DecomposeTransposePassBase<DecomposeTransposePass> {
  using Base::Base;

  LogicalResult initialize(MLIRContext *context) override {
    std::optional<TransposeStrategy> parsed = parseTransposeStrategy(strategy);
    if (!parsed)
      return emitError(UnknownLoc::get(context))
             << "tconv-decompose-transpose: unknown strategy '" << strategy
             << "'; expected auto, phase or zero-insert";
    parsedStrategy = *parsed;
    return success();
  }

  void runOnOperation() override {
    SmallVector<ConvTransposeOp> ops;
    getOperation()->walk([&](ConvTransposeOp op) { ops.push_back(op); });

    IRRewriter rewriter(&getContext());
    // Constant filters and the reshapes and gathers built on them, folded
    // below into the filters of the direct convolutions.
    llvm::SetVector<Operation *> constantFilterOps;
    ForwardSliceOptions sliceOptions;
    sliceOptions.filter = [](Operation *op) {
      return isa<tensor::ExpandShapeOp, linalg::GenericOp,
                 tensor::CollapseShapeOp>(op);
    };
    for (ConvTransposeOp op : ops) {
      Value filter = op.getFilter();
      bool constantFilter = matchPattern(filter, m_Constant());
      if (failed(decomposeConvTranspose(rewriter, op, parsedStrategy)))
        return signalPassFailure();
      if (!constantFilter)
        continue;
      SetVector<Operation *> slice;
      getForwardSlice(filter, &slice, sliceOptions);
      constantFilterOps.insert(filter.getDefiningOp());
      for (Operation *sliceOp : slice) {
        constantFilterOps.insert(sliceOp);
        if (auto gather = dyn_cast<linalg::GenericOp>(sliceOp))
          if (Operation *init = gather.getDpsInits()[0].getDefiningOp())
            constantFilterOps.insert(init);
      }
    }
    if (constantFilterOps.empty())
      return;
    RewritePatternSet patterns(&getContext());
    patterns.add<FoldConstantGather>(&getContext());
    GreedyRewriteConfig config;
    config.setStrictness(GreedyRewriteStrictness::ExistingAndNewOps);
    if (failed(applyOpPatternsGreedily(constantFilterOps.getArrayRef(),
                                       std::move(patterns), config)))
      return signalPassFailure();
  }

  TransposeStrategy parsedStrategy = TransposeStrategy::Auto;
};
} // namespace
