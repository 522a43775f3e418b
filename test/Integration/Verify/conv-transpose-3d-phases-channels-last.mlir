// 3-D, stride 2, k 3, p 1, output_padding 1, bias (T6 in small): eight
// phase convolutions assembled channels-last from one padded input, then
// one layout change.

// RUN: tconv-run %s --random-inputs=47 --verify --threads=2 | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x12x4x5x6xf32>, %w: tensor<12x8x3x3x3xf32>, %b: tensor<8xf32>)
    -> tensor<1x8x8x10x12xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1]
      output_padding = [1, 1, 1]
      : (tensor<1x12x4x5x6xf32>, tensor<12x8x3x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x10x12xf32>
  return %y : tensor<1x8x8x10x12xf32>
}
