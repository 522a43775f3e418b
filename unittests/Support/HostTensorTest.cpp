//===- HostTensorTest.cpp - HostTensor and HostTensorType
//---------------------===//

#include "tconv/Support/HostTensor.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstdint>

using namespace mlir::tconv;

namespace {

TEST(HostTensor, TypeSpellings) {
  HostTensorType type{ElementType::F16, {1, 3, 8, 8}};
  EXPECT_EQ(type.str(), "tensor<1x3x8x8xf16>");
  EXPECT_EQ(type.shapeStr(), "1x3x8x8");
  EXPECT_EQ(type.getNumElements(), 192);
  EXPECT_EQ(type.getSizeInBytes(), 384u);
  HostTensorType scalar{ElementType::F64, {}};
  EXPECT_EQ(scalar.str(), "tensor<f64>");
  EXPECT_EQ(scalar.shapeStr(), "scalar");
  EXPECT_EQ(scalar.getNumElements(), 1);
  for (ElementType e : {ElementType::F16, ElementType::BF16, ElementType::F32,
                        ElementType::F64, ElementType::I1, ElementType::I8,
                        ElementType::I16, ElementType::I32, ElementType::I64,
                        ElementType::U8, ElementType::U16, ElementType::U32,
                        ElementType::U64})
    EXPECT_EQ(parseElementTypeName(getElementTypeName(e)), e);
  EXPECT_EQ(getElementTypeName(ElementType::U16), "ui16");
  EXPECT_EQ(parseElementTypeName("u8"), std::nullopt);
  EXPECT_EQ((HostTensorType{ElementType::I1, {2, 3}}).getSizeInBytes(), 6u);
  EXPECT_EQ((HostTensorType{ElementType::I64, {2}}).getSizeInBytes(), 16u);
}

TEST(HostTensor, IntegersRoundAndSaturate) {
  HostTensor i8(HostTensorType{ElementType::I8, {5}});
  i8.setValue(0, 2.5); // Nearest, ties to even.
  i8.setValue(1, -3.6);
  i8.setValue(2, 1000);
  i8.setValue(3, -1000);
  i8.setValue(4, NAN);
  EXPECT_EQ(i8.getValue(0), 2);
  EXPECT_EQ(i8.getValue(1), -4);
  EXPECT_EQ(i8.getValue(2), 127);
  EXPECT_EQ(i8.getValue(3), -128);
  EXPECT_EQ(i8.getValue(4), 0);
  HostTensor i64(HostTensorType{ElementType::I64, {2}});
  i64.setValue(0, 1e30);
  i64.setValue(1, -(double)(1LL << 40));
  EXPECT_EQ(static_cast<const int64_t *>(i64.data())[0], INT64_MAX);
  EXPECT_EQ(i64.getValue(1), -(double)(1LL << 40));
  // Unsigned types saturate at 0 and 2^n - 1.
  HostTensor u8(HostTensorType{ElementType::U8, {3}});
  u8.setValue(0, -3);
  u8.setValue(1, 255.4);
  u8.setValue(2, 300);
  EXPECT_EQ(u8.getValue(0), 0);
  EXPECT_EQ(u8.getValue(1), 255);
  EXPECT_EQ(u8.getValue(2), 255);
  HostTensor u64(HostTensorType{ElementType::U64, {1}});
  u64.setValue(0, 1e19);
  EXPECT_EQ(static_cast<const uint64_t *>(u64.data())[0],
            10000000000000000000ULL);
  HostTensor i1(HostTensorType{ElementType::I1, {2}});
  i1.setValue(0, -0.5);
  i1.setValue(1, 0);
  EXPECT_EQ(static_cast<const uint8_t *>(i1.data())[0], 1);
  EXPECT_EQ(i1.getValue(1), 0);
}

TEST(HostTensor, ZeroInitializedAndAligned) {
  HostTensor tensor(HostTensorType{ElementType::F32, {3, 5}});
  EXPECT_EQ(reinterpret_cast<uintptr_t>(tensor.data()) % HostTensor::kAlignment,
            0u);
  for (int64_t i = 0; i < 15; ++i)
    EXPECT_EQ(tensor.getValue(i), 0.0);
  HostTensor empty(HostTensorType{ElementType::F32, {0, 4}});
  EXPECT_NE(empty.data(), nullptr);
  EXPECT_EQ(empty.getSizeInBytes(), 0u);
}

TEST(HostTensor, ValuesRoundPerElementType) {
  HostTensor f16(HostTensorType{ElementType::F16, {2}});
  f16.setValue(0, 1.0 + 1.0 / 4096); // Below half an f16 ulp: rounds down.
  f16.setValue(1, 70000.0);          // Overflows to infinity.
  EXPECT_EQ(f16.getValue(0), 1.0);
  EXPECT_TRUE(std::isinf(f16.getValue(1)));

  HostTensor bf16(HostTensorType{ElementType::BF16, {1}});
  bf16.setValue(0, 3.0);
  EXPECT_EQ(bf16.getValue(0), 3.0);

  HostTensor f64(HostTensorType{ElementType::F64, {1}});
  f64.setValue(0, 0.1);
  EXPECT_EQ(f64.getValue(0), 0.1);
}

TEST(HostTensor, CloneAndConvert) {
  HostTensor tensor(HostTensorType{ElementType::F32, {4}});
  for (int64_t i = 0; i < 4; ++i)
    tensor.setValue(i, 0.5 * i);
  HostTensor copy = tensor.clone();
  copy.setValue(0, 9.0);
  EXPECT_EQ(tensor.getValue(0), 0.0);
  HostTensor half = tensor.convertTo(ElementType::F16);
  EXPECT_EQ(half.getType(), (HostTensorType{ElementType::F16, {4}}));
  for (int64_t i = 0; i < 4; ++i)
    EXPECT_EQ(half.getValue(i), 0.5 * i);
}

} // namespace
