//===- ReductionOps.cpp - ONNX reductions, normalizations, matmuls --------===//
//
// ReduceMean/Sum/Max/Min, Softmax, LogSoftmax, global pooling,
// InstanceNormalization, Gemm and MatMul as linalg.generic reductions.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;
using llvm::Twine;

using Vals = ArrayRef<Value>;

static Value addF(OpBuilder &b, Location l, Value acc, Value x) {
  return arith::AddFOp::create(b, l, acc, x);
}
static Value maxF(OpBuilder &b, Location l, Value acc, Value x) {
  return arith::MaximumFOp::create(b, l, acc, x);
}
static Value minF(OpBuilder &b, Location l, Value acc, Value x) {
  return arith::MinimumFOp::create(b, l, acc, x);
}

/// Dividing every element by a constant count.
static Value divideBy(Importer &imp, Value x, double count) {
  auto type = cast<RankedTensorType>(x.getType());
  return imp.elementwise({x}, type.getShape(), type.getElementType(),
                         [count](OpBuilder &b, Location l, Vals v) -> Value {
                           return arith::DivFOp::create(
                               b, l, v[0],
                               Importer::scalar(b, l, v[0].getType(), count));
                         });
}

enum class ReduceKind { Sum, Mean, Max, Min };

static llvm::Error emitReduce(NodeContext &ctx, ReduceKind kind) {
  if (llvm::Error err = ctx.requireFloat(0))
    return err;
  ArrayRef<int64_t> in = ctx.shape(0);
  bool keepDims = ctx.intAttr("keepdims", 1) != 0;
  bool noopWithEmptyAxes = ctx.intAttr("noop_with_empty_axes", 0) != 0;
  SmallVector<int64_t> axes;
  if (kind == ReduceKind::Sum && ctx.opset() >= 13) {
    if (ctx.hasInput(1)) {
      auto literal = ctx.requireLiteral(1);
      if (!literal)
        return literal.takeError();
      for (int64_t i = 0; i < (*literal)->size(); ++i)
        axes.push_back((*literal)->getInt(i));
    }
  } else {
    axes = ctx.intsAttr("axes");
  }
  if (axes.empty() && noopWithEmptyAxes) {
    ctx.setOutput(0, ctx.input(0));
    return llvm::Error::success();
  }
  SmallVector<bool> reduced(in.size(), axes.empty());
  for (int64_t a : axes) {
    auto axis = normalizeAxis(a, in.size());
    if (!axis)
      return ctx.error("axis " + Twine(a) + " is out of range");
    reduced[*axis] = true;
  }
  Importer &imp = ctx.importer;
  double init = kind == ReduceKind::Max   ? -INFINITY
                : kind == ReduceKind::Min ? INFINITY
                                          : 0.0;
  auto combine = kind == ReduceKind::Max   ? maxF
                 : kind == ReduceKind::Min ? minF
                                           : addF;
  Value r = imp.reduce(ctx.input(0), reduced, init, combine);
  if (kind == ReduceKind::Mean) {
    double count = 1;
    for (auto [d, red] : llvm::zip(in, reduced))
      if (red)
        count *= d;
    r = divideBy(imp, r, count);
  }
  if (!keepDims) {
    SmallVector<int64_t> shape;
    for (auto [d, red] : llvm::zip(in, reduced))
      if (!red)
        shape.push_back(d);
    r = imp.reshape(r, shape);
  }
  ctx.setOutput(0, r);
  return llvm::Error::success();
}

static llvm::Error emitGlobalPool(NodeContext &ctx, bool isMax) {
  if (llvm::Error err = ctx.requireFloat(0))
    return err;
  ArrayRef<int64_t> in = ctx.shape(0);
  if (in.size() < 3)
    return ctx.error("input must have rank 3 or more (N x C x spatial)");
  SmallVector<bool> reduced(in.size(), true);
  reduced[0] = reduced[1] = false;
  Importer &imp = ctx.importer;
  Value r = imp.reduce(ctx.input(0), reduced, isMax ? -INFINITY : 0.0,
                       isMax ? maxF : addF);
  if (!isMax) {
    double count = 1;
    for (int64_t d : in.drop_front(2))
      count *= d;
    r = divideBy(imp, r, count);
  }
  ctx.setOutput(0, r);
  return llvm::Error::success();
}

