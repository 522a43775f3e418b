// 1-D, depthwise (group = 6 channels), N = 3, stride 2, kernel 4, bias.

// RUN: tconv-run %s --random-inputs=9 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=9 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=9 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<3x6x5xf32>, %w: tensor<6x1x4xf32>, %b: tensor<6xf32>)
    -> tensor<3x6x10xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [1, 1] group = 6
      : (tensor<3x6x5xf32>, tensor<6x1x4xf32>, tensor<6xf32>) -> tensor<3x6x10xf32>
  return %y : tensor<3x6x10xf32>
}
