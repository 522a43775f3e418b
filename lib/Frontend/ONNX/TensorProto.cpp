//===- TensorProto.cpp - ONNX tensors: data types, values, .pb files -----===//

#include "Importer.h"

#include "tconv/Support/BoundedFile.h"
#include "tconv/Support/FloatConversions.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>

using namespace mlir;
using namespace mlir::tconv;
using namespace mlir::tconv::onnx_import;
using llvm::Twine;
using onnx::TensorProto;

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

bool onnx_import::isFloatDType(int32_t dtype) {
  return dtype == TensorProto::FLOAT || dtype == TensorProto::DOUBLE ||
         dtype == TensorProto::FLOAT16 || dtype == TensorProto::BFLOAT16;
}

bool onnx_import::isUnsignedDType(int32_t dtype) {
  return dtype == TensorProto::UINT8 || dtype == TensorProto::UINT16 ||
         dtype == TensorProto::UINT32 || dtype == TensorProto::UINT64;
}

int64_t onnx_import::wrapToDType(int64_t value, int32_t dtype) {
  switch (dtype) {
  case TensorProto::INT8:
    return static_cast<int8_t>(value);
  case TensorProto::INT16:
    return static_cast<int16_t>(value);
  case TensorProto::INT32:
    return static_cast<int32_t>(value);
  case TensorProto::UINT8:
    return static_cast<uint8_t>(value);
  case TensorProto::UINT16:
    return static_cast<uint16_t>(value);
  case TensorProto::UINT32:
    return static_cast<uint32_t>(value);
  case TensorProto::BOOL:
    return value != 0;
  default:
    return value;
  }
}

bool Literal::isFloat() const { return isFloatDType(dtype); }

double Literal::get(int64_t i) const {
  if (isFloat())
    return floats[i];
  if (dtype == TensorProto::UINT64)
    return static_cast<double>(static_cast<uint64_t>(ints[i]));
  return static_cast<double>(ints[i]);
}

int64_t Literal::size() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

Literal Literal::makeInts(ArrayRef<int64_t> shape, std::vector<int64_t> values,
                          int32_t dtype) {
  Literal l;
  l.dtype = dtype;
  l.shape.assign(shape.begin(), shape.end());
  l.ints = std::move(values);
  return l;
}

Literal Literal::makeFloats(int32_t dtype, ArrayRef<int64_t> shape,
                            std::vector<double> values) {
  Literal l;
  l.dtype = dtype;
  l.shape.assign(shape.begin(), shape.end());
  l.floats = std::move(values);
  return l;
}

std::string onnx_import::dtypeName(int32_t dtype) {
  if (TensorProto::DataType_IsValid(dtype))
    return TensorProto::DataType_Name(static_cast<TensorProto::DataType>(dtype));
  return "unknown data type " + std::to_string(dtype);
}

Type onnx_import::getElementType(MLIRContext *context, int32_t dtype) {
  switch (dtype) {
  case TensorProto::FLOAT:
    return Float32Type::get(context);
  case TensorProto::DOUBLE:
    return Float64Type::get(context);
  case TensorProto::FLOAT16:
    return Float16Type::get(context);
  case TensorProto::BFLOAT16:
    return BFloat16Type::get(context);
  // Signless: the unsigned types differ in the ops that compute with them.
  case TensorProto::INT64:
  case TensorProto::UINT64:
    return IntegerType::get(context, 64);
  case TensorProto::INT32:
  case TensorProto::UINT32:
    return IntegerType::get(context, 32);
  case TensorProto::INT16:
  case TensorProto::UINT16:
    return IntegerType::get(context, 16);
  case TensorProto::INT8:
  case TensorProto::UINT8:
    return IntegerType::get(context, 8);
  case TensorProto::BOOL:
    return IntegerType::get(context, 1);
  default:
    return nullptr;
  }
}

int32_t onnx_import::getDType(Type type) {
  if (type.isF32())
    return TensorProto::FLOAT;
  if (type.isF64())
    return TensorProto::DOUBLE;
  if (type.isF16())
    return TensorProto::FLOAT16;
  if (type.isBF16())
    return TensorProto::BFLOAT16;
  if (type.isInteger(64))
    return TensorProto::INT64;
  if (type.isInteger(32))
    return TensorProto::INT32;
  if (type.isInteger(16))
    return TensorProto::INT16;
  if (type.isInteger(8))
    return TensorProto::INT8;
  if (type.isInteger(1))
    return TensorProto::BOOL;
  return 0;
}

