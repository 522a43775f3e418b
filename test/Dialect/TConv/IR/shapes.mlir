// RUN: tconv-opt %s -split-input-file | FileCheck %s

// The size examples of the seed documents as tests of the shape formulas
// (ConvGeometry.h): each op verifies only if its declared result type is the
// one the formula gives. shapes-invalid.mlir declares wrong types for the same
// ops and checks the inferred type in the diagnostic.
//   conv:           O = floor((I + p_begin + p_end - ((k - 1) * d + 1)) / s) + 1
//   conv_transpose: O = s * (I - 1) + output_padding + (k - 1) * d + 1 - p_begin - p_end

// 1-D: [x1, x2] with kernel [w1, w2, w3], s = 2, p = 1 gives
// [x1*w2, x1*w3 + x2*w1, x2*w2]: 2 * (2 - 1) + 3 - 2 * 1 = 3.
// CHECK-LABEL: func.func @seed_1d_s2_p1(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x3xf32>
func.func @seed_1d_s2_p1(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// 2x2 -> 4x4 with k = 2, s = 2: the four kernel copies tile without overlap.
// CHECK-LABEL: func.func @seed_2x2_k2_s2(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x4x4xf32>
func.func @seed_2x2_k2_s2(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// 2x2 -> 3x3 with k = 2, s = 1: the kernel copies overlap in the middle.
// CHECK-LABEL: func.func @seed_2x2_k2_s1(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x3x3xf32>
func.func @seed_2x2_k2_s1(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32> {
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// Direct convolution 4x4 -> 2x2 with k = 3, s = 1, and its transpose
// 2x2 -> 4x4 with the same filter shape.
// CHECK-LABEL: func.func @seed_conv_4x4_k3_and_back(
// CHECK:         %[[DOWN:.+]] = tconv.conv {{.+}} -> tensor<1x1x2x2xf32>
// CHECK:         tconv.conv_transpose %[[DOWN]], {{.+}} -> tensor<1x1x4x4xf32>
func.func @seed_conv_4x4_k3_and_back(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %down = tconv.conv %x, %w : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  %up = tconv.conv_transpose %down, %w : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %up : tensor<1x1x4x4xf32>
}

// -----

// The same 2x2 -> 4x4 as a direct convolution of the input padded to 6x6.
// CHECK-LABEL: func.func @seed_2x2_padded_to_6x6(
// CHECK:         tconv.conv {{.+}} pads = [2, 2, 2, 2] {{.+}} -> tensor<1x1x4x4xf32>
func.func @seed_2x2_padded_to_6x6(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %y = tconv.conv %x, %w pads = [2, 2, 2, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// Fractionally strided: 2x2 -> 5x5 with k = 3, s = 2 ...
// CHECK-LABEL: func.func @seed_2x2_k3_s2(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x5x5xf32>
func.func @seed_2x2_k3_s2(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// -----

// ... equal to a direct convolution of the zero-inserted (3x3) input padded
// by k - 1 = 2 on each side (7x7).
// CHECK-LABEL: func.func @seed_zero_inserted_7x7(
// CHECK:         tconv.conv {{.+}} -> tensor<1x1x5x5xf32>
func.func @seed_zero_inserted_7x7(%x: tensor<1x1x7x7xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32> {
  %y = tconv.conv %x, %w : (tensor<1x1x7x7xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

// -----

// DCGAN generator block: k = 4, s = 2, p = 1 doubles the size, 8 -> 16.
// CHECK-LABEL: func.func @dcgan_up_8_to_16(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x64x16x16xf32>
func.func @dcgan_up_8_to_16(%x: tensor<1x128x8x8xf32>, %w: tensor<128x64x4x4xf32>, %b: tensor<64xf32>) -> tensor<1x64x16x16xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x128x8x8xf32>, tensor<128x64x4x4xf32>, tensor<64xf32>) -> tensor<1x64x16x16xf32>
  return %y : tensor<1x64x16x16xf32>
}

// -----

// DCGAN discriminator block, the adjoint: 16 -> 8.
// CHECK-LABEL: func.func @dcgan_down_16_to_8(
// CHECK:         tconv.conv {{.+}} -> tensor<1x128x8x8xf32>
func.func @dcgan_down_16_to_8(%x: tensor<1x64x16x16xf32>, %w: tensor<128x64x4x4xf32>) -> tensor<1x128x8x8xf32> {
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x64x16x16xf32>, tensor<128x64x4x4xf32>) -> tensor<1x128x8x8xf32>
  return %y : tensor<1x128x8x8xf32>
}

// -----

// A k = 3, s = 2, p = 1 convolution maps both 7 and 8 to 4 (floor) ...
// CHECK-LABEL: func.func @conv_floor_7_and_8_to_4(
// CHECK:         tconv.conv {{.+}} -> tensor<1x1x4x4xf32>
func.func @conv_floor_7_and_8_to_4(%x: tensor<1x1x7x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x1x7x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// ... so its transpose gives 7, and output_padding = 1 selects 8.
// CHECK-LABEL: func.func @output_padding_4_to_7_or_8(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x7x8xf32>
func.func @output_padding_4_to_7_or_8(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] output_padding = [0, 1]
      : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x8xf32>
  return %y : tensor<1x1x7x8xf32>
}

// -----

// Dilation 2 spreads a 3-tap kernel over 5: 4 -> 3 + 5 = 8, and back 8 -> 4.
// CHECK-LABEL: func.func @dilation_4_to_8_and_back(
// CHECK:         %[[UP:.+]] = tconv.conv_transpose {{.+}} dilations = [2, 2] {{.+}} -> tensor<1x1x8x8xf32>
// CHECK:         tconv.conv %[[UP]], {{.+}} dilations = [2, 2] {{.+}} -> tensor<1x1x4x4xf32>
func.func @dilation_4_to_8_and_back(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  %up = tconv.conv_transpose %x, %w dilations = [2, 2] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32>
  %down = tconv.conv %up, %w dilations = [2, 2] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %down : tensor<1x1x4x4xf32>
}

// -----

// With s = 1 and d = 2, output_padding 1 is allowed: 3 + 1 + 5 = 9.
// CHECK-LABEL: func.func @dilation_output_padding(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x9xf32>
func.func @dilation_output_padding(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x9xf32> {
  %y = tconv.conv_transpose %x, %w dilations = [2] output_padding = [1] : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x9xf32>
  return %y : tensor<1x1x9xf32>
}

// -----

// Stride larger than the kernel: 3 * (3 - 1) + 2 = 8, one output in three
// has no tap.
// CHECK-LABEL: func.func @stride_larger_than_kernel(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x1x8xf32>
func.func @stride_larger_than_kernel(%x: tensor<1x1x3xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [3] : (tensor<1x1x3xf32>, tensor<1x1x2xf32>) -> tensor<1x1x8xf32>
  return %y : tensor<1x1x8xf32>
}

// -----

// Vocoder-style 1-D upsampling by 8 (k = 16, s = 8, p = 4): 100 -> 800.
// CHECK-LABEL: func.func @vocoder_upsample_x8(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x256x800xf32>
func.func @vocoder_upsample_x8(%x: tensor<1x512x100xf32>, %w: tensor<512x256x16xf32>) -> tensor<1x256x800xf32> {
  %y = tconv.conv_transpose %x, %w strides = [8] pads = [4, 4] : (tensor<1x512x100xf32>, tensor<512x256x16xf32>) -> tensor<1x256x800xf32>
  return %y : tensor<1x256x800xf32>
}

// -----

// 3-D, k = 4, s = 2, p = 1: 4x4x4 -> 8x8x8.
// CHECK-LABEL: func.func @up_3d_k4_s2_p1(
// CHECK:         tconv.conv_transpose {{.+}} -> tensor<1x8x8x8x8xf32>
func.func @up_3d_k4_s2_p1(%x: tensor<1x16x4x4x4xf32>, %w: tensor<16x8x4x4x4xf32>) -> tensor<1x8x8x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1]
      : (tensor<1x16x4x4x4xf32>, tensor<16x8x4x4x4xf32>) -> tensor<1x8x8x8x8xf32>
  return %y : tensor<1x8x8x8x8xf32>
}
