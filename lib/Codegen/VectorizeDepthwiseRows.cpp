//===- VectorizeDepthwiseRows.cpp - Per-channel convs as row vectors -----===//
//
// Vectorizes multiply-accumulate generics whose input is read along the
// output row (--tconv-lower-depthwise-transpose produces them): vectors of
// consecutive outputs of one channel, contiguous loads at a constant shift
// per tap, one FMA per tap, the phases of a row interleaved with shuffles
// and stored contiguously.
//
// One unit over 500 lines: the matcher, the epilogue fusion and the row
// emitter all work on one RowConv and the emitter's state; apart, they
// would only hand those back and forth.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "DepthwiseRows.h"

#include "tconv/Codegen/Strategy.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/DenseMap.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVVECTORIZEDEPTHWISEROWS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

namespace {

/// A generic `out[p.., q, r] += in[f(p.., r, k..), q + g(r, k..)] *
/// filter[h(p.., r, k..)]`: parallel loops p.. (rows), then q (position in
/// the row) and r (its phase), then the reduction loops k... Outputs are
/// indexed by the parallel loops in order; the input's innermost index moves
/// with q, its other indices and the filter's do not.
struct RowConv {
  linalg::GenericOp op;
  unsigned numParallel;
  SmallVector<int64_t> ranges;
  AffineMap inputMap, filterMap;
  /// The input without its zero padding (tensor.pad looked through), and
  /// the low pad of each of its dims.
  Value source;
  SmallVector<int64_t> low;
  FloatType accType;

  unsigned numRowLoops() const { return numParallel - 2; }
  unsigned q() const { return numParallel - 2; }
  unsigned r() const { return numParallel - 1; }
  unsigned numLoops() const { return ranges.size(); }
};

} // namespace

/// The terms of a sum, flattened.
static void collectTerms(AffineExpr expr, SmallVectorImpl<AffineExpr> &terms) {
  if (expr.getKind() == AffineExprKind::Add) {
    auto sum = cast<AffineBinaryOpExpr>(expr);
    collectTerms(sum.getLHS(), terms);
    collectTerms(sum.getRHS(), terms);
    return;
  }
  terms.push_back(expr);
}

/// `out + ext?(in) * ext?(filter)` (either order), the accumulator f32/f64.
static bool isMultiplyAccumulate(linalg::GenericOp op) {
  Block &body = op.getRegion().front();
  auto yield = cast<linalg::YieldOp>(body.getTerminator());
  Value out = body.getArgument(2);
  auto accType = dyn_cast<FloatType>(out.getType());
  if (!accType || (!accType.isF32() && !accType.isF64()) ||
      yield.getNumOperands() != 1)
    return false;
  auto add = yield.getValues()[0].getDefiningOp<arith::AddFOp>();
  if (!add)
    return false;
  Value product = add.getLhs() == out ? add.getRhs() : add.getLhs();
  if (add.getLhs() != out && add.getRhs() != out)
    return false;
  auto mul = product.getDefiningOp<arith::MulFOp>();
  if (!mul)
    return false;
  unsigned numOps = 3;
  auto strip = [&](Value v) {
    if (auto ext = v.getDefiningOp<arith::ExtFOp>()) {
      ++numOps;
      return ext.getIn();
    }
    return v;
  };
  Value a = strip(mul.getLhs()), b = strip(mul.getRhs());
  Value x = body.getArgument(0), w = body.getArgument(1);
  return ((a == x && b == w) || (a == w && b == x)) &&
         body.getOperations().size() == numOps;
}