/// Bytes per element in raw_data; 0 for types the importer does not read.
static size_t rawElementSize(int32_t dtype) {
  switch (dtype) {
  case TensorProto::DOUBLE:
  case TensorProto::INT64:
  case TensorProto::UINT64:
    return 8;
  case TensorProto::FLOAT:
  case TensorProto::INT32:
  case TensorProto::UINT32:
    return 4;
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
  case TensorProto::INT16:
  case TensorProto::UINT16:
    return 2;
  case TensorProto::INT8:
  case TensorProto::UINT8:
  case TensorProto::BOOL:
    return 1;
  default:
    return 0;
  }
}

template <typename T> static T loadLittleEndian(const char *p) {
  T value;
  std::memcpy(&value, p, sizeof(T));
  return value;
}

/// Appends element `i` of little-endian `raw` data to the literal.
static void appendRaw(Literal &l, const char *p) {
  switch (l.dtype) {
  case TensorProto::FLOAT:
    l.floats.push_back(loadLittleEndian<float>(p));
    break;
  case TensorProto::DOUBLE:
    l.floats.push_back(loadLittleEndian<double>(p));
    break;
  case TensorProto::FLOAT16:
    l.floats.push_back(halfBitsToFloat(loadLittleEndian<uint16_t>(p)));
    break;
  case TensorProto::BFLOAT16:
    l.floats.push_back(bfloat16BitsToFloat(loadLittleEndian<uint16_t>(p)));
    break;
  case TensorProto::INT64:
    l.ints.push_back(loadLittleEndian<int64_t>(p));
    break;
  case TensorProto::INT32:
    l.ints.push_back(loadLittleEndian<int32_t>(p));
    break;
  case TensorProto::INT16:
    l.ints.push_back(loadLittleEndian<int16_t>(p));
    break;
  case TensorProto::INT8:
    l.ints.push_back(loadLittleEndian<int8_t>(p));
    break;
  case TensorProto::UINT8:
    l.ints.push_back(loadLittleEndian<uint8_t>(p));
    break;
  case TensorProto::UINT16:
    l.ints.push_back(loadLittleEndian<uint16_t>(p));
    break;
  case TensorProto::UINT32:
    l.ints.push_back(loadLittleEndian<uint32_t>(p));
    break;
  case TensorProto::UINT64:
    // Kept as its bit pattern (Literal::get reads it back unsigned).
    l.ints.push_back(static_cast<int64_t>(loadLittleEndian<uint64_t>(p)));
    break;
  case TensorProto::BOOL:
    l.ints.push_back(*p != 0);
    break;
  }
}

static llvm::Expected<std::string>
readExternalData(const TensorProto &tensor, StringRef modelDirectory) {
  std::string location;
  uint64_t offset = 0;
  std::optional<uint64_t> length;
  for (const onnx::StringStringEntryProto &entry : tensor.external_data()) {
    if (entry.key() == "location")
      location = entry.value();
    else if (entry.key() == "offset" || entry.key() == "length") {
      uint64_t value;
      if (StringRef(entry.value()).getAsInteger(10, value))
        return makeError("external data " + entry.key() + " '" +
                         entry.value() + "' is not a number");
      (entry.key() == "offset" ? offset : length.emplace()) = value;
    }
  }
  if (location.empty())
    return makeError("external data without a location");
  if (llvm::sys::path::is_absolute(location))
    return makeError("external data location '" + location +
                     "' must be relative to the model");
  SmallString<256> path(modelDirectory);
  llvm::sys::path::append(path, location);
  // Only a regular file has a size to check offset and length against
  // before reading (a device or a pipe could be read without end).
  llvm::sys::fs::file_status status;
  if (!llvm::sys::fs::status(path, status) &&
      status.type() != llvm::sys::fs::file_type::regular_file)
    return makeError("external data file '" + path +
                     "' is not a regular file");
  auto file = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return makeError("cannot read external data file '" + path +
                     "': " + file.getError().message());
  StringRef data = (*file)->getBuffer();
  if (offset > data.size() || (length && *length > data.size() - offset))
    return makeError("external data file '" + path + "' holds " +
                     Twine(data.size()) + " bytes, fewer than offset " +
                     Twine(offset) + " + length " + Twine(length.value_or(0)));
  return data.substr(offset, length.value_or(data.size() - offset)).str();
}

