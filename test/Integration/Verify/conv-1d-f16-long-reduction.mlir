// Convolution, 1-D, f16, 32 input channels x kernel 5 = 160 products per
// output (f16 accumulates in f32), bias.

// RUN: tconv-run %s --random-inputs=34 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x32x9xf16>, %w: tensor<4x32x5xf16>, %b: tensor<4xf16>)
    -> tensor<1x4x7xf16> {
  %y = tconv.conv %x, %w, %b pads = [1, 1]
      : (tensor<1x32x9xf16>, tensor<4x32x5xf16>, tensor<4xf16>) -> tensor<1x4x7xf16>
  return %y : tensor<1x4x7xf16>
}
