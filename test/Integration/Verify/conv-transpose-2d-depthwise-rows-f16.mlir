// 2-D depthwise f16 (f32 accumulation), stride [1, 2], k [3, 4], bias:
// rows of 8 f16 inputs extended to f32 vectors.

// RUN: tconv-run %s --random-inputs=44 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x6x8xf16>, %w: tensor<3x1x3x4xf16>, %b: tensor<3xf16>)
    -> tensor<1x3x6x16xf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [1, 2] pads = [1, 1, 1, 1] group = 3
      : (tensor<1x3x6x8xf16>, tensor<3x1x3x4xf16>, tensor<3xf16>) -> tensor<1x3x6x16xf16>
  return %y : tensor<1x3x6x16xf16>
}