/// Softmax or LogSoftmax over the dims flagged in `reduced`.
static Value softmax(Importer &imp, Value x, ArrayRef<bool> reduced,
                     bool log) {
  auto type = cast<RankedTensorType>(x.getType());
  ArrayRef<int64_t> shape = type.getShape();
  Type elementType = type.getElementType();
  Value max = imp.reduce(x, reduced, -INFINITY, maxF);
  Value shifted = imp.elementwise(
      {x, max}, shape, elementType, [](OpBuilder &b, Location l, Vals v) {
        return Value(arith::SubFOp::create(b, l, v[0], v[1]));
      });
  Value exp = imp.elementwise({shifted}, shape, elementType,
                              [](OpBuilder &b, Location l, Vals v) {
                                return Value(math::ExpOp::create(b, l, v[0]));
                              });
  Value sum = imp.reduce(exp, reduced, 0.0, addF);
  if (log)
    return imp.elementwise(
        {shifted, sum}, shape, elementType,
        [](OpBuilder &b, Location l, Vals v) {
          return Value(arith::SubFOp::create(b, l, v[0],
                                             math::LogOp::create(b, l, v[1])));
        });
  return imp.elementwise({exp, sum}, shape, elementType,
                         [](OpBuilder &b, Location l, Vals v) {
                           return Value(arith::DivFOp::create(b, l, v[0], v[1]));
                         });
}

static llvm::Error emitSoftmax(NodeContext &ctx, bool log) {
  if (llvm::Error err = ctx.requireFloat(0))
    return err;
  ArrayRef<int64_t> in = ctx.shape(0);
  bool coerced = ctx.opset() < 13;
  auto axis = normalizeAxis(ctx.intAttr("axis", coerced ? 1 : -1), in.size());
  if (!axis)
    return ctx.unsupportedAttr("axis", "out of range");
  Importer &imp = ctx.importer;
  SmallVector<bool> reduced(in.size(), false);
  if (!coerced) {
    reduced[*axis] = true;
    ctx.setOutput(0, softmax(imp, ctx.input(0), reduced, log));
    return llvm::Error::success();
  }
  // Before opset 13 the input is seen as 2-D, split before `axis`.
  for (unsigned d = *axis; d < in.size(); ++d)
    reduced[d] = true;
  ctx.setOutput(0, softmax(imp, ctx.input(0), reduced, log));
  return llvm::Error::success();
}

static llvm::Error emitInstanceNormalization(NodeContext &ctx) {
  for (unsigned i = 0; i < 3; ++i)
    if (llvm::Error err = ctx.requireFloat(i))
      return err;
  double epsilon = ctx.floatAttr("epsilon", 1e-5);
  ArrayRef<int64_t> in = ctx.shape(0);
  if (in.size() < 3)
    return ctx.error("input must have rank 3 or more");
  for (unsigned i = 1; i < 3; ++i)
    if (ctx.shape(i) != ArrayRef<int64_t>{in[1]})
      return ctx.error("scale and B must have one value per channel");
  Importer &imp = ctx.importer;
  Type elementType = ctx.type(0).getElementType();
  SmallVector<bool> reduced(in.size(), true);
  reduced[0] = reduced[1] = false;
  double count = 1;
  for (int64_t d : in.drop_front(2))
    count *= d;
  Value x = ctx.input(0);
  Value mean = divideBy(imp, imp.reduce(x, reduced, 0.0, addF), count);
  Value centered = imp.elementwise(
      {x, mean}, in, elementType, [](OpBuilder &b, Location l, Vals v) {
        return Value(arith::SubFOp::create(b, l, v[0], v[1]));
      });
  Value squares = imp.elementwise(
      {centered}, in, elementType, [](OpBuilder &b, Location l, Vals v) {
        return Value(arith::MulFOp::create(b, l, v[0], v[0]));
      });
  Value var = divideBy(imp, imp.reduce(squares, reduced, 0.0, addF), count);
  SmallVector<int64_t> paramShape(in.size() - 1, 1);
  paramShape[0] = in[1];
  Value scale = imp.reshape(ctx.input(1), paramShape);
  Value bias = imp.reshape(ctx.input(2), paramShape);
  ctx.setOutput(0, imp.elementwise(
                       {centered, var, scale, bias}, in, elementType,
                       [epsilon](OpBuilder &b, Location l, Vals v) -> Value {
                         Value eps =
                             Importer::scalar(b, l, v[1].getType(), epsilon);
                         Value std = math::SqrtOp::create(
                             b, l, arith::AddFOp::create(b, l, v[1], eps));
                         Value n = arith::DivFOp::create(b, l, v[0], std);
                         return arith::AddFOp::create(
                             b, l, arith::MulFOp::create(b, l, n, v[2]), v[3]);
                       }));
  return llvm::Error::success();
}

