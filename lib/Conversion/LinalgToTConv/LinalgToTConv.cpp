//===- LinalgToTConv.cpp - Raise linalg convolutions to tconv ------------===//
//
// Longer than a usual pass file: one analysis (which loop dim plays which
// role in each operand) covers every named convolution layout and the
// generic convolutions, and each producer folded into the tconv op (the zero
// pad, the init, torch-mlir's zero insertion) needs a matcher of its own.
//
//===----------------------------------------------------------------------===//

#include "tconv/Conversion/LinalgToTConv/LinalgToTConv.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/ReshapeOpsUtils.h"
#include "mlir/IR/Matchers.h"
#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

using namespace mlir;
using namespace mlir::tconv;

//===----------------------------------------------------------------------===//
// Shared helpers
//===----------------------------------------------------------------------===//

Value mlir::tconv::createTranspose(OpBuilder &b, Location loc, Value source,
                                   ArrayRef<int64_t> perm) {
  if (isIdentityPermutation(perm))
    return source;
  auto type = cast<RankedTensorType>(source.getType());
  SmallVector<int64_t> shape = applyPermutation(type.getShape(), perm);
  Value empty = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
  return linalg::TransposeOp::create(b, loc, source, empty, perm)->getResult(0);
}

Value mlir::tconv::createReshape(OpBuilder &b, Location loc, Value source,
                                 ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(source.getType());
  if (type.getShape() == shape)
    return source;
  auto target = RankedTensorType::get(shape, type.getElementType());
  if (auto map = getReassociationIndicesForReshape(type, target)) {
    if (type.getRank() > target.getRank())
      return tensor::CollapseShapeOp::create(b, loc, target, source, *map);
    return tensor::ExpandShapeOp::create(b, loc, target, source, *map);
  }
  auto flat = RankedTensorType::get({type.getNumElements()},
                                    type.getElementType());
  SmallVector<ReassociationIndices> all(1);
  for (int64_t d = 0; d < type.getRank(); ++d)
    all[0].push_back(d);
  Value collapsed = tensor::CollapseShapeOp::create(b, loc, flat, source, all);
  all[0].clear();
  for (int64_t d = 0; d < target.getRank(); ++d)
    all[0].push_back(d);
  return tensor::ExpandShapeOp::create(b, loc, target, collapsed, all);
}

bool mlir::tconv::isZeroTensorOrScalar(Value value) {
  if (matchPattern(value, m_AnyZeroFloat()))
    return true;
  if (auto fill = value.getDefiningOp<linalg::FillOp>())
    return matchPattern(fill.getInputs()[0], m_AnyZeroFloat());
  return false;
}

//===----------------------------------------------------------------------===//
// Roles of the loop dims
//===----------------------------------------------------------------------===//

namespace {

/// Canonical order of the roles; spatial roles take one slot per dim.
enum Role : int64_t { Batch, Group, InChannel, OutChannel, Spatial };

/// One operand: for each of its dims, a slot in the canonical order of
/// that operand (input N G C S.., filter G F C K.., output N G F O..).
struct OperandLayout {
  SmallVector<int64_t> slots;

  /// Permutation bringing the present dims into canonical order.
  SmallVector<int64_t> toCanonical() const {
    SmallVector<int64_t> perm = llvm::to_vector(
        llvm::seq<int64_t>(0, static_cast<int64_t>(slots.size())));
    llvm::sort(perm, [&](int64_t a, int64_t b) { return slots[a] < slots[b]; });
    return perm;
  }
};

/// A linalg convolution in tconv's terms.
struct ConvAnalysis {
  OperandLayout input, filter, output;
  int64_t batch = 1, groups = 1, inChannels = 1, outChannels = 1;
  SmallVector<int64_t> inSizes, kernel, outSizes;
  /// Input dim of each spatial dim.
  SmallVector<int64_t> inputSpatialDim;
  ConvGeometry geometry;
};

/// A term `dim * coefficient` of an input index expression.
struct Term {
  unsigned dim;
  int64_t coefficient;
};

} // namespace

static std::optional<Term> matchTerm(AffineExpr expr) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr))
    return Term{dim.getPosition(), 1};
  auto mul = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!mul || mul.getKind() != AffineExprKind::Mul)
    return std::nullopt;
  auto dim = dyn_cast<AffineDimExpr>(mul.getLHS());
  auto constant = dyn_cast<AffineConstantExpr>(mul.getRHS());
  if (!dim || !constant || constant.getValue() < 1)
    return std::nullopt;
  return Term{dim.getPosition(), constant.getValue()};
}

