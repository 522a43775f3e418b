//===- Png.cpp - PNG images as tensors ------------------------------------===//

#include "tconv/Support/Png.h"

#include "llvm/ADT/Twine.h"

#include <png.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

using namespace mlir::tconv;
using llvm::Twine;

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

namespace {
/// Everything decodePng produces, owned outside its setjmp frame.
struct PngReadState {
  std::string error;
  std::vector<uint8_t> pixels; // Interleaved RGB rows, big-endian if 16-bit.
  std::vector<png_bytep> rows;
  png_uint_32 width = 0;
  png_uint_32 height = 0;
  int bitDepth = 0;
  bool gray = false; // The file stores gray samples (replicated to RGB).
  // Limits checked before the pixels are allocated.
  std::optional<uint64_t> fileSize; // Regular files only.
  uint64_t maxBytes = UINT64_MAX;
  size_t tensorElementBytes = 0;
  int64_t tensorChannels = 0;
};

/// Closes a FILE on scope exit.
struct FileCloser {
  void operator()(FILE *file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;
} // namespace

// Large enough for any real photo, small enough that a forged header cannot
// make us allocate gigabytes.
static constexpr uint64_t kMaxPixels = uint64_t(1) << 28;
// Deflate's largest compression ratio (258-byte matches in 2-bit codes).
static constexpr uint64_t kMaxDeflateRatio = 1032;

static void onPngError(png_structp png, png_const_charp message) {
  static_cast<PngReadState *>(png_get_error_ptr(png))->error = message;
  png_longjmp(png, 1);
}

static void onPngWarning(png_structp, png_const_charp) {}

/// Decodes an opened PNG (signature already consumed) to 8- or 16-bit RGB.
/// libpng reports errors by longjmp to the setjmp below: this frame holds
/// only trivially destructible locals that are not modified after setjmp.
static bool decodePng(FILE *file, PngReadState &state) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state,
                                           onPngError, onPngWarning);
  if (!png) {
    state.error = "cannot initialize libpng";
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (!info) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    state.error = "cannot initialize libpng";
    return false;
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    return false;
  }
  png_init_io(png, file);
  png_set_sig_bytes(png, 8);
  png_read_info(png, info);

  int colorType = png_get_color_type(png, info);
  if (colorType == PNG_COLOR_TYPE_PALETTE)
    png_set_palette_to_rgb(png);
  state.gray = colorType == PNG_COLOR_TYPE_GRAY ||
               colorType == PNG_COLOR_TYPE_GRAY_ALPHA;
  if (state.gray) {
    png_set_expand_gray_1_2_4_to_8(png);
    png_set_gray_to_rgb(png);
  }
  png_set_strip_alpha(png);
  png_set_interlace_handling(png);
  png_read_update_info(png, info);