static std::optional<RowConv> matchRowConv(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.hasDynamicShape() ||
      op.getNumDpsInputs() != 2 || op.getNumDpsInits() != 1 ||
      op->getNumResults() != 1 ||
      !llvm::all_of(op.getDpsInputs(), [](Value v) {
        return isa<RankedTensorType>(v.getType());
      }))
    return std::nullopt;
  RowConv rc;
  rc.op = op;
  rc.ranges = op.getStaticLoopRanges();
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  rc.numParallel = llvm::count(iterators, utils::IteratorType::parallel);
  for (auto [i, it] : llvm::enumerate(iterators))
    if ((i < rc.numParallel) != (it == utils::IteratorType::parallel))
      return std::nullopt;
  // At least one row loop: the rows are what the forall distributes.
  if (rc.numParallel < 3 || !isMultiplyAccumulate(op))
    return std::nullopt;
  unsigned numLoops = rc.numLoops();
  SmallVector<AffineMap> maps = op.getIndexingMapsArray();
  if (maps[2] != AffineMap::getMultiDimIdentityMap(numLoops, op.getContext())
                     .getMajorSubMap(rc.numParallel))
    return std::nullopt;
  rc.inputMap = maps[0];
  rc.filterMap = maps[1];
  if (rc.inputMap.getNumResults() == 0 || rc.inputMap.getNumSymbols() != 0 ||
      rc.filterMap.getNumSymbols() != 0)
    return std::nullopt;
  unsigned q = rc.q();
  for (AffineExpr e : rc.inputMap.getResults().drop_back())
    if (e.isFunctionOfDim(q))
      return std::nullopt;
  for (AffineExpr e : rc.filterMap.getResults())
    if (e.isFunctionOfDim(q))
      return std::nullopt;
  // Innermost input index: q plus terms of r and the reduction loops only.
  SmallVector<AffineExpr> terms;
  collectTerms(rc.inputMap.getResults().back(), terms);
  unsigned numQ = 0;
  for (AffineExpr term : terms) {
    if (term == getAffineDimExpr(q, op.getContext())) {
      ++numQ;
      continue;
    }
    for (unsigned l = 0; l <= q; ++l)
      if (term.isFunctionOfDim(l))
        return std::nullopt;
  }
  if (numQ != 1)
    return std::nullopt;
  int64_t unrolled = rc.ranges[rc.r()];
  for (unsigned l = rc.numParallel; l < numLoops; ++l)
    unrolled *= rc.ranges[l];
  if (unrolled > tconv::kMaxUnrolledRowTaps)
    return std::nullopt;

  rc.accType = cast<FloatType>(op.getRegion().front().getArgument(2).getType());
  rc.source = op.getDpsInputs()[0];
  unsigned inputRank = rc.inputMap.getNumResults();
  rc.low.assign(inputRank, 0);
  // Zero padding adds nothing: read the unpadded source, skip what is outside.
  if (auto pad = rc.source.getDefiningOp<tensor::PadOp>()) {
    Value padding = pad.getConstantPaddingValue();
    if (padding && matchPattern(padding, m_PosZeroFloat()) &&
        pad.getSourceType().hasStaticShape() &&
        llvm::none_of(pad.getStaticLow(), ShapedType::isDynamic) &&
        llvm::none_of(pad.getStaticHigh(), ShapedType::isDynamic)) {
      rc.source = pad.getSource();
      rc.low.assign(pad.getStaticLow().begin(), pad.getStaticLow().end());
    }
  }
  return rc;
}

//===----------------------------------------------------------------------===//
// Code generation
//===----------------------------------------------------------------------===//

/// The only user of `value` if it is an elementwise epilogue (activation,
/// truncation to f16, ...): an all-parallel generic that reads `value` alone
/// with identity maps through elementwise ops (and values defined outside).
/// The rows then go through it as they are stored, instead of through one
/// more pass over the result.
static linalg::GenericOp rowEpilogue(Value value) {
  if (!value.hasOneUse())
    return nullptr;
  auto op = dyn_cast<linalg::GenericOp>(*value.user_begin());
  if (!op || op.getNumDpsInputs() != 1 || op.getNumDpsInits() != 1 ||
      op->getNumResults() != 1 || op.getNumReductionLoops() != 0 ||
      op.payloadUsesValueFromOperand(op.getDpsInitOperand(0)) ||
      !llvm::all_of(op.getIndexingMapsArray(),
                    [](AffineMap map) { return map.isIdentity(); }))
    return nullptr;
  Block &body = op.getRegion().front();
  for (Operation &inner : body.without_terminator()) {
    if (!inner.hasTrait<OpTrait::Elementwise>() ||
        !inner.hasTrait<OpTrait::Vectorizable>() ||
        inner.getNumRegions() != 0 || inner.getNumResults() != 1)
      return nullptr;
    for (Value operand : inner.getOperands())
      if (operand.getParentBlock() != &body &&
          !operand.getType().isIntOrIndexOrFloat())
        return nullptr;
  }
  return op;
}

