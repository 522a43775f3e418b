// 1-D, group 2 (4 -> 6 channels), dilation 2, stride 3, pads [1, 3],
// output_padding 2, bias: a grouped 1-D direct convolution after the
// decomposition.

// RUN: tconv-run %s --random-inputs=25 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=25 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=25 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5xf32>, %w: tensor<4x3x3xf32>, %b: tensor<6xf32>)
    -> tensor<1x6x15xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3] pads = [1, 3] dilations = [2]
      output_padding = [2] group = 2
      : (tensor<1x4x5xf32>, tensor<4x3x3xf32>, tensor<6xf32>) -> tensor<1x6x15xf32>
  return %y : tensor<1x6x15xf32>
}
