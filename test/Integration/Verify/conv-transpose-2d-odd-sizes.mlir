// 2-D, N = 3, odd sizes (5 -> 7 channels, 5x9 input), strides [3, 2],
// kernel [5, 3], pads [2, 1, 1, 2], output_padding [2, 1], bias.

// RUN: tconv-run %s --random-inputs=21 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=21 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=21 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<3x5x5x9xf32>, %w: tensor<5x7x5x3xf32>, %b: tensor<7xf32>)
    -> tensor<3x7x16x17xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3, 2] pads = [2, 1, 1, 2]
      output_padding = [2, 1]
      : (tensor<3x5x5x9xf32>, tensor<5x7x5x3xf32>, tensor<7xf32>) -> tensor<3x7x16x17xf32>
  return %y : tensor<3x7x16x17xf32>
}
