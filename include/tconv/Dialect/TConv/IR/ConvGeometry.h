//===- ConvGeometry.h - Shape formulas of tconv convolutions ----*- C++ -*-===//
//
// The one place where output sizes of convolutions and transposed
// convolutions are computed. The verifier, the builders and every pass call
// these functions.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_DIALECT_TCONV_IR_CONVGEOMETRY_H
#define TCONV_DIALECT_TCONV_IR_CONVGEOMETRY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <optional>

namespace mlir::tconv {

/// Strides, pads, dilations, output padding and group of a convolution, one
/// value per spatial dimension, ONNX defaults filled in.
struct ConvGeometry {
  llvm::SmallVector<int64_t> strides;
  llvm::SmallVector<int64_t> padsBegin;
  llvm::SmallVector<int64_t> padsEnd;
  llvm::SmallVector<int64_t> dilations;
  llvm::SmallVector<int64_t> outputPadding;
  int64_t group = 1;

  /// The default geometry (stride 1, no padding, dilation 1, group 1).
  static ConvGeometry identity(unsigned numSpatialDims);
  unsigned numSpatialDims() const { return strides.size(); }
  /// Pads in ONNX order: all begins, then all ends.
  llvm::SmallVector<int64_t> onnxPads() const;
};

/// Limits the verifier enforces, so that no shape computation of a verified
/// op, pass or tool overflows int64_t and no compiled program is asked for an
/// absurd amount of memory:
/// - every dimension size, stride, dilation, pad and output padding is at
///   most kMaxExtent (so that products of two of them fit in int64_t);
/// - every tensor an op reads or produces, and the intermediate tensors of its
///   decompositions (a padded input, a zero-inserted input, an uncropped
///   transposed-convolution output), holds at most kMaxTensorBytes.
constexpr int64_t kMaxExtent = (int64_t(1) << 31) - 1;
constexpr int64_t kMaxTensorBytes = int64_t(1) << 40;

/// Product of `shape` (1 for rank 0); std::nullopt if a size is negative or
/// dynamic, or if the product overflows int64_t.
std::optional<int64_t> checkedNumElements(llvm::ArrayRef<int64_t> shape);
/// checkedNumElements times `elementBytes`, std::nullopt on overflow.
std::optional<int64_t> checkedByteSize(llvm::ArrayRef<int64_t> shape,
                                       int64_t elementBytes);

/// Extent of a dilated kernel: (k - 1) * dilation + 1.
int64_t dilatedKernelSize(int64_t kernel, int64_t dilation);

/// ONNX Conv: floor((in + padBegin + padEnd - dilatedKernel) / stride) + 1.
/// Expects stride >= 1 and no int64_t overflow (true on verified ops).
int64_t convOutputSize(int64_t in, int64_t kernel, int64_t stride,
                       int64_t padBegin, int64_t padEnd, int64_t dilation);

/// ONNX ConvTranspose:
/// stride * (in - 1) + outputPadding + dilatedKernel - padBegin - padEnd.
/// Expects no int64_t overflow (true on verified ops).
int64_t convTransposeOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                int64_t padBegin, int64_t padEnd,
                                int64_t dilation, int64_t outputPadding);

/// The same formulas, std::nullopt when an intermediate value overflows
/// int64_t (or, for a convolution, when stride < 1). The verifier uses them so
/// that huge attributes are an error, not a wrapped-around size.
std::optional<int64_t> checkedConvOutputSize(int64_t in, int64_t kernel,
                                             int64_t stride, int64_t padBegin,
                                             int64_t padEnd, int64_t dilation);
std::optional<int64_t>
checkedConvTransposeOutputSize(int64_t in, int64_t kernel, int64_t stride,
                               int64_t padBegin, int64_t padEnd,
                               int64_t dilation, int64_t outputPadding);

/// Begin and end pads of one spatial dim.
struct PadPair {
  int64_t begin;
  int64_t end;
};

/// ONNX auto_pad SAME_UPPER / SAME_LOWER of a convolution or pooling: the
/// pads that make the output ceil(in / stride) long, total
/// max(0, (out - 1) * stride + dilatedKernel - in), the odd one at the end
/// (upper) or at the begin (lower). std::nullopt on overflow or stride < 1.
std::optional<PadPair> checkedSamePads(int64_t in, int64_t kernel,
                                       int64_t stride, int64_t dilation,
                                       bool upper);

