// Transposed convolution, 2-D, 4x4 stride 2, 3 output channels, bias: its
// phases run NCHW with width vectors, each pair writing alternate columns
// of the same rows in one tile, their accumulators interleaved into whole
// rows; 19 columns a phase: a full vector and a remainder of 3, whose pair
// interleaves 3 + 3 lanes. A second result of odd width (phases of 18 and
// 17 columns, unequal, so unpaired) stores each phase spread out and masked.

// RUN: tconv-run %s --random-inputs=59 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok
// CHECK: verify result #1: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x7x19xf32>, %w: tensor<5x3x4x4xf32>, %b: tensor<3xf32>,
                %x2: tensor<1x5x7x17xf32>) -> (tensor<1x3x14x38xf32>, tensor<1x3x14x35xf32>) {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x5x7x19xf32>, tensor<5x3x4x4xf32>, tensor<3xf32>) -> tensor<1x3x14x38xf32>
  %y2 = tconv.conv_transpose %x2, %w strides = [2, 2] pads = [1, 1, 1, 1] output_padding = [0, 1]
      : (tensor<1x5x7x17xf32>, tensor<5x3x4x4xf32>) -> tensor<1x3x14x35xf32>
  return %y, %y2 : tensor<1x3x14x38xf32>, tensor<1x3x14x35xf32>
}
