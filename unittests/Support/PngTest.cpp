//===- PngTest.cpp - PNG reader and writer --------------------------------===//

#include "tconv/Support/Png.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <png.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace mlir::tconv;

namespace {

class PngTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tconv-png", dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir); }

  std::string path(llvm::StringRef name) {
    llvm::SmallString<128> p(dir);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }

  /// Writes a PNG with libpng's simplified API, independently of
  /// writePngFile: `format` is a PNG_FORMAT_* value, `pixels` interleaved.
  void writeRaw(const std::string &file, png_uint_32 format, int width,
                int height, const void *pixels, const void *colormap = nullptr,
                int colormapEntries = 0) {
    png_image image;
    std::memset(&image, 0, sizeof(image));
    image.version = PNG_IMAGE_VERSION;
    image.width = width;
    image.height = height;
    image.format = format;
    image.colormap_entries = colormapEntries;
    ASSERT_TRUE(
        png_image_write_to_file(&image, file.c_str(), 0, pixels, 0, colormap))
        << image.message;
  }

  std::string readError(const std::string &file, int64_t channels = 3) {
    llvm::Expected<HostTensor> tensor =
        readPngFile(file, channels, ElementType::F32);
    if (tensor) {
      ADD_FAILURE() << "read unexpectedly succeeded";
      return "";
    }
    return llvm::toString(tensor.takeError());
  }

  llvm::SmallString<128> dir;
};

TEST_F(PngTest, RgbRoundTrip) {
  HostTensor image(HostTensorType{ElementType::F32, {1, 3, 2, 3}});
  for (int64_t i = 0; i < 18; ++i)
    image.setValue(i, i / 17.0);
  ASSERT_FALSE(!!writePngFile(path("rgb.png"), image));

  llvm::Expected<HostTensor> back =
      readPngFile(path("rgb.png"), 3, ElementType::F32);
  ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
  EXPECT_EQ(back->getType(), image.getType());
  for (int64_t i = 0; i < 18; ++i)
    EXPECT_EQ(back->getValue(i),
              static_cast<float>(std::round(i / 17.0 * 255) / 255.0))
        << i;
}

TEST_F(PngTest, StoresPlanarTensorsAsInterleavedPixels) {
  // Red at (0,0), green at (0,1): channel planes become RGB triples.
  HostTensor image(HostTensorType{ElementType::F32, {1, 3, 1, 2}});
  image.setValue(0, 1.0); // R plane, x=0
  image.setValue(3, 1.0); // G plane, x=1
  ASSERT_FALSE(!!writePngFile(path("rg.png"), image));
  png_image raw;
  std::memset(&raw, 0, sizeof(raw));
  raw.version = PNG_IMAGE_VERSION;
  ASSERT_TRUE(png_image_begin_read_from_file(&raw, path("rg.png").c_str()));
  raw.format = PNG_FORMAT_RGB;
  uint8_t pixels[6];
  ASSERT_TRUE(png_image_finish_read(&raw, nullptr, pixels, 0, nullptr));
  EXPECT_EQ(std::vector<uint8_t>(pixels, pixels + 6),
            (std::vector<uint8_t>{255, 0, 0, 0, 255, 0}));
}

TEST_F(PngTest, ClampsAndRoundsOnWrite) {
  HostTensor image(HostTensorType{ElementType::F16, {1, 1, 1, 4}});
  image.setValue(0, -0.5);
  image.setValue(1, 2.0);
  image.setValue(2, NAN);
  image.setValue(3, 0.5);
  ASSERT_FALSE(!!writePngFile(path("gray.png"), image));
  llvm::Expected<HostTensor> back =
      readPngFile(path("gray.png"), 1, ElementType::F64);
  ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
  EXPECT_EQ(back->getType(), (HostTensorType{ElementType::F64, {1, 1, 1, 4}}));
  EXPECT_EQ(back->getValue(0), 0.0);
  EXPECT_EQ(back->getValue(1), 1.0);
  EXPECT_EQ(back->getValue(2), 0.0);
  EXPECT_NEAR(back->getValue(3), 128 / 255.0, 1e-12);
}

TEST_F(PngTest, GrayIsReplicatedAndColorBecomesLuma) {
  uint8_t gray[2] = {0, 51};
  writeRaw(path("g.png"), PNG_FORMAT_GRAY, 2, 1, gray);
  llvm::Expected<HostTensor> rgb =
      readPngFile(path("g.png"), 3, ElementType::F32);
  ASSERT_TRUE(!!rgb) << llvm::toString(rgb.takeError());
  for (int c = 0; c < 3; ++c)
    EXPECT_FLOAT_EQ(rgb->getValue(c * 2 + 1), 0.2f);

  uint8_t color[3] = {255, 0, 0};
  writeRaw(path("c.png"), PNG_FORMAT_RGB, 1, 1, color);
  llvm::Expected<HostTensor> luma =
      readPngFile(path("c.png"), 1, ElementType::F32);
  ASSERT_TRUE(!!luma) << llvm::toString(luma.takeError());
  EXPECT_FLOAT_EQ(luma->getValue(0), 0.299f);
}

