//===- TensorOps.cpp - ONNX data movement and shape operators -------------===//
//
// Constants, shape computations (folded when their inputs are constants, as
// PyTorch's Shape -> Gather -> Concat -> Reshape chains are), reshapes,
// Transpose, Slice, Split, Concat, Gather, Expand, Pad, DepthToSpace,
// SpaceToDepth, Resize and Upsample. Runtime data movement becomes tensor
// slices, reshapes and linalg.generic ops.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <array>
#include <cmath>
#include <limits>
#include <numeric>

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;
using llvm::Twine;

/// Number of elements, INT64_MAX if that overflows.
static int64_t product(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    std::optional<int64_t> next = llvm::checkedMul(n, d);
    if (!next)
      return std::numeric_limits<int64_t>::max();
    n = *next;
  }
  return n;
}

/// Largest tensor the importer computes while importing (16M elements).
static constexpr int64_t kMaxLiteral = int64_t(1) << 24;

static SmallVector<int64_t> rowMajorStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int i = static_cast<int>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/// A literal whose element at each multi-index of `shape` is element
/// `source(index)` (flat) of `in`.
static Literal
gatherLiteral(const Literal &in, ArrayRef<int64_t> shape,
              llvm::function_ref<int64_t(ArrayRef<int64_t>)> source) {
  Literal out;
  out.dtype = in.dtype;
  out.shape.assign(shape.begin(), shape.end());
  int64_t count = product(shape);
  SmallVector<int64_t> index(shape.size(), 0);
  for (int64_t flat = 0; flat < count; ++flat) {
    int64_t from = source(index);
    if (in.isFloat())
      out.floats.push_back(in.floats[from]);
    else
      out.ints.push_back(in.ints[from]);
    for (int d = static_cast<int>(shape.size()) - 1;
         d >= 0 && ++index[d] == shape[d]; --d)
      index[d] = 0;
  }
  return out;
}

/// A tensor without elements, of ONNX data type `dtype`.
static Literal emptyLiteral(int32_t dtype, ArrayRef<int64_t> shape) {
  Literal l;
  l.dtype = dtype;
  l.shape.assign(shape.begin(), shape.end());
  return l;
}

static Literal reshapeLiteral(const Literal &in, ArrayRef<int64_t> shape) {
  Literal out = in;
  out.shape.assign(shape.begin(), shape.end());
  return out;
}

/// Sets output 0 to input 0 reshaped, folding literals.
static void setReshaped(NodeContext &ctx, ArrayRef<int64_t> shape) {
  if (const Literal *in = ctx.literal(0))
    ctx.setOutput(0, reshapeLiteral(*in, shape));
  else
    ctx.setOutput(0, ctx.importer.reshape(ctx.input(0), shape));
}

/// Reads a list of ints from input i (a constant) or, before `inputOpset`,
/// from attribute `attr`.
static llvm::Expected<std::optional<SmallVector<int64_t>>>
intsFromInputOrAttr(NodeContext &ctx, unsigned i, StringRef attr,
                    int64_t inputOpset) {
  if (ctx.opset() < inputOpset) {
    if (!ctx.hasAttr(attr))
      return std::nullopt;
    return ctx.intsAttr(attr);
  }
  if (!ctx.hasInput(i))
    return std::nullopt;
  auto literal = ctx.requireLiteral(i);
  if (!literal)
    return literal.takeError();
  SmallVector<int64_t> values;
  for (int64_t k = 0, e = (*literal)->size(); k < e; ++k)
    values.push_back((*literal)->getInt(k));
  return values;
}

static llvm::Error emitConstant(NodeContext &ctx) {
  if (const onnx::TensorProto *t = ctx.tensorAttr("value")) {
    auto literal = decodeTensor(*t, ctx.importer.modelDirectory);
    if (!literal)
      return ctx.error("attribute 'value': " +
                       llvm::toString(literal.takeError()));
    if (!getElementType(ctx.builder.getContext(), literal->dtype))
      return ctx.unsupportedAttr("value", "of data type " +
                                              dtypeName(literal->dtype));
    ctx.setOutput(0, std::move(*literal));
  } else if (ctx.hasAttr("value_float")) {
    ctx.setOutput(0, Literal::makeFloats(onnx::TensorProto::FLOAT, {},
                                         {ctx.floatAttr("value_float", 0)}));
  } else if (ctx.hasAttr("value_floats")) {
    SmallVector<double> v = ctx.floatsAttr("value_floats");
    ctx.setOutput(0, Literal::makeFloats(onnx::TensorProto::FLOAT,
                                         {int64_t(v.size())},
                                         {v.begin(), v.end()}));
  } else if (ctx.hasAttr("value_int")) {
    ctx.setOutput(0, Literal::makeInts({}, {ctx.intAttr("value_int", 0)}));
  } else if (ctx.hasAttr("value_ints")) {
    SmallVector<int64_t> v = ctx.intsAttr("value_ints");
    ctx.setOutput(0, Literal::makeInts({int64_t(v.size())},
                                       {v.begin(), v.end()}));
  } else {
    return ctx.error("needs a 'value' attribute (sparse and string "
                     "constants are not supported)");
  }
  return llvm::Error::success();
}

