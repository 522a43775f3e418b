// 1-D, stride 4 with dilation 2 (gcd 2: each phase is a dilation-1
// convolution over every other tap), output_padding 3, bias.

// RUN: tconv-run %s --random-inputs=4 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=4 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=4 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x5xf32>, %w: tensor<3x2x3xf32>, %b: tensor<2xf32>)
    -> tensor<1x2x21xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [4] pads = [1, 2] dilations = [2]
      output_padding = [3]
      : (tensor<1x3x5xf32>, tensor<3x2x3xf32>, tensor<2xf32>) -> tensor<1x2x21xf32>
  return %y : tensor<1x2x21xf32>
}