/// Pads of an ONNX ConvTranspose asked for an output of `out` elements
/// (its output_shape attribute, or in * stride for auto_pad SAME): total
/// stride * (in - 1) + outputPadding + dilatedKernel - out, split as ONNX
/// says (SAME_UPPER: floor half at the begin, else floor half at the end).
/// A negative total (output longer than the kernel reaches) is a negative
/// end pad: the caller extends the output there. std::nullopt on overflow.
std::optional<PadPair>
checkedConvTransposePadsForOutput(int64_t in, int64_t kernel, int64_t stride,
                                  int64_t dilation, int64_t outputPadding,
                                  int64_t out, bool upper);

/// Result shape N x M x O1..On of a convolution with an N x C x D1..Dn input
/// and an M x C/g x k1..kn filter.
llvm::SmallVector<int64_t> convResultShape(llvm::ArrayRef<int64_t> inputShape,
                                           llvm::ArrayRef<int64_t> filterShape,
                                           const ConvGeometry &geometry);

/// Result shape N x M x O1..On of a transposed convolution with an
/// N x C x D1..Dn input and a C x M/g x k1..kn filter.
llvm::SmallVector<int64_t>
convTransposeResultShape(llvm::ArrayRef<int64_t> inputShape,
                         llvm::ArrayRef<int64_t> filterShape,
                         const ConvGeometry &geometry);

/// Length left of `in` elements after a begin and an end pad, where a
/// negative pad crops (only the cropping is counted: zeros do not feed data).
int64_t croppedSize(int64_t in, int64_t padBegin, int64_t padEnd);

/// Size of `in` elements after inserting `stride - 1` zeros between
/// neighbours: stride * (in - 1) + 1.
int64_t zeroInsertedSize(int64_t in, int64_t stride);

/// Begin and end pads of the stride-1 convolution with the flipped kernel and
/// the same dilation that computes spatial dim `dim` of a transposed
/// convolution from its zero-inserted input:
///   begin = dilation * (k - 1) - padBegin,
///   end   = dilation * (k - 1) - padEnd + outputPadding.
/// A negative pad crops the zero-inserted input.
struct ZeroInsertionPads {
  int64_t begin;
  int64_t end;
};
ZeroInsertionPads zeroInsertionPads(int64_t kernel, const ConvGeometry &g,
                                    unsigned dim);

/// One output phase of one spatial dim of a transposed convolution with
/// stride s and dilation d. Output o = s*q + r (phase r) only receives the
/// kernel taps k with (r + padBegin - d*k) mod s == 0, from input
/// q + (r + padBegin - d*k) / s. The taps form an arithmetic sequence with
/// step s/gcd(s, d), so the phase is a dense stride-1 convolution of the
/// original input with the flipped taps and dilation d/gcd(s, d).
struct TransposePhase {
  /// Outputs of the phase: r, r+s, ..., ceil((O - r) / s) of them.
  int64_t numOutputs = 0;
  /// Taps of the phase: lastTap, lastTap - tapStep, ... (flipped order),
  /// numTaps of them; none when the stride exceeds the dilated kernel.
  int64_t numTaps = 0;
  int64_t lastTap = 0;
  int64_t tapStep = 1;
  /// Dilation of the phase convolution: d / gcd(s, d).
  int64_t dilation = 1;
  /// Pads of the phase convolution on the original input; negative crops.
  int64_t padBegin = 0;
  int64_t padEnd = 0;
};
TransposePhase convTransposePhase(int64_t in, int64_t kernel,
                                  const ConvGeometry &g, unsigned dim,
                                  int64_t phase);

/// Multiply-accumulates that do useful work, times two: for a convolution
/// 2*N*M*(C/g)*prod(k)*prod(output spatial), for a transposed convolution
/// 2*N*C*(M/g)*prod(k)*prod(input spatial) (products with inserted zeros do
/// not count).
double convFlops(llvm::ArrayRef<int64_t> filterShape,
                 llvm::ArrayRef<int64_t> resultShape);
double convTransposeFlops(llvm::ArrayRef<int64_t> inputShape,
                          llvm::ArrayRef<int64_t> filterShape);

} // namespace mlir::tconv

#endif // TCONV_DIALECT_TCONV_IR_CONVGEOMETRY_H