static llvm::Error emitConstantOfShape(NodeContext &ctx) {
  auto shapeLiteral = ctx.requireLiteral(0);
  if (!shapeLiteral)
    return shapeLiteral.takeError();
  SmallVector<int64_t> shape((*shapeLiteral)->ints.begin(),
                             (*shapeLiteral)->ints.end());
  if (llvm::any_of(shape, [](int64_t d) { return d < 0 || d > kMaxLiteral; }) ||
      product(shape) > kMaxLiteral)
    return ctx.error("shape input has negative sizes or more than " +
                     Twine(kMaxLiteral) + " elements");
  Literal value = Literal::makeFloats(onnx::TensorProto::FLOAT, {}, {0.0});
  if (const onnx::TensorProto *t = ctx.tensorAttr("value")) {
    auto literal = decodeTensor(*t, ctx.importer.modelDirectory);
    if (!literal || literal->size() != 1)
      return ctx.unsupportedAttr("value", "(not a one-element tensor)");
    value = std::move(*literal);
  }
  ctx.setOutput(0, gatherLiteral(value, shape,
                                 [](ArrayRef<int64_t>) { return 0; }));
  return llvm::Error::success();
}

static llvm::Error emitIdentity(NodeContext &ctx) {
  if (const Literal *in = ctx.literal(0))
    ctx.setOutput(0, *in);
  else
    ctx.setOutput(0, ctx.input(0));
  return llvm::Error::success();
}

static llvm::Error emitDropout(NodeContext &ctx) {
  ctx.floatAttr("ratio", 0.5);
  ctx.intAttr("seed", 0);
  ctx.intAttr("is_test", 0);
  // Inference: the ratio input does not matter; training_mode must be a
  // false constant.
  if (ctx.hasInput(2)) {
    auto training = ctx.requireLiteral(2);
    if (!training)
      return training.takeError();
    // Training with ratio 0 keeps every element, as inference does.
    const Literal *ratio = ctx.hasInput(1) ? ctx.knownLiteral(1) : nullptr;
    bool keepsAll = ratio && ratio->size() == 1 && ratio->get(0) == 0;
    if ((*training)->size() != 1 || ((*training)->getInt(0) && !keepsAll))
      return ctx.error("training_mode = true is not supported (it draws "
                       "random masks) unless ratio is a constant 0");
  }
  if (ctx.hasOutput(1)) {
    SmallVector<int64_t> shape(ctx.shape(0));
    ctx.setOutput(1, Literal::makeInts(shape,
                                       std::vector<int64_t>(product(shape), 1),
                                       onnx::TensorProto::BOOL));
  }
  return emitIdentity(ctx);
}

static llvm::Error emitShape(NodeContext &ctx) {
  ArrayRef<int64_t> shape = ctx.shape(0);
  int64_t rank = shape.size();
  int64_t start = ctx.intAttr("start", 0), end = ctx.intAttr("end", rank);
  auto clampAxis = [rank](int64_t a) {
    if (a < 0)
      a += rank;
    return std::clamp<int64_t>(a, 0, rank);
  };
  start = clampAxis(start);
  end = std::max(start, clampAxis(end));
  std::vector<int64_t> dims(shape.begin() + start, shape.begin() + end);
  ctx.setOutput(0, Literal::makeInts({int64_t(dims.size())}, dims));
  return llvm::Error::success();
}

static llvm::Error emitReshape(NodeContext &ctx) {
  SmallVector<int64_t> target;
  bool allowZero = ctx.intAttr("allowzero", 0) != 0;
  if (ctx.opset() < 5) {
    target = ctx.intsAttr("shape");
  } else {
    auto literal = ctx.requireLiteral(1);
    if (!literal)
      return literal.takeError();
    for (int64_t i = 0, e = (*literal)->size(); i < e; ++i)
      target.push_back((*literal)->getInt(i));
  }
  ArrayRef<int64_t> in = ctx.shape(0);
  int64_t known = 1, inferred = -1;
  for (auto [i, d] : llvm::enumerate(target)) {
    if (d == 0 && !allowZero) {
      if (i >= in.size())
        return ctx.error("shape copies dim " + Twine(i) +
                         " that the input does not have");
      d = in[i];
    }
    if (d == -1) {
      if (inferred >= 0)
        return ctx.error("shape has more than one -1");
      inferred = i;
      continue;
    }
    if (d < 0)
      return ctx.error("shape has a negative size " + Twine(d));
    known *= d;
  }
  int64_t count = product(in);
  if (inferred >= 0) {
    if (known == 0 || count % known)
      return ctx.error("cannot infer the -1 size of the shape");
    target[inferred] = count / known;
  } else if (known != count) {
    return ctx.error("cannot reshape " + Twine(count) + " elements into " +
                     Twine(known));
  }
  setReshaped(ctx, target);
  return llvm::Error::success();
}

static llvm::Error emitFlatten(NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.shape(0);
  int64_t rank = in.size();
  std::optional<int64_t> axis = ctx.intAttr("axis", 1);
  if (*axis < 0)
    *axis += rank;
  if (*axis < 0 || *axis > rank)
    return ctx.unsupportedAttr("axis", "out of range");
  int64_t outer = product(in.take_front(*axis));
  setReshaped(ctx, {outer, product(in.drop_front(*axis))});
  return llvm::Error::success();
}

static llvm::Error emitSqueeze(NodeContext &ctx) {
  auto axes = intsFromInputOrAttr(ctx, 1, "axes", 13);
  if (!axes)
    return axes.takeError();
  ArrayRef<int64_t> in = ctx.shape(0);
  SmallVector<bool> drop(in.size(), false);
  if (!*axes) {
    for (auto [i, d] : llvm::enumerate(in))
      drop[i] = d == 1;
  } else {
    for (int64_t a : **axes) {
      auto axis = normalizeAxis(a, in.size());
      if (!axis || in[*axis] != 1)
        return ctx.error("cannot squeeze axis " + Twine(a));
      drop[*axis] = true;
    }
  }
  SmallVector<int64_t> shape;
  for (auto [i, d] : llvm::enumerate(in))
    if (!drop[i])
      shape.push_back(d);
  setReshaped(ctx, shape);
  return llvm::Error::success();
}

