//===- ElementwiseOps.cpp - ONNX elementwise operators --------------------===//
//
// Activations, arithmetic with numpy broadcasting, comparisons, Where, Cast,
// Clip and inference-mode BatchNormalization: each one linalg.generic with
// an arith/math body. Integer arithmetic on constants (shape computations)
// is folded while importing.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>
#include <numeric>

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;
using llvm::Twine;


using Vals = ArrayRef<Value>;

static Value cst(OpBuilder &b, Location l, Value like, double v) {
  return Importer::scalar(b, l, like.getType(), v);
}

/// The shape input i broadcasts with. Before opset 7, binary operators with
/// broadcast = 1 and an axis align input 1 at that axis of input 0, and
/// PRelu's slope of C values applies to dim 1 (channels).
static SmallVector<int64_t> operandShape(NodeContext &ctx, unsigned i) {
  SmallVector<int64_t> shape(ctx.shape(i));
  if (i != 1)
    return shape;
  ArrayRef<int64_t> x = ctx.shape(0);
  if (ctx.opset() < 7 && ctx.intAttr("broadcast", 0) && ctx.hasAttr("axis")) {
    int64_t axis = ctx.intAttr("axis", 0);
    if (axis < 0)
      axis += x.size();
    if (axis >= 0 && axis + shape.size() <= x.size()) {
      SmallVector<int64_t> aligned(axis, 1);
      aligned.append(shape);
      aligned.append(x.size() - aligned.size(), 1);
      return aligned;
    }
  }
  if (ctx.node.op_type() == "PRelu" && shape.size() == 1 && x.size() > 2 &&
      shape[0] == x[1] && !broadcastShapes(x, shape)) {
    SmallVector<int64_t> channels(x.size() - 1, 1);
    channels[0] = shape[0];
    return channels;
  }
  return shape;
}

/// Input i as a value of its operandShape.
static Value operand(NodeContext &ctx, unsigned i) {
  return ctx.importer.reshape(ctx.input(i), operandShape(ctx, i));
}

/// Broadcast shape of all present inputs, or an error.
static llvm::Expected<SmallVector<int64_t>> broadcastInputs(NodeContext &ctx) {
  SmallVector<int64_t> shape;
  bool first = true;
  for (unsigned i = 0; i < ctx.numInputs(); ++i) {
    if (!ctx.hasInput(i))
      continue;
    SmallVector<int64_t> inShape = operandShape(ctx, i);
    if (first) {
      shape = inShape;
      first = false;
      continue;
    }
    auto result = broadcastShapes(shape, inShape);
    if (!result)
      return ctx.error("input shapes cannot be broadcast together");
    shape = *result;
  }
  return shape;
}

/// Flat index into `inShape` (right-aligned, broadcast) of each element of
/// `outShape`.
static std::vector<int64_t> broadcastIndices(ArrayRef<int64_t> inShape,
                                             ArrayRef<int64_t> outShape) {
  int64_t count = 1;
  for (int64_t d : outShape)
    count *= d;
  std::vector<int64_t> result(count);
  SmallVector<int64_t> index(outShape.size(), 0);
  unsigned offset = outShape.size() - inShape.size();
  for (int64_t flat = 0; flat < count; ++flat) {
    int64_t in = 0;
    for (unsigned i = 0; i < inShape.size(); ++i)
      in = in * inShape[i] + (inShape[i] == 1 ? 0 : index[offset + i]);
    result[flat] = in;
    for (int d = outShape.size() - 1; d >= 0 && ++index[d] == outShape[d]; --d)
      index[d] = 0;
  }
  return result;
}

/// Folds an elementwise op over literal inputs with `fn` on doubles (floats)
/// or int64 (ints; unsigned ones below 2^32 compare and divide correctly as
/// int64); the result dtype is `dtype`, integers wrapped into its range.
template <typename FloatFn, typename IntFn>
static Literal foldElementwise(NodeContext &ctx, ArrayRef<int64_t> shape,
                               int32_t dtype, FloatFn floatFn, IntFn intFn) {
  SmallVector<const Literal *> inputs;
  SmallVector<std::vector<int64_t>> indices;
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    if (ctx.hasInput(i)) {
      inputs.push_back(ctx.literal(i));
      indices.push_back(broadcastIndices(operandShape(ctx, i), shape));
    }
  int64_t count = indices.front().size();
  Literal result;
  result.dtype = dtype;
  result.shape.assign(shape.begin(), shape.end());
  bool floatInputs = inputs.front()->isFloat();
  for (int64_t flat = 0; flat < count; ++flat) {
    if (floatInputs) {
      SmallVector<double, 3> args;
      for (auto [input, index] : llvm::zip(inputs, indices))
        args.push_back(input->get(index[flat]));
      double r = floatFn(args);
      if (result.isFloat())
        result.floats.push_back(r);
      else
        result.ints.push_back(wrapToDType(static_cast<int64_t>(r), dtype));
    } else {
      SmallVector<int64_t, 3> args;
      for (auto [input, index] : llvm::zip(inputs, indices))
        args.push_back(input->getInt(index[flat]));
      int64_t r = intFn(args);
      if (result.isFloat())
        result.floats.push_back(static_cast<double>(r));
      else
        result.ints.push_back(wrapToDType(r, dtype));
    }
  }
  return result;
}

