// Transposed convolution, 3-D, 6 output channels, stride 2, pads 1,
// output_padding 1, bias: phases 16 wide, vectorized along the width (NCDHW,
// tconv-vectorize-convs-along-width) and stored spread out into every other
// output column.

// RUN: tconv-run %s --random-inputs=41 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x3x4x16xf32>, %w: tensor<4x6x3x3x3xf32>, %b: tensor<6xf32>)
    -> tensor<1x6x6x8x32xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1] output_padding = [1, 1, 1]
      : (tensor<1x4x3x4x16xf32>, tensor<4x6x3x3x3xf32>, tensor<6xf32>) -> tensor<1x6x6x8x32xf32>
  return %y : tensor<1x6x6x8x32xf32>
}