static llvm::Error emitUnsqueeze(NodeContext &ctx) {
  auto axes = intsFromInputOrAttr(ctx, 1, "axes", 13);
  if (!axes)
    return axes.takeError();
  if (!*axes)
    return ctx.error("needs axes");
  ArrayRef<int64_t> in = ctx.shape(0);
  int64_t rank = in.size() + (*axes)->size();
  SmallVector<bool> inserted(rank, false);
  for (int64_t a : **axes) {
    auto axis = normalizeAxis(a, rank);
    if (!axis || inserted[*axis])
      return ctx.error("invalid axis " + Twine(a));
    inserted[*axis] = true;
  }
  SmallVector<int64_t> shape;
  unsigned next = 0;
  for (int64_t i = 0; i < rank; ++i)
    shape.push_back(inserted[i] ? 1 : in[next++]);
  setReshaped(ctx, shape);
  return llvm::Error::success();
}

static llvm::Error emitTranspose(NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.shape(0);
  SmallVector<int64_t> perm = ctx.intsAttr("perm");
  if (perm.empty())
    for (int64_t i = in.size() - 1; i >= 0; --i)
      perm.push_back(i);
  SmallVector<int64_t> sorted(perm);
  llvm::sort(sorted);
  for (auto [i, p] : llvm::enumerate(sorted))
    if (p != static_cast<int64_t>(i) || perm.size() != in.size())
      return ctx.unsupportedAttr("perm", "(not a permutation of the dims)");
  SmallVector<int64_t> shape;
  for (int64_t p : perm)
    shape.push_back(in[p]);
  if (const Literal *l = ctx.literal(0)) {
    SmallVector<int64_t> strides = rowMajorStrides(in);
    ctx.setOutput(0, gatherLiteral(*l, shape, [&](ArrayRef<int64_t> index) {
      int64_t from = 0;
      for (auto [i, p] : llvm::enumerate(perm))
        from += index[i] * strides[p];
      return from;
    }));
    return llvm::Error::success();
  }
  ctx.setOutput(0, ctx.importer.transpose(ctx.input(0), perm));
  return llvm::Error::success();
}

static llvm::Error emitConcat(NodeContext &ctx) {
  ArrayRef<int64_t> first = ctx.shape(0);
  auto axis = normalizeAxis(ctx.intAttr("axis", 0), first.size());
  if (!axis)
    return ctx.unsupportedAttr("axis", "out of range");
  SmallVector<int64_t> shape(first);
  shape[*axis] = 0;
  for (unsigned i = 0; i < ctx.numInputs(); ++i) {
    ArrayRef<int64_t> s = ctx.shape(i);
    if (s.size() != first.size() ||
        ctx.type(i).getElementType() != ctx.type(0).getElementType())
      return ctx.error("inputs must have the same rank and data type");
    for (unsigned d = 0; d < s.size(); ++d)
      if (d != *axis && s[d] != first[d])
        return ctx.error("input shapes differ outside the concat axis");
    shape[*axis] += s[*axis];
  }
  if (ctx.allInputsLiteral()) {
    SmallVector<int64_t> starts;
    int64_t start = 0;
    for (unsigned i = 0; i < ctx.numInputs(); ++i) {
      starts.push_back(start);
      start += ctx.shape(i)[*axis];
    }
    Literal out;
    out.dtype = ctx.literal(0)->dtype;
    out.shape = shape;
    int64_t count = product(shape);
    SmallVector<int64_t> index(shape.size(), 0);
    for (int64_t flat = 0; flat < count; ++flat) {
      unsigned which = llvm::upper_bound(starts, index[*axis]) - starts.begin() - 1;
      const Literal *in = ctx.literal(which);
      SmallVector<int64_t> local(index);
      local[*axis] -= starts[which];
      int64_t from = 0;
      for (auto [d, size] : llvm::enumerate(in->shape))
        from = from * size + local[d];
      if (out.isFloat())
        out.floats.push_back(in->floats[from]);
      else
        out.ints.push_back(in->ints[from]);
      for (int d = shape.size() - 1; d >= 0 && ++index[d] == shape[d]; --d)
        index[d] = 0;
    }
    ctx.setOutput(0, std::move(out));
    return llvm::Error::success();
  }
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    inputs.push_back(ctx.input(i));
  ctx.setOutput(0, ctx.importer.concat(inputs, *axis));
  return llvm::Error::success();
}

