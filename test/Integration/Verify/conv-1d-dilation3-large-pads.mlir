// Convolution, 1-D, f64, stride 3, dilation 3, pads [7, 5] (the first
// outputs read padding only).

// RUN: tconv-run %s --random-inputs=32 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x10xf64>, %w: tensor<3x2x3xf64>) -> tensor<1x3x6xf64> {
  %y = tconv.conv %x, %w strides = [3] pads = [7, 5] dilations = [3]
      : (tensor<1x2x10xf64>, tensor<3x2x3xf64>) -> tensor<1x3x6xf64>
  return %y : tensor<1x3x6xf64>
}