/// Batched matrix product: a is [..., M, K] and b [..., K, N] with
/// broadcast batch dims; `transposeA/B` swap the last two dims of an input.
static Value matmul(Importer &imp, Value a, Value b, ArrayRef<int64_t> batch,
                    bool transposeA, bool transposeB) {
  OpBuilder &builder = imp.builder;
  auto aType = cast<RankedTensorType>(a.getType());
  auto bType = cast<RankedTensorType>(b.getType());
  ArrayRef<int64_t> as = aType.getShape(), bs = bType.getShape();
  unsigned r = batch.size();
  int64_t m = transposeA ? as.back() : as[as.size() - 2];
  int64_t n = transposeB ? bs[bs.size() - 2] : bs.back();
  // Loops: batch..., m, n, k.
  unsigned numLoops = r + 3;
  AffineExpr dm = builder.getAffineDimExpr(r), dn = builder.getAffineDimExpr(r + 1),
             dk = builder.getAffineDimExpr(r + 2);
  auto operandMap = [&](ArrayRef<int64_t> shape, AffineExpr row,
                        AffineExpr col) {
    SmallVector<AffineExpr> exprs;
    unsigned offset = r - (shape.size() - 2);
    for (unsigned i = 0; i + 2 < shape.size(); ++i)
      exprs.push_back(shape[i] == 1 && batch[offset + i] != 1
                          ? builder.getAffineConstantExpr(0)
                          : builder.getAffineDimExpr(offset + i));
    exprs.push_back(row);
    exprs.push_back(col);
    return AffineMap::get(numLoops, 0, exprs, imp.context);
  };
  SmallVector<AffineExpr> outExprs;
  for (unsigned i = 0; i < r; ++i)
    outExprs.push_back(builder.getAffineDimExpr(i));
  outExprs.push_back(dm);
  outExprs.push_back(dn);
  SmallVector<AffineMap> maps = {
      transposeA ? operandMap(as, dk, dm) : operandMap(as, dm, dk),
      transposeB ? operandMap(bs, dn, dk) : operandMap(bs, dk, dn),
      AffineMap::get(numLoops, 0, outExprs, imp.context)};
  SmallVector<int64_t> outShape(batch);
  outShape.push_back(m);
  outShape.push_back(n);
  Value acc = imp.filled(outShape, aType.getElementType(), 0.0);
  SmallVector<utils::IteratorType> iterators(r + 2,
                                             utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             builder, imp.loc, TypeRange{acc.getType()}, ValueRange{a, b},
             ValueRange{acc}, maps, iterators,
             [](OpBuilder &nb, Location l, ValueRange args) {
               Value p = arith::MulFOp::create(nb, l, args[0], args[1]);
               linalg::YieldOp::create(nb, l,
                                       Value(arith::AddFOp::create(nb, l, args[2], p)));
             })
      .getResult(0);
}

