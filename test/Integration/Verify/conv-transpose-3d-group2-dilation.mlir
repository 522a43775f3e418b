// 3-D, group 2 (4 -> 2 channels), strides [2, 1, 2], dilations [1, 2, 1],
// output_padding [1, 0, 0].

// RUN: tconv-run %s --random-inputs=26 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=26 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=26 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x3x3x4xf32>, %w: tensor<4x1x2x2x3xf32>)
    -> tensor<1x2x6x4x6xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 1, 2] pads = [0, 1, 1, 1, 0, 2]
      dilations = [1, 2, 1] output_padding = [1, 0, 0] group = 2
      : (tensor<1x4x3x3x4xf32>, tensor<4x1x2x2x3xf32>) -> tensor<1x2x6x4x6xf32>
  return %y : tensor<1x2x6x4x6xf32>
}
