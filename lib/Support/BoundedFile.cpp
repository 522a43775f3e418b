//===- BoundedFile.cpp - Reading files with a size limit ------------------===//

#include "tconv/Support/BoundedFile.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace mlir::tconv;
using llvm::Twine;

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

llvm::Expected<BoundedFile> BoundedFile::open(llvm::StringRef path) {
  namespace fs = llvm::sys::fs;
  fs::file_t handle;
  bool owned = path != "-";
  if (owned) {
    llvm::Expected<fs::file_t> opened = fs::openNativeFileForRead(path);
    if (!opened)
      return makeError(path + ": cannot read: " +
                       llvm::toString(opened.takeError()));
    handle = *opened;
  } else {
    handle = fs::getStdinHandle();
  }
  fs::file_status status;
  std::optional<uint64_t> regularSize;
  if (!fs::status(handle, status) && status.type() == fs::file_type::regular_file)
    regularSize = status.getSize();
  if (owned && status.type() == fs::file_type::directory_file) {
    fs::closeFile(handle);
    return makeError(path + ": cannot read: is a directory");
  }
  return BoundedFile(path.str(), handle, owned, regularSize);
}

BoundedFile::BoundedFile(BoundedFile &&other)
    : path(std::move(other.path)), handle(other.handle), owned(other.owned),
      regularSize(other.regularSize) {
  other.owned = false;
}

BoundedFile::~BoundedFile() {
  if (owned)
    llvm::sys::fs::closeFile(handle);
}

llvm::Expected<size_t> BoundedFile::read(char *out, size_t size) {
  size_t done = 0;
  while (done < size) {
    llvm::Expected<size_t> n = llvm::sys::fs::readNativeFile(
        handle, llvm::MutableArrayRef<char>(out + done, size - done));
    if (!n)
      return makeError(path + ": cannot read: " +
                       llvm::toString(n.takeError()));
    if (*n == 0)
      break;
    done += *n;
  }
  return done;
}

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
mlir::tconv::readFileWithLimit(llvm::StringRef path, uint64_t maxBytes) {
  llvm::StringRef name = path == "-" ? llvm::StringRef("<stdin>") : path;
  llvm::Expected<BoundedFile> file = BoundedFile::open(path);
  if (!file)
    return file.takeError();
  auto tooLarge = [&](const Twine &size) {
    return makeError(name + ": " + size + " than the limit of " +
                     Twine(maxBytes) + " bytes");
  };
  if (std::optional<uint64_t> size = file->getRegularFileSize()) {
    if (*size > maxBytes)
      return tooLarge(Twine(*size) + " bytes, more");
    // A regular file of a checked size is mapped, not copied twice.
    if (path != "-") {
      auto mapped = llvm::MemoryBuffer::getFile(path, /*IsText=*/false);
      if (!mapped)
        return makeError(path + ": cannot read: " +
                         mapped.getError().message());
      return std::move(*mapped);
    }
  }
  // Chunks up to the limit plus one byte, which tells a file of exactly the
  // limit from a larger one.
  constexpr size_t kChunk = size_t(1) << 20;
  std::string contents;
  while (true) {
    uint64_t remaining = maxBytes - contents.size();
    size_t want = remaining >= kChunk ? kChunk : remaining + 1;
    size_t old = contents.size();
    contents.resize(old + want);
    llvm::Expected<size_t> n = file->read(contents.data() + old, want);
    if (!n)
      return n.takeError();
    contents.resize(old + *n);
    if (contents.size() > maxBytes)
      return tooLarge("larger");
    if (*n < want)
      break;
  }
  return llvm::MemoryBuffer::getMemBufferCopy(contents, name);
}
