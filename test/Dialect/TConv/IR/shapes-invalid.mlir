// RUN: tconv-opt %s -split-input-file -verify-diagnostics

// The ops of shapes.mlir with a plausible but wrong result type: the
// diagnostic must name the type the shape formula infers.

// Forgetting the pads: 2 * (2 - 1) + 3 = 5, cropped by 1 + 1 to 3.
func.func @seed_1d_s2_p1(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x5xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x5xf32>' differs from the inferred type 'tensor<1x1x3xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
  return %y : tensor<1x1x5xf32>
}

// -----

func.func @seed_2x2_k2_s2(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x3x3xf32>' differs from the inferred type 'tensor<1x1x4x4xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

func.func @seed_2x2_k2_s1(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x4x4xf32>' differs from the inferred type 'tensor<1x1x3x3xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @seed_conv_4x4_k3(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x4x4xf32>' differs from the inferred type 'tensor<1x1x2x2xf32>'}}
  %y = tconv.conv %x, %w : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @seed_conv_4x4_k3_back(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x2x2xf32>' differs from the inferred type 'tensor<1x1x4x4xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @seed_2x2_padded_to_6x6(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x6x6xf32>' differs from the inferred type 'tensor<1x1x4x4xf32>'}}
  %y = tconv.conv %x, %w pads = [2, 2, 2, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

// The seed's 7x7 is the padded input, not the output.
func.func @seed_2x2_k3_s2(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x7xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x7x7xf32>' differs from the inferred type 'tensor<1x1x5x5xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x7xf32>
  return %y : tensor<1x1x7x7xf32>
}

// -----

func.func @seed_zero_inserted_7x7(%x: tensor<1x1x7x7xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x7xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x7x7xf32>' differs from the inferred type 'tensor<1x1x5x5xf32>'}}
  %y = tconv.conv %x, %w : (tensor<1x1x7x7xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x7xf32>
  return %y : tensor<1x1x7x7xf32>
}

// -----

// Without the crop of p = 1 on each side it would be 18.
func.func @dcgan_up_8_to_16(%x: tensor<1x128x8x8xf32>, %w: tensor<128x64x4x4xf32>, %b: tensor<64xf32>) -> tensor<1x64x18x18xf32> {
  // expected-error @+1 {{result type 'tensor<1x64x18x18xf32>' differs from the inferred type 'tensor<1x64x16x16xf32>'}}
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x128x8x8xf32>, tensor<128x64x4x4xf32>, tensor<64xf32>) -> tensor<1x64x18x18xf32>
  return %y : tensor<1x64x18x18xf32>
}

// -----

func.func @dcgan_down_16_to_8(%x: tensor<1x64x16x16xf32>, %w: tensor<128x64x4x4xf32>) -> tensor<1x128x7x7xf32> {
  // expected-error @+1 {{result type 'tensor<1x128x7x7xf32>' differs from the inferred type 'tensor<1x128x8x8xf32>'}}
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x64x16x16xf32>, tensor<128x64x4x4xf32>) -> tensor<1x128x7x7xf32>
  return %y : tensor<1x128x7x7xf32>
}

// -----

// Rounding up instead of down would give 5 for the 8-wide dim.
func.func @conv_floor_7_and_8_to_4(%x: tensor<1x1x7x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x5xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x4x5xf32>' differs from the inferred type 'tensor<1x1x4x4xf32>'}}
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x1x7x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x5xf32>
  return %y : tensor<1x1x4x5xf32>
}

// -----

// Without output_padding the transpose cannot restore 8.
func.func @output_padding_missing(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x8xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x7x8xf32>' differs from the inferred type 'tensor<1x1x7x7xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x8xf32>
  return %y : tensor<1x1x7x8xf32>
}

// -----

// output_padding = 1 adds one element at the end of the dim, not one per side.
func.func @output_padding_one_side(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x9xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x7x9xf32>' differs from the inferred type 'tensor<1x1x7x8xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] output_padding = [0, 1]
      : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x9xf32>
  return %y : tensor<1x1x7x9xf32>
}

// -----

// Ignoring the dilation would give 6.
func.func @dilation_transpose(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x6x6xf32>' differs from the inferred type 'tensor<1x1x8x8xf32>'}}
  %y = tconv.conv_transpose %x, %w dilations = [2, 2] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

func.func @dilation_conv(%x: tensor<1x1x8x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x6x6xf32>' differs from the inferred type 'tensor<1x1x4x4xf32>'}}
  %y = tconv.conv %x, %w dilations = [2, 2] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

func.func @dilation_output_padding(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x8xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x8xf32>' differs from the inferred type 'tensor<1x1x9xf32>'}}
  %y = tconv.conv_transpose %x, %w dilations = [2] output_padding = [1] : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x8xf32>
  return %y : tensor<1x1x8xf32>
}

// -----

// Treating the stride as an upsampling factor (3 * 3) is wrong: the last
// input contributes only the kernel, 3 * (3 - 1) + 2 = 8.
func.func @stride_larger_than_kernel(%x: tensor<1x1x3xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x9xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x9xf32>' differs from the inferred type 'tensor<1x1x8xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [3] : (tensor<1x1x3xf32>, tensor<1x1x2xf32>) -> tensor<1x1x9xf32>
  return %y : tensor<1x1x9xf32>
}

// -----

// Output channels come from filter dim 1, not dim 0.
func.func @vocoder_upsample_x8(%x: tensor<1x512x100xf32>, %w: tensor<512x256x16xf32>) -> tensor<1x512x800xf32> {
  // expected-error @+1 {{result type 'tensor<1x512x800xf32>' differs from the inferred type 'tensor<1x256x800xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [8] pads = [4, 4] : (tensor<1x512x100xf32>, tensor<512x256x16xf32>) -> tensor<1x512x800xf32>
  return %y : tensor<1x512x800xf32>
}

// -----

func.func @up_3d_k4_s2_p1(%x: tensor<1x16x4x4x4xf32>, %w: tensor<16x8x4x4x4xf32>) -> tensor<1x8x8x8x10xf32> {
  // expected-error @+1 {{result type 'tensor<1x8x8x8x10xf32>' differs from the inferred type 'tensor<1x8x8x8x8xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1]
      : (tensor<1x16x4x4x4xf32>, tensor<16x8x4x4x4xf32>) -> tensor<1x8x8x8x10xf32>
  return %y : tensor<1x8x8x8x10xf32>
}