/// Applies the body of `epilogue` (see rowEpilogue) to the vector `value`.
static Value applyEpilogue(OpBuilder &b, Location loc,
                           linalg::GenericOp epilogue, Value value) {
  auto type = cast<VectorType>(value.getType());
  Block &body = epilogue.getRegion().front();
  IRMapping mapping;
  mapping.map(body.getArgument(0), value);
  for (Operation &inner : body.without_terminator()) {
    SmallVector<Value> operands;
    for (Value operand : inner.getOperands()) {
      Value mapped = mapping.lookupOrNull(operand);
      // Values from outside the body are the same for every element.
      if (!mapped)
        mapped = vector::BroadcastOp::create(
            b, loc, type.clone(operand.getType()), operand);
      operands.push_back(mapped);
    }
    Type resultType = type.clone(inner.getResult(0).getType());
    OperationState state(loc, inner.getName(), operands, resultType,
                         inner.getAttrs());
    mapping.map(inner.getResult(0), b.create(state)->getResult(0));
  }
  return mapping.lookup(body.getTerminator()->getOperand(0));
}

namespace {

/// One tap of one phase: where it reads (an input row and a shift along the
/// row) and its weight.
struct Tap {
  unsigned row;
  int64_t shift;
  Value weight; // scalar, accumulator type
};

/// An input row a forall iteration reads: its indices (all but the
/// innermost) and whether they are inside the source (null: always).
struct InputRow {
  SmallVector<Value> indices;
  Value valid;
};

/// Emits the vector code of one RowConv.
class RowConvEmitter {
public:
  RowConvEmitter(RewriterBase &rewriter, RowConv rc, int64_t lanes)
      : b(rewriter), rc(rc), loc(rc.op.getLoc()), lanes(lanes) {}

  /// Replaces the generic (and a row-merging collapse of its result).
  Operation *emit();

private:
  Value index(int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); }
  VectorType vectorType(int64_t width, Type elementType) {
    return VectorType::get({width}, elementType);
  }
  Value zeroVector(int64_t width, Type elementType) {
    return arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(vectorType(width, elementType),
                                       b.getZeroAttr(elementType)));
  }
  Value extend(Value v) {
    Type element = getElementTypeOrSelf(v.getType());
    if (element == rc.accType)
      return v;
    Type type = rc.accType;
    if (auto vt = dyn_cast<VectorType>(v.getType()))
      type = vt.clone(rc.accType);
    return arith::ExtFOp::create(b, loc, type, v);
  }

  void planTaps(ValueRange ivs);
  Value initScalar(Operation *producer, ValueRange ivs);
  Value emitRow(Value row, bool guarded);
  Value emitChunk(Value row, OpFoldResult start, int64_t width, bool guarded);
  std::pair<Value, Value> load(const Tap &tap, OpFoldResult start,
                               int64_t width, bool guarded);
  Value interleave(ArrayRef<Value> phases, int64_t width);

  RewriterBase &b;
  RowConv rc;
  Location loc;
  int64_t lanes;

  // Per forall iteration.
  SmallVector<InputRow> rows;
  SmallVector<SmallVector<Tap>> taps; // per phase r
  Value init;                         // scalar initial value, or null
  Type storeType;                     // element type of the stored rows
  SmallVector<linalg::GenericOp> epilogues; // applied to stored vectors
  int64_t minShift = 0, maxShift = 0;
  DenseMap<std::pair<unsigned, int64_t>, std::pair<Value, Value>> loads;
};

} // namespace

