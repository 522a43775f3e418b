//===- ConvOps.cpp - ONNX Conv, ConvTranspose and pooling -----------------===//
//
// Conv and ConvTranspose become tconv ops with every ONNX attribute resolved
// into explicit strides, pads, dilations, output_padding and group (the
// auto_pad and output_shape formulas are in ConvGeometry.h). MaxPool and
// AveragePool become a tensor.pad and a linalg.generic over the window.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

#include "llvm/Support/CheckedArithmetic.h"

#include <cmath>

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;
using llvm::Twine;

static std::string formatList(ArrayRef<int64_t> values) {
  std::string text = "[";
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(values, os);
  return text + "]";
}

/// Reads a per-spatial-dim list attribute (`count` values, default
/// `defaultValue` each) whose values must be at least `minValue`.
static llvm::Expected<SmallVector<int64_t>>
spatialAttr(NodeContext &ctx, StringRef name, unsigned count,
            int64_t defaultValue, int64_t minValue) {
  if (!ctx.hasAttr(name))
    return SmallVector<int64_t>(count, defaultValue);
  SmallVector<int64_t> values = ctx.intsAttr(name);
  if (values.size() != count)
    return ctx.error("attribute '" + name + "' has " + Twine(values.size()) +
                     " values, expected " + Twine(count));
  for (int64_t v : values)
    if (v < minValue)
      return ctx.unsupportedAttr(name, formatList(values) +
                                           " (values must be >= " +
                                           Twine(minValue) + ")");
  return values;
}

/// Kernel shape, strides, dilations and the auto_pad/pads pair shared by
/// convolutions and pooling.
struct WindowAttrs {
  SmallVector<int64_t> kernel, strides, dilations, padsBegin, padsEnd;
  std::string autoPad;
};

static llvm::Expected<WindowAttrs>
readWindowAttrs(NodeContext &ctx, ArrayRef<int64_t> kernel, bool hasDilations) {
  unsigned n = kernel.size();
  WindowAttrs w;
  w.kernel.assign(kernel.begin(), kernel.end());
  if (ctx.hasAttr("kernel_shape")) {
    SmallVector<int64_t> attr = ctx.intsAttr("kernel_shape");
    if (ArrayRef<int64_t>(attr) != kernel)
      return ctx.unsupportedAttr("kernel_shape",
                                 formatList(attr) + " (the weights are " +
                                     formatList(kernel) + ")");
  }
  auto strides = spatialAttr(ctx, "strides", n, 1, 1);
  if (!strides)
    return strides.takeError();
  w.strides = *strides;
  w.dilations.assign(n, 1);
  if (hasDilations) {
    auto dilations = spatialAttr(ctx, "dilations", n, 1, 1);
    if (!dilations)
      return dilations.takeError();
    w.dilations = *dilations;
  }
  auto pads = spatialAttr(ctx, "pads", 2 * n, 0, 0);
  if (!pads)
    return pads.takeError();
  w.padsBegin.assign(pads->begin(), pads->begin() + n);
  w.padsEnd.assign(pads->begin() + n, pads->end());
  w.autoPad = ctx.stringAttr("auto_pad", "NOTSET");
  if (w.autoPad != "NOTSET" && w.autoPad != "SAME_UPPER" &&
      w.autoPad != "SAME_LOWER" && w.autoPad != "VALID")
    return ctx.unsupportedAttr("auto_pad", "'" + w.autoPad + "'");
  if (w.autoPad == "VALID") {
    w.padsBegin.assign(n, 0);
    w.padsEnd.assign(n, 0);
  }
  return w;
}

/// Resolves auto_pad SAME_* of a direct convolution or pooling.
static llvm::Error resolveSamePads(NodeContext &ctx, WindowAttrs &w,
                                   ArrayRef<int64_t> spatialIn) {
  if (w.autoPad != "SAME_UPPER" && w.autoPad != "SAME_LOWER")
    return llvm::Error::success();
  for (unsigned i = 0; i < w.kernel.size(); ++i) {
    auto pads = checkedSamePads(spatialIn[i], w.kernel[i], w.strides[i],
                                w.dilations[i], w.autoPad == "SAME_UPPER");
    if (!pads)
      return ctx.error("auto_pad " + w.autoPad + " overflows in dim " +
                       Twine(i));
    w.padsBegin[i] = pads->begin;
    w.padsEnd[i] = pads->end;
  }
  return llvm::Error::success();
}