llvm::Expected<Literal>
onnx_import::decodeTensor(const TensorProto &tensor, StringRef modelDirectory) {
  Literal l;
  l.dtype = tensor.data_type();
  size_t elementSize = rawElementSize(l.dtype);
  if (!elementSize)
    return makeError("data type " + dtypeName(l.dtype) + " is not supported");
  uint64_t count = 1;
  for (int64_t d : tensor.dims()) {
    if (d < 0)
      return makeError("negative dimension " + Twine(d));
    if (d && count > (uint64_t(1) << 40) / d)
      return makeError("too many elements");
    count *= d;
    l.shape.push_back(d);
  }
  auto finish = [&]() -> llvm::Expected<Literal> {
    if (static_cast<uint64_t>(l.isFloat() ? l.floats.size() : l.ints.size()) !=
        count)
      return makeError("holds " +
                       Twine(l.isFloat() ? l.floats.size() : l.ints.size()) +
                       " values but its shape needs " + Twine(count));
    return std::move(l);
  };
  auto decodeRaw = [&](StringRef raw) -> llvm::Expected<Literal> {
    if (raw.size() != count * elementSize)
      return makeError("holds " + Twine(raw.size()) + " bytes of data but " +
                       Twine(count) + " elements of " + dtypeName(l.dtype) +
                       " need " + Twine(count * elementSize));
    (l.isFloat() ? l.floats.reserve(count) : l.ints.reserve(count));
    for (uint64_t i = 0; i < count; ++i)
      appendRaw(l, raw.data() + i * elementSize);
    return finish();
  };
  if (tensor.data_location() == TensorProto::EXTERNAL) {
    llvm::Expected<std::string> raw = readExternalData(tensor, modelDirectory);
    if (!raw)
      return raw.takeError();
    return decodeRaw(*raw);
  }
  if (tensor.has_raw_data())
    return decodeRaw(tensor.raw_data());
  switch (l.dtype) {
  case TensorProto::FLOAT:
    l.floats.assign(tensor.float_data().begin(), tensor.float_data().end());
    break;
  case TensorProto::DOUBLE:
    l.floats.assign(tensor.double_data().begin(), tensor.double_data().end());
    break;
  case TensorProto::INT64:
    l.ints.assign(tensor.int64_data().begin(), tensor.int64_data().end());
    break;
  case TensorProto::UINT32:
  case TensorProto::UINT64:
    l.ints.assign(tensor.uint64_data().begin(), tensor.uint64_data().end());
    break;
  case TensorProto::FLOAT16:
  case TensorProto::BFLOAT16:
    for (int32_t bits : tensor.int32_data())
      l.floats.push_back(l.dtype == TensorProto::FLOAT16
                             ? halfBitsToFloat(bits)
                             : bfloat16BitsToFloat(bits));
    break;
  default:
    // int32_data holds the narrower integers and bools, one per value.
    for (int32_t value : tensor.int32_data())
      l.ints.push_back(wrapToDType(value, l.dtype));
    break;
  }
  return finish();
}

//===----------------------------------------------------------------------===//
// .pb files
//===----------------------------------------------------------------------===//

std::optional<ElementType> onnx_import::getHostElementType(int32_t dtype) {
  switch (dtype) {
  case TensorProto::FLOAT:
    return ElementType::F32;
  case TensorProto::DOUBLE:
    return ElementType::F64;
  case TensorProto::FLOAT16:
    return ElementType::F16;
  case TensorProto::BFLOAT16:
    return ElementType::BF16;
  case TensorProto::BOOL:
    return ElementType::I1;
  case TensorProto::INT8:
    return ElementType::I8;
  case TensorProto::INT16:
    return ElementType::I16;
  case TensorProto::INT32:
    return ElementType::I32;
  case TensorProto::INT64:
    return ElementType::I64;
  case TensorProto::UINT8:
    return ElementType::U8;
  case TensorProto::UINT16:
    return ElementType::U16;
  case TensorProto::UINT32:
    return ElementType::U32;
  case TensorProto::UINT64:
    return ElementType::U64;
  default:
    return std::nullopt;
  }
}

