// Transposed convolution, 2-D, 3 output channels (an image generator's
// output layer), kernel 4, stride 2, pads 1: phases 21 wide, vectorized
// along the width with a remainder tile, stored into every other column.

// RUN: tconv-run %s --random-inputs=42 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x8x5x21xf32>, %w: tensor<8x3x4x4xf32>) -> tensor<1x3x10x42xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x5x21xf32>, tensor<8x3x4x4xf32>) -> tensor<1x3x10x42xf32>
  return %y : tensor<1x3x10x42xf32>
}
