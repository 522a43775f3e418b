//===- StaticBytes.h - Bytes of a statically shaped buffer ------*- C++ -*-===//
//
// The temporaries that tconv-plan-workspace and tconv-thread-scratch-on-stack
// place at fixed offsets: static, identity-layout buffers of scalars.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_STATICBYTES_H
#define TCONV_LIB_CODEGEN_STATICBYTES_H

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"
#include "llvm/Support/MathExtras.h"

#include <optional>

namespace mlir::tconv {

/// Bytes of a static, identity-layout buffer of scalars, if it fits int64.
inline std::optional<int64_t> getStaticBytes(MemRefType type,
                                             const DataLayout &layout) {
  if (!type.hasStaticShape() || !type.getLayout().isIdentity() ||
      type.getMemorySpace() || !type.getElementType().isIntOrIndexOrFloat())
    return std::nullopt;
  int64_t bytes = layout.getTypeSize(type.getElementType());
  for (int64_t size : type.getShape())
    if (llvm::MulOverflow(bytes, size, bytes))
      return std::nullopt;
  return bytes;
}

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_STATICBYTES_H