/// yield(out + in * filter), in any operand order.
static bool isMulAddBody(linalg::LinalgOp op) {
  Block *body = op.getBlock();
  if (body->getOperations().size() != 3)
    return false;
  auto add = body->getTerminator()->getOperand(0).getDefiningOp<arith::AddFOp>();
  if (!add)
    return false;
  Value in = body->getArgument(0), filter = body->getArgument(1),
        out = body->getArgument(2);
  Value product = add.getLhs() == out ? add.getRhs() : add.getLhs();
  if (add.getLhs() != out && add.getRhs() != out)
    return false;
  auto mul = product.getDefiningOp<arith::MulFOp>();
  return mul && ((mul.getLhs() == in && mul.getRhs() == filter) ||
                 (mul.getLhs() == filter && mul.getRhs() == in));
}

static FailureOr<ConvAnalysis> analyze(linalg::LinalgOp op,
                                       std::string &whyNot) {
  auto fail = [&](const Twine &reason) {
    whyNot = reason.str();
    return failure();
  };
  if (!op.hasPureTensorSemantics() || op.getNumDpsInputs() != 2 ||
      op.getNumDpsInits() != 1)
    return fail("not a two-operand convolution on tensors");
  if (!linalg::isaConvolutionOpInterface(op))
    return fail("not a convolution");
  auto types = llvm::map_to_vector(op->getOperands(), [](Value v) {
    return cast<RankedTensorType>(v.getType());
  });
  Type element = types[0].getElementType();
  if (!isa<FloatType>(element) ||
      llvm::any_of(types, [&](RankedTensorType t) {
        return t.getElementType() != element || !t.hasStaticShape();
      }))
    return fail("needs static shapes of one float element type");
  if (!isMulAddBody(op))
    return fail("its body is not a multiply-accumulate");
  FailureOr<linalg::ConvolutionDimensions> dims =
      linalg::inferConvolutionDims(op);
  if (failed(dims))
    return fail("its convolution dims could not be inferred");
  if (dims->batch.size() > 1 || dims->depth.size() > 1 ||
      dims->inputChannel.size() > 1 || dims->outputChannel.size() > 1 ||
      dims->outputImage.empty() || dims->outputImage.size() > 3 ||
      dims->outputImage.size() != dims->filterLoop.size())
    return fail("its loop dims do not map onto N x C x D1..D3");

  auto roleOf = [&](unsigned d) -> std::optional<int64_t> {
    if (llvm::is_contained(dims->batch, d))
      return Batch;
    if (llvm::is_contained(dims->depth, d))
      return Group;
    if (llvm::is_contained(dims->inputChannel, d))
      return InChannel;
    if (llvm::is_contained(dims->outputChannel, d))
      return OutChannel;
    return std::nullopt;
  };

  ConvAnalysis a;
  unsigned n = dims->outputImage.size();
  a.geometry = ConvGeometry::identity(n);
  SmallVector<int64_t> loopSizes = op.getStaticLoopRanges();
  // Spatial dim j is the j-th convolved index of the input.
  DenseMap<unsigned, int64_t> outputDimToSpatial, kernelDimToSpatial;
  AffineMap inputMap = op.getMatchingIndexingMap(op.getDpsInputOperand(0));
  ArrayRef<int64_t> inputShape = types[0].getShape();
  for (auto [pos, expr] : llvm::enumerate(inputMap.getResults())) {
    if (auto dim = dyn_cast<AffineDimExpr>(expr)) {
      std::optional<int64_t> role = roleOf(dim.getPosition());
      if (!role || *role == OutChannel)
        return fail("an input dim is not a batch, group or channel dim");
      a.input.slots.push_back(*role);
      continue;
    }
    auto sum = dyn_cast<AffineBinaryOpExpr>(expr);
    if (!sum || sum.getKind() != AffineExprKind::Add)
      return fail("an input index is not output * stride + kernel * dilation");
    std::optional<Term> lhs = matchTerm(sum.getLHS()),
                        rhs = matchTerm(sum.getRHS());
    if (!lhs || !rhs)
      return fail("an input index is not output * stride + kernel * dilation");
    if (llvm::is_contained(dims->filterLoop, lhs->dim))
      std::swap(lhs, rhs);
    if (!llvm::is_contained(dims->outputImage, lhs->dim) ||
        !llvm::is_contained(dims->filterLoop, rhs->dim))
      return fail("an input index is not output * stride + kernel * dilation");
    int64_t j = a.inputSpatialDim.size();
    if (outputDimToSpatial.count(lhs->dim) || kernelDimToSpatial.count(rhs->dim))
      return fail("an output or kernel dim indexes two input dims");
    outputDimToSpatial[lhs->dim] = j;
    kernelDimToSpatial[rhs->dim] = j;
    a.inputSpatialDim.push_back(pos);
    a.input.slots.push_back(Spatial + j);
    a.inSizes.push_back(inputShape[pos]);
    a.outSizes.push_back(loopSizes[lhs->dim]);
    a.kernel.push_back(loopSizes[rhs->dim]);
    a.geometry.strides[j] = lhs->coefficient;
    a.geometry.dilations[j] = rhs->coefficient;
  }
  if (a.inputSpatialDim.size() != n)
    return fail("its spatial dims do not pair up");

  // Filter and output dims are pure loop dims.
  auto layoutOf = [&](OpOperand *operand, OperandLayout &layout,
                      const DenseMap<unsigned, int64_t> &spatial,
                      ArrayRef<int64_t> allowed) -> LogicalResult {
    for (AffineExpr expr :
         op.getMatchingIndexingMap(operand).getResults()) {
      auto dim = dyn_cast<AffineDimExpr>(expr);
      if (!dim)
        return failure();
      if (auto it = spatial.find(dim.getPosition()); it != spatial.end()) {
        layout.slots.push_back(Spatial + it->second);
        continue;
      }
      std::optional<int64_t> role = roleOf(dim.getPosition());
      if (!role || !llvm::is_contained(allowed, *role))
        return failure();
      layout.slots.push_back(*role);
    }
    return success();
  };
  if (failed(layoutOf(op.getDpsInputOperand(1), a.filter, kernelDimToSpatial,
                      {Group, OutChannel, InChannel})) ||
      failed(layoutOf(op.getDpsInitOperand(0), a.output, outputDimToSpatial,
                      {Batch, Group, OutChannel})))
    return fail("its filter or output indexing is not a plain layout");
  // Each operand holds every spatial dim once, and no role twice.
  for (const OperandLayout *layout : {&a.input, &a.filter, &a.output}) {
    SmallVector<int64_t> slots = layout->slots;
    llvm::sort(slots);
    if (std::adjacent_find(slots.begin(), slots.end()) != slots.end() ||
        llvm::count_if(slots, [](int64_t s) { return s >= Spatial; }) !=
            static_cast<int64_t>(n))
      return fail("an operand does not hold each spatial dim once");
  }
  // The filter's canonical order has output channels before input ones.
  for (int64_t &slot : a.filter.slots)
    if (slot == InChannel || slot == OutChannel)
      slot = slot == InChannel ? OutChannel : InChannel;

  auto sizeOf = [&](ArrayRef<unsigned> roleDims) {
    return roleDims.empty() ? 1 : loopSizes[roleDims.front()];
  };
  a.batch = sizeOf(dims->batch);
  a.groups = sizeOf(dims->depth);
  a.inChannels = sizeOf(dims->inputChannel);
  a.outChannels = sizeOf(dims->outputChannel);
  a.geometry.group = a.groups;
  return a;
}

