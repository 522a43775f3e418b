// Convolution, 1-D, f16, depthwise (group = 8), kernel 5, pads [2, 2], bias.

// RUN: tconv-run %s --random-inputs=33 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x8x13xf16>, %w: tensor<8x1x5xf16>, %b: tensor<8xf16>)
    -> tensor<1x8x13xf16> {
  %y = tconv.conv %x, %w, %b pads = [2, 2] group = 8
      : (tensor<1x8x13xf16>, tensor<8x1x5xf16>, tensor<8xf16>) -> tensor<1x8x13xf16>
  return %y : tensor<1x8x13xf16>
}
