// 2-D f16, stride 2, k 4, p 1: the phases assembled channels-last in f32,
// truncated to f16 by the one layout change of the whole output.

// RUN: tconv-run %s --random-inputs=48 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x16x5x6xf16>, %w: tensor<16x8x4x4xf16>) -> tensor<1x8x10x12xf16> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x5x6xf16>, tensor<16x8x4x4xf16>) -> tensor<1x8x10x12xf16>
  return %y : tensor<1x8x10x12xf16>
}
