// 1-D, f16, stride 2, kernel 5, pads [2, 1], output_padding 1, bias.

// RUN: tconv-run %s --random-inputs=11 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=11 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=11 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x8x7xf16>, %w: tensor<8x4x5xf16>, %b: tensor<4xf16>)
    -> tensor<1x4x15xf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [2, 1] output_padding = [1]
      : (tensor<1x8x7xf16>, tensor<8x4x5xf16>, tensor<4xf16>) -> tensor<1x4x15xf16>
  return %y : tensor<1x4x15xf16>
}
