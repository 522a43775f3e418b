// Convolution, 3-D, f64, group 2, stride 2, no bias.

// RUN: tconv-run %s --random-inputs=42 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5x4x5xf64>, %w: tensor<2x2x2x2x2xf64>)
    -> tensor<1x2x2x2x2xf64> {
  %y = tconv.conv %x, %w strides = [2, 2, 2] group = 2
      : (tensor<1x4x5x4x5xf64>, tensor<2x2x2x2x2xf64>) -> tensor<1x2x2x2x2xf64>
  return %y : tensor<1x2x2x2x2xf64>
}
