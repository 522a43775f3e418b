// Convolution, 1-D, group 3 (6 -> 3 channels), dilation 2, stride 2,
// pads [3, 1].

// RUN: tconv-run %s --random-inputs=43 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x6x12xf32>, %w: tensor<3x2x3xf32>) -> tensor<2x3x6xf32> {
  %y = tconv.conv %x, %w strides = [2] pads = [3, 1] dilations = [2] group = 3
      : (tensor<2x6x12xf32>, tensor<3x2x3xf32>) -> tensor<2x3x6xf32>
  return %y : tensor<2x3x6xf32>
}