/// Taps of every phase: rows, shifts and weights, with rows deduplicated.
void RowConvEmitter::planTaps(ValueRange ivs) {
  MLIRContext *ctx = b.getContext();
  unsigned numRow = rc.numRowLoops();
  unsigned numLoops = rc.numLoops();
  auto sourceShape = cast<RankedTensorType>(rc.source.getType()).getShape();
  unsigned inputRank = rc.inputMap.getNumResults();
  SmallVector<int64_t> reductionRanges(rc.ranges.begin() + rc.numParallel,
                                       rc.ranges.end());
  int64_t numCombinations = computeProduct(reductionRanges);
  SmallVector<int64_t> reductionStrides = computeStrides(reductionRanges);

  DenseMap<SmallVector<AffineExpr>, unsigned> rowIds;
  DenseMap<SmallVector<AffineExpr>, Value> weights;
  auto apply = [&](AffineExpr e) -> Value {
    if (auto c = dyn_cast<AffineConstantExpr>(e))
      return index(c.getValue());
    return affine::AffineApplyOp::create(
        b, loc, AffineMap::get(numRow, 0, e, ctx), ivs);
  };
  bool first = true;
  taps.assign(rc.ranges[rc.r()], {});
  for (int64_t r = 0, e = rc.ranges[rc.r()]; r < e; ++r) {
    for (int64_t i = 0; i < numCombinations; ++i) {
      SmallVector<int64_t> k = delinearize(i, reductionStrides);
      // Row loops stay dims, q is 0, r and the reduction loops constants.
      SmallVector<AffineExpr> replacements;
      for (unsigned l = 0; l < numLoops; ++l) {
        if (l < numRow)
          replacements.push_back(getAffineDimExpr(l, ctx));
        else if (l == rc.q())
          replacements.push_back(getAffineConstantExpr(0, ctx));
        else if (l == rc.r())
          replacements.push_back(getAffineConstantExpr(r, ctx));
        else
          replacements.push_back(
              getAffineConstantExpr(k[l - rc.numParallel], ctx));
      }
      auto substitute = [&](AffineExpr expr, int64_t offset) {
        return simplifyAffineExpr(expr.replaceDims(replacements) - offset,
                                  numRow, 0);
      };
      SmallVector<AffineExpr> rowKey;
      for (unsigned d = 0; d + 1 < inputRank; ++d)
        rowKey.push_back(substitute(rc.inputMap.getResult(d), rc.low[d]));
      auto shift = dyn_cast<AffineConstantExpr>(
          substitute(rc.inputMap.getResults().back(), rc.low.back()));
      assert(shift && "matchRowConv checked the innermost index");

      auto [rowIt, newRow] = rowIds.try_emplace(rowKey, rows.size());
      if (newRow) {
        InputRow row;
        SmallVector<Value> checks;
        for (auto [d, expr] : llvm::enumerate(rowKey)) {
          row.indices.push_back(apply(expr));
          // A row loop whose range fits the dim, or an in-range constant,
          // needs no check.
          if (auto c = dyn_cast<AffineConstantExpr>(expr))
            if (c.getValue() >= 0 && c.getValue() < sourceShape[d])
              continue;
          if (auto dimExpr = dyn_cast<AffineDimExpr>(expr))
            if (rc.ranges[dimExpr.getPosition()] <= sourceShape[d])
              continue;
          Value idx = row.indices.back();
          checks.push_back(arith::CmpIOp::create(
              b, loc, arith::CmpIPredicate::sge, idx, index(0)));
          checks.push_back(arith::CmpIOp::create(
              b, loc, arith::CmpIPredicate::slt, idx, index(sourceShape[d])));
        }
        for (Value check : checks)
          row.valid = row.valid ? arith::AndIOp::create(b, loc, row.valid, check)
                                : check;
        rows.push_back(std::move(row));
      }

      SmallVector<AffineExpr> filterKey;
      for (AffineExpr expr : rc.filterMap.getResults())
        filterKey.push_back(substitute(expr, 0));
      Value &weight = weights[filterKey];
      if (!weight) {
        SmallVector<Value> indices = llvm::map_to_vector(filterKey, apply);
        weight = extend(tensor::ExtractOp::create(
            b, loc, rc.op.getDpsInputs()[1], indices));
      }
      taps[r].push_back(Tap{rowIt->second, shift.getValue(), weight});
      minShift = first ? shift.getValue() : std::min(minShift, shift.getValue());
      maxShift = first ? shift.getValue() : std::max(maxShift, shift.getValue());
      first = false;
    }
  }
}

/// The producer of the init when every output of a row starts with the
/// same scalar (a fill, or a broadcast along the row such as a bias); the
/// vectors start from that scalar and the init is never materialized.
static Operation *scalarInitProducer(RowConv &rc) {
  Operation *producer = rc.op.getDpsInits()[0].getDefiningOp();
  if (auto fill = dyn_cast_or_null<linalg::FillOp>(producer))
    return fill.getInputs()[0].getType() == rc.accType ? fill : nullptr;
  auto broadcast = dyn_cast_or_null<linalg::BroadcastOp>(producer);
  if (broadcast && llvm::is_contained(broadcast.getDimensions(), rc.q()) &&
      llvm::is_contained(broadcast.getDimensions(), rc.r()))
    return broadcast;
  return nullptr;
}