/// Shape of the present dims of `layout` in canonical order.
static SmallVector<int64_t> canonicalShape(Value value,
                                           const OperandLayout &layout) {
  return applyPermutation(cast<RankedTensorType>(value.getType()).getShape(),
                          layout.toCanonical());
}

/// `value` (in `layout`) as a tconv operand of shape `shape`.
static Value toTConvOperand(OpBuilder &b, Location loc, Value value,
                            const OperandLayout &layout,
                            ArrayRef<int64_t> shape) {
  return createReshape(b, loc,
                       createTranspose(b, loc, value, layout.toCanonical()),
                       shape);
}

//===----------------------------------------------------------------------===//
// Producers folded into the tconv op
//===----------------------------------------------------------------------===//

/// Looks through a zero tensor.pad of the spatial dims into the pads.
static Value foldZeroPad(Value input, ConvAnalysis &a) {
  auto pad = input.getDefiningOp<tensor::PadOp>();
  if (!pad || !pad.getConstantPaddingValue() ||
      !matchPattern(pad.getConstantPaddingValue(), m_AnyZeroFloat()) ||
      !pad.getLow().empty() || !pad.getHigh().empty())
    return input;
  ArrayRef<int64_t> low = pad.getStaticLow(), high = pad.getStaticHigh();
  for (int64_t d = 0, e = low.size(); d < e; ++d)
    if ((low[d] || high[d]) && !llvm::is_contained(a.inputSpatialDim, d))
      return input;
  for (auto [j, d] : llvm::enumerate(a.inputSpatialDim)) {
    a.geometry.padsBegin[j] += low[d];
    a.geometry.padsEnd[j] += high[d];
    a.inSizes[j] -= low[d] + high[d];
  }
  return pad.getSource();
}

