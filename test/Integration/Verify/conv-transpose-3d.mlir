// 3-D, stride 2, kernel 3, pads 1, output_padding 1, bias.

// RUN: tconv-run %s --random-inputs=22 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=22 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=22 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x3x4x3xf32>, %w: tensor<2x3x3x3x3xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x6x8x6xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1]
      output_padding = [1, 1, 1]
      : (tensor<1x2x3x4x3xf32>, tensor<2x3x3x3x3xf32>, tensor<3xf32>)
      -> tensor<1x3x6x8x6xf32>
  return %y : tensor<1x3x6x8x6xf32>
}
