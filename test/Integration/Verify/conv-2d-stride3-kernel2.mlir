// Convolution, 2-D, stride 3 > kernel 2 (inputs skipped), bias.

// RUN: tconv-run %s --random-inputs=38 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x8x7xf32>, %w: tensor<4x3x2x2xf32>, %b: tensor<4xf32>)
    -> tensor<1x4x3x2xf32> {
  %y = tconv.conv %x, %w, %b strides = [3, 3]
      : (tensor<1x3x8x7xf32>, tensor<4x3x2x2xf32>, tensor<4xf32>) -> tensor<1x4x3x2xf32>
  return %y : tensor<1x4x3x2xf32>
}