/// torch-mlir's transposed convolution input: the input inserted with
/// strides into a zero tensor. Fills the transposed convolution's geometry
/// from the direct one's; null if `input` is not such an insert or the
/// geometry has no transposed equivalent.
static Value matchZeroInsertion(Value input, const ConvAnalysis &a,
                                ConvGeometry &transposed) {
  auto insert = input.getDefiningOp<tensor::InsertSliceOp>();
  if (!insert || !isZeroTensorOrScalar(insert.getDest()) ||
      !insert.getSourceType().hasStaticShape() ||
      ShapedType::isDynamicShape(insert.getStaticOffsets()) ||
      ShapedType::isDynamicShape(insert.getStaticStrides()) ||
      insert.getSourceType().getRank() != insert.getDestType().getRank())
    return nullptr;
  ArrayRef<int64_t> offsets = insert.getStaticOffsets();
  ArrayRef<int64_t> strides = insert.getStaticStrides();
  ArrayRef<int64_t> source = insert.getSourceType().getShape();
  ArrayRef<int64_t> dest = insert.getDestType().getShape();
  for (int64_t d = 0, e = dest.size(); d < e; ++d)
    if (!llvm::is_contained(a.inputSpatialDim, d) &&
        (offsets[d] != 0 || strides[d] != 1 || source[d] != dest[d]))
      return nullptr;
  if (a.groups != 1 || llvm::any_of(a.geometry.strides,
                                    [](int64_t s) { return s != 1; }))
    return nullptr;
  transposed = ConvGeometry::identity(a.kernel.size());
  for (auto [j, d] : llvm::enumerate(a.inputSpatialDim)) {
    int64_t stride = strides[d], dilation = a.geometry.dilations[j];
    int64_t lead = a.geometry.padsBegin[j] + offsets[d];
    int64_t trail = a.geometry.padsEnd[j] + dest[d] - offsets[d] -
                    zeroInsertedSize(source[d], stride);
    int64_t reach = dilation * (a.kernel[j] - 1);
    if (lead > reach)
      return nullptr;
    transposed.strides[j] = stride;
    transposed.dilations[j] = dilation;
    transposed.padsBegin[j] = reach - lead;
    if (reach >= trail) {
      transposed.padsEnd[j] = reach - trail;
    } else {
      transposed.outputPadding[j] = trail - reach;
      if (transposed.outputPadding[j] >= std::max(stride, dilation))
        return nullptr;
    }
  }
  return insert.getSource();
}

/// The 1-D bias that `init` broadcasts along the tconv output channels, or
/// null. The channel is the output's group dim when there is one output
/// channel per group, else its output channel dim with one group.
static Value matchBias(Value init, const ConvAnalysis &a) {
  int64_t channelSlot = a.outChannels == 1 ? Group : OutChannel;
  if (a.groups != 1 && a.outChannels != 1)
    return nullptr;
  auto channelDim = [&]() -> int64_t {
    auto it = llvm::find(a.output.slots, channelSlot);
    return it == a.output.slots.end() ? -1 : it - a.output.slots.begin();
  }();
  if (channelDim < 0)
    return nullptr;
  Value bias;
  if (auto broadcast = init.getDefiningOp<linalg::BroadcastOp>()) {
    ArrayRef<int64_t> added = broadcast.getDimensions();
    if (broadcast.getInput().getType().getRank() == 1 &&
        !llvm::is_contained(added, channelDim))
      bias = broadcast.getInput();
  } else if (auto generic = init.getDefiningOp<linalg::GenericOp>()) {
    Block *body = generic.getBody();
    if (generic.getNumDpsInputs() == 1 && generic.getNumDpsInits() == 1 &&
        generic.getNumParallelLoops() == generic.getNumLoops() &&
        body->getOperations().size() == 1 &&
        body->getTerminator()->getOperand(0) == body->getArgument(0) &&
        generic.getIndexingMapsArray()[1].isIdentity()) {
      AffineMap map = generic.getIndexingMapsArray()[0];
      if (map.getNumResults() == 1 &&
          map.getResult(0) == getAffineDimExpr(channelDim, map.getContext()))
        bias = generic.getDpsInputs()[0];
    }
  }
  if (!bias || cast<RankedTensorType>(bias.getType()).getElementType() !=
                   getElementTypeOrSelf(init))
    return nullptr;
  return bias;
}

