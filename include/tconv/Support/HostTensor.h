//===- HostTensor.h - Dense tensors in host memory --------------*- C++ -*-===//
//
// The value type that tconv tools exchange with compiled kernels and with
// files: a dense, row-major (C order), 64-byte aligned array of f16, bf16,
// f32, f64, i1 (one byte each, 0 or 1, as MLIR and NumPy store them), i8,
// i16, i32, i64 or unsigned ui8, ui16, ui32, ui64 elements with a static
// shape.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_HOSTTENSOR_H
#define TCONV_SUPPORT_HOSTTENSOR_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace mlir::tconv {

enum class ElementType {
  F16,
  BF16,
  F32,
  F64,
  I1,
  I8,
  I16,
  I32,
  I64,
  U8,
  U16,
  U32,
  U64
};

/// "f16", "bf16", "f32", "f64", "i1", "i8", "i16", "i32", "i64", "ui8",
/// "ui16", "ui32" or "ui64" (MLIR spelling).
llvm::StringRef getElementTypeName(ElementType type);
/// The inverse of getElementTypeName; std::nullopt for other names.
std::optional<ElementType> parseElementTypeName(llvm::StringRef name);
/// Bytes per element: 1 to 8.
size_t getElementByteWidth(ElementType type);
/// The integer types, signed and unsigned (i1 is a bool).
bool isIntegerElementType(ElementType type);
/// ui8, ui16, ui32 and ui64. MLIR's integers are signless: a compiled
/// function holds them as i8..i64 and its entry marks them (Runner.h).
bool isUnsignedElementType(ElementType type);

/// The attribute of an entry function's argument or result that marks its
/// signless integer tensor as holding unsigned values (MLIR's integers are
/// signless: ops choose signed or unsigned semantics). tconv-run gives such
/// an argument or result a ui8..ui64 HostTensor.
inline constexpr llvm::StringLiteral kUnsignedAttrName = "tconv.unsigned";

/// Shape and element type of a tensor.
struct HostTensorType {
  /// A size only known at run time: dim 0 (the batch) of an entry's type
  /// that takes any batch (Runner.h). A HostTensor's shape never holds it.
  static constexpr int64_t kDynamicSize = -1;
  ElementType elementType = ElementType::F32;
  llvm::SmallVector<int64_t> shape;

  int64_t getNumElements() const;
  size_t getSizeInBytes() const;
  /// MLIR spelling, e.g. "tensor<1x3x8x8xf32>".
  std::string str() const;
  /// The shape alone, e.g. "1x3x8x8" ("scalar" for rank 0).
  std::string shapeStr() const;

  friend bool operator==(const HostTensorType &a, const HostTensorType &b) {
    return a.elementType == b.elementType && a.shape == b.shape;
  }
  friend bool operator!=(const HostTensorType &a, const HostTensorType &b) {
    return !(a == b);
  }
};

/// An owning dense tensor. Elements are zero-initialized. Move-only; use
/// clone() for a deep copy.
class HostTensor {
public:
  /// Storage alignment: a full cache line, enough for any vector load.
  static constexpr size_t kAlignment = 64;

  HostTensor() = default;
  explicit HostTensor(HostTensorType type);
  HostTensor(HostTensor &&) = default;
  HostTensor &operator=(HostTensor &&) = default;

  const HostTensorType &getType() const { return type; }
  ElementType getElementType() const { return type.elementType; }
  llvm::ArrayRef<int64_t> getShape() const { return type.shape; }
  int64_t getNumElements() const { return type.getNumElements(); }
  size_t getSizeInBytes() const { return type.getSizeInBytes(); }

  void *data() { return storage.get(); }
  const void *data() const { return storage.get(); }
  llvm::ArrayRef<uint8_t> bytes() const {
    return {static_cast<const uint8_t *>(data()), getSizeInBytes()};
  }

  /// Element `index` (flat, row-major) converted to double.
  double getValue(int64_t index) const;
  /// Stores `value` at flat `index`, rounded to nearest-even for narrower
  /// float types; integer types take it rounded to nearest and saturated
  /// (NaN gives 0), i1 takes value != 0.
  void setValue(int64_t index, double value);

  HostTensor clone() const;
  /// A copy with every element converted to `elementType`.
  HostTensor convertTo(ElementType elementType) const;

private:
  struct AlignedFree {
    void operator()(void *p) const;
  };
  HostTensorType type;
  std::unique_ptr<void, AlignedFree> storage;
};

} // namespace mlir::tconv

#endif // TCONV_SUPPORT_HOSTTENSOR_H
