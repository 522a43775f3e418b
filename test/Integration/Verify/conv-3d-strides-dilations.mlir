// Convolution, 3-D, strides [1, 2, 2], dilations [1, 1, 2], asymmetric pads,
// bias.

// RUN: tconv-run %s --random-inputs=41 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x4x6x7xf32>, %w: tensor<3x2x3x2x3xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x3x3x3xf32> {
  %y = tconv.conv %x, %w, %b strides = [1, 2, 2] pads = [1, 0, 2, 0, 1, 1]
      dilations = [1, 1, 2]
      : (tensor<1x2x4x6x7xf32>, tensor<3x2x3x2x3xf32>, tensor<3xf32>)
      -> tensor<1x3x3x3x3xf32>
  return %y : tensor<1x3x3x3x3xf32>
}