/// Largest literal the importer folds; bigger ones are computed at run time.
static constexpr int64_t kMaxFoldedElements = 1 << 16;

static bool shouldFold(NodeContext &ctx, ArrayRef<int64_t> shape) {
  int64_t count = 1;
  for (int64_t d : shape)
    count *= d;
  // UINT64 values from 2^63 on do not compare or divide as int64.
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    if (ctx.hasInput(i) && ctx.dtype(i) == onnx::TensorProto::UINT64)
      return false;
  return ctx.allInputsLiteral() && count <= kMaxFoldedElements;
}

/// A float-only elementwise op over all inputs (broadcast).
static llvm::Error floatOp(NodeContext &ctx, const BodyBuilder &body) {
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    if (ctx.hasInput(i))
      if (llvm::Error err = ctx.requireFloat(i))
        return err;
  auto shape = broadcastInputs(ctx);
  if (!shape)
    return shape.takeError();
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    if (ctx.hasInput(i))
      inputs.push_back(operand(ctx, i));
  ctx.setOutput(0, ctx.importer.elementwise(
                       inputs, *shape, ctx.type(0).getElementType(), body));
  return llvm::Error::success();
}

using HostFloatFn = double (*)(ArrayRef<double>);
using HostIntFn = int64_t (*)(ArrayRef<int64_t>);

/// Arithmetic on floats and ints, folded on literals. `unsignedBody`, if
/// given, replaces `intBody` on unsigned integers (division, max, min).
static llvm::Error arithmeticOp(NodeContext &ctx, HostFloatFn hostFloat,
                                HostIntFn hostInt, const BodyBuilder &floatBody,
                                const BodyBuilder &intBody,
                                const BodyBuilder &unsignedBody = nullptr) {
  auto shape = broadcastInputs(ctx);
  if (!shape)
    return shape.takeError();
  Type elementType = ctx.type(0).getElementType();
  for (unsigned i = 1; i < ctx.numInputs(); ++i)
    if (ctx.hasInput(i) && (ctx.type(i).getElementType() != elementType ||
                            ctx.dtype(i) != ctx.dtype(0)))
      return ctx.error("inputs must have the same data type");
  bool isFloat = isa<FloatType>(elementType);
  if (!isFloat && !intBody)
    return ctx.requireFloat(0);
  if (shouldFold(ctx, *shape) && (isFloat || hostInt)) {
    ctx.setOutput(0, foldElementwise(ctx, *shape, ctx.dtype(0), hostFloat,
                                     hostInt));
    return llvm::Error::success();
  }
  SmallVector<Value> inputs;
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    if (ctx.hasInput(i))
      inputs.push_back(operand(ctx, i));
  const BodyBuilder &body = isFloat                              ? floatBody
                            : ctx.isUnsigned(0) && unsignedBody ? unsignedBody
                                                                 : intBody;
  ctx.setOutput(0, ctx.importer.elementwise(inputs, *shape, elementType, body));
  return llvm::Error::success();
}

template <typename OpTy> static BodyBuilder unaryBody() {
  return [](OpBuilder &b, Location l, Vals v) -> Value {
    return OpTy::create(b, l, v[0]);
  };
}

template <typename OpTy> static BodyBuilder foldBody() {
  return [](OpBuilder &b, Location l, Vals v) -> Value {
    Value acc = v[0];
    for (Value x : v.drop_front())
      acc = OpTy::create(b, l, acc, x);
    return acc;
  };
}

