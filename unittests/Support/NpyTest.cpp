//===- NpyTest.cpp - .npy reader and writer -------------------------------===//

#include "tconv/Support/Npy.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <cstring>
#include <string>

using namespace mlir::tconv;

namespace {

/// A .npy file assembled by hand, independent of serializeNpy: version
/// `major`.0, the given header dict (padded like NumPy) and raw data.
std::string makeNpy(const std::string &dict, const std::string &data,
                    int major = 1) {
  std::string header = dict;
  size_t lengthBytes = major == 1 ? 2 : 4;
  while ((10 - 2 + lengthBytes + header.size() + 1) % 64 != 0)
    header += ' ';
  header += '\n';
  std::string file("\x93NUMPY", 6);
  file += static_cast<char>(major);
  file += '\0';
  for (size_t i = 0; i < lengthBytes; ++i)
    file += static_cast<char>((header.size() >> (8 * i)) & 0xff);
  return file + header + data;
}

std::string floatBytes(std::initializer_list<float> values) {
  std::string bytes;
  for (float v : values)
    bytes.append(reinterpret_cast<const char *>(&v), sizeof(v));
  return bytes;
}

/// The error message of a parse that must fail.
std::string parseError(const std::string &contents) {
  llvm::Expected<HostTensor> tensor = parseNpy(contents, "x.npy");
  if (tensor) {
    ADD_FAILURE() << "parse unexpectedly succeeded";
    return "";
  }
  return llvm::toString(tensor.takeError());
}

const std::string kF4 =
    "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 3), }";

TEST(Npy, ReadsHandWrittenFile) {
  llvm::Expected<HostTensor> tensor =
      parseNpy(makeNpy(kF4, floatBytes({2, 5, 4})), "x.npy");
  ASSERT_TRUE(!!tensor) << llvm::toString(tensor.takeError());
  EXPECT_EQ(tensor->getType(), (HostTensorType{ElementType::F32, {1, 1, 3}}));
  EXPECT_EQ(tensor->getValue(0), 2.0);
  EXPECT_EQ(tensor->getValue(1), 5.0);
  EXPECT_EQ(tensor->getValue(2), 4.0);
}

TEST(Npy, AcceptsVersions2And3AndLiteralVariants) {
  for (int major : {2, 3}) {
    llvm::Expected<HostTensor> tensor =
        parseNpy(makeNpy(kF4, floatBytes({1, 2, 3}), major), "x.npy");
    ASSERT_TRUE(!!tensor) << llvm::toString(tensor.takeError());
    EXPECT_EQ(tensor->getValue(2), 3.0);
  }
  // Double quotes, other key order, no trailing comma, 1-tuple, 'L' suffix.
  llvm::Expected<HostTensor> tensor = parseNpy(
      makeNpy("{ \"shape\" : (2L,),\"fortran_order\":False,\"descr\":\"<f8\"}",
              std::string(16, '\0')),
      "x.npy");
  ASSERT_TRUE(!!tensor) << llvm::toString(tensor.takeError());
  EXPECT_EQ(tensor->getType(), (HostTensorType{ElementType::F64, {2}}));
  // Scalars have shape ().
  tensor = parseNpy(makeNpy("{'descr': '<f2', 'fortran_order': False, "
                            "'shape': (), }",
                            std::string("\x00\x3c", 2)),
                    "x.npy");
  ASSERT_TRUE(!!tensor) << llvm::toString(tensor.takeError());
  EXPECT_TRUE(tensor->getShape().empty());
  EXPECT_EQ(tensor->getValue(0), 1.0);
}

TEST(Npy, RoundTripsEveryDtypeAndRank) {
  for (ElementType type :
       {ElementType::F16, ElementType::F32, ElementType::F64, ElementType::I1,
        ElementType::I8, ElementType::I16, ElementType::I32, ElementType::I64,
        ElementType::U8, ElementType::U16, ElementType::U32, ElementType::U64}) {
    for (llvm::SmallVector<int64_t> shape :
         {llvm::SmallVector<int64_t>{}, {7}, {2, 3}, {1, 2, 3, 4}, {2, 0, 5}}) {
      HostTensor tensor(HostTensorType{type, shape});
      for (int64_t i = 0; i < tensor.getNumElements(); ++i)
        tensor.setValue(i, 0.25 * i - 3);
      llvm::Expected<std::string> bytes = serializeNpy(tensor);
      ASSERT_TRUE(!!bytes) << llvm::toString(bytes.takeError());
      llvm::Expected<HostTensor> back = parseNpy(*bytes, "x.npy");
      ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
      EXPECT_EQ(back->getType(), tensor.getType());
      EXPECT_EQ(back->bytes(), tensor.bytes());
    }
  }
}

TEST(Npy, WritesNumPyLayout) {
  HostTensor tensor(HostTensorType{ElementType::F32, {1, 1, 3}});
  llvm::Expected<std::string> bytes = serializeNpy(tensor);
  ASSERT_TRUE(!!bytes);
  EXPECT_EQ(*bytes, makeNpy(kF4, std::string(12, '\0')));
  size_t dataOffset = bytes->size() - 12;
  EXPECT_EQ(dataOffset % 64, 0u);
  EXPECT_EQ((*bytes)[dataOffset - 1], '\n');

  HostTensor vector(HostTensorType{ElementType::F64, {5}});
  bytes = serializeNpy(vector);
  ASSERT_TRUE(!!bytes);
  EXPECT_NE(bytes->find("'shape': (5,), }"), std::string::npos);
}

TEST(Npy, UsesVersion2ForHugeHeaders) {
  // 30000 dimensions of size 1 need a header longer than 65535 bytes.
  HostTensor tensor(
      HostTensorType{ElementType::F32, llvm::SmallVector<int64_t>(30000, 1)});
  tensor.setValue(0, 42.0);
  llvm::Expected<std::string> bytes = serializeNpy(tensor);
  ASSERT_TRUE(!!bytes);
  EXPECT_EQ((*bytes)[6], 2);
  EXPECT_EQ((bytes->size() - 4) % 64, 0u);
  llvm::Expected<HostTensor> back = parseNpy(*bytes, "x.npy");
  ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
  EXPECT_EQ(back->getShape().size(), 30000u);
  EXPECT_EQ(back->getValue(0), 42.0);
}

TEST(Npy, RejectsBf16) {
  HostTensor tensor(HostTensorType{ElementType::BF16, {2}});
  llvm::Expected<std::string> bytes = serializeNpy(tensor);
  ASSERT_FALSE(!!bytes);
  EXPECT_EQ(llvm::toString(bytes.takeError()),
            "cannot store bf16 in a .npy file (NumPy has no such dtype)");
}

TEST(Npy, RejectsBadMagic) {
  std::string file = makeNpy(kF4, floatBytes({1, 2, 3}));
  file[1] = 'M';
  EXPECT_EQ(parseError(file), "x.npy: not a .npy file (bad magic string)");
  EXPECT_EQ(parseError(""), "x.npy: not a .npy file (bad magic string)");
}

TEST(Npy, RejectsUnknownVersions) {
  std::string file = makeNpy(kF4, floatBytes({1, 2, 3}));
  file[6] = 4;
  EXPECT_EQ(parseError(file), "x.npy: unsupported .npy format version 4.0 "
                              "(supported: 1.0, 2.0, 3.0)");
  file[6] = 1;
  file[7] = 1;
  EXPECT_EQ(parseError(file), "x.npy: unsupported .npy format version 1.1 "
                              "(supported: 1.0, 2.0, 3.0)");
}

TEST(Npy, RejectsTruncatedHeaders) {
  std::string file = makeNpy(kF4, floatBytes({1, 2, 3}));
  EXPECT_EQ(parseError(file.substr(0, 7)),
            "x.npy: truncated .npy file (no format version)");
  EXPECT_EQ(parseError(file.substr(0, 9)),
            "x.npy: truncated .npy file (no header length)");
  EXPECT_EQ(parseError(file.substr(0, 40)),
            "x.npy: truncated .npy header (needs 118 bytes, file has 30)");
}

TEST(Npy, RejectsMalformedDicts) {
  auto error = [](const std::string &dict) {
    return parseError(makeNpy(dict, floatBytes({1, 2, 3})));
  };
  EXPECT_EQ(error("['descr']"),
            "x.npy: malformed .npy header: expected '{' at header offset 0");
  EXPECT_EQ(error("{'descr' '<f4'}"),
            "x.npy: malformed .npy header: expected ':' after key 'descr' at "
            "header offset 9");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False}"),
            "x.npy: malformed .npy header: missing key 'shape'");
  EXPECT_EQ(error("{'descr': '<f4', 'descr': '<f4'}"),
            "x.npy: malformed .npy header: duplicate key 'descr' at header "
            "offset 26");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), "
                  "'extra': 1}"),
            "x.npy: malformed .npy header: unexpected key 'extra' at header "
            "offset 65");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': 0, 'shape': (3,)}"),
            "x.npy: malformed .npy header: expected True or False at header "
            "offset 34");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False, 'shape': (-3,)}"),
            "x.npy: malformed .npy header: expected a non-negative integer in "
            "the shape at header offset 51");
  EXPECT_EQ(error("{'descr': '<f4', 'fortran_order': False, 'shape': (3 4)}"),
            "x.npy: malformed .npy header: expected ',' or ')' in the shape at "
            "header offset 53");
  EXPECT_EQ(error("{'descr': '<f4, 'fortran_order': False, 'shape': (3,)}"),
            "x.npy: malformed .npy header: expected ',' or '}' at header "
            "offset 17");
}

