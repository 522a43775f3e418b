// Convolution, 2-D, batch 2, 4 output channels, stride 2 and dilation 2
// along the height only, pads, bias: vectorized along the width (19 = one
// or two full vectors and a remainder).

// RUN: tconv-run %s --random-inputs=43 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x5x11x19xf32>, %w: tensor<4x5x3x3xf32>, %b: tensor<4xf32>) -> tensor<2x4x5x19xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 1] pads = [1, 1, 1, 1] dilations = [2, 1]
      : (tensor<2x5x11x19xf32>, tensor<4x5x3x3xf32>, tensor<4xf32>) -> tensor<2x4x5x19xf32>
  return %y : tensor<2x4x5x19xf32>
}