static llvm::Error emitGather(NodeContext &ctx) {
  ArrayRef<int64_t> data = ctx.shape(0), indices = ctx.shape(1);
  auto axis = normalizeAxis(ctx.intAttr("axis", 0), data.size());
  if (!axis || data.empty())
    return ctx.unsupportedAttr("axis", "out of range");
  if (!ctx.type(1).getElementType().isInteger(64) &&
      !ctx.type(1).getElementType().isInteger(32))
    return ctx.error("indices must be int32 or int64");
  SmallVector<int64_t> shape(data.take_front(*axis));
  shape.append(indices.begin(), indices.end());
  shape.append(data.begin() + *axis + 1, data.end());
  int64_t extent = data[*axis];
  const Literal *indexLiteral = ctx.literal(1);
  // Constant indices are checked and made non-negative here.
  std::optional<Literal> normalized;
  if (indexLiteral) {
    normalized = *indexLiteral;
    for (int64_t &i : normalized->ints) {
      if (i < -extent || i >= extent)
        return ctx.error("index " + Twine(i) + " is out of range for a dim of " +
                         Twine(extent));
      if (i < 0)
        i += extent;
    }
  }
  unsigned q = indices.size();
  if (const Literal *l = ctx.literal(0); l && normalized) {
    SmallVector<int64_t> strides = rowMajorStrides(data);
    SmallVector<int64_t> istrides = rowMajorStrides(indices);
    ctx.setOutput(0, gatherLiteral(*l, shape, [&](ArrayRef<int64_t> index) {
      int64_t at = 0;
      for (unsigned k = 0; k < q; ++k)
        at += index[*axis + k] * istrides[k];
      int64_t from = normalized->ints[at] * strides[*axis];
      for (int64_t d = 0; d < *axis; ++d)
        from += index[d] * strides[d];
      for (unsigned d = *axis + 1; d < data.size(); ++d)
        from += index[d + q - 1] * strides[d];
      return from;
    }));
    return llvm::Error::success();
  }
  Importer &imp = ctx.importer;
  OpBuilder &b = ctx.builder;
  Value source = ctx.input(0);
  // Indices known only at run time wrap once if negative, as ONNX says, and
  // are clamped into the dim: out-of-range ones (an error in ONNX) must not
  // read outside the tensor.
  bool runtimeIndices = !normalized;
  if (runtimeIndices && extent == 0)
    return ctx.error("cannot gather from an empty dim");
  Value indexTensor =
      runtimeIndices ? ctx.input(1) : imp.materialize(*normalized);
  Type elementType = ctx.type(0).getElementType();
  Value init = imp.emptyTensor(shape, elementType);
  SmallVector<AffineExpr> indexExprs;
  for (unsigned k = 0; k < q; ++k)
    indexExprs.push_back(b.getAffineDimExpr(*axis + k));
  SmallVector<AffineMap> maps = {
      AffineMap::get(shape.size(), 0, indexExprs, b.getContext()),
      b.getMultiDimIdentityMap(shape.size())};
  SmallVector<utils::IteratorType> iterators(shape.size(),
                                             utils::IteratorType::parallel);
  int64_t dataRank = data.size();
  Value result =
      linalg::GenericOp::create(
          b, ctx.loc, TypeRange{init.getType()}, ValueRange{indexTensor},
          ValueRange{init}, maps, iterators,
          [&](OpBuilder &nb, Location l, ValueRange args) {
            SmallVector<Value> at;
            for (int64_t d = 0; d < *axis; ++d)
              at.push_back(linalg::IndexOp::create(nb, l, d));
            Value index = arith::IndexCastOp::create(
                nb, l, nb.getIndexType(), args[0]);
            if (runtimeIndices) {
              Value zero = arith::ConstantIndexOp::create(nb, l, 0);
              Value size = arith::ConstantIndexOp::create(nb, l, extent);
              Value last = arith::ConstantIndexOp::create(nb, l, extent - 1);
              Value negative = arith::CmpIOp::create(
                  nb, l, arith::CmpIPredicate::slt, index, zero);
              index = arith::SelectOp::create(
                  nb, l, negative, arith::AddIOp::create(nb, l, index, size),
                  index);
              index = arith::MinSIOp::create(
                  nb, l, arith::MaxSIOp::create(nb, l, index, zero), last);
            }
            at.push_back(index);
            for (int64_t d = *axis + 1; d < dataRank; ++d)
              at.push_back(linalg::IndexOp::create(nb, l, d + q - 1));
            Value v = tensor::ExtractOp::create(nb, l, source, at);
            linalg::YieldOp::create(nb, l, v);
          })
          .getResult(0);
  ctx.setOutput(0, result);
  return llvm::Error::success();
}

/// Start, size and step of each dim after ONNX Slice's clamping rules.
struct SliceDim {
  int64_t start = 0, size = 0, step = 1;
};

static llvm::Error emitSlice(NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.shape(0);
  auto starts = intsFromInputOrAttr(ctx, 1, "starts", 10);
  auto ends = intsFromInputOrAttr(ctx, 2, "ends", 10);
  if (!starts)
    return starts.takeError();
  if (!ends)
    return ends.takeError();
  auto axesList = intsFromInputOrAttr(ctx, 3, "axes", 10);
  if (!axesList)
    return axesList.takeError();
  std::optional<SmallVector<int64_t>> steps;
  if (ctx.opset() >= 10) {
    auto s = intsFromInputOrAttr(ctx, 4, "steps", 10);
    if (!s)
      return s.takeError();
    steps = *s;
  }
  if (!*starts || !*ends || (*starts)->size() != (*ends)->size())
    return ctx.error("starts and ends must be given with the same length");
  size_t n = (*starts)->size();
  SmallVector<SliceDim> dims;
  for (int64_t d : in)
    dims.push_back({0, d, 1});
  for (size_t k = 0; k < n; ++k) {
    int64_t a = *axesList ? (**axesList)[k] : static_cast<int64_t>(k);
    auto axis = normalizeAxis(a, in.size());
    if (!axis || (*axesList && (*axesList)->size() != n))
      return ctx.error("invalid axes");
    int64_t step = steps && k < steps->size() ? (*steps)[k] : 1;
    if (step == 0)
      return ctx.error("a step of 0");
    int64_t size = in[*axis];
    int64_t start = (**starts)[k], end = (**ends)[k];
    auto wrap = [size](int64_t v) { return v < 0 ? v + size : v; };
    if (step > 0) {
      start = std::clamp<int64_t>(wrap(start), 0, size);
      end = std::clamp<int64_t>(wrap(end), 0, size);
    } else {
      start = std::clamp<int64_t>(wrap(start), 0, size - 1);
      end = std::clamp<int64_t>(wrap(end), -1, size - 1);
    }
    int64_t count = step > 0 ? (end - start + step - 1) / step
                             : (start - end + (-step) - 1) / (-step);
    dims[*axis] = {start, std::max<int64_t>(count, 0), step};
  }
  SmallVector<int64_t> shape;
  for (const SliceDim &d : dims)
    shape.push_back(d.size);
  if (const Literal *l = ctx.literal(0)) {
    SmallVector<int64_t> strides = rowMajorStrides(in);
    ctx.setOutput(0, gatherLiteral(*l, shape, [&](ArrayRef<int64_t> index) {
      int64_t from = 0;
      for (auto [i, d] : llvm::enumerate(dims))
        from += (d.start + index[i] * d.step) * strides[i];
      return from;
    }));
    return llvm::Error::success();
  }
  // An empty slice is a constant: it has no values.
  if (product(shape) == 0) {
    ctx.setOutput(0, emptyLiteral(ctx.dtype(0), shape));
    return llvm::Error::success();
  }
  Importer &imp = ctx.importer;
  if (llvm::all_of(dims, [](const SliceDim &d) { return d.step > 0; })) {
    SmallVector<int64_t> offsets, strides;
    for (const SliceDim &d : dims) {
      offsets.push_back(d.start);
      strides.push_back(d.step);
    }
    ctx.setOutput(0, imp.extractSlice(ctx.input(0), offsets, shape, strides));
    return llvm::Error::success();
  }
  SmallVector<AffineExpr> exprs;
  for (auto [i, d] : llvm::enumerate(dims))
    exprs.push_back(ctx.builder.getAffineDimExpr(i) * d.step + d.start);
  ctx.setOutput(0, imp.mapped(ctx.input(0),
                              AffineMap::get(in.size(), 0, exprs,
                                             ctx.builder.getContext()),
                              shape));
  return llvm::Error::success();
}