int32_t onnx_import::getDType(ElementType type) {
  switch (type) {
  case ElementType::F32:
    return TensorProto::FLOAT;
  case ElementType::F64:
    return TensorProto::DOUBLE;
  case ElementType::F16:
    return TensorProto::FLOAT16;
  case ElementType::BF16:
    return TensorProto::BFLOAT16;
  case ElementType::I1:
    return TensorProto::BOOL;
  case ElementType::I8:
    return TensorProto::INT8;
  case ElementType::I16:
    return TensorProto::INT16;
  case ElementType::I32:
    return TensorProto::INT32;
  case ElementType::I64:
    return TensorProto::INT64;
  case ElementType::U8:
    return TensorProto::UINT8;
  case ElementType::U16:
    return TensorProto::UINT16;
  case ElementType::U32:
    return TensorProto::UINT32;
  case ElementType::U64:
    return TensorProto::UINT64;
  }
  return 0;
}

llvm::Expected<HostTensor> mlir::tconv::readTensorProtoFile(StringRef path,
                                                            bool uint16IsBF16) {
  // Bounded: protobuf parses at most INT_MAX bytes.
  auto file = readFileWithLimit(path, INT_MAX);
  if (!file)
    return file.takeError();
  StringRef contents = (*file)->getBuffer();
  TensorProto proto;
  if (contents.size() > static_cast<size_t>(INT_MAX) ||
      !proto.ParseFromArray(contents.data(), static_cast<int>(contents.size())))
    return makeError(path + ": not a valid ONNX TensorProto file");
  // NumPy has no bfloat16: ONNX's test data stores bfloat16 values as UINT16
  // bit patterns, in the same fields.
  if (uint16IsBF16 && proto.data_type() == TensorProto::UINT16)
    proto.set_data_type(TensorProto::BFLOAT16);
  std::optional<ElementType> elementType =
      getHostElementType(proto.data_type());
  if (!elementType)
    return makeError(path + ": data type " + dtypeName(proto.data_type()) +
                     " is not supported (FLOAT, DOUBLE, FLOAT16, BFLOAT16, "
                     "INT8/16/32/64, UINT8/16/32/64, BOOL)");
  SmallString<128> directory(llvm::sys::path::parent_path(path));
  llvm::Expected<Literal> literal = decodeTensor(proto, directory);
  if (!literal)
    return makeError(path + ": " + llvm::toString(literal.takeError()));
  HostTensor tensor(HostTensorType{*elementType, literal->shape});
  int64_t count = literal->size();
  if (literal->isFloat()) {
    for (int64_t i = 0; i < count; ++i)
      tensor.setValue(i, literal->floats[i]);
    return tensor;
  }
  // Integers are stored directly (64-bit values do not all fit a double):
  // the low bytes of each value, little-endian like the host.
  size_t width = getElementByteWidth(*elementType);
  auto *bytes = static_cast<char *>(tensor.data());
  for (int64_t i = 0; i < count; ++i)
    std::memcpy(bytes + i * width, &literal->ints[i], width);
  return tensor;
}

llvm::Error mlir::tconv::writeTensorProtoFile(StringRef path,
                                              const HostTensor &tensor) {
  TensorProto proto;
  proto.set_data_type(getDType(tensor.getElementType()));
  for (int64_t d : tensor.getShape())
    proto.add_dims(d);
  // Host byte order is little-endian on every target tconv runs on.
  ArrayRef<uint8_t> bytes = tensor.bytes();
  proto.set_raw_data(bytes.data(), bytes.size());
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec);
  if (ec)
    return makeError(path + ": cannot write: " + ec.message());
  os << proto.SerializeAsString();
  os.close();
  if (os.has_error())
    return makeError(path + ": cannot write: " + os.error().message());
  return llvm::Error::success();
}
