//===- FuzzNpy.cpp - libFuzzer target of the .npy reader ------------------===//
//
// Any bytes: an error or a tensor, never a crash, a sanitizer report or an
// allocation larger than the input.
//
//===----------------------------------------------------------------------===//

#include "tconv/Support/Npy.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef contents(reinterpret_cast<const char *>(data), size);
  llvm::Expected<mlir::tconv::HostTensor> tensor =
      mlir::tconv::parseNpy(contents, "fuzz.npy");
  if (!tensor) {
    llvm::consumeError(tensor.takeError());
    return 0;
  }
  // What parses serializes back to a file that parses the same.
  llvm::Expected<std::string> bytes = mlir::tconv::serializeNpy(*tensor);
  if (!bytes)
    __builtin_trap();
  llvm::Expected<mlir::tconv::HostTensor> back =
      mlir::tconv::parseNpy(*bytes, "roundtrip.npy");
  if (!back || back->getType() != tensor->getType() ||
      back->bytes() != tensor->bytes())
    __builtin_trap();
  return 0;
}
