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
                        ElementType::F64})
    EXPECT_EQ(parseElementTypeName(getElementTypeName(e)), e);
  EXPECT_EQ(parseElementTypeName("i32"), std::nullopt);
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
