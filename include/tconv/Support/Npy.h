//===- Npy.h - NumPy .npy files ---------------------------------*- C++ -*-===//
//
// Reads and writes NumPy's .npy format (versions 1.0, 2.0 and 3.0) for the
// dtypes tconv computes with: '<f2', '<f4', '<f8', '|b1' (bool, i1), '|i1'
// (i8), '<i4' and '<i8', C order. bf16 has no NumPy dtype; callers exchange
// bf16 tensors as '<f4' files.
//
// Every malformed or unsupported file gives an llvm::Error whose message
// starts with the file name and says what is wrong.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_NPY_H
#define TCONV_SUPPORT_NPY_H

#include "tconv/Support/HostTensor.h"

#include "llvm/Support/Error.h"

#include <cstdint>

namespace mlir::tconv {

/// Parses the contents of a .npy file. `name` prefixes error messages.
llvm::Expected<HostTensor> parseNpy(llvm::StringRef contents,
                                    llvm::StringRef name);

/// Longest header read: NumPy's are a few hundred bytes, a tensor of 30000
/// dimensions needs 90 KB.
constexpr size_t kMaxNpyHeaderBytes = size_t(1) << 20;

/// Reads a .npy file whose data has at most `maxDataBytes` bytes. The
/// declared shape is checked against the file size (and the limit) before
/// the data is allocated; pipes and devices are read only as far as the
/// header declares.
llvm::Expected<HostTensor>
readNpyFile(llvm::StringRef path, uint64_t maxDataBytes = UINT64_MAX);

/// Serializes a tensor as a version 1.0 .npy file (2.0 if the header does not
/// fit 1.0's 16-bit length). The header is padded so that the data starts at
/// a multiple of 64 bytes, as NumPy does. bf16 tensors cannot be serialized.
llvm::Expected<std::string> serializeNpy(const HostTensor &tensor);

/// Writes a .npy file.
llvm::Error writeNpyFile(llvm::StringRef path, const HostTensor &tensor);

} // namespace mlir::tconv

#endif // TCONV_SUPPORT_NPY_H
