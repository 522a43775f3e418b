//===- ConvGeometryTest.cpp - Shape formulas of tconv convolutions --------===//
//
// The formulas every pass relies on: the seed documents' examples, floor
// division for negative spans, the conv / transposed-conv size round trip,
// overflow detection, result shapes and FLOP counts.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace mlir::tconv;
using llvm::SmallVector;

namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

/// A geometry for one to three spatial dims from per-dim values.
ConvGeometry
makeGeometry(llvm::ArrayRef<int64_t> strides, llvm::ArrayRef<int64_t> padsBegin,
             llvm::ArrayRef<int64_t> padsEnd, llvm::ArrayRef<int64_t> dilations,
             llvm::ArrayRef<int64_t> outputPadding, int64_t group = 1) {
  ConvGeometry g;
  g.strides.assign(strides.begin(), strides.end());
  g.padsBegin.assign(padsBegin.begin(), padsBegin.end());
  g.padsEnd.assign(padsEnd.begin(), padsEnd.end());
  g.dilations.assign(dilations.begin(), dilations.end());
  g.outputPadding.assign(outputPadding.begin(), outputPadding.end());
  g.group = group;
  return g;
}

TEST(ConvGeometryTest, IdentityHasOnnxDefaults) {
  ConvGeometry g = ConvGeometry::identity(3);
  EXPECT_EQ(g.numSpatialDims(), 3u);
  EXPECT_EQ(g.strides, SmallVector<int64_t>({1, 1, 1}));
  EXPECT_EQ(g.padsBegin, SmallVector<int64_t>({0, 0, 0}));
  EXPECT_EQ(g.padsEnd, SmallVector<int64_t>({0, 0, 0}));
  EXPECT_EQ(g.dilations, SmallVector<int64_t>({1, 1, 1}));
  EXPECT_EQ(g.outputPadding, SmallVector<int64_t>({0, 0, 0}));
  EXPECT_EQ(g.group, 1);
}

TEST(ConvGeometryTest, OnnxPadsAreBeginsThenEnds) {
  ConvGeometry g = makeGeometry({1, 1}, {1, 2}, {3, 4}, {1, 1}, {0, 0});
  EXPECT_EQ(g.onnxPads(), SmallVector<int64_t>({1, 2, 3, 4}));
  EXPECT_TRUE(ConvGeometry::identity(0).onnxPads().empty());
}

TEST(ConvGeometryTest, DilatedKernelSize) {
  EXPECT_EQ(dilatedKernelSize(3, 1), 3);
  EXPECT_EQ(dilatedKernelSize(3, 2), 5);
  EXPECT_EQ(dilatedKernelSize(4, 3), 10);
  EXPECT_EQ(dilatedKernelSize(1, 7), 1);
}

TEST(ConvGeometryTest, ConvOutputSize) {
  // (in, kernel, stride, padBegin, padEnd, dilation)
  EXPECT_EQ(convOutputSize(4, 3, 1, 0, 0, 1), 2);  // seed: 4x4 -> 2x2
  EXPECT_EQ(convOutputSize(2, 3, 1, 2, 2, 1), 4);  // seed: 2x2 padded to 6x6
  EXPECT_EQ(convOutputSize(7, 3, 1, 0, 0, 1), 5);  // seed: 7x7 -> 5x5
  EXPECT_EQ(convOutputSize(16, 4, 2, 1, 1, 1), 8); // DCGAN discriminator
  EXPECT_EQ(convOutputSize(8, 3, 2, 1, 1, 1), 4);  // exact division
  EXPECT_EQ(convOutputSize(7, 3, 2, 1, 1, 1), 4);  // 6 / 2
  EXPECT_EQ(convOutputSize(8, 3, 2, 0, 1, 1), 4);  // 6 / 2, asymmetric
  EXPECT_EQ(convOutputSize(8, 3, 1, 0, 0, 2), 4);  // dilated kernel 5
  EXPECT_EQ(convOutputSize(8, 3, 1, 0, 0, 3), 2);  // dilated kernel 7
  EXPECT_EQ(convOutputSize(1, 1, 5, 0, 0, 1), 1);
}