static llvm::Error emitSplit(NodeContext &ctx) {
  ArrayRef<int64_t> in = ctx.shape(0);
  auto axis = normalizeAxis(ctx.intAttr("axis", 0), in.size());
  if (!axis)
    return ctx.unsupportedAttr("axis", "out of range");
  auto sizes = intsFromInputOrAttr(ctx, 1, "split", 13);
  if (!sizes)
    return sizes.takeError();
  unsigned outputs = ctx.numOutputs();
  SmallVector<int64_t> split;
  if (*sizes) {
    split = **sizes;
  } else {
    int64_t chunk = (in[*axis] + outputs - 1) / outputs;
    for (unsigned i = 0; i < outputs; ++i)
      split.push_back(std::min(chunk, in[*axis] - chunk * i));
  }
  if (split.size() != outputs ||
      std::accumulate(split.begin(), split.end(), int64_t(0)) != in[*axis] ||
      llvm::any_of(split, [](int64_t s) { return s < 0; }))
    return ctx.error("split sizes do not partition the axis");
  int64_t offset = 0;
  for (unsigned i = 0; i < outputs; ++i) {
    SmallVector<int64_t> offsets(in.size(), 0), shape(in),
        strides(in.size(), 1);
    offsets[*axis] = offset;
    shape[*axis] = split[i];
    offset += split[i];
    if (product(shape) == 0) {
      ctx.setOutput(i, emptyLiteral(ctx.dtype(0), shape));
    } else if (const Literal *l = ctx.literal(0)) {
      SmallVector<int64_t> st = rowMajorStrides(in);
      ctx.setOutput(i, gatherLiteral(*l, shape, [&](ArrayRef<int64_t> index) {
        int64_t from = 0;
        for (auto [d, v] : llvm::enumerate(index))
          from += (v + offsets[d]) * st[d];
        return from;
      }));
    } else {
      ctx.setOutput(i, ctx.importer.extractSlice(ctx.input(0), offsets, shape,
                                                 strides));
    }
  }
  return llvm::Error::success();
}

static llvm::Error emitExpand(NodeContext &ctx) {
  auto target = intsFromInputOrAttr(ctx, 1, "shape", 0);
  if (!target)
    return target.takeError();
  auto shape = broadcastShapes(ctx.shape(0), **target);
  if (!shape)
    return ctx.error("input cannot be broadcast to the shape");
  ArrayRef<int64_t> in = ctx.shape(0);
  if (llvm::any_of(*shape, [](int64_t d) { return d < 0 || d > kMaxLiteral; }))
    return ctx.error("shape has negative or too large sizes");
  if (const Literal *l = ctx.literal(0); l && product(*shape) <= kMaxLiteral) {
    unsigned offset = shape->size() - in.size();
    ctx.setOutput(0, gatherLiteral(*l, *shape, [&](ArrayRef<int64_t> index) {
      int64_t from = 0;
      for (unsigned d = 0; d < in.size(); ++d)
        from = from * in[d] + (in[d] == 1 ? 0 : index[offset + d]);
      return from;
    }));
    return llvm::Error::success();
  }
  ctx.setOutput(0, ctx.importer.elementwise(
                       {ctx.input(0)}, *shape, ctx.type(0).getElementType(),
                       [](OpBuilder &, Location, ArrayRef<Value> v) {
                         return v[0];
                       }));
  return llvm::Error::success();
}

/// Reflect or edge padding of one dim by slicing and concatenating.
static Value padBySlices(Importer &imp, Value input, unsigned dim, int64_t low,
                         int64_t high, bool reflect) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t size = type.getDimSize(dim);
  SmallVector<int64_t> shape(type.getShape()), offsets(shape.size(), 0),
      strides(shape.size(), 1);
  shape[dim] = 1;
  auto slice = [&](int64_t at) {
    offsets[dim] = at;
    return imp.extractSlice(input, offsets, shape, strides);
  };
  SmallVector<Value> pieces;
  for (int64_t j = low; j >= 1; --j)
    pieces.push_back(slice(reflect ? j : 0));
  pieces.push_back(input);
  for (int64_t j = 1; j <= high; ++j)
    pieces.push_back(slice(reflect ? size - 1 - j : size - 1));
  return imp.concat(pieces, dim);
}