/// Integer division as the import-time fold does it: x / 0 is 0 and, for
/// signed types, MIN / -1 wraps to MIN. The hardware traps on both (ONNX
/// leaves them undefined): divide by 1 instead, then select.
static BodyBuilder integerDivision(bool isUnsigned) {
  return [isUnsigned](OpBuilder &b, Location l, Vals v) -> Value {
    Value zero = cst(b, l, v[1], 0), one = cst(b, l, v[1], 1);
    Value byZero =
        arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, v[1], zero);
    if (isUnsigned) {
      Value divisor = arith::SelectOp::create(b, l, byZero, one, v[1]);
      Value quotient = arith::DivUIOp::create(b, l, v[0], divisor);
      return arith::SelectOp::create(b, l, byZero, zero, quotient);
    }
    Value byMinusOne = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq,
                                             v[1], cst(b, l, v[1], -1));
    Value special = arith::OrIOp::create(b, l, byZero, byMinusOne);
    Value divisor = arith::SelectOp::create(b, l, special, one, v[1]);
    Value quotient = arith::DivSIOp::create(b, l, v[0], divisor);
    Value negated = arith::SubIOp::create(b, l, zero, v[0]);
    Value result = arith::SelectOp::create(b, l, byMinusOne, negated, quotient);
    return arith::SelectOp::create(b, l, byZero, zero, result);
  };
}

static Value sigmoid(OpBuilder &b, Location l, Value x) {
  Value one = cst(b, l, x, 1.0);
  Value e = math::ExpOp::create(b, l, arith::NegFOp::create(b, l, x));
  return arith::DivFOp::create(b, l, one, arith::AddFOp::create(b, l, one, e));
}

static Value clamp(OpBuilder &b, Location l, Value x, double lo, double hi) {
  Value r = arith::MaximumFOp::create(b, l, x, cst(b, l, x, lo));
  return arith::MinimumFOp::create(b, l, r, cst(b, l, x, hi));
}

static Value isNegative(OpBuilder &b, Location l, Value x) {
  return arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x,
                               cst(b, l, x, 0.0));
}

static llvm::Error emitLeakyRelu(NodeContext &ctx) {
  double alpha = ctx.floatAttr("alpha", 0.01);
  return floatOp(ctx, [alpha](OpBuilder &b, Location l, Vals v) -> Value {
    Value scaled = arith::MulFOp::create(b, l, v[0], cst(b, l, v[0], alpha));
    return arith::SelectOp::create(b, l, isNegative(b, l, v[0]), scaled, v[0]);
  });
}

static llvm::Error emitElu(NodeContext &ctx) {
  double alpha = ctx.floatAttr("alpha", 1.0);
  return floatOp(ctx, [alpha](OpBuilder &b, Location l, Vals v) -> Value {
    Value em1 = math::ExpM1Op::create(b, l, v[0]);
    Value neg = arith::MulFOp::create(b, l, em1, cst(b, l, v[0], alpha));
    return arith::SelectOp::create(b, l, isNegative(b, l, v[0]), neg, v[0]);
  });
}

static llvm::Error emitSelu(NodeContext &ctx) {
  double alpha = ctx.floatAttr("alpha", 1.67326319217681884765625);
  double gamma = ctx.floatAttr("gamma", 1.05070102214813232421875);
  return floatOp(ctx, [=](OpBuilder &b, Location l, Vals v) -> Value {
    Value x = v[0];
    Value neg = arith::MulFOp::create(b, l, math::ExpM1Op::create(b, l, x),
                                      cst(b, l, x, alpha));
    Value pos = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x,
                                      cst(b, l, x, 0.0));
    Value r = arith::SelectOp::create(b, l, pos, x, neg);
    return arith::MulFOp::create(b, l, r, cst(b, l, x, gamma));
  });
}

static llvm::Error emitHardSigmoid(NodeContext &ctx) {
  double alpha = ctx.floatAttr("alpha", 0.2), beta = ctx.floatAttr("beta", 0.5);
  return floatOp(ctx, [=](OpBuilder &b, Location l, Vals v) -> Value {
    Value x = arith::MulFOp::create(b, l, v[0], cst(b, l, v[0], alpha));
    x = arith::AddFOp::create(b, l, x, cst(b, l, v[0], beta));
    return clamp(b, l, x, 0.0, 1.0);
  });
}

static llvm::Error emitHardSwish(NodeContext &ctx) {
  return floatOp(ctx, [](OpBuilder &b, Location l, Vals v) -> Value {
    Value x = arith::MulFOp::create(b, l, v[0], cst(b, l, v[0], 1.0 / 6));
    x = arith::AddFOp::create(b, l, x, cst(b, l, v[0], 0.5));
    return arith::MulFOp::create(b, l, v[0], clamp(b, l, x, 0.0, 1.0));
  });
}