TEST(ConvGeometryTest, ConvOutputSizeFloorsNegativeSpans) {
  // span = in + pads - dilated kernel < 0: the quotient must round towards
  // minus infinity. Truncation would give 1 for the first two.
  EXPECT_EQ(convOutputSize(2, 3, 3, 0, 0, 1), 0);  // floor(-1 / 3) = -1
  EXPECT_EQ(convOutputSize(2, 3, 2, 0, 0, 1), 0);  // floor(-1 / 2) = -1
  EXPECT_EQ(convOutputSize(2, 3, 1, 0, 0, 1), 0);  // -1 / 1 = -1
  EXPECT_EQ(convOutputSize(4, 5, 2, 0, 0, 2), -2); // floor(-5 / 2) = -3
  EXPECT_EQ(convOutputSize(1, 4, 3, 0, 0, 1), 0);  // floor(-3 / 3) = -1
  EXPECT_EQ(convOutputSize(1, 5, 3, 0, 0, 1), -1); // floor(-4 / 3) = -2
}

TEST(ConvGeometryTest, ConvTransposeOutputSize) {
  // (in, kernel, stride, padBegin, padEnd, dilation, outputPadding)
  EXPECT_EQ(convTransposeOutputSize(2, 3, 2, 1, 1, 1, 0), 3);  // seed 1-D
  EXPECT_EQ(convTransposeOutputSize(2, 2, 2, 0, 0, 1, 0), 4);  // seed 2x2, s2
  EXPECT_EQ(convTransposeOutputSize(2, 2, 1, 0, 0, 1, 0), 3);  // seed 2x2, s1
  EXPECT_EQ(convTransposeOutputSize(2, 3, 1, 0, 0, 1, 0), 4);  // seed 2 -> 4
  EXPECT_EQ(convTransposeOutputSize(2, 3, 2, 0, 0, 1, 0), 5);  // seed 2 -> 5
  EXPECT_EQ(convTransposeOutputSize(8, 4, 2, 1, 1, 1, 0), 16); // DCGAN
  EXPECT_EQ(convTransposeOutputSize(4, 3, 2, 1, 1, 1, 0), 7);
  EXPECT_EQ(convTransposeOutputSize(4, 3, 2, 1, 1, 1, 1), 8); // output_padding
  EXPECT_EQ(convTransposeOutputSize(4, 3, 1, 0, 0, 2, 0), 8); // dilation
  EXPECT_EQ(convTransposeOutputSize(4, 3, 1, 0, 0, 2, 1), 9);
  EXPECT_EQ(convTransposeOutputSize(4, 3, 1, 1, 2, 1, 0), 3); // asymmetric
  EXPECT_EQ(convTransposeOutputSize(3, 2, 3, 0, 0, 1, 0), 8); // s > k
  EXPECT_EQ(convTransposeOutputSize(100, 16, 8, 4, 4, 1, 0), 800);
  // Pads may crop everything; the verifier rejects sizes < 1.
  EXPECT_EQ(convTransposeOutputSize(2, 3, 2, 2, 3, 1, 0), 0);
  EXPECT_EQ(convTransposeOutputSize(1, 1, 1, 1, 1, 1, 0), -1);
}

// A transposed convolution maps back to a size its convolution maps to `in`,
// and output_padding = (x + pads - dilated kernel) mod stride recovers every
// x that the convolution maps to the same size.
TEST(ConvGeometryTest, TransposeInvertsConvSizes) {
  int checked = 0;
  for (int64_t in = 1; in <= 9; ++in)
    for (int64_t k = 1; k <= 5; ++k)
      for (int64_t s = 1; s <= 4; ++s)
        for (int64_t d = 1; d <= 3; ++d)
          for (int64_t pb = 0; pb <= 2; ++pb)
            for (int64_t pe = 0; pe <= 2; ++pe) {
              for (int64_t op = 0; op < s; ++op) {
                int64_t out = convTransposeOutputSize(in, k, s, pb, pe, d, op);
                if (out < 1)
                  continue;
                EXPECT_EQ(convOutputSize(out, k, s, pb, pe, d), in)
                    << "in " << in << " k " << k << " s " << s << " d " << d
                    << " pads " << pb << "+" << pe << " op " << op;
                ++checked;
              }
              int64_t x = in;
              int64_t out = convOutputSize(x, k, s, pb, pe, d);
              if (out < 1)
                continue;
              int64_t op = (x + pb + pe - dilatedKernelSize(k, d)) % s;
              EXPECT_EQ(convTransposeOutputSize(out, k, s, pb, pe, d, op), x)
                  << "x " << x << " k " << k << " s " << s << " d " << d
                  << " pads " << pb << "+" << pe;
              ++checked;
            }
  // Guards against the loops above silently skipping everything.
  EXPECT_GT(checked, 10000);
}