static llvm::Error emitPad(NodeContext &ctx) {
  std::string mode = ctx.stringAttr("mode", "constant");
  if (mode != "constant" && mode != "reflect" && mode != "edge")
    return ctx.unsupportedAttr("mode", "'" + mode + "'");
  auto pads = intsFromInputOrAttr(ctx, 1, "pads", 11);
  if (!pads)
    return pads.takeError();
  ArrayRef<int64_t> in = ctx.shape(0);
  unsigned rank = in.size();
  if (!*pads || (*pads)->size() != 2 * rank)
    return ctx.error("pads must have " + Twine(2 * rank) + " values");
  double value = 0;
  if (ctx.opset() < 11) {
    value = ctx.floatAttr("value", 0.0);
  } else if (ctx.hasInput(2)) {
    auto literal = ctx.requireLiteral(2);
    if (!literal)
      return literal.takeError();
    if ((*literal)->size() != 1)
      return ctx.error("constant_value must be a scalar");
    value = (*literal)->get(0);
  }
  if (ctx.numInputs() > 3)
    return ctx.error("the axes input is not supported");
  Importer &imp = ctx.importer;
  Value x = ctx.input(0);
  // Negative pads crop first.
  SmallVector<int64_t> low, high, offsets, sizes;
  bool crop = false;
  for (unsigned d = 0; d < rank; ++d) {
    int64_t lo = (**pads)[d], hi = (**pads)[rank + d];
    offsets.push_back(std::max<int64_t>(-lo, 0));
    sizes.push_back(in[d] - std::max<int64_t>(-lo, 0) -
                    std::max<int64_t>(-hi, 0));
    if (sizes.back() < 1)
      return ctx.error("pads crop dim " + Twine(d) + " to nothing");
    crop |= lo < 0 || hi < 0;
    low.push_back(std::max<int64_t>(lo, 0));
    high.push_back(std::max<int64_t>(hi, 0));
  }
  if (crop)
    x = imp.extractSlice(x, offsets, sizes, SmallVector<int64_t>(rank, 1));
  if (mode == "constant") {
    if (llvm::any_of(low, [](int64_t v) { return v; }) ||
        llvm::any_of(high, [](int64_t v) { return v; }))
      x = imp.padConstant(x, low, high, value);
  } else {
    for (unsigned d = 0; d < rank; ++d) {
      if (mode == "reflect" && (low[d] >= sizes[d] || high[d] >= sizes[d]))
        return ctx.error("reflect pads of dim " + Twine(d) +
                         " must be smaller than its size " + Twine(sizes[d]));
      if (low[d] || high[d])
        x = padBySlices(imp, x, d, low[d], high[d], mode == "reflect");
    }
  }
  ctx.setOutput(0, x);
  return llvm::Error::success();
}

