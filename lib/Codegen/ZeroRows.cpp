//===- ZeroRows.cpp - Taps that only read padding rows are skipped -------===//

#include "ZeroRows.h"
#include "PermutationCopy.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace mlir::tconv;

namespace {
/// [begin, end) per dim.
using Box = SmallVector<std::pair<int64_t, int64_t>>;
} // namespace

static bool isZeroConstant(Value value) {
  return matchPattern(value, m_AnyZeroFloat()) || matchPattern(value, m_Zero());
}

static bool isEmpty(const Box &box) {
  return llvm::any_of(box, [](auto range) { return range.first >= range.second; });
}

/// Whether every element of `box` in `value` is zero, as far as the
/// producers show; `depth` bounds the walk up long insert chains.
static bool isZeroBox(Value value, const Box &box, unsigned depth = 0) {
  if (isEmpty(box))
    return true;
  Operation *def = value.getDefiningOp();
  if (!def || depth > 64)
    return false;
  if (auto fill = dyn_cast<linalg::FillOp>(def))
    return fill.hasPureTensorSemantics() &&
           isZeroConstant(fill.getDpsInputs()[0]);
  if (auto pad = dyn_cast<tensor::PadOp>(def)) {
    Value padding = pad.getConstantPaddingValue();
    ArrayRef<int64_t> low = pad.getStaticLow();
    ArrayRef<int64_t> source = pad.getSourceType().getShape();
    if (!padding || !isZeroConstant(padding) ||
        ShapedType::isDynamicShape(low) || ShapedType::isDynamicShape(source))
      return false;
    // Outside the source: padding. Inside: the source's elements.
    Box inSource;
    for (auto [range, l, size] : llvm::zip_equal(box, low, source))
      inSource.push_back({std::max(range.first - l, int64_t(0)),
                          std::min(range.second - l, size)});
    return isZeroBox(pad.getSource(), inSource, depth + 1);
  }
  if (auto insert = dyn_cast<tensor::InsertSliceOp>(def)) {
    ArrayRef<int64_t> offsets = insert.getStaticOffsets();
    ArrayRef<int64_t> sizes = insert.getStaticSizes();
    if (!insert.hasUnitStride() || ShapedType::isDynamicShape(offsets) ||
        ShapedType::isDynamicShape(sizes) ||
        insert.getSourceType().getRank() != insert.getDestType().getRank())
      return false;
    // The box outside the slice, as slabs below and above it dim by dim,
    // is the destination's; the rest is the source's.
    Box rest = box;
    for (auto [d, offset, size] : llvm::enumerate(offsets, sizes)) {
      auto [first, second] = rest[d];
      if (first < offset) {
        Box below = rest;
        below[d] = {first, std::min(second, offset)};
        if (!isZeroBox(insert.getDest(), below, depth + 1))
          return false;
      }
      if (second > offset + size) {
        Box above = rest;
        above[d] = {std::max(first, offset + size), second};
        if (!isZeroBox(insert.getDest(), above, depth + 1))
          return false;
      }
      rest[d] = {std::max(first, offset), std::min(second, offset + size)};
      if (isEmpty(rest))
        return true;
    }
    for (auto [range, offset] : llvm::zip_equal(rest, offsets))
      range = {range.first - offset, range.second - offset};
    return isZeroBox(insert.getSource(), rest, depth + 1);
  }
  if (auto extract = dyn_cast<tensor::ExtractSliceOp>(def)) {
    ArrayRef<int64_t> offsets = extract.getStaticOffsets();
    if (!extract.hasUnitStride() || ShapedType::isDynamicShape(offsets))
      return false;
    llvm::SmallBitVector dropped = extract.getDroppedDims();
    Box inSource;
    unsigned next = 0;
    for (auto [dim, offset] : llvm::enumerate(offsets)) {
      if (dropped.test(dim)) {
        inSource.push_back({offset, offset + 1});
        continue;
      }
      inSource.push_back(
          {box[next].first + offset, box[next].second + offset});
      ++next;
    }
    return isZeroBox(extract.getSource(), inSource, depth + 1);
  }
  // A layout change (padding may come before it): the box, permuted.
  if (auto copy = dyn_cast<linalg::GenericOp>(def)) {
    if (!tconv::isPermutationCopy(copy))
      return false;
    SmallVector<AffineMap> maps = copy.getIndexingMapsArray();
    Box inSource;
    for (AffineExpr result : maps[0].getResults())
      inSource.push_back(box[cast<AffineDimExpr>(result).getPosition()]);
    return isZeroBox(copy.getDpsInputs()[0], inSource, depth + 1);
  }
  return false;
}

