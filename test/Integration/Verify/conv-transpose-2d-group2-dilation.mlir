// 2-D, group 2 (4 -> 6 channels, C_out / group = 3 > 1: the filter must be
// regrouped), dilations [2, 1], asymmetric pads, no bias.

// RUN: tconv-run %s --random-inputs=13 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=13 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=13 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x4x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x6x9x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [3, 1, 0, 2] dilations = [2, 1]
      output_padding = [1, 0] group = 2
      : (tensor<1x4x4x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x6x9x8xf32>
  return %y : tensor<1x6x9x8xf32>
}
