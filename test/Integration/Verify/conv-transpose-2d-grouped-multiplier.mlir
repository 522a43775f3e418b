// 2-D, group 3 with 2 output channels per group (3 -> 6), strides [3, 2],
// kernel [2, 3] (stride > kernel in dim 0), output_padding [1, 0], bias.

// RUN: tconv-run %s --random-inputs=14 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=14 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=14 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x4x5xf32>, %w: tensor<3x2x2x3xf32>, %b: tensor<6xf32>)
    -> tensor<1x6x11x10xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3, 2] pads = [0, 1, 1, 0]
      output_padding = [1, 0] group = 3
      : (tensor<1x3x4x5xf32>, tensor<3x2x2x3xf32>, tensor<6xf32>) -> tensor<1x6x11x10xf32>
  return %y : tensor<1x6x11x10xf32>
}
