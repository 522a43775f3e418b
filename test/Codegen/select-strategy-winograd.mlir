// RUN: tconv-opt %s -split-input-file --tconv-select-strategy="vector-width=16 f-tile=32 ow-tile=14 c-tile=1 bf16-dot=true winograd=true" | FileCheck %s

// Which convolutions run as Winograd F(2x2, r x r) (winograd_tile = 2,
// tconv-winograd-convs): 2-D, ungrouped, f32, a 3x3 or 2x2 kernel at unit
// stride and dilation, an even output size, at least 16 (3x3) or 32 (2x2)
// input and output channels and at least 64 2x2 output tiles over the
// batch. The tile sizes are those of the 1x1 products over the H/2 x W/2
// tiles.

// C2: 28 tiles per row, 14 per step.
// CHECK-LABEL: func.func @c2_3x3(
//       CHECK:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, vector_width = 16 : i64, winograd_tile = 2 : i64}}
func.func @c2_3x3(%x: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}

// -----

// A phase of a stride-2 4x4 transposed convolution (T2's): 2x2, 128 -> 64
// channels; 64 tiles from four images of 8x8 outputs.
// CHECK-LABEL: func.func @phase_2x2(
//       CHECK:   tconv.conv {{.*}}winograd_tile = 2 : i64
func.func @phase_2x2(%x: tensor<4x128x9x9xf32>, %w: tensor<64x128x2x2xf32>) -> tensor<4x64x8x8xf32> {
  %y = tconv.conv %x, %w : (tensor<4x128x9x9xf32>, tensor<64x128x2x2xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

// T3's phases: 2x2, 32 -> 32 channels, 32x32 outputs (256 tiles).
// CHECK-LABEL: func.func @phase_2x2_32(
//       CHECK:   tconv.conv {{.*}}winograd_tile = 2 : i64
func.func @phase_2x2_32(%x: tensor<1x32x33x33xf32>, %w: tensor<32x32x2x2xf32>) -> tensor<1x32x32x32xf32> {
  %y = tconv.conv %x, %w : (tensor<1x32x33x33xf32>, tensor<32x32x2x2xf32>) -> tensor<1x32x32x32xf32>
  return %y : tensor<1x32x32x32xf32>
}

// -----

// The same in bf16 on vdpbf16ps, whose direct products run at twice the
// rate: direct below 64 channels.
// CHECK-LABEL: func.func @phase_2x2_32_bf16(
//   CHECK-NOT:   winograd_tile
//       CHECK:   return
func.func @phase_2x2_32_bf16(%x: tensor<1x32x33x33xbf16>, %w: tensor<32x32x2x2xbf16>) -> tensor<1x32x32x32xbf16> {
  %y = tconv.conv %x, %w : (tensor<1x32x33x33xbf16>, tensor<32x32x2x2xbf16>) -> tensor<1x32x32x32xbf16>
  return %y : tensor<1x32x32x32xbf16>
}

// -----

// bf16 with vdpbf16ps: the products take the dot schedule, 6 positions x 64
// channels, 4 pairs of input channels per step (one tap).
// CHECK-LABEL: func.func @bf16_dot(
//       CHECK:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 8 : i64, dot_width = 2 : i64, f_tile = 64 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 6 : i64, vector_width = 16 : i64, winograd_tile = 2 : i64}}
func.func @bf16_dot(%x: tensor<1x64x56x56xbf16>, %w: tensor<64x64x3x3xbf16>) -> tensor<1x64x56x56xbf16> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x64x56x56xbf16>, tensor<64x64x3x3xbf16>) -> tensor<1x64x56x56xbf16>
  return %y : tensor<1x64x56x56xbf16>
}

// -----