/// The scalar `producer` (see scalarInitProducer) starts the row at `ivs`
/// with.
Value RowConvEmitter::initScalar(Operation *producer, ValueRange ivs) {
  if (auto fill = dyn_cast<linalg::FillOp>(producer))
    return extend(fill.getInputs()[0]);
  auto broadcast = cast<linalg::BroadcastOp>(producer);
  ArrayRef<int64_t> dims = broadcast.getDimensions();
  SmallVector<Value> indices;
  for (unsigned d = 0; d < rc.numRowLoops(); ++d)
    if (!llvm::is_contained(dims, d))
      indices.push_back(ivs[d]);
  return extend(
      tensor::ExtractOp::create(b, loc, broadcast.getInput(), indices));
}

/// The input vector of `tap` for the outputs [start, start + width), and,
/// where some of it lies outside the source, the mask of the lanes inside
/// (null: all). Rows outside the source are masked by the caller.
std::pair<Value, Value> RowConvEmitter::load(const Tap &tap, OpFoldResult start,
                                             int64_t width, bool guarded) {
  auto key = std::make_pair(tap.row, tap.shift);
  auto it = loads.find(key);
  if (it != loads.end())
    return it->second;
  const InputRow &row = rows[tap.row];
  SmallVector<Value> indices = row.indices;
  // Rows outside the source are read at 0 instead, and not used.
  if (guarded && row.valid)
    for (Value &idx : indices)
      idx = arith::SelectOp::create(b, loc, row.valid, idx, index(0));
  Value source = rc.source;
  Type elementType = getElementTypeOrSelf(source.getType());
  Value padding = arith::ConstantOp::create(b, loc, elementType,
                                            b.getZeroAttr(elementType));
  int64_t length = cast<RankedTensorType>(source.getType()).getShape().back();
  auto read = [&](Value at, int64_t n) {
    SmallVector<Value> all = indices;
    all.push_back(at);
    return extend(vector::TransferReadOp::create(
        b, loc, vectorType(n, elementType), source, all, padding,
        SmallVector<bool>{true}));
  };
  std::pair<Value, Value> result;
  std::optional<int64_t> staticStart = getConstantIntValue(start);
  if (!staticStart) {
    Value at = arith::AddIOp::create(
        b, loc, getValueOrCreateConstantIndexOp(b, loc, start),
        index(tap.shift));
    result = {read(at, width), nullptr};
  } else {
    int64_t first = *staticStart + tap.shift;
    int64_t lo = std::max<int64_t>(first, 0);
    int64_t hi = std::min<int64_t>(first + width, length);
    if (lo == first && hi == first + width) {
      result = {read(index(first), width), nullptr};
    } else {
      // Partly outside: the inside part, shuffled into place; its lanes
      // are the only ones that may accumulate.
      SmallVector<bool> inside(width, false);
      SmallVector<int64_t> mask(width, 0);
      Value zero = zeroVector(width, rc.accType);
      Value part = zero;
      if (hi > lo) {
        Value piece = read(index(lo), hi - lo);
        for (int64_t lane = 0; lane < width; ++lane) {
          int64_t at = first + lane;
          inside[lane] = at >= lo && at < hi;
          mask[lane] = inside[lane] ? width + (at - lo) : 0;
        }
        part = vector::ShuffleOp::create(b, loc, zero, piece, mask);
      }
      Value laneMask = arith::ConstantOp::create(
          b, loc,
          DenseElementsAttr::get(vectorType(width, b.getI1Type()),
                                 ArrayRef<bool>(inside)));
      result = {part, laneMask};
    }
  }
  loads[key] = result;
  return result;
}