  state.width = png_get_image_width(png, info);
  state.height = png_get_image_height(png, info);
  state.bitDepth = png_get_bit_depth(png, info);
  uint64_t pixels = uint64_t(state.width) * state.height;
  if (pixels > kMaxPixels)
    png_error(png, "image too large");
  // Every pixel takes at least one bit of deflate output, and deflate expands
  // at most kMaxDeflateRatio times: a forged header declares more.
  if (state.fileSize && pixels > 8 * kMaxDeflateRatio * *state.fileSize)
    png_error(png, "the header declares more pixels than the file can hold");
  size_t rowBytes = png_get_rowbytes(png, info);
  uint64_t needed = uint64_t(rowBytes) * state.height +
                    pixels * state.tensorChannels * state.tensorElementBytes;
  if (needed > state.maxBytes) {
    state.error = "decoding " + std::to_string(state.width) + "x" +
                  std::to_string(state.height) + " pixels needs " +
                  std::to_string(needed) + " bytes, more than the limit of " +
                  std::to_string(state.maxBytes);
    png_longjmp(png, 1);
  }
  if (png_get_channels(png, info) != 3 ||
      (state.bitDepth != 8 && state.bitDepth != 16) ||
      rowBytes != size_t(state.width) * 3 * (state.bitDepth / 8))
    png_error(png, "unexpected sample layout after conversion to RGB");
  state.pixels.resize(rowBytes * state.height);
  state.rows.resize(state.height);
  for (png_uint_32 y = 0; y < state.height; ++y)
    state.rows[y] = state.pixels.data() + y * rowBytes;
  png_read_image(png, state.rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return true;
}

llvm::Expected<HostTensor> mlir::tconv::readPngFile(llvm::StringRef path,
                                                    int64_t channels,
                                                    ElementType elementType,
                                                    uint64_t maxBytes) {
  if (channels != 1 && channels != 3)
    return makeError(path + ": PNG images become 1 or 3 channels, not " +
                     Twine(channels));
  FilePtr file(std::fopen(path.str().c_str(), "rb"));
  if (!file)
    return makeError(path + ": cannot read: " + std::strerror(errno));
  png_byte signature[8];
  if (std::fread(signature, 1, 8, file.get()) != 8 ||
      png_sig_cmp(signature, 0, 8) != 0)
    return makeError(path + ": not a PNG file (bad signature)");

  PngReadState state;
  struct stat status;
  if (fstat(fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode))
    state.fileSize = static_cast<uint64_t>(status.st_size);
  state.maxBytes = maxBytes;
  state.tensorChannels = channels;
  state.tensorElementBytes = getElementByteWidth(elementType);
  if (!decodePng(file.get(), state))
    return makeError(path + ": invalid PNG: " + state.error);

  int64_t height = state.height, width = state.width;
  HostTensor tensor(HostTensorType{elementType, {1, channels, height, width}});
  double maxValue = state.bitDepth == 16 ? 65535.0 : 255.0;
  int64_t plane = height * width;
  for (int64_t y = 0; y < height; ++y) {
    const uint8_t *row = state.rows[y];
    for (int64_t x = 0; x < width; ++x) {
      double rgb[3];
      for (int c = 0; c < 3; ++c) {
        const uint8_t *sample = row + (x * 3 + c) * (state.bitDepth / 8);
        unsigned value =
            state.bitDepth == 16 ? (sample[0] << 8) | sample[1] : sample[0];
        rgb[c] = value / maxValue;
      }
      int64_t pixel = y * width + x;
      if (channels == 3) {
        for (int c = 0; c < 3; ++c)
          tensor.setValue(c * plane + pixel, rgb[c]);
      } else if (state.gray) {
        tensor.setValue(pixel, rgb[0]);
      } else {
        // ITU-R BT.601 luma, as common image libraries compute it.
        double luma = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
        tensor.setValue(pixel, std::min(luma, 1.0));
      }
    }
  }
  return std::move(tensor);
}

llvm::Error mlir::tconv::writePngFile(llvm::StringRef path,
                                      const HostTensor &tensor) {
  llvm::ArrayRef<int64_t> shape = tensor.getShape();
  if (shape.size() != 4 || shape[0] != 1 || (shape[1] != 1 && shape[1] != 3))
    return makeError(path +
                     ": a PNG image needs a 1x3xHxW or 1x1xHxW tensor, "
                     "got " +
                     tensor.getType().str());
  int64_t channels = shape[1], height = shape[2], width = shape[3];
  if (uint64_t(height) * uint64_t(width) > kMaxPixels)
    return makeError(path + ": image " + Twine(width) + "x" + Twine(height) +
                     " is too large for a PNG");

  std::vector<uint8_t> pixels(channels * height * width);
  int64_t plane = height * width;
  for (int64_t c = 0; c < channels; ++c)
    for (int64_t pixel = 0; pixel < plane; ++pixel) {
      double value = tensor.getValue(c * plane + pixel);
      value = std::isnan(value) ? 0.0 : std::clamp(value, 0.0, 1.0);
      pixels[pixel * channels + c] =
          static_cast<uint8_t>(std::lround(value * 255.0));
    }

  FilePtr file(std::fopen(path.str().c_str(), "wb"));
  if (!file)
    return makeError(path + ": cannot write: " + std::strerror(errno));
  png_image image;
  std::memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  if (!png_image_write_to_stdio(&image, file.get(), /*convert_to_8bit=*/0,
                                pixels.data(), /*row_stride=*/0,
                                /*colormap=*/nullptr)) {
    std::string message = image.message;
    png_image_free(&image);
    return makeError(path + ": cannot write PNG: " + message);
  }
  if (std::fflush(file.get()) != 0)
    return makeError(path + ": cannot write: " + std::strerror(errno));
  return llvm::Error::success();
}