ZeroBorder mlir::tconv::knownZeroBorder(Value value, unsigned dim,
                                        int64_t maxRows) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return {};
  int64_t size = type.getDimSize(dim);
  auto isZeroRow = [&](int64_t row) {
    Box box;
    for (int64_t extent : type.getShape())
      box.push_back({0, extent});
    box[dim] = {row, row + 1};
    return isZeroBox(value, box);
  };
  ZeroBorder border;
  while (border.leading < std::min(maxRows, size) &&
         isZeroRow(border.leading))
    ++border.leading;
  while (border.trailing < std::min(maxRows, size - border.leading) &&
         isZeroRow(size - 1 - border.trailing))
    ++border.trailing;
  return border;
}

void mlir::tconv::skipZeroRowTaps(RewriterBase &rewriter, const TapRows &tap,
                                  scf::ForOp loop) {
  std::optional<int64_t> lower = getConstantIntValue(loop.getLowerBound());
  std::optional<int64_t> upper = getConstantIntValue(loop.getUpperBound());
  std::optional<int64_t> step = getConstantIntValue(loop.getStep());
  if (lower != 0 || !upper || step != 1)
    return;
  // The tile input's row 0 in the root, through the slices it comes from.
  Location loc = loop.getLoc();
  rewriter.setInsertionPoint(loop);
  AffineExpr a, b;
  bindDims(rewriter.getContext(), a, b);
  OpFoldResult offset = rewriter.getIndexAttr(0);
  Value root = tap.tileInput;
  unsigned dim = tap.inputDim;
  while (auto slice = root.getDefiningOp<tensor::ExtractSliceOp>()) {
    if (!slice.hasUnitStride() ||
        slice.getSourceType().getRank() != slice.getType().getRank())
      break;
    offset = affine::makeComposedFoldedAffineApply(
        rewriter, loc, a + b, {offset, slice.getMixedOffsets()[dim]});
    root = slice.getSource();
  }
  int64_t reach = (*upper - 1) * tap.dilation + 1;
  ZeroBorder border = knownZeroBorder(root, dim, reach);
  if (border.leading == 0 && border.trailing == 0)
    return;
  int64_t end = cast<RankedTensorType>(root.getType()).getDimSize(dim) -
                border.trailing;
  // Tap k reads root row offset + k * dilation: keep leading <= row < end.
  MLIRContext *ctx = rewriter.getContext();
  AffineExpr row = getAffineDimExpr(0, ctx);
  auto first = AffineMap::get(
      1, 0, {getAffineConstantExpr(0, ctx),
             (border.leading - row).ceilDiv(tap.dilation)},
      ctx);
  auto last = AffineMap::get(
      1, 0, {getAffineConstantExpr(*upper, ctx),
             (end - row).ceilDiv(tap.dilation)},
      ctx);
  Value from = getValueOrCreateConstantIndexOp(
      rewriter, loc,
      affine::makeComposedFoldedAffineMax(rewriter, loc, first, {offset}));
  Value to = getValueOrCreateConstantIndexOp(
      rewriter, loc,
      affine::makeComposedFoldedAffineMin(rewriter, loc, last, {offset}));
  rewriter.modifyOpInPlace(loop, [&] {
    loop.setLowerBound(from);
    loop.setUpperBound(to);
  });
}