//===----------------------------------------------------------------------===//
// The rewrite
//===----------------------------------------------------------------------===//

/// The map of a copy to `shape` that swaps dims 0 and 1 and flips every
/// later dim: (d0, d1, d2..) -> (d1, d0, k2 - 1 - d2, ..). It is its own
/// inverse.
static AffineMap flipAndSwapMap(ArrayRef<int64_t> shape, MLIRContext *ctx) {
  SmallVector<AffineExpr> reads = {getAffineDimExpr(1, ctx),
                                   getAffineDimExpr(0, ctx)};
  for (unsigned d = 2; d < shape.size(); ++d)
    reads.push_back(shape[d] - 1 - getAffineDimExpr(d, ctx));
  return AffineMap::get(shape.size(), 0, reads, ctx);
}

/// `filter`'s source when `filter` is a copy through flipAndSwapMap, as
/// torch-mlir builds a transposed convolution's filter; null otherwise.
static Value unflippedSource(Value filter) {
  auto copy = filter.getDefiningOp<linalg::GenericOp>();
  if (!copy || copy.getNumDpsInputs() != 1 || copy.getNumDpsInits() != 1 ||
      copy.getNumLoops() != copy.getNumParallelLoops())
    return nullptr;
  auto yield = cast<linalg::YieldOp>(copy.getBody()->getTerminator());
  if (yield.getNumOperands() != 1 ||
      yield.getOperand(0) != copy.getBody()->getArgument(0))
    return nullptr;
  auto type = cast<RankedTensorType>(filter.getType());
  SmallVector<AffineMap> maps = copy.getIndexingMapsArray();
  if (!maps[1].isIdentity() ||
      simplifyAffineMap(maps[0]) !=
          flipAndSwapMap(type.getShape(), filter.getContext()))
    return nullptr;
  return copy.getDpsInputs()[0];
}

/// The transposed convolution's filter from the direct one's (F x C x k..):
/// C x F x k.., flipped along every spatial dim. When the direct filter is
/// itself a flipped transposed one, that one is taken as it is: the two
/// copies would otherwise fuse into a copy whose map (k - 1 - (k - 1 - d))
/// no layout lowering recognizes as the identity.
static Value flipAndSwapChannels(OpBuilder &b, Location loc, Value filter) {
  if (Value source = unflippedSource(filter))
    return source;
  auto type = cast<RankedTensorType>(filter.getType());
  SmallVector<int64_t> shape(type.getShape());
  std::swap(shape[0], shape[1]);
  unsigned rank = shape.size();
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {flipAndSwapMap(shape, ctx),
                                 AffineMap::getMultiDimIdentityMap(rank, ctx)};
  Value empty = tensor::EmptyOp::create(b, loc, shape, type.getElementType());
  return linalg::GenericOp::create(
             b, loc, empty.getType(), filter, empty, maps,
             SmallVector<utils::IteratorType>(rank,
                                              utils::IteratorType::parallel),
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc, args[0]);
             })
      .getResult(0);
}

