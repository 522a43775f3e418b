// 3-D depthwise, k 3, s 2, p 1, output_padding 1 (phases of 1 and 2 taps
// in each dim, zero taps padded in), rows of 12: the row schedule with
// guarded rows in two outer dims.

// RUN: tconv-run %s --random-inputs=43 --verify --threads=2 | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5x3x6xf32>, %w: tensor<4x1x3x3x3xf32>)
    -> tensor<1x4x10x6x12xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1]
      output_padding = [1, 1, 1] group = 4
      : (tensor<1x4x5x3x6xf32>, tensor<4x1x3x3x3xf32>) -> tensor<1x4x10x6x12xf32>
  return %y : tensor<1x4x10x6x12xf32>
}
