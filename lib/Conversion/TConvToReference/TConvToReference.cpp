//===- TConvToReference.cpp - tconv ops to naive scalar loops -------------===//
//
// The numerical oracle of tconv-run --verify: convolutions written straight
// from their definitions as scf.for loops over tensors. See Passes.td.
//
//===----------------------------------------------------------------------===//

#include "tconv/Conversion/TConvToReference/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/ImplicitLocOpBuilder.h"
#include "mlir/Transforms/DialectConversion.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVLOWERTOREFERENCEPASS
#include "tconv/Conversion/TConvToReference/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

namespace {

/// f16 and bf16 sum in f32; wider types in themselves.
Type getAccumulatorType(Type elementType) {
  if (elementType.isF16() || elementType.isBF16())
    return Float32Type::get(elementType.getContext());
  return elementType;
}

/// Scalar and index arithmetic at one location.
struct Emitter {
  ImplicitLocOpBuilder &b;

  Value index(int64_t value) {
    return arith::ConstantIndexOp::create(b, value);
  }
  Value add(Value x, Value y) { return arith::AddIOp::create(b, x, y); }
  Value mul(Value x, Value y) { return arith::MulIOp::create(b, x, y); }
  Value mulAdd(Value x, int64_t scale, Value y) {
    return add(mul(x, index(scale)), y);
  }
  /// Reads tensor[indices] widened to `accType`.
  Value load(Value tensor, ValueRange indices, Type accType) {
    Value v = tensor::ExtractOp::create(b, tensor, indices);
    return v.getType() == accType ? v : arith::ExtFOp::create(b, accType, v);
  }
  /// Narrows an accumulator to `elementType`, rounding to nearest-even.
  Value narrow(Value acc, Type elementType) {
    return acc.getType() == elementType
               ? acc
               : arith::TruncFOp::create(b, elementType, acc);
  }
};

/// Builds a loop nest from 0 to `upperBounds` (step 1) threading `iterArgs`.
scf::LoopNest buildNest(OpBuilder &b, Location loc,
                        ArrayRef<int64_t> upperBounds, ValueRange iterArgs,
                        function_ref<scf::ValueVector(ImplicitLocOpBuilder &,
                                                      ValueRange, ValueRange)>
                            body) {
  SmallVector<Value> lbs, ubs, steps;
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  for (int64_t ub : upperBounds) {
    lbs.push_back(zero);
    ubs.push_back(arith::ConstantIndexOp::create(b, loc, ub));
    steps.push_back(one);
  }
  return scf::buildLoopNest(b, loc, lbs, ubs, steps, iterArgs,
                            [&](OpBuilder &nested, Location nestedLoc,
                                ValueRange ivs, ValueRange args) {
                              ImplicitLocOpBuilder ib(nestedLoc, nested);
                              return body(ib, ivs, args);
                            });
}

/// y[n, m, o...] = bias[m] + sum over c in m's group and kernel taps k of
/// x[n, c, o*s + k*d - padBegin] * w[m, c, k] (taps in the padding skipped).
struct ConvToReference : OpConversionPattern<ConvOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    ConvGeometry g = op.getGeometry();
    unsigned rank = g.numSpatialDims();
    ArrayRef<int64_t> inShape = op.getInput().getType().getShape();
    ArrayRef<int64_t> wShape = op.getFilter().getType().getShape();
    RankedTensorType resultType = op.getOutput().getType();
    Type elementType = resultType.getElementType();
    Type accType = getAccumulatorType(elementType);
    int64_t outPerGroup = wShape[0] / g.group;
    int64_t channelsPerGroup = wShape[1];
    Value input = adaptor.getInput(), filter = adaptor.getFilter(),
          bias = adaptor.getBias();

    Value init = tensor::EmptyOp::create(b, resultType.getShape(), elementType);
    // Reduction: input channels of the group, then kernel taps.
    SmallVector<int64_t> reduction = {channelsPerGroup};
    llvm::append_range(reduction, wShape.drop_front(2));

