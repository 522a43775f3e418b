// 2-D, bf16, stride 2, kernel 3, pads 1, output_padding 1, bias.

// RUN: tconv-run %s --random-inputs=20 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=20 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=20 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x3x4xbf16>, %w: tensor<4x3x3x3xbf16>, %b: tensor<3xbf16>)
    -> tensor<1x3x6x8xbf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      output_padding = [1, 1]
      : (tensor<1x4x3x4xbf16>, tensor<4x3x3x3xbf16>, tensor<3xbf16>)
      -> tensor<1x3x6x8xbf16>
  return %y : tensor<1x3x6x8xbf16>
}
