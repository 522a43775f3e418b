//===- Npy.cpp - NumPy .npy files -----------------------------------------===//
//
// Format: "\x93NUMPY", major and minor version bytes, the header length
// (little-endian uint16 in 1.0, uint32 in 2.0 and 3.0), then a Python dict
// literal such as {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces and ended by '\n', then the raw data.
//
//===----------------------------------------------------------------------===//

#include "tconv/Support/Npy.h"

#include "tconv/Support/BoundedFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir::tconv;
using llvm::Expected;
using llvm::StringRef;
using llvm::Twine;

static constexpr StringRef kMagic("\x93NUMPY", 6);

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

/// The dtype strings we read and write, by element type.
static std::optional<ElementType> parseDescr(StringRef descr) {
  if (descr == "<f2")
    return ElementType::F16;
  if (descr == "<f4")
    return ElementType::F32;
  if (descr == "<f8")
    return ElementType::F64;
  if (descr == "|b1")
    return ElementType::I1;
  if (descr == "|i1")
    return ElementType::I8;
  if (descr == "<i2")
    return ElementType::I16;
  if (descr == "<i4")
    return ElementType::I32;
  if (descr == "<i8")
    return ElementType::I64;
  if (descr == "|u1")
    return ElementType::U8;
  if (descr == "<u2")
    return ElementType::U16;
  if (descr == "<u4")
    return ElementType::U32;
  if (descr == "<u8")
    return ElementType::U64;
  return std::nullopt;
}

static StringRef getDescr(ElementType type) {
  switch (type) {
  case ElementType::F16:
    return "<f2";
  case ElementType::F32:
    return "<f4";
  case ElementType::F64:
    return "<f8";
  case ElementType::I1:
    return "|b1";
  case ElementType::I8:
    return "|i1";
  case ElementType::I16:
    return "<i2";
  case ElementType::I32:
    return "<i4";
  case ElementType::I64:
    return "<i8";
  case ElementType::U8:
    return "|u1";
  case ElementType::U16:
    return "<u2";
  case ElementType::U32:
    return "<u4";
  case ElementType::U64:
    return "<u8";
  case ElementType::BF16:
    break;
  }
  return "";
}

namespace {
/// Parses the header dict. Accepts what ast.literal_eval would for the three
/// keys NumPy writes: quoted strings, True/False, tuples of integers.
class HeaderParser {
public:
  HeaderParser(StringRef text, StringRef name) : text(text), name(name) {}

  llvm::Error parse(std::string &descr, bool &fortranOrder,
                    llvm::SmallVectorImpl<int64_t> &shape) {
    bool seenDescr = false, seenOrder = false, seenShape = false;
    skipSpace();
    if (!consume('{'))
      return error("expected '{'");
    while (true) {
      skipSpace();
      if (consume('}'))
        break;
      std::string key;
      if (llvm::Error err = parseString(key))
        return err;
      skipSpace();
      if (!consume(':'))
        return error("expected ':' after key '" + key + "'");
      skipSpace();
      if (key == "descr") {
        if (seenDescr)
          return error("duplicate key 'descr'");
        seenDescr = true;
        if (llvm::Error err = parseString(descr))
          return err;
      } else if (key == "fortran_order") {
        if (seenOrder)
          return error("duplicate key 'fortran_order'");
        seenOrder = true;
        if (llvm::Error err = parseBool(fortranOrder))
          return err;
      } else if (key == "shape") {
        if (seenShape)
          return error("duplicate key 'shape'");
        seenShape = true;
        if (llvm::Error err = parseShape(shape))
          return err;
      } else {
        return error("unexpected key '" + key + "'");
      }
      skipSpace();
      if (consume(','))
        continue;
      if (consume('}'))
        break;
      return error("expected ',' or '}'");
    }
    skipSpace();
    if (pos != text.size())
      return error("unexpected characters after the dict");
    if (!seenDescr)
      return makeError(name + ": malformed .npy header: missing key 'descr'");
    if (!seenOrder)
      return makeError(name +
                       ": malformed .npy header: missing key 'fortran_order'");
    if (!seenShape)
      return makeError(name + ": malformed .npy header: missing key 'shape'");
    return llvm::Error::success();
  }

private:
  llvm::Error error(const Twine &what) {
    return makeError(name + ": malformed .npy header: " + what +
                     " at header offset " + Twine(pos));
  }