TEST(ConvGeometryTest, CheckedSizesMatchUnchecked) {
  EXPECT_EQ(checkedConvOutputSize(8, 3, 2, 1, 1, 1), 4);
  EXPECT_EQ(checkedConvOutputSize(4, 5, 2, 0, 0, 2), -2);
  EXPECT_EQ(checkedConvTransposeOutputSize(2, 3, 2, 1, 1, 1, 0), 3);
  EXPECT_EQ(checkedConvTransposeOutputSize(4, 3, 1, 0, 0, 2, 1), 9);
  // Near the limit but representable.
  EXPECT_EQ(checkedConvOutputSize(kMax - 2, 3, 1, 0, 0, 1), kMax - 4);
  EXPECT_EQ(checkedConvOutputSize(kMax, 1, 1, 0, 0, 1), kMax);
  EXPECT_EQ(checkedConvTransposeOutputSize(2, 1, kMax - 1, 0, 0, 1, 0), kMax);
}

TEST(ConvGeometryTest, CheckedSizesDetectOverflow) {
  // Convolution: the padded input, the dilated kernel; a zero stride.
  EXPECT_EQ(checkedConvOutputSize(2, 3, 1, kMax, 1, 1), std::nullopt);
  EXPECT_EQ(checkedConvOutputSize(kMax, 1, 1, 0, 1, 1), std::nullopt);
  EXPECT_EQ(checkedConvOutputSize(2, 3, 1, 0, 0, kMax), std::nullopt);
  EXPECT_EQ(checkedConvOutputSize(4, 3, 0, 0, 0, 1), std::nullopt);
  // Transposed: stride * (in - 1), the dilated kernel, output padding.
  EXPECT_EQ(checkedConvTransposeOutputSize(3, 3, kMax / 2 + 1, 0, 0, 1, 0),
            std::nullopt);
  EXPECT_EQ(checkedConvTransposeOutputSize(2, 3, 1, 0, 0, kMax / 2 + 1, 0),
            std::nullopt);
  EXPECT_EQ(checkedConvTransposeOutputSize(2, 1, kMax, 0, 0, 1, 1),
            std::nullopt);
}

TEST(ConvGeometryTest, CheckedElementCountsAndBytes) {
  EXPECT_EQ(checkedNumElements({}), 1);
  EXPECT_EQ(checkedNumElements({2, 3, 4}), 24);
  EXPECT_EQ(checkedNumElements({0, 5}), 0);
  EXPECT_EQ(checkedNumElements({-1, 5}), std::nullopt); // dynamic
  EXPECT_EQ(checkedNumElements({int64_t(1) << 32, int64_t(1) << 32}),
            std::nullopt);
  EXPECT_EQ(checkedByteSize({1024, 1024}, 4), int64_t(1) << 22);
  EXPECT_EQ(checkedByteSize({int64_t(1) << 62}, 4), std::nullopt);
  EXPECT_EQ(checkedByteSize({kMaxExtent, kMaxExtent}, 2),
            int64_t(2) * kMaxExtent * kMaxExtent);
}

// The phase search is bounded by the kernel: a stride of 10^9 answers at
// once, with no taps for phases the kernel does not reach.
TEST(ConvGeometryTest, PhasesOfHugeStrides) {
  ConvGeometry g = ConvGeometry::identity(1);
  g.strides = {1000000000};
  TransposePhase tapped = convTransposePhase(4, 3, g, 0, 2);
  EXPECT_EQ(tapped.numTaps, 1);
  EXPECT_EQ(tapped.lastTap, 2);
  EXPECT_EQ(tapped.numOutputs, 4);
  TransposePhase empty = convTransposePhase(4, 3, g, 0, 999999999);
  EXPECT_EQ(empty.numTaps, 0);
  EXPECT_EQ(empty.numOutputs, 3);
}