static llvm::Error emitSoftplus(NodeContext &ctx) {
  // log(1 + exp(x)) = max(x, 0) + log1p(exp(-|x|)), without overflow.
  return floatOp(ctx, [](OpBuilder &b, Location l, Vals v) -> Value {
    Value x = v[0];
    Value relu = arith::MaximumFOp::create(b, l, x, cst(b, l, x, 0.0));
    Value negAbs = arith::NegFOp::create(b, l, math::AbsFOp::create(b, l, x));
    Value tail = math::Log1pOp::create(b, l, math::ExpOp::create(b, l, negAbs));
    return arith::AddFOp::create(b, l, relu, tail);
  });
}

static llvm::Error emitClip(NodeContext &ctx) {
  if (ctx.opset() >= 11 && isa<IntegerType>(ctx.type(0).getElementType())) {
    // Integer Clip (opset 12 on): min and max inputs of the same type.
    for (unsigned i = 1; i < ctx.numInputs(); ++i)
      if (ctx.hasInput(i) &&
          ctx.type(i).getElementType() != ctx.type(0).getElementType())
        return ctx.error("min and max must have the input's data type");
    bool hasMin = ctx.hasInput(1), hasMax = ctx.hasInput(2);
    bool isUnsigned = ctx.isUnsigned(0);
    SmallVector<Value> inputs = {ctx.input(0)};
    for (unsigned i = 1; i < 3; ++i)
      if (ctx.hasInput(i))
        inputs.push_back(ctx.input(i));
    ctx.setOutput(0, ctx.importer.elementwise(
                         inputs, ctx.shape(0), ctx.type(0).getElementType(),
                         [=](OpBuilder &b, Location l, Vals v) -> Value {
                           Value x = v[0];
                           unsigned next = 1;
                           if (hasMin)
                             x = isUnsigned ? Value(arith::MaxUIOp::create(
                                                  b, l, x, v[next++]))
                                            : Value(arith::MaxSIOp::create(
                                                  b, l, x, v[next++]));
                           if (hasMax)
                             x = isUnsigned ? Value(arith::MinUIOp::create(
                                                  b, l, x, v[next]))
                                            : Value(arith::MinSIOp::create(
                                                  b, l, x, v[next]));
                           return x;
                         }));
    return llvm::Error::success();
  }
  if (llvm::Error err = ctx.requireFloat(0))
    return err;
  if (ctx.opset() < 11) {
    double lo = ctx.floatAttr("min", -INFINITY);
    double hi = ctx.floatAttr("max", INFINITY);
    return floatOp(ctx, [=](OpBuilder &b, Location l, Vals v) -> Value {
      return clamp(b, l, v[0], lo, hi);
    });
  }
  bool hasMin = ctx.hasInput(1), hasMax = ctx.hasInput(2);
  return floatOp(ctx, [=](OpBuilder &b, Location l, Vals v) -> Value {
    Value x = v[0];
    unsigned next = 1;
    if (hasMin)
      x = arith::MaximumFOp::create(b, l, x, v[next++]);
    if (hasMax)
      x = arith::MinimumFOp::create(b, l, x, v[next]);
    return x;
  });
}

static llvm::Error emitPRelu(NodeContext &ctx) {
  return floatOp(ctx, [](OpBuilder &b, Location l, Vals v) -> Value {
    Value scaled = arith::MulFOp::create(b, l, v[0], v[1]);
    return arith::SelectOp::create(b, l, isNegative(b, l, v[0]), scaled, v[0]);
  });
}

/// Mean of all inputs: their sum over the count.
static llvm::Error emitMean(NodeContext &ctx) {
  double count = 0;
  for (unsigned i = 0; i < ctx.numInputs(); ++i)
    count += ctx.hasInput(i);
  return floatOp(ctx, [count](OpBuilder &b, Location l, Vals v) -> Value {
    Value acc = v[0];
    for (Value x : v.drop_front())
      acc = arith::AddFOp::create(b, l, acc, x);
    return arith::DivFOp::create(b, l, acc, cst(b, l, acc, count));
  });
}

