// 2-D, N = 2, strides [2, 3], kernel 3x4, asymmetric pads, output_padding
// [1, 2], bias.

// RUN: tconv-run %s --random-inputs=12 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=12 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=12 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x3x5x7xf32>, %w: tensor<3x4x3x4xf32>, %b: tensor<4xf32>)
    -> tensor<2x4x9x23xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 3] pads = [1, 0, 2, 1]
      output_padding = [1, 2]
      : (tensor<2x3x5x7xf32>, tensor<3x4x3x4xf32>, tensor<4xf32>) -> tensor<2x4x9x23xf32>
  return %y : tensor<2x4x9x23xf32>
}