  void skipSpace() {
    while (pos < text.size() && llvm::isSpace(text[pos]))
      ++pos;
  }

  bool consume(char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }

  llvm::Error parseString(std::string &out) {
    if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
      return error("expected a quoted string");
    char quote = text[pos++];
    size_t end = text.find(quote, pos);
    if (end == StringRef::npos)
      return error("unterminated string");
    StringRef value = text.slice(pos, end);
    if (value.contains('\\'))
      return error("escape sequences in strings are not supported");
    out = value.str();
    pos = end + 1;
    return llvm::Error::success();
  }

  llvm::Error parseBool(bool &out) {
    StringRef rest = text.substr(pos);
    if (rest.starts_with("True")) {
      out = true;
      pos += 4;
    } else if (rest.starts_with("False")) {
      out = false;
      pos += 5;
    } else {
      return error("expected True or False");
    }
    return llvm::Error::success();
  }

  llvm::Error parseShape(llvm::SmallVectorImpl<int64_t> &shape) {
    if (!consume('('))
      return error("expected '(' to start the shape");
    while (true) {
      skipSpace();
      if (consume(')'))
        return llvm::Error::success();
      size_t start = pos;
      while (pos < text.size() && llvm::isDigit(text[pos]))
        ++pos;
      int64_t size;
      if (text.slice(start, pos).getAsInteger(10, size) || size < 0)
        return error("expected a non-negative integer in the shape");
      consume('L'); // Python 2 long suffix, found in old files.
      shape.push_back(size);
      skipSpace();
      if (consume(','))
        continue;
      if (consume(')'))
        return llvm::Error::success();
      return error("expected ',' or ')' in the shape");
    }
  }

  StringRef text;
  StringRef name;
  size_t pos = 0;
};
} // namespace

namespace {
/// What the header of a .npy file declares.
struct NpyLayout {
  HostTensorType type;
  std::string descr;
  /// Where the data starts, and how many bytes it has.
  size_t dataOffset = 0;
  int64_t dataBytes = 0;
};
} // namespace

/// Validates the magic string, the version and the header length of the
/// first bytes of a file; returns where the header ends.
static Expected<size_t> parseNpyPreamble(StringRef contents, StringRef name) {
  if (!contents.starts_with(kMagic))
    return makeError(name + ": not a .npy file (bad magic string)");
  if (contents.size() < kMagic.size() + 2)
    return makeError(name + ": truncated .npy file (no format version)");
  unsigned major = static_cast<uint8_t>(contents[6]);
  unsigned minor = static_cast<uint8_t>(contents[7]);
  if (major < 1 || major > 3 || minor != 0)
    return makeError(name + ": unsupported .npy format version " +
                     Twine(major) + "." + Twine(minor) +
                     " (supported: 1.0, 2.0, 3.0)");
  size_t lengthBytes = major == 1 ? 2 : 4;
  size_t headerStart = 8 + lengthBytes;
  if (contents.size() < headerStart)
    return makeError(name + ": truncated .npy file (no header length)");
  const char *lengthPtr = contents.data() + 8;
  size_t headerLength =
      major == 1
          ? llvm::support::endian::read16le(lengthPtr)
          : static_cast<size_t>(llvm::support::endian::read32le(lengthPtr));
  if (headerLength > kMaxNpyHeaderBytes)
    return makeError(name + ": .npy header of " + Twine(headerLength) +
                     " bytes is longer than the limit of " +
                     Twine(kMaxNpyHeaderBytes));
  return headerStart + headerLength;
}

