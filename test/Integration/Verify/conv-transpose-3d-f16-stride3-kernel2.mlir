// 3-D, f16, N = 2, stride 3 > kernel 2 (phases with the bias only), bias.

// RUN: tconv-run %s --random-inputs=24 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=24 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=24 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x3x2x3x2xf16>, %w: tensor<3x2x2x2x2xf16>, %b: tensor<2xf16>)
    -> tensor<2x2x6x7x6xf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3, 3, 3] pads = [0, 1, 0, 1, 0, 0]
      output_padding = [2, 0, 1]
      : (tensor<2x3x2x3x2xf16>, tensor<3x2x2x2x2xf16>, tensor<2xf16>)
      -> tensor<2x2x6x7x6xf16>
  return %y : tensor<2x2x6x7x6xf16>
}