TEST(Npy, RejectsFortranOrder) {
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f4', 'fortran_order': True, "
                               "'shape': (1, 3), }",
                               floatBytes({1, 2, 3}))),
            "x.npy: Fortran-order arrays are not supported (save a C-order "
            "array, e.g. np.ascontiguousarray)");
}

TEST(Npy, RejectsOtherDtypes) {
  EXPECT_EQ(parseError(makeNpy("{'descr': '<c8', 'fortran_order': False, "
                               "'shape': (3,), }",
                               floatBytes({1, 2, 3, 4, 5, 6}))),
            "x.npy: unsupported dtype '<c8' (supported: '<f2', '<f4', '<f8', "
            "'|b1', '|i1', '<i2', '<i4', '<i8', '|u1', '<u2', '<u4', '<u8')");
  EXPECT_EQ(parseError(makeNpy("{'descr': '>f4', 'fortran_order': False, "
                               "'shape': (3,), }",
                               floatBytes({1, 2, 3}))),
            "x.npy: unsupported dtype '>f4' (supported: '<f2', '<f4', '<f8', "
            "'|b1', '|i1', '<i2', '<i4', '<i8', '|u1', '<u2', '<u4', '<u8', "
            "big-endian data is not supported)");
}

TEST(Npy, ReadsIntegersAndBools) {
  llvm::Expected<HostTensor> tensor =
      parseNpy(makeNpy("{'descr': '<i4', 'fortran_order': False, "
                       "'shape': (3,), }",
                       std::string("\xff\xff\xff\xff\x02\0\0\0\0\0\0\x80", 12)),
               "x.npy");
  ASSERT_TRUE(!!tensor) << llvm::toString(tensor.takeError());
  EXPECT_EQ(tensor->getType(), (HostTensorType{ElementType::I32, {3}}));
  EXPECT_EQ(tensor->getValue(0), -1);
  EXPECT_EQ(tensor->getValue(1), 2);
  EXPECT_EQ(tensor->getValue(2), -2147483648.0);
  tensor = parseNpy(makeNpy("{'descr': '|b1', 'fortran_order': False, "
                            "'shape': (2,), }",
                            std::string("\1\0", 2)),
                    "x.npy");
  ASSERT_TRUE(!!tensor) << llvm::toString(tensor.takeError());
  EXPECT_EQ(tensor->getType(), (HostTensorType{ElementType::I1, {2}}));
  EXPECT_EQ(tensor->getValue(0), 1);
  EXPECT_EQ(tensor->getValue(1), 0);
  // A bool byte other than 0 or 1 would be undefined in compiled code.
  EXPECT_EQ(parseError(makeNpy("{'descr': '|b1', 'fortran_order': False, "
                               "'shape': (2,), }",
                               std::string("\1\2", 2))),
            "x.npy: bool element 1 is byte 2, not 0 or 1");
}