/// The one value of a scf.forall or scf.for induction variable whose range
/// is a single step.
static std::optional<int64_t> singleIterationValue(Value value) {
  auto arg = dyn_cast<BlockArgument>(value);
  if (!arg)
    return std::nullopt;
  Operation *loop = arg.getOwner()->getParentOp();
  std::optional<int64_t> lower, upper, step;
  if (auto forall = dyn_cast<scf::ForallOp>(loop)) {
    unsigned i = arg.getArgNumber();
    if (i >= forall.getRank())
      return std::nullopt;
    lower = getConstantIntValue(forall.getMixedLowerBound()[i]);
    upper = getConstantIntValue(forall.getMixedUpperBound()[i]);
    step = getConstantIntValue(forall.getMixedStep()[i]);
  } else if (auto forOp = dyn_cast<scf::ForOp>(loop)) {
    if (arg != forOp.getInductionVar())
      return std::nullopt;
    lower = getConstantIntValue(forOp.getLowerBound());
    upper = getConstantIntValue(forOp.getUpperBound());
    step = getConstantIntValue(forOp.getStep());
  }
  if (!lower || !upper || !step || *upper - *lower > *step)
    return std::nullopt;
  return lower;
}

std::optional<int64_t> mlir::tconv::getStaticOffset(OpFoldResult offset) {
  if (std::optional<int64_t> constant = getConstantIntValue(offset))
    return constant;
  Value value = cast<Value>(offset);
  if (std::optional<int64_t> single = singleIterationValue(value))
    return single;
  auto apply = value.getDefiningOp<affine::AffineApplyOp>();
  if (!apply)
    return std::nullopt;
  SmallVector<Attribute> operands;
  Builder b(value.getContext());
  for (Value operand : apply.getMapOperands()) {
    std::optional<int64_t> known = getConstantIntValue(operand);
    if (!known)
      known = singleIterationValue(operand);
    if (!known)
      return std::nullopt;
    operands.push_back(b.getIndexAttr(*known));
  }
  SmallVector<Attribute> folded;
  if (failed(apply.getAffineMap().constantFold(operands, folded)) ||
      folded.size() != 1)
    return std::nullopt;
  return cast<IntegerAttr>(folded.front()).getInt();
}

SmallVector<linalg::LinalgOp>
mlir::tconv::splitBorderTiles(RewriterBase &rewriter, linalg::LinalgOp conv,
                              unsigned widthDim, unsigned inputDim,
                              int64_t tile) {
  int64_t width = conv.getStaticLoopRanges()[widthDim];
  Value input = conv.getDpsInputs()[0];
  ZeroBorder border = knownZeroBorder(
      input, inputDim, cast<RankedTensorType>(input.getType()).getDimSize(inputDim));
  if ((border.leading == 0 && border.trailing == 0) || width < 3 * tile)
    return {conv};
  // A filled initial value is filled part by part, so that each part's
  // tiles fuse its fill: split as it is, the whole output would be filled
  // first (scalar stores into a phase's strided output) and read back.
  OpOperand *init = conv.getDpsInitOperand(0);
  auto fill = init->get().getDefiningOp<linalg::FillOp>();
  if (fill)
    rewriter.modifyOpInPlace(conv, [&] { init->set(fill.getOutputs()[0]); });
  rewriter.setInsertionPoint(conv);
  auto [first, rest] = linalg::splitOp(
      rewriter, cast<TilingInterface>(conv.getOperation()), widthDim,
      rewriter.getIndexAttr(tile));
  rewriter.setInsertionPoint(rest);
  auto [middle, last] = linalg::splitOp(rewriter, rest, widthDim,
                                        rewriter.getIndexAttr(width - 2 * tile));
  SmallVector<linalg::LinalgOp> parts = {
      cast<linalg::LinalgOp>(first.getOperation()),
      cast<linalg::LinalgOp>(middle.getOperation()),
      cast<linalg::LinalgOp>(last.getOperation())};
  if (fill)
    for (linalg::LinalgOp part : parts) {
      OpOperand *partInit = part.getDpsInitOperand(0);
      rewriter.setInsertionPoint(part);
      Value filled = linalg::FillOp::create(rewriter, fill.getLoc(),
                                            fill.value(), partInit->get())
                         .getResult(0);
      rewriter.modifyOpInPlace(part, [&] { partInit->set(filled); });
    }
  return parts;
}
