// 3-D, f64, depthwise (group = 4), strides [1, 2, 3], dilations [2, 1, 2],
// asymmetric pads, output_padding [1, 1, 0].

// RUN: tconv-run %s --random-inputs=23 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=23 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=23 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x3x4x3xf64>, %w: tensor<4x1x2x3x3xf64>)
    -> tensor<1x4x5x9x8xf64> {
  %y = tconv.conv_transpose %x, %w strides = [1, 2, 3] pads = [0, 1, 2, 1, 0, 1]
      dilations = [2, 1, 2] output_padding = [1, 1, 0] group = 4
      : (tensor<1x4x3x4x3xf64>, tensor<4x1x2x3x3xf64>) -> tensor<1x4x5x9x8xf64>
  return %y : tensor<1x4x5x9x8xf64>
}
