//===- FloatConversions.cpp - f16 and bf16 bit conversions ----------------===//

#include "tconv/Support/FloatConversions.h"

#include "llvm/ADT/bit.h"

using namespace mlir::tconv;

float mlir::tconv::halfBitsToFloat(uint16_t bits) {
  uint32_t sign = static_cast<uint32_t>(bits & 0x8000) << 16;
  uint32_t exponent = (bits >> 10) & 0x1f;
  uint32_t mantissa = bits & 0x3ff;
  if (exponent == 0) {
    // Zero or subnormal: mantissa * 2^-24 is exact in float.
    float magnitude = static_cast<float>(mantissa) * (1.0f / 16777216.0f);
    return sign ? -magnitude : magnitude;
  }
  if (exponent == 31)
    return llvm::bit_cast<float>(sign | 0x7f800000 | (mantissa << 13));
  return llvm::bit_cast<float>(sign | ((exponent - 15 + 127) << 23) |
                               (mantissa << 13));
}

/// Shifts `value` right by `shift` bits, rounding to nearest-even.
static uint32_t shiftRightRoundEven(uint32_t value, uint32_t shift) {
  uint32_t kept = value >> shift;
  uint32_t rest = value & ((1u << shift) - 1);
  uint32_t half = 1u << (shift - 1);
  if (rest > half || (rest == half && (kept & 1)))
    ++kept;
  return kept;
}

uint16_t mlir::tconv::floatToHalfBits(float value) {
  uint32_t bits = llvm::bit_cast<uint32_t>(value);
  uint16_t sign = (bits >> 16) & 0x8000;
  uint32_t magnitude = bits & 0x7fffffff;
  if (magnitude > 0x7f800000) // NaN: stay quiet, keep the top payload bits.
    return sign | 0x7e00 | ((magnitude >> 13) & 0x3ff);
  if (magnitude >= 0x477ff000) // >= 65520 rounds to infinity.
    return sign | 0x7c00;
  if (magnitude < 0x38800000) {
    // Below the smallest normal half (2^-14): the result is a subnormal
    // count of 2^-24 units, or zero.
    int32_t exponent = static_cast<int32_t>(magnitude >> 23) - 127;
    uint32_t shift = static_cast<uint32_t>(-(exponent + 1));
    if (shift >= 25)
      return sign;
    uint32_t mantissa = (magnitude & 0x7fffff) | 0x800000;
    return sign | shiftRightRoundEven(mantissa, shift);
  }
  // Normal: rebias, then round the 13 dropped mantissa bits. A carry out of
  // the mantissa correctly increments the exponent.
  uint32_t rebased = magnitude - ((127 - 15) << 23);
  return sign | shiftRightRoundEven(rebased, 13);
}

float mlir::tconv::bfloat16BitsToFloat(uint16_t bits) {
  return llvm::bit_cast<float>(static_cast<uint32_t>(bits) << 16);
}

uint16_t mlir::tconv::floatToBfloat16Bits(float value) {
  uint32_t bits = llvm::bit_cast<uint32_t>(value);
  if ((bits & 0x7fffffff) > 0x7f800000)
    return (bits >> 16) | 0x40;
  return shiftRightRoundEven(bits, 16);
}
