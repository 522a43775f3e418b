// 1-D depthwise, f64, channel multiplier 2, batch 2, k 5, s 3, p 2,
// output_padding 1 (phases of 1 and 2 taps), bias: the row schedule.

// RUN: tconv-run %s --random-inputs=42 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x3x11xf64>, %w: tensor<3x2x5xf64>, %b: tensor<6xf64>)
    -> tensor<2x6x33xf64> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3] pads = [2, 1] output_padding = [1] group = 3
      : (tensor<2x3x11xf64>, tensor<3x2x5xf64>, tensor<6xf64>) -> tensor<2x6x33xf64>
  return %y : tensor<2x6x33xf64>
}
