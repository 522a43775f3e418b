// Convolution, 2-D, N = 3, odd sizes (5 -> 7 channels, 9x11 input),
// strides [2, 3], kernel [3, 5], pads [1, 2, 0, 2], bias.

// RUN: tconv-run %s --random-inputs=40 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<3x5x9x11xf32>, %w: tensor<7x5x3x5xf32>, %b: tensor<7xf32>)
    -> tensor<3x7x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 3] pads = [1, 2, 0, 2]
      : (tensor<3x5x9x11xf32>, tensor<7x5x3x5xf32>, tensor<7xf32>) -> tensor<3x7x4x4xf32>
  return %y : tensor<3x7x4x4xf32>
}
