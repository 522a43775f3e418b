//===- ConvGeometry.cpp - Shape formulas of tconv convolutions -----------===//

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"

#include "llvm/Support/CheckedArithmetic.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <cassert>
#include <numeric>

using namespace mlir::tconv;

ConvGeometry ConvGeometry::identity(unsigned numSpatialDims) {
  ConvGeometry g;
  g.strides.assign(numSpatialDims, 1);
  g.padsBegin.assign(numSpatialDims, 0);
  g.padsEnd.assign(numSpatialDims, 0);
  g.dilations.assign(numSpatialDims, 1);
  g.outputPadding.assign(numSpatialDims, 0);
  return g;
}

llvm::SmallVector<int64_t> ConvGeometry::onnxPads() const {
  llvm::SmallVector<int64_t> pads(padsBegin);
  pads.append(padsEnd.begin(), padsEnd.end());
  return pads;
}

int64_t mlir::tconv::dilatedKernelSize(int64_t kernel, int64_t dilation) {
  return (kernel - 1) * dilation + 1;
}

// Overflow-propagating arithmetic: std::nullopt in, std::nullopt out.
using MaybeInt = std::optional<int64_t>;
static MaybeInt add(MaybeInt a, MaybeInt b) {
  return a && b ? llvm::checkedAdd(*a, *b) : std::nullopt;
}
static MaybeInt sub(MaybeInt a, MaybeInt b) {
  return a && b ? llvm::checkedSub(*a, *b) : std::nullopt;
}
static MaybeInt mul(MaybeInt a, MaybeInt b) {
  return a && b ? llvm::checkedMul(*a, *b) : std::nullopt;
}

MaybeInt mlir::tconv::checkedNumElements(llvm::ArrayRef<int64_t> shape) {
  MaybeInt count = 1;
  for (int64_t size : shape)
    count = size < 0 ? std::nullopt : mul(count, size);
  return count;
}

MaybeInt mlir::tconv::checkedByteSize(llvm::ArrayRef<int64_t> shape,
                                      int64_t elementBytes) {
  return mul(checkedNumElements(shape), elementBytes);
}

static MaybeInt checkedDilatedKernelSize(int64_t kernel, int64_t dilation) {
  return add(mul(sub(kernel, 1), dilation), 1);
}

MaybeInt mlir::tconv::checkedConvOutputSize(int64_t in, int64_t kernel,
                                            int64_t stride, int64_t padBegin,
                                            int64_t padEnd, int64_t dilation) {
  MaybeInt span = sub(add(add(in, padBegin), padEnd),
                      checkedDilatedKernelSize(kernel, dilation));
  if (!span || stride < 1)
    return std::nullopt;
  // Floor division: a negative span must not round towards zero.
  int64_t quotient = llvm::divideFloorSigned(*span, stride);
  return add(quotient, 1);
}

MaybeInt mlir::tconv::checkedConvTransposeOutputSize(
    int64_t in, int64_t kernel, int64_t stride, int64_t padBegin,
    int64_t padEnd, int64_t dilation, int64_t outputPadding) {
  MaybeInt grown = add(add(mul(stride, sub(in, 1)), outputPadding),
                       checkedDilatedKernelSize(kernel, dilation));
  return sub(sub(grown, padBegin), padEnd);
}

std::optional<PadPair> mlir::tconv::checkedSamePads(int64_t in, int64_t kernel,
                                                   int64_t stride,
                                                   int64_t dilation,
                                                   bool upper) {
  if (stride < 1 || in < 0)
    return std::nullopt;
  int64_t out = llvm::divideCeilSigned(in, stride);
  MaybeInt total = sub(add(mul(sub(out, 1), stride),
                           checkedDilatedKernelSize(kernel, dilation)),
                       in);
  if (!total)
    return std::nullopt;
  int64_t sum = std::max<int64_t>(0, *total);
  int64_t small = sum / 2, large = sum - sum / 2;
  return upper ? PadPair{small, large} : PadPair{large, small};
}

std::optional<PadPair> mlir::tconv::checkedConvTransposePadsForOutput(
    int64_t in, int64_t kernel, int64_t stride, int64_t dilation,
    int64_t outputPadding, int64_t out, bool upper) {
  MaybeInt full = checkedConvTransposeOutputSize(in, kernel, stride, 0, 0,
                                                 dilation, outputPadding);
  MaybeInt total = sub(full, out);
  if (!total)
    return std::nullopt;
  if (*total < 0)
    return PadPair{0, *total};
  int64_t half = *total / 2;
  return upper ? PadPair{half, *total - half} : PadPair{*total - half, half};
}

int64_t mlir::tconv::convOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                    int64_t padBegin, int64_t padEnd,
                                    int64_t dilation) {
  MaybeInt size =
      checkedConvOutputSize(in, kernel, stride, padBegin, padEnd, dilation);
  assert(size && "convolution output size overflows int64_t");
  return *size;
}