static llvm::Error emitConv(NodeContext &ctx, bool transposed) {
  for (unsigned i = 0; i < 2; ++i)
    if (llvm::Error err = ctx.requireFloat(i))
      return err;
  ArrayRef<int64_t> x = ctx.shape(0), w = ctx.shape(1);
  if (x.size() < 3 || x.size() > 5 || w.size() != x.size())
    return ctx.error("input and weights must both be of rank 3 to 5 (1-D to "
                     "3-D convolution), got " +
                     Twine(x.size()) + " and " + Twine(w.size()));
  Type elementType = ctx.type(0).getElementType();
  if (ctx.type(1).getElementType() != elementType ||
      (ctx.hasInput(2) && ctx.type(2).getElementType() != elementType))
    return ctx.error("input, weights and bias must have the same data type");
  unsigned n = x.size() - 2;
  auto attrs = readWindowAttrs(ctx, w.drop_front(2), /*hasDilations=*/true);
  if (!attrs)
    return attrs.takeError();
  int64_t group = ctx.intAttr("group", 1);
  if (group < 1 || w[0] % group)
    return ctx.unsupportedAttr("group", Twine(group) +
                                            " (must be >= 1 and divide the "
                                            "weights' dim 0, " +
                                            Twine(w[0]) + ")");
  int64_t channels = transposed ? w[0] : w[1] * group;
  int64_t outChannels = transposed ? w[1] * group : w[0];
  if (x[1] != channels)
    return ctx.error("input has " + Twine(x[1]) +
                     " channels but weights of shape " + formatList(w) +
                     " with group " + Twine(group) + " need " +
                     Twine(channels));
  if (ctx.hasInput(2) &&
      (ctx.shape(2).size() != 1 || ctx.shape(2)[0] != outChannels))
    return ctx.error("bias must have " + Twine(outChannels) +
                     " values (one per output channel), got shape " +
                     formatList(ctx.shape(2)));

  ConvGeometry g = ConvGeometry::identity(n);
  g.strides = attrs->strides;
  g.dilations = attrs->dilations;
  g.padsBegin = attrs->padsBegin;
  g.padsEnd = attrs->padsEnd;
  g.group = group;
  ArrayRef<int64_t> spatialIn = x.drop_front(2);

  if (!transposed) {
    if (llvm::Error err = resolveSamePads(ctx, *attrs, spatialIn))
      return err;
    g.padsBegin = attrs->padsBegin;
    g.padsEnd = attrs->padsEnd;
  } else {
    auto outputPadding = spatialAttr(ctx, "output_padding", n, 0, 0);
    if (!outputPadding)
      return outputPadding.takeError();
    g.outputPadding = *outputPadding;
    SmallVector<int64_t> outputShape = ctx.intsAttr("output_shape");
    bool same = attrs->autoPad == "SAME_UPPER" || attrs->autoPad == "SAME_LOWER";
    if (!outputShape.empty() && outputShape.size() != n &&
        outputShape.size() != n + 2)
      return ctx.unsupportedAttr("output_shape",
                                 formatList(outputShape) + " (expected " +
                                     Twine(n) + " spatial sizes)");
    if (!outputShape.empty() || same) {
      for (unsigned i = 0; i < n; ++i) {
        std::optional<int64_t> out =
            outputShape.empty()
                ? llvm::checkedMul(spatialIn[i], g.strides[i])
                : outputShape[outputShape.size() - n + i];
        if (!out)
          return ctx.unsupportedAttr("strides", "(the SAME output overflows)");
        auto pads = checkedConvTransposePadsForOutput(
            spatialIn[i], attrs->kernel[i], g.strides[i], g.dilations[i],
            g.outputPadding[i], *out, attrs->autoPad == "SAME_UPPER");
        if (!pads)
          return ctx.unsupportedAttr("output_shape", formatList(outputShape) +
                                                         " (overflows)");
        g.padsBegin[i] = pads->begin;
        g.padsEnd[i] = pads->end;
        // An output longer than the kernels reach: extend at the end.
        if (pads->end < 0) {
          g.outputPadding[i] -= pads->end;
          g.padsEnd[i] = 0;
        }
      }
    }
    for (unsigned i = 0; i < n; ++i)
      if (g.outputPadding[i] >= std::max(g.strides[i], g.dilations[i]))
        return ctx.unsupportedAttr(
            outputShape.empty() ? "output_padding" : "output_shape",
            (outputShape.empty() ? formatList(*outputPadding)
                                 : formatList(outputShape)) +
                " (the output padding of dim " + Twine(i) + ", " +
                Twine(g.outputPadding[i]) +
                ", must be smaller than the stride or the dilation)");
  }

  for (unsigned i = 0; i < n; ++i) {
    std::optional<int64_t> size =
        transposed
            ? checkedConvTransposeOutputSize(spatialIn[i], attrs->kernel[i],
                                             g.strides[i], g.padsBegin[i],
                                             g.padsEnd[i], g.dilations[i],
                                             g.outputPadding[i])
            : checkedConvOutputSize(spatialIn[i], attrs->kernel[i],
                                    g.strides[i], g.padsBegin[i],
                                    g.padsEnd[i], g.dilations[i]);
    if (!size || *size < 1)
      return ctx.error("output size of spatial dim " + Twine(i) +
                       " is not positive (input " + Twine(spatialIn[i]) +
                       ", kernel " + Twine(attrs->kernel[i]) + ", pads " +
                       formatList(g.onnxPads()) + ")");
  }

  Value input = ctx.input(0), filter = ctx.input(1);
  Value bias = ctx.hasInput(2) ? ctx.input(2) : Value();
  Value result =
      transposed
          ? ConvTransposeOp::create(ctx.builder, ctx.loc, input, filter, bias, g)
                .getResult()
          : ConvOp::create(ctx.builder, ctx.loc, input, filter, bias, g)
                .getResult();
  ctx.setOutput(0, result);
  return llvm::Error::success();
}