// Too few input channels (15), too few output channels (8), an odd output
// size, stride 2, dilation 2, a 5x5 kernel, 2 groups, bf16 with 8 output
// channels (no vdpbf16ps schedule), f64, 1-D, 2x2
// with 16 input channels, too few tiles (48: 3 images of 8x8
// outputs, T1's phases at N = 1 have 16): direct.
// CHECK-LABEL: func.func @direct(
//   CHECK-NOT:   winograd_tile
//       CHECK:   return
func.func @direct(%x15: tensor<1x15x16x16xf32>, %w15: tensor<16x15x3x3xf32>,
                  %x: tensor<1x16x16x16xf32>, %w8: tensor<8x16x3x3xf32>,
                  %w: tensor<16x16x3x3xf32>, %w5: tensor<16x16x5x5xf32>,
                  %wg: tensor<16x8x3x3xf32>, %xb: tensor<1x16x16x16xbf16>,
                  %wb: tensor<8x16x3x3xbf16>, %xd: tensor<1x16x16x16xf64>,
                  %wd: tensor<16x16x3x3xf64>, %x1: tensor<1x16x16xf32>,
                  %w1: tensor<16x16x3xf32>, %x17: tensor<1x16x17x17xf32>,
                  %w2: tensor<32x16x2x2xf32>, %x3: tensor<3x16x8x8xf32>)
    -> (tensor<1x16x16x16xf32>, tensor<1x8x16x16xf32>, tensor<1x16x15x15xf32>,
        tensor<1x16x8x8xf32>, tensor<1x16x16x16xf32>, tensor<1x16x16x16xf32>,
        tensor<1x16x16x16xf32>, tensor<1x8x16x16xbf16>, tensor<1x16x16x16xf64>,
        tensor<1x16x16xf32>, tensor<1x32x16x16xf32>, tensor<3x16x8x8xf32>) {
  %a = tconv.conv %x15, %w15 pads = [1, 1, 1, 1] : (tensor<1x15x16x16xf32>, tensor<16x15x3x3xf32>) -> tensor<1x16x16x16xf32>
  %b = tconv.conv %x, %w8 pads = [1, 1, 1, 1] : (tensor<1x16x16x16xf32>, tensor<8x16x3x3xf32>) -> tensor<1x8x16x16xf32>
  %c = tconv.conv %x, %w pads = [0, 0, 1, 1] : (tensor<1x16x16x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x15x15xf32>
  %d = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x16x16x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x8x8xf32>
  %e = tconv.conv %x, %w pads = [2, 2, 2, 2] dilations = [2, 2] : (tensor<1x16x16x16xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x16x16xf32>
  %f = tconv.conv %x, %w5 pads = [2, 2, 2, 2] : (tensor<1x16x16x16xf32>, tensor<16x16x5x5xf32>) -> tensor<1x16x16x16xf32>
  %g = tconv.conv %x, %wg pads = [1, 1, 1, 1] group = 2 : (tensor<1x16x16x16xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32>
  %h = tconv.conv %xb, %wb pads = [1, 1, 1, 1] : (tensor<1x16x16x16xbf16>, tensor<8x16x3x3xbf16>) -> tensor<1x8x16x16xbf16>
  %i = tconv.conv %xd, %wd pads = [1, 1, 1, 1] : (tensor<1x16x16x16xf64>, tensor<16x16x3x3xf64>) -> tensor<1x16x16x16xf64>
  %j = tconv.conv %x1, %w1 pads = [1, 1] : (tensor<1x16x16xf32>, tensor<16x16x3xf32>) -> tensor<1x16x16xf32>
  %k = tconv.conv %x17, %w2 : (tensor<1x16x17x17xf32>, tensor<32x16x2x2xf32>) -> tensor<1x32x16x16xf32>
  %l = tconv.conv %x3, %w pads = [1, 1, 1, 1] : (tensor<3x16x8x8xf32>, tensor<16x16x3x3xf32>) -> tensor<3x16x8x8xf32>
  return %a, %b, %c, %d, %e, %f, %g, %h, %i, %j, %k, %l : tensor<1x16x16x16xf32>, tensor<1x8x16x16xf32>, tensor<1x16x15x15xf32>,
      tensor<1x16x8x8xf32>, tensor<1x16x16x16xf32>, tensor<1x16x16x16xf32>, tensor<1x16x16x16xf32>,
      tensor<1x8x16x16xbf16>, tensor<1x16x16x16xf64>, tensor<1x16x16xf32>, tensor<1x32x16x16xf32>,
      tensor<3x16x8x8xf32>
}