TEST(Npy, RejectsWrongDataSize) {
  EXPECT_EQ(parseError(makeNpy(kF4, floatBytes({1, 2}))),
            "x.npy: truncated data: shape 1x1x3 of '<f4' needs 12 bytes, file "
            "has 8");
  EXPECT_EQ(parseError(makeNpy(kF4, floatBytes({1, 2, 3, 4}))),
            "x.npy: 4 unexpected bytes after the data of shape 1x1x3 '<f4'");
  EXPECT_EQ(parseError(makeNpy("{'descr': '<f4', 'fortran_order': False, "
                               "'shape': (4294967296, 4294967296), }",
                               "")),
            "x.npy: shape (4294967296x4294967296) is too large");
}

TEST(Npy, FilesRoundTripAndReportIOErrors) {
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tconv-npy", dir));
  llvm::SmallString<128> path(dir);
  llvm::sys::path::append(path, "t.npy");

  HostTensor tensor(HostTensorType{ElementType::F16, {2, 2}});
  tensor.setValue(3, -1.5);
  ASSERT_FALSE(!!writeNpyFile(path, tensor));
  llvm::Expected<HostTensor> back = readNpyFile(path);
  ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
  EXPECT_EQ(back->getValue(3), -1.5);

  llvm::SmallString<128> missing(dir);
  llvm::sys::path::append(missing, "missing.npy");
  llvm::Expected<HostTensor> none = readNpyFile(missing);
  ASSERT_FALSE(!!none);
  EXPECT_EQ(llvm::toString(none.takeError()),
            (missing + ": cannot read: No such file or directory").str());

  llvm::SmallString<128> badDir(missing);
  llvm::sys::path::append(badDir, "t.npy");
  llvm::Error err = writeNpyFile(badDir, tensor);
  ASSERT_TRUE(!!err);
  EXPECT_EQ(llvm::toString(std::move(err)),
            (badDir + ": cannot write: No such file or directory").str());

  llvm::sys::fs::remove_directories(dir);
}

} // namespace