/// Lane j * phases.size() + r of the result is lane j of phases[r].
Value RowConvEmitter::interleave(ArrayRef<Value> phases, int64_t width) {
  int64_t count = phases.size();
  if (count == 1)
    return phases.front();
  auto concat = [&](Value x, Value y) {
    int64_t n = cast<VectorType>(x.getType()).getNumElements() +
                cast<VectorType>(y.getType()).getNumElements();
    return vector::ShuffleOp::create(
        b, loc, x, y, llvm::to_vector(llvm::seq<int64_t>(0, n)));
  };
  SmallVector<int64_t> mask;
  for (int64_t j = 0; j < width; ++j)
    for (int64_t r = 0; r < count; ++r)
      mask.push_back(r * width + j);
  if (count == 2)
    return vector::ShuffleOp::create(b, loc, phases[0], phases[1], mask);
  Value all = phases[0];
  for (Value phase : phases.drop_front())
    all = concat(all, phase);
  return vector::ShuffleOp::create(b, loc, all, all, mask);
}

/// Outputs [start, start + width) of the row (a 1-D tensor of Q x phases
/// values), all phases; returns the updated row.
Value RowConvEmitter::emitChunk(Value row, OpFoldResult start, int64_t width,
                                bool guarded) {
  loads.clear();
  int64_t phases = taps.size();
  Value rowStart =
      getValueOrCreateConstantIndexOp(b, loc, start);
  Value offset = arith::MulIOp::create(b, loc, rowStart, index(phases));
  VectorType accVector = vectorType(width, rc.accType);
  SmallVector<Value> acc;
  if (init) {
    acc.assign(phases, vector::BroadcastOp::create(b, loc, accVector, init));
  } else {
    Value current = vector::TransferReadOp::create(
        b, loc, vectorType(width * phases, rc.accType), row, offset,
        arith::ConstantOp::create(b, loc, rc.accType,
                                  b.getZeroAttr(rc.accType)),
        SmallVector<bool>{true});
    for (int64_t r = 0; r < phases; ++r) {
      SmallVector<int64_t> mask;
      for (int64_t j = 0; j < width; ++j)
        mask.push_back(j * phases + r);
      acc.push_back(vector::ShuffleOp::create(b, loc, current, current, mask));
    }
  }
  for (int64_t r = 0; r < phases; ++r) {
    for (const Tap &tap : taps[r]) {
      auto [x, laneMask] = load(tap, start, width, guarded);
      Value w = vector::BroadcastOp::create(b, loc, accVector, tap.weight);
      Value sum = vector::FMAOp::create(b, loc, x, w, acc[r]);
      // Taps outside the input add nothing (not even 0 * inf).
      if (laneMask)
        sum = arith::SelectOp::create(b, loc, laneMask, sum, acc[r]);
      if (guarded && rows[tap.row].valid)
        sum = arith::SelectOp::create(b, loc, rows[tap.row].valid, sum,
                                      acc[r]);
      acc[r] = sum;
    }
  }
  Value result = interleave(acc, width);
  for (linalg::GenericOp epilogue : epilogues)
    result = applyEpilogue(b, loc, epilogue, result);
  return vector::TransferWriteOp::create(b, loc, result, row, offset,
                                         SmallVector<bool>{true})
      .getResult();
}

/// The whole row: chunks that read outside the source along the row are
/// emitted one by one with static positions, the others in a loop.
Value RowConvEmitter::emitRow(Value row, bool guarded) {
  int64_t size = rc.ranges[rc.q()];
  int64_t length =
      cast<RankedTensorType>(rc.source.getType()).getShape().back();
  auto inside = [&](int64_t start, int64_t width) {
    return start + minShift >= 0 && start + width - 1 + maxShift < length;
  };
  int64_t pos = 0;
  while (pos < size && !inside(pos, std::min(lanes, size - pos))) {
    int64_t width = std::min(lanes, size - pos);
    row = emitChunk(row, b.getIndexAttr(pos), width, guarded);
    pos += width;
  }
  // Whole vectors that stay inside: [pos, pos + count * lanes).
  int64_t count = std::min((size - pos) / lanes,
                           length - maxShift - pos >= lanes
                               ? (length - maxShift - pos) / lanes
                               : 0);
  if (count == 1) {
    row = emitChunk(row, b.getIndexAttr(pos), lanes, guarded);
  } else if (count > 1) {
    auto loop = scf::ForOp::create(b, loc, index(pos),
                                   index(pos + count * lanes), index(lanes),
                                   ValueRange{row});
    OpBuilder::InsertionGuard guard(b);
    b.setInsertionPointToStart(loop.getBody());
    Value next = emitChunk(loop.getRegionIterArgs()[0],
                           loop.getInductionVar(), lanes, guarded);
    scf::YieldOp::create(b, loc, next);
    row = loop.getResult(0);
  }
  pos += count * lanes;
  while (pos < size) {
    int64_t width = std::min(lanes, size - pos);
    row = emitChunk(row, b.getIndexAttr(pos), width, guarded);
    pos += width;
  }
  return row;
}

