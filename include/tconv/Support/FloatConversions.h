//===- FloatConversions.h - f16 and bf16 bit conversions --------*- C++ -*-===//
//
// Conversions between IEEE binary16 / bfloat16 bit patterns and float, with
// round-to-nearest-even, subnormals, infinities and NaN handled. The host
// compiler has no portable half type; these keep file IO and statistics
// independent of it.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_FLOATCONVERSIONS_H
#define TCONV_SUPPORT_FLOATCONVERSIONS_H

#include <cstdint>

namespace mlir::tconv {

float halfBitsToFloat(uint16_t bits);
uint16_t floatToHalfBits(float value);
float bfloat16BitsToFloat(uint16_t bits);
uint16_t floatToBfloat16Bits(float value);

} // namespace mlir::tconv

#endif // TCONV_SUPPORT_FLOATCONVERSIONS_H