/// MaxPool's Indices output: per output element, the flat index into the
/// unpadded input of the first window element equal to the maximum, with
/// the spatial dims in row-major order or, for storage_order = 1, in
/// column-major order, after the batch and channel.
static Value maxPoolIndices(NodeContext &ctx, Value padded, Value window,
                            Value pooled,
                            ArrayRef<AffineMap> poolMaps,
                            ArrayRef<utils::IteratorType> iterators,
                            const WindowAttrs &attrs, bool columnMajor) {
  Importer &imp = ctx.importer;
  OpBuilder &b = ctx.builder;
  ArrayRef<int64_t> x = ctx.shape(0);
  unsigned n = x.size() - 2;
  auto outType = cast<RankedTensorType>(pooled.getType());
  Value init = imp.filled(outType.getShape(), b.getI64Type(), -1);
  // The spatial strides of the flat index.
  SmallVector<int64_t> strides(n);
  int64_t stride = 1;
  for (unsigned k = 0; k < n; ++k) {
    unsigned i = columnMajor ? k : n - 1 - k;
    strides[i] = stride;
    stride *= x[2 + i];
  }
  int64_t spatialSize = stride;
  // Inputs: the padded input, the window (for its shape), the maxima;
  // output: the index.
  SmallVector<AffineMap> maps = {poolMaps[0], poolMaps[1], poolMaps[2],
                                 poolMaps[2]};
  return linalg::GenericOp::create(
             b, ctx.loc, TypeRange{init.getType()},
             ValueRange{padded, window, pooled},
             ValueRange{init}, maps, iterators,
             [&](OpBuilder &nb, Location l, ValueRange args) {
               Type i64 = nb.getI64Type();
               auto index = [&](unsigned dim) -> Value {
                 return arith::IndexCastOp::create(
                     nb, l, i64, linalg::IndexOp::create(nb, l, dim));
               };
               auto constant = [&](int64_t v) -> Value {
                 return arith::ConstantOp::create(nb, l,
                                                  nb.getI64IntegerAttr(v));
               };
               // (batch * C + channel) * spatialSize + spatial offset.
               Value flat = arith::AddIOp::create(
                   nb, l, arith::MulIOp::create(nb, l, index(0), constant(x[1])),
                   index(1));
               flat = arith::MulIOp::create(nb, l, flat, constant(spatialSize));
               for (unsigned i = 0; i < n; ++i) {
                 // Input coordinate o * s + k * d - pad_begin.
                 Value at = arith::AddIOp::create(
                     nb, l,
                     arith::MulIOp::create(nb, l, index(2 + i),
                                           constant(attrs.strides[i])),
                     arith::MulIOp::create(nb, l, index(2 + n + i),
                                           constant(attrs.dilations[i])));
                 at = arith::SubIOp::create(nb, l, at,
                                            constant(attrs.padsBegin[i]));
                 flat = arith::AddIOp::create(
                     nb, l, flat,
                     arith::MulIOp::create(nb, l, at, constant(strides[i])));
               }
               Value isMax =
                   isa<FloatType>(args[0].getType())
                       ? Value(arith::CmpFOp::create(
                             nb, l, arith::CmpFPredicate::OEQ, args[0],
                             args[2]))
                       : Value(arith::CmpIOp::create(
                             nb, l, arith::CmpIPredicate::eq, args[0],
                             args[2]));
               Value unset = arith::CmpIOp::create(
                   nb, l, arith::CmpIPredicate::slt, args[3], constant(0));
               Value take = arith::AndIOp::create(nb, l, isMax, unset);
               Value chosen =
                   arith::SelectOp::create(nb, l, take, flat, args[3]);
               linalg::YieldOp::create(nb, l, chosen);
             })
      .getResult(0);
}