static llvm::Error emitEqual(NodeContext &ctx) {
  auto shape = broadcastInputs(ctx);
  if (!shape)
    return shape.takeError();
  Type elementType = ctx.type(0).getElementType();
  if (ctx.type(1).getElementType() != elementType)
    return ctx.error("inputs must have the same data type");
  if (shouldFold(ctx, *shape)) {
    ctx.setOutput(0, foldElementwise(
                         ctx, *shape, onnx::TensorProto::BOOL,
                         [](ArrayRef<double> a) { return double(a[0] == a[1]); },
                         [](ArrayRef<int64_t> a) { return int64_t(a[0] == a[1]); }));
    return llvm::Error::success();
  }
  bool isFloat = isa<FloatType>(elementType);
  ctx.setOutput(0, ctx.importer.elementwise(
                       {ctx.input(0), ctx.input(1)}, *shape,
                       ctx.builder.getI1Type(),
                       [isFloat](OpBuilder &b, Location l, Vals v) -> Value {
                         if (isFloat)
                           return arith::CmpFOp::create(
                               b, l, arith::CmpFPredicate::OEQ, v[0], v[1]);
                         return arith::CmpIOp::create(
                             b, l, arith::CmpIPredicate::eq, v[0], v[1]);
                       }));
  return llvm::Error::success();
}

static llvm::Error emitWhere(NodeContext &ctx) {
  if (!ctx.type(0).getElementType().isInteger(1))
    return ctx.error("condition must be a bool tensor");
  auto shape = broadcastInputs(ctx);
  if (!shape)
    return shape.takeError();
  Type elementType = ctx.type(1).getElementType();
  if (ctx.type(2).getElementType() != elementType)
    return ctx.error("inputs X and Y must have the same data type");
  if (shouldFold(ctx, *shape)) {
    ctx.setOutput(0, foldElementwise(
                         ctx, *shape, ctx.dtype(1),
                         [](ArrayRef<double> a) { return a[0] ? a[1] : a[2]; },
                         [](ArrayRef<int64_t> a) { return a[0] ? a[1] : a[2]; }));
    return llvm::Error::success();
  }
  ctx.setOutput(0, ctx.importer.elementwise(
                       {ctx.input(0), ctx.input(1), ctx.input(2)}, *shape,
                       elementType, [](OpBuilder &b, Location l, Vals v) -> Value {
                         return arith::SelectOp::create(b, l, v[0], v[1], v[2]);
                       }));
  return llvm::Error::success();
}

/// Converts a scalar between the element types the importer knows; an
/// integer source or target is read or made unsigned if so flagged.
static Value convertScalar(OpBuilder &b, Location l, Value x, Type to,
                           bool fromUnsigned = false, bool toUnsigned = false) {
  Type from = x.getType();
  if (from == to)
    return x;
  auto fromFloat = dyn_cast<FloatType>(from);
  auto toFloat = dyn_cast<FloatType>(to);
  if (fromFloat && toFloat)
    return fromFloat.getWidth() < toFloat.getWidth()
               ? Value(arith::ExtFOp::create(b, l, to, x))
               : Value(arith::TruncFOp::create(b, l, to, x));
  if (to.isInteger(1))
    return fromFloat ? Value(arith::CmpFOp::create(
                           b, l, arith::CmpFPredicate::UNE, x,
                           Importer::scalar(b, l, from, 0)))
                     : Value(arith::CmpIOp::create(
                           b, l, arith::CmpIPredicate::ne, x,
                           Importer::scalar(b, l, from, 0)));
  bool zeroExtends = fromUnsigned || from.isInteger(1);
  if (toFloat)
    return zeroExtends ? Value(arith::UIToFPOp::create(b, l, to, x))
                       : Value(arith::SIToFPOp::create(b, l, to, x));
  if (fromFloat)
    return toUnsigned ? Value(arith::FPToUIOp::create(b, l, to, x))
                      : Value(arith::FPToSIOp::create(b, l, to, x));
  unsigned fromWidth = from.getIntOrFloatBitWidth(),
           toWidth = to.getIntOrFloatBitWidth();
  if (fromWidth < toWidth)
    return zeroExtends ? Value(arith::ExtUIOp::create(b, l, to, x))
                       : Value(arith::ExtSIOp::create(b, l, to, x));
  return arith::TruncIOp::create(b, l, to, x);
}

