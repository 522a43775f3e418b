// Convolution, 1-D, f64, group 2 with 3 output channels per group,
// dilation 3, bias.

// RUN: tconv-run %s --random-inputs=44 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x11xf64>, %w: tensor<6x1x3xf64>, %b: tensor<6xf64>)
    -> tensor<1x6x9xf64> {
  %y = tconv.conv %x, %w, %b pads = [2, 2] dilations = [3] group = 2
      : (tensor<1x2x11xf64>, tensor<6x1x3xf64>, tensor<6xf64>) -> tensor<1x6x9xf64>
  return %y : tensor<1x6x9xf64>
}