static llvm::Error emitPool(NodeContext &ctx, bool isMax) {
  // MaxPool also takes (u)int8 tensors (opset 12 on).
  bool isInteger = isa<IntegerType>(ctx.type(0).getElementType());
  if (!isMax || !isInteger || ctx.type(0).getElementType().isInteger(1))
    if (llvm::Error err = ctx.requireFloat(0))
      return err;
  bool isUnsigned = ctx.isUnsigned(0);
  ArrayRef<int64_t> x = ctx.shape(0);
  if (x.size() < 3)
    return ctx.error("input must have rank 3 or more (N x C x spatial)");
  unsigned n = x.size() - 2;
  if (!ctx.hasAttr("kernel_shape"))
    return ctx.error("attribute 'kernel_shape' is required");
  SmallVector<int64_t> kernel = ctx.intsAttr("kernel_shape");
  if (kernel.size() != n || llvm::any_of(kernel, [](int64_t k) { return k < 1; }))
    return ctx.unsupportedAttr("kernel_shape", formatList(kernel));
  auto attrs = readWindowAttrs(ctx, kernel, /*hasDilations=*/isMax);
  if (!attrs)
    return attrs.takeError();
  ArrayRef<int64_t> spatialIn = x.drop_front(2);
  if (llvm::Error err = resolveSamePads(ctx, *attrs, spatialIn))
    return err;
  bool ceilMode = ctx.intAttr("ceil_mode", 0) != 0;
  bool countIncludePad = !isMax && ctx.intAttr("count_include_pad", 0) != 0;
  bool columnMajor = isMax && ctx.intAttr("storage_order", 0) != 0;

  SmallVector<int64_t> outShape(x.take_front(2));
  SmallVector<int64_t> low(2, 0), high(2, 0);
  for (unsigned i = 0; i < n; ++i) {
    int64_t s = attrs->strides[i], pb = attrs->padsBegin[i],
            pe = attrs->padsEnd[i];
    std::optional<int64_t> out = checkedConvOutputSize(
        spatialIn[i], kernel[i], s, pb, ceilMode ? pe + s - 1 : pe,
        attrs->dilations[i]);
    // In ceil mode the last window must start inside the input or the
    // begin padding.
    if (out && ceilMode && (*out - 1) * s >= spatialIn[i] + pb)
      --*out;
    if (!out || *out < 1)
      return ctx.error("output size of spatial dim " + Twine(i) +
                       " is not positive");
    outShape.push_back(*out);
    int64_t needed = (*out - 1) * s +
                     dilatedKernelSize(kernel[i], attrs->dilations[i]) -
                     spatialIn[i] - pb;
    low.push_back(pb);
    high.push_back(std::max<int64_t>(needed, 0));
  }

  Importer &imp = ctx.importer;
  OpBuilder &b = ctx.builder;
  Type elementType = ctx.type(0).getElementType();
  Value input = ctx.input(0);
  // Max pooling pads with the type's lowest value (0 if unsigned).
  double padValue = 0.0;
  if (isMax && !isInteger)
    padValue = -INFINITY;
  else if (isMax && !isUnsigned)
    padValue = -std::ldexp(1.0, elementType.getIntOrFloatBitWidth() - 1);
  if (llvm::any_of(low, [](int64_t v) { return v; }) ||
      llvm::any_of(high, [](int64_t v) { return v; }))
    input = imp.padConstant(input, low, high, padValue);

  // Loops: N, C, O1..On (parallel), K1..Kn (reduction).
  unsigned numLoops = 2 + 2 * n;
  SmallVector<AffineExpr> inExprs = {b.getAffineDimExpr(0),
                                     b.getAffineDimExpr(1)};
  SmallVector<AffineExpr> windowExprs, outExprs = inExprs;
  for (unsigned i = 0; i < n; ++i) {
    AffineExpr o = b.getAffineDimExpr(2 + i), k = b.getAffineDimExpr(2 + n + i);
    inExprs.push_back(o * attrs->strides[i] + k * attrs->dilations[i]);
    windowExprs.push_back(k);
    outExprs.push_back(o);
  }
  MLIRContext *context = b.getContext();
  SmallVector<AffineMap> maps = {
      AffineMap::get(numLoops, 0, inExprs, context),
      AffineMap::get(numLoops, 0, windowExprs, context),
      AffineMap::get(numLoops, 0, outExprs, context)};
  SmallVector<utils::IteratorType> iterators(2 + n,
                                             utils::IteratorType::parallel);
  iterators.append(n, utils::IteratorType::reduction);
  Value window = imp.emptyTensor(kernel, elementType);
  Value acc = imp.filled(outShape, elementType, padValue);
  Value pooled =
      linalg::GenericOp::create(
          b, ctx.loc, TypeRange{acc.getType()}, ValueRange{input, window},
          ValueRange{acc}, maps, iterators,
          [&](OpBuilder &nb, Location l, ValueRange args) {
            Value r;
            if (!isMax)
              r = arith::AddFOp::create(nb, l, args[2], args[0]);
            else if (!isInteger)
              r = arith::MaximumFOp::create(nb, l, args[2], args[0]);
            else if (isUnsigned)
              r = arith::MaxUIOp::create(nb, l, args[2], args[0]);
            else
              r = arith::MaxSIOp::create(nb, l, args[2], args[0]);
            linalg::YieldOp::create(nb, l, r);
          })
          .getResult(0);
  if (isMax) {
    ctx.setOutput(0, pooled);
    if (ctx.hasOutput(1))
      ctx.setOutput(1, maxPoolIndices(ctx, input, window, pooled, maps,
                                      iterators,
                                      *attrs, columnMajor));
    return llvm::Error::success();
  }

  // Divisors: the window elements inside the input (and, with
  // count_include_pad, inside the explicit pads), per output position.
  SmallVector<int64_t> spatialOut(outShape.begin() + 2, outShape.end());
  int64_t positions = 1;
  for (int64_t o : spatialOut)
    positions *= o;
  std::vector<double> divisors(positions);
  SmallVector<int64_t> index(n, 0);
  for (int64_t flat = 0; flat < positions; ++flat) {
    double count = 1;
    for (unsigned i = 0; i < n; ++i) {
      int64_t lo = countIncludePad ? -attrs->padsBegin[i] : 0;
      int64_t hi = countIncludePad ? spatialIn[i] + attrs->padsEnd[i]
                                   : spatialIn[i];
      int64_t inside = 0;
      for (int64_t k = 0; k < kernel[i]; ++k) {
        int64_t p = index[i] * attrs->strides[i] - attrs->padsBegin[i] +
                    k * attrs->dilations[i];
        inside += p >= lo && p < hi;
      }
      count *= inside;
    }
    divisors[flat] = count;
    for (int i = n - 1; i >= 0 && ++index[i] == spatialOut[i]; --i)
      index[i] = 0;
  }
  SmallVector<int64_t> divisorShape = {1, 1};
  divisorShape.append(spatialOut);
  Value divisor = imp.materialize(Literal::makeFloats(
      getDType(elementType), divisorShape, std::move(divisors)));
  ctx.setOutput(0, imp.elementwise({pooled, divisor}, outShape, elementType,
                                   [](OpBuilder &nb, Location l,
                                      ArrayRef<Value> v) -> Value {
                                     return arith::DivFOp::create(nb, l, v[0],
                                                                  v[1]);
                                   }));
  return llvm::Error::success();
}

void onnx_import::registerConvOps(EmitterTable &table) {
  table["Conv"] = [](NodeContext &ctx) { return emitConv(ctx, false); };
  table["ConvTranspose"] = [](NodeContext &ctx) { return emitConv(ctx, true); };
  table["MaxPool"] = [](NodeContext &ctx) { return emitPool(ctx, true); };
  table["AveragePool"] = [](NodeContext &ctx) { return emitPool(ctx, false); };
}