static llvm::Error emitCast(NodeContext &ctx) {
  int64_t to = ctx.intAttr("to", 0);
  ctx.intAttr("saturate", 1);
  Type toType = getElementType(ctx.builder.getContext(), to);
  if (!toType)
    return ctx.unsupportedAttr("to", dtypeName(to));
  SmallVector<int64_t> shape(ctx.shape(0));
  if (const Literal *in = ctx.literal(0)) {
    Literal out;
    out.dtype = to;
    out.shape = in->shape;
    for (int64_t i = 0, e = in->size(); i < e; ++i) {
      if (out.isFloat())
        out.floats.push_back(in->get(i));
      else if (to == onnx::TensorProto::BOOL)
        out.ints.push_back(in->get(i) != 0);
      else
        out.ints.push_back(wrapToDType(
            in->isFloat() ? static_cast<int64_t>(in->floats[i]) : in->ints[i],
            to));
    }
    ctx.setOutput(0, std::move(out));
    return llvm::Error::success();
  }
  bool fromUnsigned = ctx.isUnsigned(0), toUnsigned = isUnsignedDType(to);
  ctx.setOutput(0,
                ctx.importer.elementwise(
                    {ctx.input(0)}, shape, toType,
                    [=](OpBuilder &b, Location l, Vals v) -> Value {
                      return convertScalar(b, l, v[0], toType, fromUnsigned,
                                           toUnsigned);
                    }),
                to);
  return llvm::Error::success();
}

/// The per-channel mean and (biased) variance of input 0 over the batch and
/// spatial dims, shaped `paramShape` (C x 1 x ...).
static std::pair<Value, Value> batchStatistics(NodeContext &ctx,
                                               ArrayRef<int64_t> paramShape) {
  Importer &imp = ctx.importer;
  ArrayRef<int64_t> x = ctx.shape(0);
  Type elementType = ctx.type(0).getElementType();
  SmallVector<bool> reduced(x.size(), true);
  reduced[1] = false;
  SmallVector<int64_t> kept(x.size(), 1);
  kept[1] = x[1];
  double count = 1;
  for (auto [i, size] : llvm::enumerate(x))
    count *= i == 1 ? 1 : size;
  auto add = [](OpBuilder &b, Location l, Value acc, Value v) -> Value {
    return arith::AddFOp::create(b, l, acc, v);
  };
  auto average = [&](Value sum) {
    return imp.elementwise({sum}, kept, elementType,
                           [count](OpBuilder &b, Location l, Vals v) -> Value {
                             return arith::DivFOp::create(
                                 b, l, v[0], cst(b, l, v[0], count));
                           });
  };
  Value mean = average(imp.reduce(ctx.input(0), reduced, 0.0, add));
  Value squares = imp.elementwise(
      {ctx.input(0), mean}, x, elementType,
      [](OpBuilder &b, Location l, Vals v) -> Value {
        Value d = arith::SubFOp::create(b, l, v[0], v[1]);
        return arith::MulFOp::create(b, l, d, d);
      });
  Value var = average(imp.reduce(squares, reduced, 0.0, add));
  return {imp.reshape(mean, paramShape), imp.reshape(var, paramShape)};
}

