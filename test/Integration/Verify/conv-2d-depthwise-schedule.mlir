// Convolution, 2-D, depthwise over 40 channels, 9x11 input, stride 2,
// kernel 3, pads 1, bias.

// RUN: tconv-run %s --random-inputs=49 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x40x9x11xf32>, %w: tensor<40x1x3x3xf32>, %b: tensor<40xf32>)
    -> tensor<1x40x5x6xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1] group = 40
      : (tensor<1x40x9x11xf32>, tensor<40x1x3x3xf32>, tensor<40xf32>)
      -> tensor<1x40x5x6xf32>
  return %y : tensor<1x40x5x6xf32>
}
