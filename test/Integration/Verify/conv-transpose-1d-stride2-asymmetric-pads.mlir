// 1-D, N = 2, stride 2, kernel 4, asymmetric pads [2, 1], output_padding 1,
// bias.

// RUN: tconv-run %s --random-inputs=2 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=2 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=2 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x3x6xf32>, %w: tensor<3x2x4xf32>, %b: tensor<2xf32>)
    -> tensor<2x2x12xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [2, 1] output_padding = [1]
      : (tensor<2x3x6xf32>, tensor<3x2x4xf32>, tensor<2xf32>) -> tensor<2x2x12xf32>
  return %y : tensor<2x2x12xf32>
}
