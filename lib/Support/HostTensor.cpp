//===- HostTensor.cpp - Dense tensors in host memory ----------------------===//

#include "tconv/Support/HostTensor.h"

#include "tconv/Support/FloatConversions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <cstring>

using namespace mlir::tconv;

llvm::StringRef mlir::tconv::getElementTypeName(ElementType type) {
  switch (type) {
  case ElementType::F16:
    return "f16";
  case ElementType::BF16:
    return "bf16";
  case ElementType::F32:
    return "f32";
  case ElementType::F64:
    return "f64";
  case ElementType::I1:
    return "i1";
  case ElementType::I8:
    return "i8";
  case ElementType::I16:
    return "i16";
  case ElementType::I32:
    return "i32";
  case ElementType::I64:
    return "i64";
  case ElementType::U8:
    return "ui8";
  case ElementType::U16:
    return "ui16";
  case ElementType::U32:
    return "ui32";
  case ElementType::U64:
    return "ui64";
  }
  llvm_unreachable("unknown element type");
}

std::optional<ElementType>
mlir::tconv::parseElementTypeName(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<ElementType>>(name)
      .Case("f16", ElementType::F16)
      .Case("bf16", ElementType::BF16)
      .Case("f32", ElementType::F32)
      .Case("f64", ElementType::F64)
      .Case("i1", ElementType::I1)
      .Case("i8", ElementType::I8)
      .Case("i16", ElementType::I16)
      .Case("i32", ElementType::I32)
      .Case("i64", ElementType::I64)
      .Case("ui8", ElementType::U8)
      .Case("ui16", ElementType::U16)
      .Case("ui32", ElementType::U32)
      .Case("ui64", ElementType::U64)
      .Default(std::nullopt);
}

size_t mlir::tconv::getElementByteWidth(ElementType type) {
  switch (type) {
  case ElementType::F16:
  case ElementType::BF16:
  case ElementType::I16:
  case ElementType::U16:
    return 2;
  case ElementType::I1:
  case ElementType::I8:
  case ElementType::U8:
    return 1;
  case ElementType::F32:
  case ElementType::I32:
  case ElementType::U32:
    return 4;
  case ElementType::F64:
  case ElementType::I64:
  case ElementType::U64:
    return 8;
  }
  llvm_unreachable("unknown element type");
}

bool mlir::tconv::isIntegerElementType(ElementType type) {
  switch (type) {
  case ElementType::F16:
  case ElementType::BF16:
  case ElementType::F32:
  case ElementType::F64:
    return false;
  default:
    return true;
  }
}

bool mlir::tconv::isUnsignedElementType(ElementType type) {
  return type == ElementType::U8 || type == ElementType::U16 ||
         type == ElementType::U32 || type == ElementType::U64;
}

/// `value` rounded to nearest and saturated to T's range; NaN gives 0.
template <typename T> static T toInteger(double value) {
  if (std::isnan(value))
    return 0;
  double rounded = std::nearbyint(value);
  // The bounds as doubles: T's max may round up (i64), so compare with >=.
  constexpr double lowest = static_cast<double>(std::numeric_limits<T>::min());
  constexpr double highest =
      static_cast<double>(std::numeric_limits<T>::max());
  if (rounded <= lowest)
    return std::numeric_limits<T>::min();
  if (rounded >= highest)
    return std::numeric_limits<T>::max();
  return static_cast<T>(rounded);
}

int64_t HostTensorType::getNumElements() const {
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  return count;
}

size_t HostTensorType::getSizeInBytes() const {
  return static_cast<size_t>(getNumElements()) *
         getElementByteWidth(elementType);
}

std::string HostTensorType::shapeStr() const {
  if (shape.empty())
    return "scalar";
  std::string result;
  llvm::raw_string_ostream os(result);
  llvm::interleave(
      shape, os,
      [&](int64_t size) {
        if (size == kDynamicSize)
          os << "?";
        else
          os << size;
      },
      "x");
  return result;
}

std::string HostTensorType::str() const {
  std::string result;
  llvm::raw_string_ostream os(result);
  os << "tensor<";
  for (int64_t size : shape)
    os << (size == kDynamicSize ? "?" : std::to_string(size)) << "x";
  os << getElementTypeName(elementType) << ">";
  return result;
}