TEST_F(PngTest, DropsAlphaAndExpandsPalettes) {
  uint8_t rgba[8] = {10, 20, 30, 0, 40, 50, 60, 255};
  writeRaw(path("a.png"), PNG_FORMAT_RGBA, 2, 1, rgba);
  llvm::Expected<HostTensor> image =
      readPngFile(path("a.png"), 3, ElementType::F32);
  ASSERT_TRUE(!!image) << llvm::toString(image.takeError());
  EXPECT_FLOAT_EQ(image->getValue(0), 10 / 255.0f); // R, x=0, alpha 0
  EXPECT_FLOAT_EQ(image->getValue(5), 60 / 255.0f); // B, x=1

  uint8_t ga[2] = {100, 7};
  writeRaw(path("ga.png"), PNG_FORMAT_GA, 1, 1, ga);
  image = readPngFile(path("ga.png"), 3, ElementType::F32);
  ASSERT_TRUE(!!image) << llvm::toString(image.takeError());
  EXPECT_FLOAT_EQ(image->getValue(2), 100 / 255.0f);

  uint8_t colormap[6] = {0, 0, 0, 255, 128, 0};
  uint8_t indices[3] = {1, 0, 1};
  writeRaw(path("p.png"), PNG_FORMAT_RGB_COLORMAP, 3, 1, indices, colormap, 2);
  image = readPngFile(path("p.png"), 3, ElementType::F32);
  ASSERT_TRUE(!!image) << llvm::toString(image.takeError());
  EXPECT_EQ(image->getType(), (HostTensorType{ElementType::F32, {1, 3, 1, 3}}));
  EXPECT_FLOAT_EQ(image->getValue(0), 1.0f);             // R, x=0
  EXPECT_FLOAT_EQ(image->getValue(3 + 0), 128 / 255.0f); // G, x=0
  EXPECT_FLOAT_EQ(image->getValue(1), 0.0f);             // R, x=1
}

TEST_F(PngTest, KeepsSixteenBitPrecision) {
  uint16_t samples[3] = {0, 1, 65535};
  writeRaw(path("16.png"), PNG_FORMAT_LINEAR_Y, 3, 1, samples);
  llvm::Expected<HostTensor> image =
      readPngFile(path("16.png"), 1, ElementType::F64);
  ASSERT_TRUE(!!image) << llvm::toString(image.takeError());
  EXPECT_EQ(image->getValue(0), 0.0);
  EXPECT_NEAR(image->getValue(1), 1 / 65535.0, 1e-12);
  EXPECT_NEAR(image->getValue(2), 1.0, 1e-12);
}

TEST_F(PngTest, ReportsBadFiles) {
  EXPECT_EQ(readError(path("missing.png")),
            path("missing.png") + ": cannot read: No such file or directory");

  {
    std::error_code ec;
    llvm::raw_fd_ostream os(path("text.png"), ec);
    os << "definitely not a png";
  }
  EXPECT_EQ(readError(path("text.png")),
            path("text.png") + ": not a PNG file (bad signature)");

  HostTensor image(HostTensorType{ElementType::F32, {1, 3, 16, 16}});
  ASSERT_FALSE(!!writePngFile(path("full.png"), image));
  auto full = llvm::MemoryBuffer::getFile(path("full.png"));
  ASSERT_TRUE(!!full);
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(path("cut.png"), ec);
    os << (*full)->getBuffer().substr(0, (*full)->getBufferSize() / 2);
  }
  std::string cut = readError(path("cut.png"));
  EXPECT_EQ(cut.rfind(path("cut.png") + ": invalid PNG: ", 0), 0u) << cut;

  EXPECT_EQ(readError(path("full.png"), 2),
            path("full.png") + ": PNG images become 1 or 3 channels, not 2");
}

TEST_F(PngTest, RejectsNonImageTensors) {
  HostTensor tensor(HostTensorType{ElementType::F32, {1, 2, 4, 4}});
  llvm::Error err = writePngFile(path("x.png"), tensor);
  ASSERT_TRUE(!!err);
  EXPECT_EQ(llvm::toString(std::move(err)),
            path("x.png") + ": a PNG image needs a 1x3xHxW or 1x1xHxW "
                            "tensor, got tensor<1x2x4x4xf32>");
  err =
      writePngFile(path("no/such/dir.png"),
                   HostTensor(HostTensorType{ElementType::F32, {1, 1, 2, 2}}));
  ASSERT_TRUE(!!err);
  EXPECT_EQ(llvm::toString(std::move(err)),
            path("no/such/dir.png") +
                ": cannot write: No such file or directory");
}

} // namespace