/// `input` without the last crop[j] elements of its dim spatialDims[j].
static Value cropEnd(OpBuilder &b, Location loc, Value input,
                     ArrayRef<int64_t> spatialDims, ArrayRef<int64_t> crop) {
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> sizes(type.getShape());
  for (auto [d, c] : llvm::zip(spatialDims, crop))
    sizes[d] -= c;
  SmallVector<OpFoldResult> offsets(sizes.size(), b.getIndexAttr(0)),
      strides(sizes.size(), b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(
      b, loc, input, offsets, getAsIndexOpFoldResult(b.getContext(), sizes),
      strides);
}

LogicalResult mlir::tconv::raiseLinalgConvolution(RewriterBase &rewriter,
                                                  linalg::LinalgOp op,
                                                  std::string &whyNot) {
  FailureOr<ConvAnalysis> analysis = analyze(op, whyNot);
  if (failed(analysis))
    return failure();
  ConvAnalysis &a = *analysis;
  Value input = foldZeroPad(op.getDpsInputs()[0], a);
  Value filter = op.getDpsInputs()[1];
  Value init = op.getDpsInits()[0];
  auto outputType = cast<RankedTensorType>(init.getType());

  // The tconv operands' shapes: N x G*C x D.., G*F x C x k.., N x G*F x O..
  auto withSpatial = [](SmallVector<int64_t> shape, ArrayRef<int64_t> sizes) {
    llvm::append_range(shape, sizes);
    return shape;
  };
  int64_t channels = a.groups * a.inChannels;
  int64_t outputs = a.groups * a.outChannels;
  SmallVector<int64_t> filterShape =
      withSpatial({outputs, a.inChannels}, a.kernel);
  SmallVector<int64_t> resultShape = withSpatial({a.batch, outputs}, a.outSizes);

  ConvGeometry transposed;
  Value inserted = matchZeroInsertion(input, a, transposed);
  SmallVector<int64_t> insertedShape;
  if (inserted) {
    insertedShape = withSpatial(
        {a.batch, channels},
        llvm::map_to_vector(a.inputSpatialDim, [&](int64_t d) {
          return cast<RankedTensorType>(inserted.getType()).getDimSize(d);
        }));
    SmallVector<int64_t> swapped = filterShape;
    std::swap(swapped[0], swapped[1]);
    if (convTransposeResultShape(insertedShape, swapped, transposed) !=
        resultShape)
      inserted = nullptr;
  }
  // A linalg convolution may leave more of the end of its input unread than
  // ONNX's floor does: the end pad, then the input, are cropped to what the
  // outputs read.
  SmallVector<int64_t> crop(a.kernel.size(), 0);
  if (!inserted) {
    for (unsigned j = 0; j < a.kernel.size(); ++j) {
      if (checkedConvOutputSize(a.inSizes[j], a.kernel[j],
                                a.geometry.strides[j], a.geometry.padsBegin[j],
                                a.geometry.padsEnd[j],
                                a.geometry.dilations[j]) == a.outSizes[j])
        continue;
      int64_t &padEnd = a.geometry.padsEnd[j];
      int64_t excess =
          a.geometry.padsBegin[j] + a.inSizes[j] + padEnd -
          ((a.outSizes[j] - 1) * a.geometry.strides[j] +
           dilatedKernelSize(a.kernel[j], a.geometry.dilations[j]));
      if (excess < 0) {
        whyNot = "its output reads past its input";
        return failure();
      }
      int64_t fromPad = std::min(excess, padEnd);
      padEnd -= fromPad;
      crop[j] = excess - fromPad;
      if (crop[j] >= a.inSizes[j]) {
        whyNot = "its output reads none of its input";
        return failure();
      }
      a.inSizes[j] -= crop[j];
    }
  }

  Location loc = op.getLoc();
  rewriter.setInsertionPoint(op);
  Value tconvFilter = toTConvOperand(rewriter, loc, filter, a.filter,
                                     filterShape);
  Value bias = matchBias(init, a);
  Value result;
  if (inserted) {
    Value x = toTConvOperand(rewriter, loc, inserted, a.input, insertedShape);
    result = ConvTransposeOp::create(rewriter, loc, x,
                                     flipAndSwapChannels(rewriter, loc,
                                                         tconvFilter),
                                     bias, transposed);
  } else {
    if (llvm::any_of(crop, [](int64_t c) { return c != 0; }))
      input = cropEnd(rewriter, loc, input, a.inputSpatialDim, crop);
    Value x = toTConvOperand(rewriter, loc, input, a.input,
                             withSpatial({a.batch, channels}, a.inSizes));
    result = ConvOp::create(rewriter, loc, x, tconvFilter, bias, a.geometry);
  }
  // Back to the op's layout: present dims in canonical order, then permuted.
  Value canonical = createReshape(rewriter, loc, result,
                                  canonicalShape(init, a.output));
  result = createTranspose(rewriter, loc, canonical,
                           invertPermutationVector(a.output.toCanonical()));
  if (!bias && !isZeroTensorOrScalar(init))
    result = arith::AddFOp::create(rewriter, loc, result, init);
  assert(result.getType() == outputType && "raised to another type");
  (void)outputType;
  rewriter.replaceOp(op, result);
  return success();
}
