//===- FloatConversionsTest.cpp - f16/bf16 conversions against APFloat ----===//

#include "tconv/Support/FloatConversions.h"

#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/bit.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace mlir::tconv;

namespace {

uint16_t apfloatNarrow(float value, const llvm::fltSemantics &semantics) {
  llvm::APFloat f(value);
  bool losesInfo;
  f.convert(semantics, llvm::APFloat::rmNearestTiesToEven, &losesInfo);
  return static_cast<uint16_t>(f.bitcastToAPInt().getZExtValue());
}

float apfloatWiden(uint16_t bits, const llvm::fltSemantics &semantics) {
  llvm::APFloat f(semantics, llvm::APInt(16, bits));
  bool losesInfo;
  f.convert(llvm::APFloat::IEEEsingle(), llvm::APFloat::rmNearestTiesToEven,
            &losesInfo);
  return f.convertToFloat();
}

/// Special values, boundaries around rounding and overflow, then random bit
/// patterns over the whole float range.
std::vector<float> testFloats() {
  std::vector<float> values = {0.0f,
                               -0.0f,
                               1.0f,
                               -1.0f,
                               65504.0f,
                               65519.99f,
                               65520.0f,
                               -65520.0f,
                               6.1035156e-5f,
                               6.0975552e-5f,
                               5.9604645e-8f,
                               2.9802322e-8f,
                               2.9802326e-8f,
                               1e-10f,
                               1.0009765625f,
                               1.00048828125f,
                               1.00146484375f,
                               3.3895314e38f,
                               std::numeric_limits<float>::max(),
                               std::numeric_limits<float>::infinity(),
                               -std::numeric_limits<float>::infinity(),
                               std::numeric_limits<float>::denorm_min()};
  std::mt19937 rng(7);
  for (int i = 0; i < 200000; ++i)
    values.push_back(llvm::bit_cast<float>(static_cast<uint32_t>(rng())));
  return values;
}

TEST(FloatConversions, HalfToFloatMatchesAPFloatForEveryPattern) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits) {
    float ours = halfBitsToFloat(static_cast<uint16_t>(bits));
    float reference =
        apfloatWiden(static_cast<uint16_t>(bits), llvm::APFloat::IEEEhalf());
    if (std::isnan(reference))
      EXPECT_TRUE(std::isnan(ours)) << "bits " << bits;
    else
      EXPECT_EQ(llvm::bit_cast<uint32_t>(ours),
                llvm::bit_cast<uint32_t>(reference))
          << "bits " << bits;
  }
}

TEST(FloatConversions, FloatToHalfRoundsLikeAPFloat) {
  for (float value : testFloats()) {
    uint16_t ours = floatToHalfBits(value);
    if (std::isnan(value)) {
      EXPECT_TRUE(std::isnan(halfBitsToFloat(ours))) << value;
      continue;
    }
    EXPECT_EQ(ours, apfloatNarrow(value, llvm::APFloat::IEEEhalf()))
        << "value " << value;
  }
}

TEST(FloatConversions, HalfRoundTripIsExact) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits) {
    float value = halfBitsToFloat(static_cast<uint16_t>(bits));
    if (!std::isnan(value))
      EXPECT_EQ(floatToHalfBits(value), bits);
  }
}

TEST(FloatConversions, Bfloat16MatchesAPFloat) {
  for (uint32_t bits = 0; bits <= 0xffff; ++bits) {
    float ours = bfloat16BitsToFloat(static_cast<uint16_t>(bits));
    float reference =
        apfloatWiden(static_cast<uint16_t>(bits), llvm::APFloat::BFloat());
    if (std::isnan(reference))
      EXPECT_TRUE(std::isnan(ours));
    else
      EXPECT_EQ(llvm::bit_cast<uint32_t>(ours),
                llvm::bit_cast<uint32_t>(reference));
  }
  for (float value : testFloats()) {
    uint16_t ours = floatToBfloat16Bits(value);
    if (std::isnan(value)) {
      EXPECT_TRUE(std::isnan(bfloat16BitsToFloat(ours)));
      continue;
    }
    EXPECT_EQ(ours, apfloatNarrow(value, llvm::APFloat::BFloat()))
        << "value " << value;
  }
}

} // namespace