/// Parses the header of `contents`, which holds at least all of it.
static Expected<NpyLayout> parseNpyHeader(StringRef contents, StringRef name) {
  Expected<size_t> headerEnd = parseNpyPreamble(contents, name);
  if (!headerEnd)
    return headerEnd.takeError();
  size_t headerStart = static_cast<uint8_t>(contents[6]) == 1 ? 10 : 12;
  size_t headerLength = *headerEnd - headerStart;
  if (contents.size() - headerStart < headerLength)
    return makeError(name + ": truncated .npy header (needs " +
                     Twine(headerLength) + " bytes, file has " +
                     Twine(contents.size() - headerStart) + ")");
  StringRef header = contents.substr(headerStart, headerLength);

  NpyLayout layout;
  std::string &descr = layout.descr;
  bool fortranOrder = false;
  llvm::SmallVector<int64_t> shape;
  if (llvm::Error err =
          HeaderParser(header, name).parse(descr, fortranOrder, shape))
    return std::move(err);

  std::optional<ElementType> elementType = parseDescr(descr);
  if (!elementType) {
    std::string hint;
    if (descr.size() == 3 && descr[0] == '>' &&
        parseDescr("<" + descr.substr(1)))
      hint = ", big-endian data is not supported";
    return makeError(name + ": unsupported dtype '" + descr +
                     "' (supported: '<f2', '<f4', '<f8', '|b1', '|i1', '<i2', "
                     "'<i4', '<i8', '|u1', '<u2', '<u4', '<u8'" + hint + ")");
  }
  if (fortranOrder)
    return makeError(name + ": Fortran-order arrays are not supported (save "
                            "a C-order array, e.g. np.ascontiguousarray)");

  layout.type = HostTensorType{*elementType, shape};
  int64_t bytes = static_cast<int64_t>(getElementByteWidth(*elementType));
  for (int64_t size : shape)
    if (llvm::MulOverflow(bytes, size, bytes))
      return makeError(name + ": shape (" + layout.type.shapeStr() +
                       ") is too large");
  layout.dataOffset = *headerEnd;
  layout.dataBytes = bytes;
  return std::move(layout);
}

static llvm::Error truncatedData(StringRef name, const NpyLayout &layout,
                                 uint64_t available) {
  return makeError(name + ": truncated data: shape " +
                   layout.type.shapeStr() + " of '" + layout.descr +
                   "' needs " + Twine(layout.dataBytes) + " bytes, file has " +
                   Twine(available));
}

static llvm::Error trailingData(StringRef name, const NpyLayout &layout,
                                const Twine &extra) {
  return makeError(name + ": " + extra +
                   " unexpected bytes after the data of shape " +
                   layout.type.shapeStr() + " '" + layout.descr + "'");
}

/// Compiled code reads a bool byte as one bit: anything but 0 and 1 would
/// be undefined.
static llvm::Error checkBoolBytes(StringRef name, const NpyLayout &layout,
                                  StringRef data) {
  if (layout.type.elementType != ElementType::I1)
    return llvm::Error::success();
  size_t bad = data.find_first_not_of(StringRef("\0\1", 2));
  if (bad == StringRef::npos)
    return llvm::Error::success();
  return makeError(
      name + ": bool element " + Twine(bad) + " is byte " +
      Twine(static_cast<unsigned>(static_cast<unsigned char>(data[bad]))) +
      ", not 0 or 1");
}

Expected<HostTensor> mlir::tconv::parseNpy(StringRef contents, StringRef name) {
  Expected<NpyLayout> layout = parseNpyHeader(contents, name);
  if (!layout)
    return layout.takeError();
  StringRef data = contents.substr(layout->dataOffset);
  uint64_t bytes = static_cast<uint64_t>(layout->dataBytes);
  if (data.size() < bytes)
    return truncatedData(name, *layout, data.size());
  if (data.size() > bytes)
    return trailingData(name, *layout, Twine(data.size() - bytes));
  if (llvm::Error err = checkBoolBytes(name, *layout, data))
    return std::move(err);

  HostTensor tensor(std::move(layout->type));
  std::memcpy(tensor.data(), data.data(), data.size());
  return std::move(tensor);
}

