// Convolution, 2-D, f64, group 3 with 2 output channels per group, stride 2.

// RUN: tconv-run %s --random-inputs=36 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x7x6xf64>, %w: tensor<6x1x3x3xf64>) -> tensor<1x6x4x3xf64> {
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 0] group = 3
      : (tensor<1x3x7x6xf64>, tensor<6x1x3x3xf64>) -> tensor<1x6x4x3xf64>
  return %y : tensor<1x6x4x3xf64>
}