TEST(ConvGeometryTest, ConvResultShape) {
  // N x C x H x W input, M x C/g x kh x kw filter.
  EXPECT_EQ(
      convResultShape({1, 1, 4, 4}, {1, 1, 3, 3}, ConvGeometry::identity(2)),
      SmallVector<int64_t>({1, 1, 2, 2}));
  ConvGeometry g =
      makeGeometry({2, 1}, {1, 0}, {1, 2}, {1, 2}, {0, 0}, /*group=*/2);
  // h: floor((9 + 2 - 3) / 2) + 1 = 5; w: 9 + 2 - 5 + 1 = 7.
  EXPECT_EQ(convResultShape({2, 4, 9, 9}, {6, 2, 3, 3}, g),
            SmallVector<int64_t>({2, 6, 5, 7}));
  EXPECT_EQ(convResultShape({1, 3, 10}, {8, 3, 3}, ConvGeometry::identity(1)),
            SmallVector<int64_t>({1, 8, 8}));
  ConvGeometry g3 =
      makeGeometry({1, 1, 2}, {0, 0, 1}, {0, 0, 1}, {1, 1, 1}, {0, 0, 0});
  EXPECT_EQ(convResultShape({1, 2, 4, 5, 6}, {3, 2, 2, 2, 2}, g3),
            SmallVector<int64_t>({1, 3, 3, 4, 4}));
}

TEST(ConvGeometryTest, ConvTransposeResultShape) {
  // N x C x H x W input, C x M/g x kh x kw filter: M = filter dim 1 * group.
  EXPECT_EQ(convTransposeResultShape({1, 1, 2, 2}, {1, 1, 3, 3},
                                     ConvGeometry::identity(2)),
            SmallVector<int64_t>({1, 1, 4, 4}));
  ConvGeometry dcgan = makeGeometry({2, 2}, {1, 1}, {1, 1}, {1, 1}, {0, 0});
  EXPECT_EQ(convTransposeResultShape({1, 128, 8, 8}, {128, 64, 4, 4}, dcgan),
            SmallVector<int64_t>({1, 64, 16, 16}));
  ConvGeometry g =
      makeGeometry({2, 2}, {1, 1}, {1, 1}, {2, 2}, {1, 1}, /*group=*/2);
  EXPECT_EQ(convTransposeResultShape({3, 4, 5, 5}, {4, 3, 3, 3}, g),
            SmallVector<int64_t>({3, 6, 12, 12}));
  ConvGeometry g1 = makeGeometry({2}, {1}, {1}, {1}, {0});
  EXPECT_EQ(convTransposeResultShape({1, 1, 2}, {1, 1, 3}, g1),
            SmallVector<int64_t>({1, 1, 3}));
  ConvGeometry g3 =
      makeGeometry({2, 2, 2}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}, {0, 0, 1});
  EXPECT_EQ(convTransposeResultShape({1, 16, 4, 4, 4}, {16, 8, 4, 4, 4}, g3),
            SmallVector<int64_t>({1, 8, 8, 8, 9}));
}

TEST(ConvGeometryTest, ConvFlops) {
  // 2 * N * M * C/g * prod(k) * prod(output spatial).
  EXPECT_DOUBLE_EQ(convFlops({1, 1, 3, 3}, {1, 1, 2, 2}), 2.0 * 9 * 4);
  EXPECT_DOUBLE_EQ(convFlops({8, 3, 3}, {2, 8, 8}), 2.0 * 2 * 8 * 3 * 3 * 8);
  // Depthwise (group = C = 4, M = 8): C/g = 1 input channel per output.
  EXPECT_DOUBLE_EQ(convFlops({8, 1, 3, 3}, {1, 8, 6, 6}), 2.0 * 8 * 1 * 9 * 36);
}