void HostTensor::AlignedFree::operator()(void *p) const { std::free(p); }

HostTensor::HostTensor(HostTensorType tensorType)
    : type(std::move(tensorType)) {
  // aligned_alloc wants a multiple of the alignment, and a non-zero size so
  // that data() is never null.
  size_t bytes = getSizeInBytes();
  size_t rounded = (bytes + kAlignment - 1) / kAlignment * kAlignment;
  void *p = std::aligned_alloc(kAlignment, rounded ? rounded : kAlignment);
  if (!p)
    llvm::report_bad_alloc_error("cannot allocate a host tensor");
  std::memset(p, 0, bytes);
  storage.reset(p);
}

double HostTensor::getValue(int64_t index) const {
  switch (type.elementType) {
  case ElementType::F16:
    return halfBitsToFloat(static_cast<const uint16_t *>(data())[index]);
  case ElementType::BF16:
    return bfloat16BitsToFloat(static_cast<const uint16_t *>(data())[index]);
  case ElementType::F32:
    return static_cast<const float *>(data())[index];
  case ElementType::F64:
    return static_cast<const double *>(data())[index];
  case ElementType::I1:
    return static_cast<const uint8_t *>(data())[index] != 0;
  case ElementType::I8:
    return static_cast<const int8_t *>(data())[index];
  case ElementType::I16:
    return static_cast<const int16_t *>(data())[index];
  case ElementType::I32:
    return static_cast<const int32_t *>(data())[index];
  case ElementType::I64:
    return static_cast<double>(static_cast<const int64_t *>(data())[index]);
  case ElementType::U8:
    return static_cast<const uint8_t *>(data())[index];
  case ElementType::U16:
    return static_cast<const uint16_t *>(data())[index];
  case ElementType::U32:
    return static_cast<const uint32_t *>(data())[index];
  case ElementType::U64:
    return static_cast<double>(static_cast<const uint64_t *>(data())[index]);
  }
  llvm_unreachable("unknown element type");
}

void HostTensor::setValue(int64_t index, double value) {
  switch (type.elementType) {
  case ElementType::F16:
    static_cast<uint16_t *>(data())[index] =
        floatToHalfBits(static_cast<float>(value));
    return;
  case ElementType::BF16:
    static_cast<uint16_t *>(data())[index] =
        floatToBfloat16Bits(static_cast<float>(value));
    return;
  case ElementType::F32:
    static_cast<float *>(data())[index] = static_cast<float>(value);
    return;
  case ElementType::F64:
    static_cast<double *>(data())[index] = value;
    return;
  case ElementType::I1:
    static_cast<uint8_t *>(data())[index] = value != 0;
    return;
  case ElementType::I8:
    static_cast<int8_t *>(data())[index] = toInteger<int8_t>(value);
    return;
  case ElementType::I16:
    static_cast<int16_t *>(data())[index] = toInteger<int16_t>(value);
    return;
  case ElementType::I32:
    static_cast<int32_t *>(data())[index] = toInteger<int32_t>(value);
    return;
  case ElementType::I64:
    static_cast<int64_t *>(data())[index] = toInteger<int64_t>(value);
    return;
  case ElementType::U8:
    static_cast<uint8_t *>(data())[index] = toInteger<uint8_t>(value);
    return;
  case ElementType::U16:
    static_cast<uint16_t *>(data())[index] = toInteger<uint16_t>(value);
    return;
  case ElementType::U32:
    static_cast<uint32_t *>(data())[index] = toInteger<uint32_t>(value);
    return;
  case ElementType::U64:
    static_cast<uint64_t *>(data())[index] = toInteger<uint64_t>(value);
    return;
  }
  llvm_unreachable("unknown element type");
}

HostTensor HostTensor::clone() const {
  HostTensor copy(type);
  std::memcpy(copy.data(), data(), getSizeInBytes());
  return copy;
}

HostTensor HostTensor::convertTo(ElementType elementType) const {
  if (elementType == type.elementType)
    return clone();
  HostTensor converted(HostTensorType{elementType, type.shape});
  for (int64_t i = 0, e = getNumElements(); i < e; ++i)
    converted.setValue(i, getValue(i));
  return converted;
}