    scf::LoopNest outer = buildNest(
        b, b.getLoc(), resultType.getShape(), init,
        [&](ImplicitLocOpBuilder &ob, ValueRange ivs, ValueRange outs) {
          Emitter e{ob};
          Value n = ivs[0], m = ivs[1];
          ValueRange o = ivs.drop_front(2);
          Value acc0 =
              bias ? e.load(bias, m, accType)
                   : arith::ConstantOp::create(ob, ob.getFloatAttr(accType, 0))
                         .getResult();
          Value firstChannel =
              e.mul(arith::DivUIOp::create(ob, m, e.index(outPerGroup)),
                    e.index(channelsPerGroup));

          scf::LoopNest inner = buildNest(
              ob, ob.getLoc(), reduction, acc0,
              [&](ImplicitLocOpBuilder &ib, ValueRange rivs,
                  ValueRange accs) -> scf::ValueVector {
                Emitter ie{ib};
                Value c = rivs[0];
                ValueRange k = rivs.drop_front(1);
                // Input position of each tap and whether it is in bounds.
                SmallVector<Value> xIndices = {n, ie.add(firstChannel, c)};
                Value inBounds;
                for (unsigned i = 0; i < rank; ++i) {
                  Value pos = arith::SubIOp::create(
                      ib,
                      ie.add(ie.mul(o[i], ie.index(g.strides[i])),
                             ie.mul(k[i], ie.index(g.dilations[i]))),
                      ie.index(g.padsBegin[i]));
                  Value ge = arith::CmpIOp::create(
                      ib, arith::CmpIPredicate::sge, pos, ie.index(0));
                  Value lt =
                      arith::CmpIOp::create(ib, arith::CmpIPredicate::slt, pos,
                                            ie.index(inShape[i + 2]));
                  Value both = arith::AndIOp::create(ib, ge, lt);
                  inBounds = inBounds
                                 ? arith::AndIOp::create(ib, inBounds, both)
                                 : both;
                  xIndices.push_back(pos);
                }
                SmallVector<Value> wIndices = {m, c};
                llvm::append_range(wIndices, k);
                Value acc = accs[0];
                auto tap = scf::IfOp::create(
                    ib, inBounds,
                    [&](OpBuilder &tb, Location loc) {
                      ImplicitLocOpBuilder tib(loc, tb);
                      Emitter te{tib};
                      Value x = te.load(input, xIndices, accType);
                      Value w = te.load(filter, wIndices, accType);
                      Value sum = arith::AddFOp::create(
                          tib, acc, arith::MulFOp::create(tib, x, w));
                      scf::YieldOp::create(tib, sum);
                    },
                    [&](OpBuilder &eb, Location loc) {
                      scf::YieldOp::create(eb, loc, acc);
                    });
                return {tap.getResult(0)};
              });

          Value result = e.narrow(inner.results[0], elementType);
          return scf::ValueVector{
              tensor::InsertOp::create(ob, result, outs[0], ivs)};
        });
    rewriter.replaceOp(op, outer.results[0]);
    return success();
  }
};

