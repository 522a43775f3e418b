//===- Png.h - PNG images as tensors ----------------------------*- C++ -*-===//
//
// Images enter and leave models as 1 x C x H x W tensors with values in
// [0, 1], C = 3 (RGB) or 1 (gray).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_PNG_H
#define TCONV_SUPPORT_PNG_H

#include "tconv/Support/HostTensor.h"

#include "llvm/Support/Error.h"

#include <cstdint>

namespace mlir::tconv {

/// Reads a PNG file as a 1 x `channels` x H x W tensor of `elementType` with
/// values stored/max in [0, 1]. `channels` is 3 (gray is replicated) or 1
/// (color is converted to luma). Palette and low bit depths are expanded,
/// 16-bit samples keep their precision, alpha is dropped. The header's size
/// is checked against the file size and against `maxBytes` (decoded pixels
/// plus the tensor) before anything is allocated.
llvm::Expected<HostTensor> readPngFile(llvm::StringRef path, int64_t channels,
                                       ElementType elementType,
                                       uint64_t maxBytes = UINT64_MAX);

/// Writes a 1 x 3 x H x W (RGB) or 1 x 1 x H x W (gray) tensor as an 8-bit
/// PNG, values clamped to [0, 1] and rounded; NaN becomes 0.
llvm::Error writePngFile(llvm::StringRef path, const HostTensor &tensor);

} // namespace mlir::tconv

#endif // TCONV_SUPPORT_PNG_H