static llvm::Error emitBatchNormalization(NodeContext &ctx) {
  double epsilon = ctx.floatAttr("epsilon", 1e-5);
  double momentum = ctx.floatAttr("momentum", 0.9);
  // Training mode (opset 14 on) normalizes with the batch's statistics and
  // also returns the updated running mean and variance.
  bool training = ctx.intAttr("training_mode", 0) != 0;
  if (training && ctx.opset() < 14)
    return ctx.unsupportedAttr("training_mode", "1 before opset 14");
  if (ctx.opset() < 7 && ctx.intAttr("is_test", 0) == 0)
    return ctx.unsupportedAttr("is_test", "0 (inference only)");
  if (ctx.opset() < 9 && ctx.intAttr("spatial", 1) != 1)
    return ctx.unsupportedAttr("spatial", "0");
  for (unsigned i = 1; i < ctx.numOutputs(); ++i)
    if (ctx.hasOutput(i) && !training)
      return ctx.error("output #" + Twine(i) +
                       " (training statistics) is not supported");
  for (unsigned i = 0; i < 5; ++i)
    if (llvm::Error err = ctx.requireFloat(i))
      return err;
  ArrayRef<int64_t> x = ctx.shape(0);
  if (x.size() < 2)
    return ctx.error("input must have rank 2 or more (N x C x ...)");
  for (unsigned i = 1; i < 5; ++i)
    if (ctx.shape(i) != ArrayRef<int64_t>{x[1]})
      return ctx.error("input '" + ctx.node.input(i) + "' must have " +
                       Twine(x[1]) + " values (one per channel)");
  // Per-channel scale and shift, shaped C x 1 x ... to broadcast.
  SmallVector<int64_t> paramShape(x.size() - 1, 1);
  paramShape[0] = x[1];
  Importer &imp = ctx.importer;
  Type elementType = ctx.type(0).getElementType();
  int32_t dtype = getDType(elementType);
  Value scale, shift, batchMean, batchVar;
  if (training)
    std::tie(batchMean, batchVar) = batchStatistics(ctx, paramShape);
  if (!training && ctx.literal(1) && ctx.literal(2) && ctx.literal(3) &&
      ctx.literal(4)) {
    std::vector<double> a(x[1]), c(x[1]);
    for (int64_t i = 0; i < x[1]; ++i) {
      a[i] = ctx.literal(1)->floats[i] /
             std::sqrt(ctx.literal(4)->floats[i] + epsilon);
      c[i] = ctx.literal(2)->floats[i] - ctx.literal(3)->floats[i] * a[i];
    }
    scale = imp.materialize(Literal::makeFloats(dtype, paramShape, a));
    shift = imp.materialize(Literal::makeFloats(dtype, paramShape, c));
  } else {
    SmallVector<Value> p;
    for (unsigned i = 1; i < 5; ++i)
      p.push_back(imp.reshape(ctx.input(i), paramShape));
    if (training) {
      p[2] = batchMean;
      p[3] = batchVar;
    }
    scale = imp.elementwise(
        {p[0], p[3]}, paramShape, elementType,
        [epsilon](OpBuilder &b, Location l, Vals v) -> Value {
          Value var = arith::AddFOp::create(b, l, v[1], cst(b, l, v[1], epsilon));
          return arith::DivFOp::create(b, l, v[0], math::SqrtOp::create(b, l, var));
        });
    shift = imp.elementwise(
        {p[1], p[2], scale}, paramShape, elementType,
        [](OpBuilder &b, Location l, Vals v) -> Value {
          return arith::SubFOp::create(b, l, v[0],
                                       arith::MulFOp::create(b, l, v[1], v[2]));
        });
  }
  ctx.setOutput(0, imp.elementwise(
                       {ctx.input(0), scale, shift}, x, elementType,
                       [](OpBuilder &b, Location l, Vals v) -> Value {
                         return arith::AddFOp::create(
                             b, l, arith::MulFOp::create(b, l, v[0], v[1]), v[2]);
                       }));
  // running = running * momentum + batch * (1 - momentum).
  for (auto [output, batch] :
       {std::pair(1u, batchMean), std::pair(2u, batchVar)})
    if (ctx.hasOutput(output))
      ctx.setOutput(output,
                    imp.elementwise(
                        {ctx.input(output + 2), imp.reshape(batch, {x[1]})},
                        {x[1]}, elementType,
                        [momentum](OpBuilder &b, Location l, Vals v) -> Value {
                          Value kept = arith::MulFOp::create(
                              b, l, v[0], cst(b, l, v[0], momentum));
                          Value added = arith::MulFOp::create(
                              b, l, v[1], cst(b, l, v[1], 1 - momentum));
                          return arith::AddFOp::create(b, l, kept, added);
                        }));
  return llvm::Error::success();
}

static llvm::Error emitPow(NodeContext &ctx) {
  auto shape = broadcastInputs(ctx);
  if (!shape)
    return shape.takeError();
  // The result has the base's type; the exponent may be of another float or
  // an integer type. Integer bases are raised in f64 (exact for results
  // below 2^53) and converted back.
  Type elementType = ctx.type(0).getElementType();
  if (elementType.isInteger(1))
    return ctx.requireFloat(0);
  Type computeType =
      isa<FloatType>(elementType) ? elementType : ctx.builder.getF64Type();
  bool baseUnsigned = ctx.isUnsigned(0), exponentUnsigned = ctx.isUnsigned(1);
  ctx.setOutput(0, ctx.importer.elementwise(
                       {operand(ctx, 0), operand(ctx, 1)}, *shape, elementType,
                       [=](OpBuilder &b, Location l, Vals v) -> Value {
                         Value r = math::PowFOp::create(
                             b, l,
                             convertScalar(b, l, v[0], computeType,
                                           baseUnsigned),
                             convertScalar(b, l, v[1], computeType,
                                           exponentUnsigned));
                         return convertScalar(b, l, r, elementType,
                                              /*fromUnsigned=*/false,
                                              baseUnsigned);
                       }));
  return llvm::Error::success();
}