/// DepthToSpace and SpaceToDepth: reshape, transpose, reshape.
static llvm::Error emitDepthSpace(NodeContext &ctx, bool toSpace) {
  int64_t b = ctx.intAttr("blocksize", 0);
  std::string mode = toSpace ? ctx.stringAttr("mode", "DCR") : "DCR";
  if (mode != "DCR" && mode != "CRD")
    return ctx.unsupportedAttr("mode", "'" + mode + "'");
  ArrayRef<int64_t> x = ctx.shape(0);
  if (x.size() != 4)
    return ctx.error("input must be N x C x H x W");
  if (b < 1)
    return ctx.unsupportedAttr("blocksize", Twine(b));
  int64_t n = x[0], c = x[1], h = x[2], w = x[3];
  Importer &imp = ctx.importer;
  Value v = ctx.input(0);
  if (toSpace) {
    if (c % (b * b))
      return ctx.error("channels must be a multiple of blocksize^2");
    int64_t c2 = c / (b * b);
    if (mode == "DCR") {
      v = imp.reshape(v, {n, b, b, c2, h, w});
      v = imp.transpose(v, {0, 3, 4, 1, 5, 2});
    } else {
      v = imp.reshape(v, {n, c2, b, b, h, w});
      v = imp.transpose(v, {0, 1, 4, 2, 5, 3});
    }
    ctx.setOutput(0, imp.reshape(v, {n, c2, h * b, w * b}));
  } else {
    if (h % b || w % b)
      return ctx.error("height and width must be multiples of blocksize");
    v = imp.reshape(v, {n, c, h / b, b, w / b, b});
    v = imp.transpose(v, {0, 3, 5, 1, 2, 4});
    ctx.setOutput(0, imp.reshape(v, {n, c * b * b, h / b, w / b}));
  }
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// Resize and Upsample
//===----------------------------------------------------------------------===//

/// How output coordinate x maps to an input coordinate in one dim.
static double sourceCoordinate(StringRef mode, int64_t x, int64_t in,
                               int64_t out, double scale) {
  if (mode == "half_pixel")
    return (x + 0.5) / scale - 0.5;
  if (mode == "pytorch_half_pixel")
    return out > 1 ? (x + 0.5) / scale - 0.5 : 0.0;
  // ONNX's resized length is in * scale, not rounded to the output size
  // (they differ when downscaling by scales).
  if (mode == "align_corners")
    return out == 1 ? 0.0 : x * double(in - 1) / (in * scale - 1);
  if (mode == "tf_half_pixel_for_nn")
    return (x + 0.5) / scale;
  return x / scale; // asymmetric
}

static int64_t nearestIndex(StringRef mode, double coordinate, int64_t in) {
  double r;
  if (mode == "floor")
    r = std::floor(coordinate);
  else if (mode == "ceil")
    r = std::ceil(coordinate);
  else if (coordinate - std::floor(coordinate) == 0.5)
    r = mode == "round_prefer_ceil" ? std::ceil(coordinate)
                                    : std::floor(coordinate);
  else
    r = std::round(coordinate);
  return std::clamp<int64_t>(static_cast<int64_t>(r), 0, in - 1);
}

/// The four weights of ONNX's cubic convolution kernel (coefficient `a`) for
/// the source indices floor(c) - 1 .. floor(c) + 2, t = c - floor(c).
static std::array<double, 4> cubicWeights(double t, double a) {
  auto near = [a](double x) { return ((a + 2) * x - (a + 3)) * x * x + 1; };
  auto far = [a](double x) { return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a; };
  return {far(t + 1), near(t), near(1 - t), far(2 - t)};
}

static llvm::Error resizeWith(NodeContext &ctx, ArrayRef<double> scales,
                              ArrayRef<int64_t> outShape, StringRef mode,
                              StringRef transform, StringRef nearestMode,
                              double cubicA, bool excludeOutside,
                              ArrayRef<double> roi, double extrapolation) {
  ArrayRef<int64_t> in = ctx.shape(0);
  Importer &imp = ctx.importer;
  OpBuilder &b = ctx.builder;
  Value x = ctx.input(0);
  Type elementType = ctx.type(0).getElementType();
  unsigned rank = in.size();
  bool linear = mode == "linear", cubic = mode == "cubic";
  unsigned taps = cubic ? 4 : linear ? 2 : 1;
  SmallVector<int64_t> current(in);
  bool crop = transform == "tf_crop_and_resize";
  for (unsigned d = 0; d < rank; ++d) {
    if (outShape[d] == in[d] && scales[d] == 1.0 &&
        (!crop || (roi[d] == 0 && roi[rank + d] == 1)))
      continue;
    if (taps > 1 && d < rank - 2 && rank > 2)
      return ctx.error(mode + " resizing of a non-spatial dim is not "
                              "supported");
    // Per output index and tap: a source index and its weight.
    std::vector<std::vector<int64_t>> index(taps,
                                            std::vector<int64_t>(outShape[d]));
    std::vector<std::vector<double>> weight(taps,
                                            std::vector<double>(outShape[d]));
    // tf_crop_and_resize: coordinates outside the input take the
    // extrapolation value.
    std::vector<int64_t> outside(outShape[d], 0);
    int64_t last = in[d] - 1;
    for (int64_t o = 0; o < outShape[d]; ++o) {
      double c;
      if (crop) {
        double start = roi[d], end = roi[rank + d];
        c = outShape[d] > 1
                ? start * last + o * (end - start) * last / (outShape[d] - 1)
                : 0.5 * (start + end) * last;
        outside[o] = c < 0 || c > last;
      } else {
        c = sourceCoordinate(transform, o, in[d], outShape[d], scales[d]);
      }
      if (linear) {
        // Linear as a + w * (c - a): weight[1] is the second tap's.
        c = std::clamp(c, 0.0, double(last));
        index[0][o] = static_cast<int64_t>(std::floor(c));
        index[1][o] = std::min(index[0][o] + 1, last);
        weight[1][o] = c - index[0][o];
      } else if (cubic) {
        double f = std::floor(c);
        std::array<double, 4> w = cubicWeights(c - f, cubicA);
        double sum = 0;
        for (unsigned k = 0; k < 4; ++k) {
          int64_t i = static_cast<int64_t>(f) - 1 + k;
          if (excludeOutside && (i < 0 || i > last))
            w[k] = 0;
          sum += w[k];
          // Outside the input, the edge value (ONNX pads by the edge).
          index[k][o] = std::clamp<int64_t>(i, 0, last);
        }
        for (unsigned k = 0; k < 4; ++k)
          weight[k][o] = excludeOutside ? w[k] / sum : w[k];
      } else {
        index[0][o] = nearestIndex(nearestMode, c, in[d]);
      }
    }
    current[d] = outShape[d];
    SmallVector<Value> operands;
    for (unsigned k = 0; k < taps; ++k)
      operands.push_back(
          imp.materialize(Literal::makeInts({outShape[d]}, index[k])));
    if (taps > 1)
      for (unsigned k = linear ? 1 : 0; k < taps; ++k)
        operands.push_back(imp.materialize(Literal::makeFloats(
            getDType(elementType), {outShape[d]}, weight[k])));
    bool extrapolates = llvm::is_contained(outside, 1);
    if (extrapolates)
      operands.push_back(imp.materialize(Literal::makeInts(
          {outShape[d]}, outside, onnx::TensorProto::BOOL)));
    AffineMap dimMap =
        AffineMap::get(rank, 0, b.getAffineDimExpr(d), b.getContext());
    Value init = imp.emptyTensor(current, elementType);
    SmallVector<AffineMap> maps(operands.size(), dimMap);
    maps.push_back(b.getMultiDimIdentityMap(rank));
    Value source = x;
    x = linalg::GenericOp::create(
            b, ctx.loc, TypeRange{init.getType()}, operands, ValueRange{init},
            maps,
            SmallVector<utils::IteratorType>(rank,
                                             utils::IteratorType::parallel),
            [&](OpBuilder &nb, Location l, ValueRange args) {
              SmallVector<Value> at;
              for (unsigned k = 0; k < rank; ++k)
                at.push_back(linalg::IndexOp::create(nb, l, k));
              SmallVector<Value> values;
              for (unsigned k = 0; k < taps; ++k) {
                at[d] = arith::IndexCastOp::create(nb, l, nb.getIndexType(),
                                                   args[k]);
                values.push_back(tensor::ExtractOp::create(nb, l, source, at));
              }
              Value r = values[0];
              if (linear) {
                // a + w * (c - a)
                Value diff = arith::SubFOp::create(nb, l, values[1], r);
                r = arith::AddFOp::create(
                    nb, l, r, arith::MulFOp::create(nb, l, args[2], diff));
              } else if (cubic) {
                r = arith::MulFOp::create(nb, l, args[4], values[0]);
                for (unsigned k = 1; k < 4; ++k)
                  r = arith::AddFOp::create(
                      nb, l, r,
                      arith::MulFOp::create(nb, l, args[4 + k], values[k]));
              }
              if (extrapolates)
                r = arith::SelectOp::create(
                    nb, l, args[operands.size() - 1],
                    Importer::scalar(nb, l, elementType, extrapolation), r);
              linalg::YieldOp::create(nb, l, r);
            })
            .getResult(0);
  }
  ctx.setOutput(0, x);
  return llvm::Error::success();
}

static llvm::Error emitResize(NodeContext &ctx, bool upsample) {
  if (llvm::Error err = ctx.requireFloat(0))
    return err;
  std::string mode = ctx.stringAttr("mode", "nearest");
  if (mode == "bilinear" || mode == "trilinear")
    mode = "linear";
  // Cubic from Resize-11 on.
  bool cubicAllowed = !upsample && ctx.opset() >= 11;
  if (mode != "nearest" && mode != "linear" &&
      !(mode == "cubic" && cubicAllowed))
    return ctx.unsupportedAttr("mode", "'" + mode + "'");
  std::string transform = "asymmetric", nearestMode = "floor";
  double cubicA = -0.75, extrapolation = 0;
  bool excludeOutside = false;
  if (!upsample && ctx.opset() >= 11) {
    transform = ctx.stringAttr("coordinate_transformation_mode", "half_pixel");
    nearestMode = ctx.stringAttr("nearest_mode", "round_prefer_floor");
    cubicA = ctx.floatAttr("cubic_coeff_a", -0.75);
    excludeOutside = ctx.intAttr("exclude_outside", 0) != 0;
    extrapolation = ctx.floatAttr("extrapolation_value", 0.0);
    if (!llvm::is_contained({"half_pixel", "pytorch_half_pixel",
                             "align_corners", "asymmetric",
                             "tf_half_pixel_for_nn", "tf_crop_and_resize"},
                            transform))
      return ctx.unsupportedAttr("coordinate_transformation_mode",
                                 "'" + transform + "'");
    if (!llvm::is_contained(
            {"round_prefer_floor", "round_prefer_ceil", "floor", "ceil"},
            nearestMode))
      return ctx.unsupportedAttr("nearest_mode", "'" + nearestMode + "'");
  }
  ArrayRef<int64_t> in = ctx.shape(0);
  SmallVector<double> scales;
  SmallVector<int64_t> outShape;
  if (upsample && ctx.opset() < 9) {
    scales = ctx.floatsAttr("scales");
  } else {
    unsigned scalesInput = upsample || ctx.opset() < 11 ? 1 : 2;
    unsigned sizesInput = 3;
    const Literal *s = ctx.knownLiteral(scalesInput);
    if (ctx.hasInput(scalesInput) && !s)
      return ctx.error("scales must be a constant");
    if (s && s->size() > 0) {
      for (int64_t i = 0; i < s->size(); ++i)
        scales.push_back(s->get(i));
    } else if (!upsample && ctx.hasInput(sizesInput)) {
      auto sizes = ctx.requireLiteral(sizesInput);
      if (!sizes)
        return sizes.takeError();
      if ((*sizes)->size() != static_cast<int64_t>(in.size()))
        return ctx.error("sizes must have one value per dim");
      for (int64_t i = 0; i < (*sizes)->size(); ++i) {
        outShape.push_back((*sizes)->getInt(i));
        scales.push_back(double(outShape.back()) / in[i]);
      }
    }
  }
  if (scales.size() != in.size())
    return ctx.error("scales must have one value per dim");
  if (outShape.empty())
    for (auto [d, s] : llvm::zip(in, scales))
      outShape.push_back(static_cast<int64_t>(std::floor(d * s)));
  if (llvm::any_of(outShape, [](int64_t d) { return d < 1; }))
    return ctx.error("the output would be empty");
  // The region of interest (starts, then ends, normalized) of
  // tf_crop_and_resize.
  SmallVector<double> roi;
  if (transform == "tf_crop_and_resize") {
    auto roiLiteral = ctx.requireLiteral(1);
    if (!roiLiteral)
      return roiLiteral.takeError();
    if ((*roiLiteral)->size() != 2 * static_cast<int64_t>(in.size()))
      return ctx.error("roi must have two values per dim");
    for (int64_t i = 0; i < (*roiLiteral)->size(); ++i)
      roi.push_back((*roiLiteral)->get(i));
  }
  return resizeWith(ctx, scales, outShape, mode, transform, nearestMode,
                    cubicA, excludeOutside, roi, extrapolation);
}

void onnx_import::registerTensorOps(EmitterTable &table) {
  table["Constant"] = emitConstant;
  table["ConstantOfShape"] = emitConstantOfShape;
  table["Identity"] = emitIdentity;
  table["Dropout"] = emitDropout;
  table["Shape"] = emitShape;
  table["Reshape"] = emitReshape;
  table["Flatten"] = emitFlatten;
  table["Squeeze"] = emitSqueeze;
  table["Unsqueeze"] = emitUnsqueeze;
  table["Transpose"] = emitTranspose;
  table["Concat"] = emitConcat;
  table["Gather"] = emitGather;
  table["Slice"] = emitSlice;
  table["Split"] = emitSplit;
  table["Expand"] = emitExpand;
  table["Pad"] = emitPad;
  table["DepthToSpace"] = [](NodeContext &ctx) {
    return emitDepthSpace(ctx, true);
  };
  table["SpaceToDepth"] = [](NodeContext &ctx) {
    return emitDepthSpace(ctx, false);
  };
  table["Resize"] = [](NodeContext &ctx) { return emitResize(ctx, false); };
  table["Upsample"] = [](NodeContext &ctx) { return emitResize(ctx, true); };
}