/// The consumer that merges each row's (q, r) into one dim, if it is the
/// generic's only use: the rows are then written straight into its result
/// (which may be a function result, written in place by the caller's
/// buffer) instead of through a reshaped temporary.
static tensor::CollapseShapeOp rowMergingCollapse(RowConv &rc, Value result) {
  if (!result.hasOneUse())
    return nullptr;
  auto collapse = dyn_cast<tensor::CollapseShapeOp>(*result.user_begin());
  if (!collapse)
    return nullptr;
  SmallVector<ReassociationIndices> groups =
      collapse.getReassociationIndices();
  ReassociationIndices row = {rc.q(), rc.r()};
  return groups.back() == row ? collapse : nullptr;
}

Operation *RowConvEmitter::emit() {
  linalg::GenericOp op = rc.op;
  auto outType = cast<RankedTensorType>(op.getResult(0).getType());
  unsigned numRow = rc.numRowLoops();
  int64_t size = rc.ranges[rc.q()], phases = rc.ranges[rc.r()];
  // The ops the forall replaces: the generic, then possibly a row-merging
  // collapse and elementwise epilogues.
  SmallVector<Operation *> chain = {op};
  tensor::CollapseShapeOp collapse = rowMergingCollapse(rc, op.getResult(0));
  if (collapse)
    chain.push_back(collapse);
  Operation *initProducer = scalarInitProducer(rc);
  // Epilogues only with a scalar init: otherwise the rows start from the
  // stored values. Reshape propagation may have moved the collapse past them.
  while (initProducer) {
    Value current = chain.back()->getResult(0);
    if (linalg::GenericOp epilogue = rowEpilogue(current)) {
      epilogues.push_back(epilogue);
      chain.push_back(epilogue);
    } else if (!collapse && (collapse = rowMergingCollapse(rc, current))) {
      chain.push_back(collapse);
    } else {
      break;
    }
  }
  Operation *replaced = chain.back();
  auto resultType = cast<RankedTensorType>(replaced->getResult(0).getType());
  storeType = resultType.getElementType();

  b.setInsertionPoint(replaced);
  Value shared;
  if (initProducer)
    shared = tensor::EmptyOp::create(b, loc, resultType.getShape(),
                                     resultType.getElementType());
  else if (collapse)
    shared = tensor::CollapseShapeOp::create(
        b, loc, op.getDpsInits()[0], collapse.getReassociationIndices());
  else
    shared = op.getDpsInits()[0];

  SmallVector<OpFoldResult> lbs(numRow, b.getIndexAttr(0));
  SmallVector<OpFoldResult> ubs, steps(numRow, b.getIndexAttr(1));
  for (unsigned l = 0; l < numRow; ++l)
    ubs.push_back(b.getIndexAttr(rc.ranges[l]));
  auto forall = scf::ForallOp::create(b, loc, lbs, ubs, steps,
                                      ValueRange{shared}, std::nullopt);
  b.setInsertionPointToStart(forall.getBody());
  SmallVector<Value> ivs = llvm::to_vector(forall.getInductionVars());
  Value out = forall.getRegionIterArgs()[0];

  init = initProducer ? initScalar(initProducer, ivs) : nullptr;
  planTaps(ivs);

  // The row [ivs.., 0.., 0..] of Q x phases outputs, as one 1-D tensor.
  SmallVector<OpFoldResult> offsets, sizes;
  SmallVector<ReassociationIndices> rowMerge;
  RankedTensorType rowType;
  if (collapse) {
    // Row loops merged by the collapse: the linearized index.
    SmallVector<ReassociationIndices> groups =
        collapse.getReassociationIndices();
    for (const ReassociationIndices &group : ArrayRef(groups).drop_back()) {
      AffineExpr linear = getAffineConstantExpr(0, b.getContext());
      SmallVector<OpFoldResult> operands;
      for (int64_t d : group) {
        linear = linear * outType.getDimSize(d) +
                 getAffineDimExpr(operands.size(), b.getContext());
        operands.push_back(ivs[d]);
      }
      offsets.push_back(affine::makeComposedFoldedAffineApply(
          b, loc, AffineMap::get(operands.size(), 0, linear), operands));
      sizes.push_back(b.getIndexAttr(1));
    }
    offsets.push_back(b.getIndexAttr(0));
    sizes.push_back(b.getIndexAttr(size * phases));
    rowType = RankedTensorType::get({size * phases}, storeType);
  } else {
    offsets.assign(ivs.begin(), ivs.end());
    offsets.append({b.getIndexAttr(0), b.getIndexAttr(0)});
    sizes.assign(numRow, b.getIndexAttr(1));
    sizes.append({b.getIndexAttr(size), b.getIndexAttr(phases)});
    rowType = RankedTensorType::get({size, phases}, storeType);
    rowMerge = {{0, 1}};
  }
  SmallVector<OpFoldResult> strides(offsets.size(), b.getIndexAttr(1));
  Value row = tensor::ExtractSliceOp::create(b, loc, rowType, out, offsets,
                                             sizes, strides);
  if (!rowMerge.empty())
    row = tensor::CollapseShapeOp::create(b, loc, row, rowMerge);

  Value allValid;
  for (const InputRow &inputRow : rows)
    if (inputRow.valid)
      allValid = allValid
                     ? arith::AndIOp::create(b, loc, allValid, inputRow.valid)
                     : inputRow.valid;
  if (!allValid) {
    row = emitRow(row, /*guarded=*/false);
  } else {
    // Rows that read only inside the input take the unguarded copy.
    auto branch = scf::IfOp::create(b, loc, TypeRange{row.getType()},
                                    allValid, /*withElseRegion=*/true);
    {
      OpBuilder::InsertionGuard guard(b);
      b.setInsertionPointToStart(branch.thenBlock());
      scf::YieldOp::create(b, loc, emitRow(row, /*guarded=*/false));
      b.setInsertionPointToStart(branch.elseBlock());
      scf::YieldOp::create(b, loc, emitRow(row, /*guarded=*/true));
    }
    row = branch.getResult(0);
  }
  if (!rowMerge.empty())
    row = tensor::ExpandShapeOp::create(b, loc, rowType, row, rowMerge);
  b.setInsertionPointToStart(forall.getTerminator().getBody());
  tensor::ParallelInsertSliceOp::create(b, loc, row, out, offsets, sizes,
                                        strides);
  b.replaceOp(replaced, forall.getResults());
  for (Operation *dead : llvm::reverse(ArrayRef(chain).drop_back()))
    b.eraseOp(dead);
  return forall;
}