TEST(ConvGeometryTest, ConvTransposeFlops) {
  // 2 * N * C * M/g * prod(k) * prod(input spatial): no zero products.
  EXPECT_DOUBLE_EQ(convTransposeFlops({1, 1, 2}, {1, 1, 3}), 2.0 * 3 * 2);
  EXPECT_DOUBLE_EQ(convTransposeFlops({1, 128, 8, 8}, {128, 64, 4, 4}),
                   2.0 * 128 * 64 * 16 * 64);
  // Grouped: filter 4 x 3 x 3 x 3 with group 2 (M = 6).
  EXPECT_DOUBLE_EQ(convTransposeFlops({3, 4, 5, 5}, {4, 3, 3, 3}),
                   2.0 * 3 * 4 * 3 * 9 * 25);
}

// A convolution 9x9 -> 7x7 and its adjoint 7x7 -> 9x9 (the transpose with
// the same filter) do the same useful work.
TEST(ConvGeometryTest, AdjointPairsHaveEqualFlops) {
  SmallVector<int64_t> filter = {8, 4, 3, 3};
  SmallVector<int64_t> convResult =
      convResultShape({2, 4, 9, 9}, filter, ConvGeometry::identity(2));
  ASSERT_EQ(convResult, SmallVector<int64_t>({2, 8, 7, 7}));
  EXPECT_DOUBLE_EQ(convTransposeFlops(convResult, filter),
                   convFlops(filter, convResult));
}

// FLOP counts are doubles so that large layers do not overflow int64_t.
TEST(ConvGeometryTest, FlopsBeyondInt64) {
  int64_t big = int64_t(1) << 20;
  double expected = 2.0 * 9 * std::ldexp(1.0, 80);
  EXPECT_DOUBLE_EQ(convFlops({big, big, 3, 3}, {1, big, big, big}), expected);
  EXPECT_DOUBLE_EQ(convTransposeFlops({1, big, big, big}, {big, big, 3, 3}),
                   expected);
}

// ONNX auto_pad SAME: the output is ceil(in / stride), the odd pad at the
// end (SAME_UPPER) or at the begin (SAME_LOWER), never negative.
TEST(ConvGeometryTest, SamePads) {
  // 7 with k4 s2: out 4, total (4-1)*2 + 4 - 7 = 3.
  std::optional<PadPair> upper = checkedSamePads(7, 4, 2, 1, true);
  std::optional<PadPair> lower = checkedSamePads(7, 4, 2, 1, false);
  ASSERT_TRUE(upper && lower);
  EXPECT_EQ(upper->begin, 1);
  EXPECT_EQ(upper->end, 2);
  EXPECT_EQ(lower->begin, 2);
  EXPECT_EQ(lower->end, 1);
  EXPECT_EQ(convOutputSize(7, 4, 2, upper->begin, upper->end, 1), 4);
  // Stride larger than the kernel: no padding needed.
  std::optional<PadPair> none = checkedSamePads(8, 1, 4, 1, true);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->begin + none->end, 0);
  EXPECT_FALSE(checkedSamePads(8, 3, 0, 1, true));
  EXPECT_FALSE(checkedSamePads(8, INT64_MAX, 1, 2, true));
}

// ConvTranspose output_shape: the pads that give that output, a negative end
// pad when the output is longer than the kernels reach.
TEST(ConvGeometryTest, ConvTransposePadsForOutput) {
  // 3 -> 6 with k3 s2: full size 7, total 1.
  std::optional<PadPair> upper =
      checkedConvTransposePadsForOutput(3, 3, 2, 1, 0, 6, true);
  std::optional<PadPair> lower =
      checkedConvTransposePadsForOutput(3, 3, 2, 1, 0, 6, false);
  ASSERT_TRUE(upper && lower);
  EXPECT_EQ(upper->begin, 0);
  EXPECT_EQ(upper->end, 1);
  EXPECT_EQ(lower->begin, 1);
  EXPECT_EQ(lower->end, 0);
  EXPECT_EQ(convTransposeOutputSize(3, 3, 2, upper->begin, upper->end, 1, 0),
            6);
  // 3 -> 10 with k3 s3: full size 9, one more than the kernels reach.
  std::optional<PadPair> longer =
      checkedConvTransposePadsForOutput(3, 3, 3, 1, 0, 10, false);
  ASSERT_TRUE(longer);
  EXPECT_EQ(longer->begin, 0);
  EXPECT_EQ(longer->end, -1);
  EXPECT_FALSE(
      checkedConvTransposePadsForOutput(3, 3, INT64_MAX, 1, 0, 10, false));
}

} // namespace
