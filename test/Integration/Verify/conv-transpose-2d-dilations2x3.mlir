// 2-D, strides [3, 2], dilations [2, 3], output_padding [2, 2] (dim 1:
// not < stride 2, < dilation 3).

// RUN: tconv-run %s --random-inputs=17 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=17 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=17 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x4x5xf32>, %w: tensor<3x2x3x2xf32>)
    -> tensor<1x2x15x12xf32> {
  %y = tconv.conv_transpose %x, %w strides = [3, 2] pads = [1, 0, 0, 2] dilations = [2, 3]
      output_padding = [2, 2]
      : (tensor<1x3x4x5xf32>, tensor<3x2x3x2xf32>) -> tensor<1x2x15x12xf32>
  return %y : tensor<1x2x15x12xf32>
}
