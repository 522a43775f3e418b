// 2-D, f16, DCGAN-like: stride 2, kernel 4, pads 1, 8 -> 4 channels, bias.

// RUN: tconv-run %s --random-inputs=19 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=19 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=19 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x8x4x4xf16>, %w: tensor<8x4x4x4xf16>, %b: tensor<4xf16>)
    -> tensor<1x4x8x8xf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x4x4xf16>, tensor<8x4x4x4xf16>, tensor<4xf16>) -> tensor<1x4x8x8xf16>
  return %y : tensor<1x4x8x8xf16>
}