/// The scatter definition: canvas[n, g*M/g + mm, d*s + k*dil] +=
/// x[n, c, d] * w[c, mm, k] for c in group g, then
/// y[n, m, o] = bias[m] + canvas[n, m, o + padBegin].
struct ConvTransposeToReference : OpConversionPattern<ConvTransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvTransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    ImplicitLocOpBuilder b(op.getLoc(), rewriter);
    ConvGeometry g = op.getGeometry();
    unsigned rank = g.numSpatialDims();
    ArrayRef<int64_t> inShape = op.getInput().getType().getShape();
    ArrayRef<int64_t> wShape = op.getFilter().getType().getShape();
    RankedTensorType resultType = op.getOutput().getType();
    Type elementType = resultType.getElementType();
    Type accType = getAccumulatorType(elementType);
    int64_t channelsPerGroup = inShape[1] / g.group;
    int64_t outPerGroup = wShape[1];
    Value input = adaptor.getInput(), filter = adaptor.getFilter(),
          bias = adaptor.getBias();

    // Every product lands at d*s + k*dil < s*(D-1) + dil*(k-1) + 1; output
    // padding appends positions that only the bias reaches.
    SmallVector<int64_t> canvasShape = {resultType.getDimSize(0),
                                        resultType.getDimSize(1)};
    for (unsigned i = 0; i < rank; ++i)
      canvasShape.push_back(g.strides[i] * (inShape[i + 2] - 1) +
                            dilatedKernelSize(wShape[i + 2], g.dilations[i]) +
                            g.outputPadding[i]);
    Value zero = arith::ConstantOp::create(b, b.getFloatAttr(accType, 0));
    Value canvas =
        linalg::FillOp::create(
            b, zero,
            tensor::EmptyOp::create(b, canvasShape, accType).getResult())
            .getResult(0);

    // Loops: n, c, d..., mm, k...
    SmallVector<int64_t> scatterBounds = {inShape[0], inShape[1]};
    llvm::append_range(scatterBounds, inShape.drop_front(2));
    scatterBounds.push_back(outPerGroup);
    llvm::append_range(scatterBounds, wShape.drop_front(2));
    scf::LoopNest scatter = buildNest(
        b, b.getLoc(), scatterBounds, canvas,
        [&](ImplicitLocOpBuilder &sb, ValueRange ivs,
            ValueRange canvases) -> scf::ValueVector {
          Emitter e{sb};
          Value n = ivs[0], c = ivs[1], mm = ivs[2 + rank];
          ValueRange d = ivs.slice(2, rank);
          ValueRange k = ivs.drop_front(3 + rank);
          Value group =
              arith::DivUIOp::create(sb, c, e.index(channelsPerGroup));
          SmallVector<Value> canvasIndices = {n,
                                              e.mulAdd(group, outPerGroup, mm)};
          for (unsigned i = 0; i < rank; ++i)
            canvasIndices.push_back(
                e.add(e.mul(d[i], e.index(g.strides[i])),
                      e.mul(k[i], e.index(g.dilations[i]))));
          SmallVector<Value> xIndices = {n, c};
          llvm::append_range(xIndices, d);
          SmallVector<Value> wIndices = {c, mm};
          llvm::append_range(wIndices, k);
          Value product =
              arith::MulFOp::create(sb, e.load(input, xIndices, accType),
                                    e.load(filter, wIndices, accType));
          Value old = tensor::ExtractOp::create(sb, canvases[0], canvasIndices);
          Value sum = arith::AddFOp::create(sb, old, product);
          return {
              tensor::InsertOp::create(sb, sum, canvases[0], canvasIndices)};
        });

    // Crop by the pads, add the bias, round to the element type.
    Value init = tensor::EmptyOp::create(b, resultType.getShape(), elementType);
    scf::LoopNest crop = buildNest(
        b, b.getLoc(), resultType.getShape(), init,
        [&](ImplicitLocOpBuilder &cb, ValueRange ivs,
            ValueRange outs) -> scf::ValueVector {
          Emitter e{cb};
          SmallVector<Value> canvasIndices = {ivs[0], ivs[1]};
          for (unsigned i = 0; i < rank; ++i)
            canvasIndices.push_back(e.add(ivs[2 + i], e.index(g.padsBegin[i])));
          Value value =
              tensor::ExtractOp::create(cb, scatter.results[0], canvasIndices);
          if (bias)
            value =
                arith::AddFOp::create(cb, value, e.load(bias, ivs[1], accType));
          return {tensor::InsertOp::create(cb, e.narrow(value, elementType),
                                           outs[0], ivs)};
        });
    rewriter.replaceOp(op, crop.results[0]);
    return success();
  }
};

struct TConvLowerToReferencePass
    : tconv::impl::TConvLowerToReferencePassBase<TConvLowerToReferencePass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateTConvToReferencePatterns(patterns);
    ConversionTarget target(getContext());
    target.addIllegalDialect<TConvDialect>();
    target.addLegalDialect<arith::ArithDialect, linalg::LinalgDialect,
                           scf::SCFDialect, tensor::TensorDialect>();
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

void mlir::tconv::populateTConvToReferencePatterns(
    RewritePatternSet &patterns) {
  patterns.add<ConvToReference, ConvTransposeToReference>(
      patterns.getContext());
}
