//===- TransposeDecompositionTest.cpp - Geometry of the decompositions ----===//
//
// The helpers --tconv-decompose-transpose takes every size from: zero
// insertion pads and output phases, checked against the definition of a
// transposed convolution (output o + padBegin = stride*i + dilation*k) by
// enumerating every contributing (output, tap, input) triple.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <set>
#include <tuple>

using namespace mlir::tconv;

namespace {

/// One spatial dim of a transposed convolution.
struct Dim {
  int64_t in, kernel, stride, padBegin, padEnd, dilation, outputPadding;

  ConvGeometry geometry() const {
    ConvGeometry g = ConvGeometry::identity(1);
    g.strides[0] = stride;
    g.padsBegin[0] = padBegin;
    g.padsEnd[0] = padEnd;
    g.dilations[0] = dilation;
    g.outputPadding[0] = outputPadding;
    return g;
  }
  int64_t out() const {
    return convTransposeOutputSize(in, kernel, stride, padBegin, padEnd,
                                   dilation, outputPadding);
  }
};

using Triple = std::tuple<int64_t, int64_t, int64_t>; // output, tap, input

/// Every (output, tap, input) with output + padBegin = stride*input +
/// dilation*tap inside the output, the kernel and the input.
std::set<Triple> contributions(const Dim &d) {
  std::set<Triple> result;
  for (int64_t i = 0; i < d.in; ++i)
    for (int64_t k = 0; k < d.kernel; ++k) {
      int64_t o = d.stride * i + d.dilation * k - d.padBegin;
      if (o >= 0 && o < d.out())
        result.insert({o, k, i});
    }
  return result;
}

/// Calls `fn` on every dim with small sizes that the verifier accepts.
template <typename Fn> void forEachDim(Fn fn) {
  for (int64_t in = 1; in <= 4; ++in)
    for (int64_t kernel = 1; kernel <= 4; ++kernel)
      for (int64_t stride = 1; stride <= 4; ++stride)
        for (int64_t dilation = 1; dilation <= 3; ++dilation)
          for (int64_t op = 0; op < std::max(stride, dilation); ++op)
            for (int64_t pb = 0; pb <= 6; ++pb)
              for (int64_t pe = 0; pe <= 6; ++pe) {
                Dim d{in, kernel, stride, pb, pe, dilation, op};
                if (d.out() >= 1)
                  fn(d);
              }
}

TEST(TransposeDecompositionTest, CroppedSizeCountsOnlyCrops) {
  EXPECT_EQ(croppedSize(5, 2, 3), 5);
  EXPECT_EQ(croppedSize(5, -1, 0), 4);
  EXPECT_EQ(croppedSize(5, -2, -2), 1);
  EXPECT_EQ(croppedSize(5, -3, -3), -1);
}

TEST(TransposeDecompositionTest, ZeroInsertedSize) {
  EXPECT_EQ(zeroInsertedSize(2, 2), 3);
  EXPECT_EQ(zeroInsertedSize(4, 3), 10);
  EXPECT_EQ(zeroInsertedSize(1, 5), 1);
  EXPECT_EQ(zeroInsertedSize(7, 1), 7);
}

TEST(TransposeDecompositionTest, ZeroInsertionPadsOfSeedExamples) {
  // 2 -> 3 with k = 3, s = 2, p = 1: pad the 3 zero-inserted values by 1.
  Dim seed{2, 3, 2, 1, 1, 1, 0};
  ZeroInsertionPads pads = zeroInsertionPads(3, seed.geometry(), 0);
  EXPECT_EQ(pads.begin, 1);
  EXPECT_EQ(pads.end, 1);
  // 2 -> 5 with k = 3, s = 2: 3 values padded to 7.
  Dim upsample{2, 3, 2, 0, 0, 1, 0};
  pads = zeroInsertionPads(3, upsample.geometry(), 0);
  EXPECT_EQ(pads.begin, 2);
  EXPECT_EQ(pads.end, 2);
  // pads larger than dilation * (k - 1) crop; output_padding pads the end.
  Dim crop{5, 2, 1, 3, 0, 1, 0};
  pads = zeroInsertionPads(2, crop.geometry(), 0);
  EXPECT_EQ(pads.begin, -2);
  EXPECT_EQ(pads.end, 1);
  Dim outputPadding{3, 3, 2, 0, 1, 2, 1};
  pads = zeroInsertionPads(3, outputPadding.geometry(), 0);
  EXPECT_EQ(pads.begin, 4);
  EXPECT_EQ(pads.end, 4);
}

// The stride-1 convolution with the flipped kernel over the zero-inserted,
// padded input produces exactly the transposed convolution's contributions.
TEST(TransposeDecompositionTest, ZeroInsertionMatchesDefinition) {
  forEachDim([](const Dim &d) {
    SCOPED_TRACE(testing::Message()
                 << "in " << d.in << " k " << d.kernel << " s " << d.stride
                 << " d " << d.dilation << " pads " << d.padBegin << ","
                 << d.padEnd << " op " << d.outputPadding);
    ZeroInsertionPads pads = zeroInsertionPads(d.kernel, d.geometry(), 0);
    int64_t inserted = zeroInsertedSize(d.in, d.stride);
    EXPECT_EQ(
        convOutputSize(inserted, d.kernel, 1, pads.begin, pads.end, d.dilation),
        d.out());
    std::set<Triple> direct;
    for (int64_t o = 0; o < d.out(); ++o)
      for (int64_t flipped = 0; flipped < d.kernel; ++flipped) {
        int64_t z = o + d.dilation * flipped - pads.begin;
        if (z >= 0 && z < inserted && z % d.stride == 0)
          direct.insert({o, d.kernel - 1 - flipped, z / d.stride});
      }
    EXPECT_EQ(direct, contributions(d));
  });
}

TEST(TransposeDecompositionTest, PhasesOfSeedExample) {
  // 2 -> 3 with k = 3, s = 2, p = 1: outputs 0 and 2 take tap 1, output 1
  // takes taps 2 and 0.
  Dim seed{2, 3, 2, 1, 1, 1, 0};
  TransposePhase even = convTransposePhase(2, 3, seed.geometry(), 0, 0);
  EXPECT_EQ(even.numOutputs, 2);
  EXPECT_EQ(even.numTaps, 1);
  EXPECT_EQ(even.lastTap, 1);
  EXPECT_EQ(even.padBegin, 0);
  EXPECT_EQ(even.padEnd, 0);
  TransposePhase odd = convTransposePhase(2, 3, seed.geometry(), 0, 1);
  EXPECT_EQ(odd.numOutputs, 1);
  EXPECT_EQ(odd.numTaps, 2);
  EXPECT_EQ(odd.lastTap, 2);
  EXPECT_EQ(odd.tapStep, 2);
  EXPECT_EQ(odd.dilation, 1);
  EXPECT_EQ(odd.padBegin, 0);
  EXPECT_EQ(odd.padEnd, 0);
}

TEST(TransposeDecompositionTest, PhaseWithoutTaps) {
  // Stride 3 > kernel 2: phase 2 has outputs but no taps.
  Dim d{3, 2, 3, 0, 0, 1, 0};
  TransposePhase p = convTransposePhase(3, 2, d.geometry(), 0, 2);
  EXPECT_EQ(p.numOutputs, 2);
  EXPECT_EQ(p.numTaps, 0);
  // s = 4, d = 2: odd phases never align with a tap.
  Dim gcd{3, 3, 4, 0, 0, 2, 0};
  EXPECT_EQ(convTransposePhase(3, 3, gcd.geometry(), 0, 1).numTaps, 0);
  TransposePhase even = convTransposePhase(3, 3, gcd.geometry(), 0, 0);
  EXPECT_EQ(even.numTaps, 2);
  EXPECT_EQ(even.tapStep, 2);
  EXPECT_EQ(even.dilation, 1);
}

// Each phase is a dense stride-1 convolution of the original input (cropped
// where a pad is negative) whose (output, tap, input) triples are exactly the
// definition's for the outputs of that phase, and the phases cover every
// output once.
TEST(TransposeDecompositionTest, PhasesMatchDefinition) {
  forEachDim([](const Dim &d) {
    SCOPED_TRACE(testing::Message()
                 << "in " << d.in << " k " << d.kernel << " s " << d.stride
                 << " d " << d.dilation << " pads " << d.padBegin << ","
                 << d.padEnd << " op " << d.outputPadding);
    std::set<Triple> fromPhases;
    int64_t outputs = 0;
    for (int64_t r = 0; r < d.stride; ++r) {
      TransposePhase p = convTransposePhase(d.in, d.kernel, d.geometry(), 0, r);
      outputs += p.numOutputs;
      if (p.numOutputs == 0 || p.numTaps == 0)
        continue;
      EXPECT_LT(p.lastTap, d.kernel);
      EXPECT_GE(p.lastTap - (p.numTaps - 1) * p.tapStep, 0);
      int64_t cropped = croppedSize(d.in, p.padBegin, p.padEnd);
      if (cropped >= 1)
        EXPECT_EQ(convOutputSize(cropped, p.numTaps, 1,
                                 std::max<int64_t>(0, p.padBegin),
                                 std::max<int64_t>(0, p.padEnd), p.dilation),
                  p.numOutputs);
      for (int64_t q = 0; q < p.numOutputs; ++q)
        for (int64_t j = 0; j < p.numTaps; ++j) {
          int64_t i = q + j * p.dilation - p.padBegin;
          if (i >= 0 && i < d.in)
            fromPhases.insert({d.stride * q + r, p.lastTap - j * p.tapStep, i});
        }
    }
    EXPECT_EQ(outputs, d.out());
    EXPECT_EQ(fromPhases, contributions(d));
  });
}

} // namespace
