// Convolution, 2-D, bf16, pads 1, bias.

// RUN: tconv-run %s --random-inputs=39 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5x6xbf16>, %w: tensor<3x4x3x3xbf16>, %b: tensor<3xbf16>)
    -> tensor<1x3x5x6xbf16> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x4x5x6xbf16>, tensor<3x4x3x3xbf16>, tensor<3xbf16>)
      -> tensor<1x3x5x6xbf16>
  return %y : tensor<1x3x5x6xbf16>
}