int64_t mlir::tconv::convTransposeOutputSize(int64_t in, int64_t kernel,
                                             int64_t stride, int64_t padBegin,
                                             int64_t padEnd, int64_t dilation,
                                             int64_t outputPadding) {
  MaybeInt size = checkedConvTransposeOutputSize(
      in, kernel, stride, padBegin, padEnd, dilation, outputPadding);
  assert(size && "transposed convolution output size overflows int64_t");
  return *size;
}

llvm::SmallVector<int64_t>
mlir::tconv::convResultShape(llvm::ArrayRef<int64_t> inputShape,
                             llvm::ArrayRef<int64_t> filterShape,
                             const ConvGeometry &g) {
  llvm::SmallVector<int64_t> shape = {inputShape[0], filterShape[0]};
  for (unsigned i = 0, e = g.numSpatialDims(); i < e; ++i)
    shape.push_back(convOutputSize(inputShape[i + 2], filterShape[i + 2],
                                   g.strides[i], g.padsBegin[i], g.padsEnd[i],
                                   g.dilations[i]));
  return shape;
}

llvm::SmallVector<int64_t>
mlir::tconv::convTransposeResultShape(llvm::ArrayRef<int64_t> inputShape,
                                      llvm::ArrayRef<int64_t> filterShape,
                                      const ConvGeometry &g) {
  llvm::SmallVector<int64_t> shape = {inputShape[0], filterShape[1] * g.group};
  for (unsigned i = 0, e = g.numSpatialDims(); i < e; ++i)
    shape.push_back(convTransposeOutputSize(
        inputShape[i + 2], filterShape[i + 2], g.strides[i], g.padsBegin[i],
        g.padsEnd[i], g.dilations[i], g.outputPadding[i]));
  return shape;
}

int64_t mlir::tconv::croppedSize(int64_t in, int64_t padBegin, int64_t padEnd) {
  return in - std::max<int64_t>(0, -padBegin) - std::max<int64_t>(0, -padEnd);
}

int64_t mlir::tconv::zeroInsertedSize(int64_t in, int64_t stride) {
  return stride * (in - 1) + 1;
}

ZeroInsertionPads mlir::tconv::zeroInsertionPads(int64_t kernel,
                                                 const ConvGeometry &g,
                                                 unsigned dim) {
  int64_t span = dilatedKernelSize(kernel, g.dilations[dim]) - 1;
  return {span - g.padsBegin[dim],
          span - g.padsEnd[dim] + g.outputPadding[dim]};
}

TransposePhase mlir::tconv::convTransposePhase(int64_t in, int64_t kernel,
                                               const ConvGeometry &g,
                                               unsigned dim, int64_t phase) {
  int64_t s = g.strides[dim], d = g.dilations[dim];
  int64_t out = convTransposeOutputSize(
      in, kernel, s, g.padsBegin[dim], g.padsEnd[dim], d, g.outputPadding[dim]);
  TransposePhase p;
  if (out <= phase)
    return p;
  p.numOutputs = (out - phase + s - 1) / s;

  // Tap k belongs to the phase iff d*k == phase + padBegin (mod s). Solutions
  // repeat every s/gcd(s, d) taps, so the first one is below that.
  int64_t gcd = std::gcd(s, d);
  int64_t target = phase + g.padsBegin[dim];
  p.tapStep = s / gcd;
  p.dilation = d / gcd;
  // Bounded by the kernel, not by the stride: a huge stride has no more taps.
  int64_t searched = std::min(p.tapStep, kernel);
  int64_t firstTap = 0;
  while (firstTap < searched && (d * firstTap - target) % s != 0)
    ++firstTap;
  if (firstTap == searched)
    return p;
  p.numTaps = (kernel - 1 - firstTap) / p.tapStep + 1;
  p.lastTap = firstTap + (p.numTaps - 1) * p.tapStep;

  // Input offset of the last tap, the smallest of the phase (exact division).
  int64_t minOffset = (target - d * p.lastTap) / s;
  p.padBegin = -minOffset;
  p.padEnd = p.numOutputs + p.dilation * (p.numTaps - 1) - in - p.padBegin;
  return p;
}

static double product(llvm::ArrayRef<int64_t> values) {
  double p = 1;
  for (int64_t v : values)
    p *= static_cast<double>(v);
  return p;
}

double mlir::tconv::convFlops(llvm::ArrayRef<int64_t> filterShape,
                              llvm::ArrayRef<int64_t> resultShape) {
  // Filter M x C/g x k..., result N x M x O...: 2 * N * M * C/g * k * O.
  return 2.0 * resultShape[0] * product(filterShape) *
         product(resultShape.drop_front(2));
}

double mlir::tconv::convTransposeFlops(llvm::ArrayRef<int64_t> inputShape,
                                       llvm::ArrayRef<int64_t> filterShape) {
  // Filter C x M/g x k..., input N x C x D...: 2 * N * C * M/g * k * D.
  return 2.0 * inputShape[0] * product(filterShape) *
         product(inputShape.drop_front(2));
}
