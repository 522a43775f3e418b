//===- BoundedFile.h - Reading files with a size limit ----------*- C++ -*-===//
//
// Every file tconv reads goes through a limit: a regular file is checked by
// its size before anything is read, a pipe or a device (stdin, /dev/zero) is
// read in chunks and given up on at the limit. Errors start with the file
// name.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_SUPPORT_BOUNDEDFILE_H
#define TCONV_SUPPORT_BOUNDEDFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/FileSystem.h"

#include <cstdint>
#include <memory>
#include <optional>

namespace llvm {
class MemoryBuffer;
} // namespace llvm

namespace mlir::tconv {

/// Reads all of `path` ("-" is stdin) if it holds at most `maxBytes` bytes.
/// The buffer is null-terminated (as the MLIR parser wants) and named `path`.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
readFileWithLimit(llvm::StringRef path, uint64_t maxBytes);

/// An open file read sequentially, for readers that check a header before
/// they allocate for the data.
class BoundedFile {
public:
  static llvm::Expected<BoundedFile> open(llvm::StringRef path);
  BoundedFile(BoundedFile &&other);
  BoundedFile &operator=(BoundedFile &&) = delete;
  ~BoundedFile();

  /// The size of a regular file; std::nullopt for pipes and devices.
  std::optional<uint64_t> getRegularFileSize() const { return regularSize; }

  /// Reads up to `size` bytes into `out`; fewer only at the end of the file.
  /// Returns the number of bytes read.
  llvm::Expected<size_t> read(char *out, size_t size);

private:
  BoundedFile(std::string path, llvm::sys::fs::file_t handle, bool owned,
              std::optional<uint64_t> regularSize)
      : path(std::move(path)), handle(handle), owned(owned),
        regularSize(regularSize) {}
  std::string path;
  llvm::sys::fs::file_t handle;
  bool owned;
  std::optional<uint64_t> regularSize;
};

} // namespace mlir::tconv

#endif // TCONV_SUPPORT_BOUNDEDFILE_H
