// Convolution, 2-D, N = 2, group 2, strides [2, 3], dilations [2, 1],
// asymmetric pads, bias.

// RUN: tconv-run %s --random-inputs=35 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x4x9x10xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>)
    -> tensor<2x6x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 3] pads = [1, 0, 2, 2] dilations = [2, 1]
      group = 2
      : (tensor<2x4x9x10xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<2x6x4x4xf32>
  return %y : tensor<2x6x4x4xf32>
}
