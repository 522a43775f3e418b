// Convolution, 1-D, N = 2, stride 2, pads [2, 1], bias.

// RUN: tconv-run %s --random-inputs=31 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x3x11xf32>, %w: tensor<4x3x3xf32>, %b: tensor<4xf32>)
    -> tensor<2x4x6xf32> {
  %y = tconv.conv %x, %w, %b strides = [2] pads = [2, 1]
      : (tensor<2x3x11xf32>, tensor<4x3x3xf32>, tensor<4xf32>) -> tensor<2x4x6xf32>
  return %y : tensor<2x4x6xf32>
}