void onnx_import::registerElementwiseOps(EmitterTable &table) {
  table["Relu"] = [](NodeContext &ctx) {
    return floatOp(ctx, [](OpBuilder &b, Location l, Vals v) -> Value {
      return arith::MaximumFOp::create(b, l, v[0], cst(b, l, v[0], 0.0));
    });
  };
  table["Sigmoid"] = [](NodeContext &ctx) {
    return floatOp(ctx, [](OpBuilder &b, Location l, Vals v) -> Value {
      return sigmoid(b, l, v[0]);
    });
  };
  table["Tanh"] = [](NodeContext &ctx) {
    return floatOp(ctx, unaryBody<math::TanhOp>());
  };
  table["Erf"] = [](NodeContext &ctx) {
    return floatOp(ctx, unaryBody<math::ErfOp>());
  };
  table["Sqrt"] = [](NodeContext &ctx) {
    return floatOp(ctx, unaryBody<math::SqrtOp>());
  };
  table["Exp"] = [](NodeContext &ctx) {
    return floatOp(ctx, unaryBody<math::ExpOp>());
  };
  table["Log"] = [](NodeContext &ctx) {
    return floatOp(ctx, unaryBody<math::LogOp>());
  };
  table["Abs"] = [](NodeContext &ctx) {
    return floatOp(ctx, unaryBody<math::AbsFOp>());
  };
  table["Neg"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return -a[0]; },
        [](ArrayRef<int64_t> a) { return -a[0]; }, unaryBody<arith::NegFOp>(),
        [](OpBuilder &b, Location l, Vals v) -> Value {
          return arith::SubIOp::create(b, l, cst(b, l, v[0], 0), v[0]);
        });
  };
  table["Reciprocal"] = [](NodeContext &ctx) {
    return floatOp(ctx, [](OpBuilder &b, Location l, Vals v) -> Value {
      return arith::DivFOp::create(b, l, cst(b, l, v[0], 1.0), v[0]);
    });
  };
  table["LeakyRelu"] = emitLeakyRelu;
  table["Elu"] = emitElu;
  table["Selu"] = emitSelu;
  table["HardSigmoid"] = emitHardSigmoid;
  table["HardSwish"] = emitHardSwish;
  table["Softplus"] = emitSoftplus;
  table["Clip"] = emitClip;
  table["PRelu"] = emitPRelu;
  table["Pow"] = emitPow;
  table["Add"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return a[0] + a[1]; },
        [](ArrayRef<int64_t> a) { return a[0] + a[1]; }, foldBody<arith::AddFOp>(),
        foldBody<arith::AddIOp>());
  };
  table["Sub"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return a[0] - a[1]; },
        [](ArrayRef<int64_t> a) { return a[0] - a[1]; }, foldBody<arith::SubFOp>(),
        foldBody<arith::SubIOp>());
  };
  table["Mul"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return a[0] * a[1]; },
        [](ArrayRef<int64_t> a) { return a[0] * a[1]; }, foldBody<arith::MulFOp>(),
        foldBody<arith::MulIOp>());
  };
  table["Div"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return a[0] / a[1]; },
        [](ArrayRef<int64_t> a) {
          // No trap on x / 0 or INT64_MIN / -1.
          if (a[1] == 0)
            return int64_t(0);
          if (a[1] == -1)
            return static_cast<int64_t>(0 - static_cast<uint64_t>(a[0]));
          return a[0] / a[1];
        },
        foldBody<arith::DivFOp>(), integerDivision(/*isUnsigned=*/false),
        integerDivision(/*isUnsigned=*/true));
  };
  table["Max"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return *llvm::max_element(a); },
        [](ArrayRef<int64_t> a) { return *llvm::max_element(a); },
        foldBody<arith::MaximumFOp>(), foldBody<arith::MaxSIOp>(),
        foldBody<arith::MaxUIOp>());
  };
  table["Min"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx, [](ArrayRef<double> a) { return *llvm::min_element(a); },
        [](ArrayRef<int64_t> a) { return *llvm::min_element(a); },
        foldBody<arith::MinimumFOp>(), foldBody<arith::MinSIOp>(),
        foldBody<arith::MinUIOp>());
  };
  table["Sum"] = [](NodeContext &ctx) {
    return arithmeticOp(
        ctx,
        [](ArrayRef<double> a) { return std::accumulate(a.begin(), a.end(), 0.0); },
        [](ArrayRef<int64_t> a) {
          return std::accumulate(a.begin(), a.end(), int64_t(0));
        },
        foldBody<arith::AddFOp>(), foldBody<arith::AddIOp>());
  };
  table["Mean"] = emitMean;
  table["Equal"] = emitEqual;
  table["Where"] = emitWhere;
  table["Cast"] = emitCast;
  table["BatchNormalization"] = emitBatchNormalization;
}