Expected<HostTensor> mlir::tconv::readNpyFile(StringRef path,
                                              uint64_t maxDataBytes) {
  Expected<BoundedFile> file = BoundedFile::open(path);
  if (!file)
    return file.takeError();
  // The preamble, then the header it announces, then the data it declares,
  // each checked before the next is read: a pipe or a device is never read
  // further than the header says.
  std::string head(12, '\0');
  Expected<size_t> n = file->read(head.data(), head.size());
  if (!n)
    return n.takeError();
  head.resize(*n);
  Expected<size_t> headerEnd = parseNpyPreamble(head, path);
  if (!headerEnd)
    return headerEnd.takeError();
  size_t old = head.size();
  if (*headerEnd > old) {
    head.resize(*headerEnd);
    n = file->read(head.data() + old, *headerEnd - old);
    if (!n)
      return n.takeError();
    head.resize(old + *n);
  }
  Expected<NpyLayout> layout = parseNpyHeader(head, path);
  if (!layout)
    return layout.takeError();
  uint64_t bytes = static_cast<uint64_t>(layout->dataBytes);
  if (std::optional<uint64_t> size = file->getRegularFileSize()) {
    uint64_t data = *size - std::min<uint64_t>(*size, layout->dataOffset);
    if (data < bytes)
      return truncatedData(path, *layout, data);
    if (data > bytes)
      return trailingData(path, *layout, Twine(data - bytes));
  }
  if (bytes > maxDataBytes)
    return makeError(path + ": data of shape " + layout->type.shapeStr() +
                     " '" + layout->descr + "' needs " + Twine(bytes) +
                     " bytes, more than the limit of " + Twine(maxDataBytes));

  HostTensor tensor(std::move(layout->type));
  n = file->read(static_cast<char *>(tensor.data()), bytes);
  if (!n)
    return n.takeError();
  if (*n < bytes)
    return truncatedData(path, *layout, *n);
  char extra;
  n = file->read(&extra, 1);
  if (!n)
    return n.takeError();
  if (*n)
    return trailingData(path, *layout, "some");
  if (llvm::Error err = checkBoolBytes(
          path, *layout,
          StringRef(static_cast<const char *>(tensor.data()), bytes)))
    return std::move(err);
  return std::move(tensor);
}

Expected<std::string> mlir::tconv::serializeNpy(const HostTensor &tensor) {
  StringRef descr = getDescr(tensor.getElementType());
  if (descr.empty())
    return makeError(Twine("cannot store ") +
                     getElementTypeName(tensor.getElementType()) +
                     " in a .npy file (NumPy has no such dtype)");
  std::string dict;
  llvm::raw_string_ostream os(dict);
  os << "{'descr': '" << descr << "', 'fortran_order': False, 'shape': (";
  llvm::interleave(tensor.getShape(), os, ", ");
  if (tensor.getShape().size() == 1)
    os << ","; // A Python 1-tuple.
  os << "), }";

  // Pad with spaces so that magic + version + length + header is a multiple
  // of 64; the header ends with '\n'.
  size_t lengthBytes = 2;
  size_t unpadded = kMagic.size() + 2 + lengthBytes + dict.size() + 1;
  if (unpadded > 65535) {
    lengthBytes = 4;
    unpadded += 2;
  }
  size_t padding = (64 - unpadded % 64) % 64;
  size_t headerLength = dict.size() + padding + 1;

  std::string out;
  out.reserve(unpadded + padding + tensor.getSizeInBytes());
  out += kMagic;
  out += static_cast<char>(lengthBytes == 2 ? 1 : 2);
  out += '\0';
  char length[4];
  if (lengthBytes == 2)
    llvm::support::endian::write16le(length, headerLength);
  else
    llvm::support::endian::write32le(length, headerLength);
  out.append(length, lengthBytes);
  out += dict;
  out.append(padding, ' ');
  out += '\n';
  llvm::ArrayRef<uint8_t> bytes = tensor.bytes();
  out.append(reinterpret_cast<const char *>(bytes.data()), bytes.size());
  return std::move(out);
}

llvm::Error mlir::tconv::writeNpyFile(StringRef path,
                                      const HostTensor &tensor) {
  Expected<std::string> contents = serializeNpy(tensor);
  if (!contents)
    return makeError(path + ": " + llvm::toString(contents.takeError()));
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return makeError(path + ": cannot write: " + ec.message());
  os << *contents;
  os.close();
  if (os.has_error()) {
    std::string message = os.error().message();
    os.clear_error(); // Else the stream's destructor aborts.
    return makeError(path + ": cannot write: " + message);
  }
  return llvm::Error::success();
}