static llvm::Error emitMatMul(NodeContext &ctx) {
  for (unsigned i = 0; i < 2; ++i)
    if (llvm::Error err = ctx.requireFloat(i))
      return err;
  if (ctx.type(0).getElementType() != ctx.type(1).getElementType())
    return ctx.error("inputs must have the same data type");
  Importer &imp = ctx.importer;
  SmallVector<int64_t> as(ctx.shape(0)), bs(ctx.shape(1));
  if (as.empty() || bs.empty())
    return ctx.error("inputs must not be scalars");
  Value a = ctx.input(0), b = ctx.input(1);
  bool vectorA = as.size() == 1, vectorB = bs.size() == 1;
  if (vectorA) {
    as.insert(as.begin(), 1);
    a = imp.reshape(a, as);
  }
  if (vectorB) {
    bs.push_back(1);
    b = imp.reshape(b, bs);
  }
  if (as.back() != bs[bs.size() - 2])
    return ctx.error("inner dimensions differ (" + Twine(as.back()) + " and " +
                     Twine(bs[bs.size() - 2]) + ")");
  auto batch = broadcastShapes(ArrayRef<int64_t>(as).drop_back(2),
                               ArrayRef<int64_t>(bs).drop_back(2));
  if (!batch)
    return ctx.error("batch dimensions cannot be broadcast");
  Value r = matmul(imp, a, b, *batch, false, false);
  SmallVector<int64_t> shape(*batch);
  if (!vectorA)
    shape.push_back(as[as.size() - 2]);
  if (!vectorB)
    shape.push_back(bs.back());
  ctx.setOutput(0, imp.reshape(r, shape));
  return llvm::Error::success();
}

static llvm::Error emitGemm(NodeContext &ctx) {
  for (unsigned i = 0; i < 2; ++i)
    if (llvm::Error err = ctx.requireFloat(i))
      return err;
  double alpha = ctx.floatAttr("alpha", 1.0), beta = ctx.floatAttr("beta", 1.0);
  bool transA = ctx.intAttr("transA", 0), transB = ctx.intAttr("transB", 0);
  if (ctx.opset() < 7)
    ctx.intAttr("broadcast", 0);
  ArrayRef<int64_t> as = ctx.shape(0), bs = ctx.shape(1);
  if (as.size() != 2 || bs.size() != 2)
    return ctx.error("A and B must be matrices");
  int64_t k = transA ? as[0] : as[1];
  if (k != (transB ? bs[1] : bs[0]))
    return ctx.error("inner dimensions differ");
  Importer &imp = ctx.importer;
  Type elementType = ctx.type(0).getElementType();
  Value r = matmul(imp, ctx.input(0), ctx.input(1), {}, transA, transB);
  SmallVector<int64_t> shape(cast<RankedTensorType>(r.getType()).getShape());
  bool hasC = ctx.hasInput(2) && beta != 0.0;
  if (hasC && !broadcastShapes(ctx.shape(2), shape))
    return ctx.error("C cannot be broadcast to the result");
  if (alpha != 1.0 || hasC) {
    SmallVector<Value> inputs = {r};
    if (hasC)
      inputs.push_back(ctx.input(2));
    r = imp.elementwise(inputs, shape, elementType,
                        [=](OpBuilder &b, Location l, Vals v) -> Value {
                          Type t = v[0].getType();
                          Value x = arith::MulFOp::create(
                              b, l, v[0], Importer::scalar(b, l, t, alpha));
                          if (v.size() < 2)
                            return x;
                          Value c = arith::MulFOp::create(
                              b, l, v[1], Importer::scalar(b, l, t, beta));
                          return arith::AddFOp::create(b, l, x, c);
                        });
  }
  ctx.setOutput(0, r);
  return llvm::Error::success();
}

void onnx_import::registerReductionOps(EmitterTable &table) {
  table["ReduceSum"] = [](NodeContext &ctx) {
    return emitReduce(ctx, ReduceKind::Sum);
  };
  table["ReduceMean"] = [](NodeContext &ctx) {
    return emitReduce(ctx, ReduceKind::Mean);
  };
  table["ReduceMax"] = [](NodeContext &ctx) {
    return emitReduce(ctx, ReduceKind::Max);
  };
  table["ReduceMin"] = [](NodeContext &ctx) {
    return emitReduce(ctx, ReduceKind::Min);
  };
  table["GlobalAveragePool"] = [](NodeContext &ctx) {
    return emitGlobalPool(ctx, false);
  };
  table["GlobalMaxPool"] = [](NodeContext &ctx) {
    return emitGlobalPool(ctx, true);
  };
  table["Softmax"] = [](NodeContext &ctx) { return emitSoftmax(ctx, false); };
  table["LogSoftmax"] = [](NodeContext &ctx) { return emitSoftmax(ctx, true); };
  table["InstanceNormalization"] = emitInstanceNormalization;
  table["MatMul"] = emitMatMul;
  table["Gemm"] = emitGemm;
}
