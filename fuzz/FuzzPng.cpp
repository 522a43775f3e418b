//===- FuzzPng.cpp - libFuzzer target of the PNG reader -------------------===//
//
// Any bytes as a .png file (an in-memory file, named by its /proc path): an
// error or a tensor, never a crash, a sanitizer report or a huge allocation.
//
//===----------------------------------------------------------------------===//

#include "tconv/Support/Png.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

using namespace mlir::tconv;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int fd = memfd_create("fuzz.png", 0);
  if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) !=
                                             static_cast<ssize_t>(size))
    __builtin_trap();
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  // Both channel counts and a narrow and a wide type; 64 MiB at most.
  for (auto [channels, type] : {std::pair<int64_t, ElementType>{3, ElementType::F32},
                                {1, ElementType::BF16}}) {
    llvm::Expected<HostTensor> tensor =
        readPngFile(path, channels, type, uint64_t(64) << 20);
    if (!tensor) {
      llvm::consumeError(tensor.takeError());
      continue;
    }
    for (int64_t i = 0, e = tensor->getNumElements(); i < e; ++i) {
      double v = tensor->getValue(i);
      if (!(v >= 0.0 && v <= 1.0))
        __builtin_trap();
    }
  }
  return 0;
}