namespace {
struct VectorizeDepthwiseRowsPass
    : public tconv::impl::TConvVectorizeDepthwiseRowsBase<
          VectorizeDepthwiseRowsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (vectorWidth < 1) {
      getOperation().emitError()
          << "tconv-vectorize-depthwise-rows: vector-width must be >= 1";
      return signalPassFailure();
    }
    SmallVector<std::pair<linalg::GenericOp, int64_t>> convs;
    WalkResult walk = getOperation().walk([&](linalg::GenericOp op) {
      std::optional<RowConv> rc = matchRowConv(op);
      if (!rc)
        return WalkResult::advance();
      // The lanes of a recorded schedule (tconv-select-strategy), else of
      // the option.
      FailureOr<std::optional<tconv::ConvSchedule>> schedule =
          tconv::getSchedule(op);
      if (failed(schedule))
        return WalkResult::interrupt();
      if (*schedule &&
          (*schedule)->kind != tconv::ScheduleKind::DepthwiseRows)
        return WalkResult::advance();
      int64_t lanes = *schedule ? (*schedule)->vectorWidth
                                : tconv::lanesFor(rc->accType, vectorWidth);
      convs.push_back({op, lanes});
      return WalkResult::advance();
    });
    if (walk.wasInterrupted())
      return signalPassFailure();
    IRRewriter rewriter(&getContext());
    // Matched again right before emission: an earlier emission replaces the
    // producer of a chained convolution's input, so values captured by the
    // first match would dangle.
    for (auto [op, lanes] : convs) {
      std::optional<RowConv> rc = matchRowConv(op);
      if (!rc)
        continue;
      RowConvEmitter(rewriter, *rc, lanes).emit();
    }
  }
};
} // namespace
