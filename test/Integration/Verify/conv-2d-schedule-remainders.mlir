// Convolution, 2-D, N = 2, sizes the vectorized schedule (tiles of 4
// output positions x 16 channels, 16 input channels per step) must split:
// 19 -> 37 channels, 7x13 outputs, pads 1, bias.

// RUN: tconv-run %s --random-inputs=46 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x19x7x13xf32>, %w: tensor<37x19x3x3xf32>, %b: tensor<37xf32>)
    -> tensor<2x37x7x13xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<2x19x7x13xf32>, tensor<37x19x3x3xf32>, tensor<37xf32>)
      -> tensor<2x37x7x13xf32>
  return %y : tensor<2x37x7x13xf32>
}
