// 2-D depthwise bf16, k 2, s 2 (one tap per phase), no pads.

// RUN: tconv-run %s --random-inputs=45 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x7x9xbf16>, %w: tensor<2x1x2x2xbf16>) -> tensor<1x2x14x18xbf16> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] group = 2
      : (tensor<1x2x7x9xbf16>, tensor<2x1x2x2xbf16>) -> tensor<1x2x14x18xbf16>
  return %y : tensor<1x2x14x18xbf16>
}
