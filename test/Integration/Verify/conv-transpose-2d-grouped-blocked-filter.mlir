// 2-D, 2 groups of 48 output channels, strides 2, asymmetric pads and
// output_padding: the grouped phases with several channel blocks.

// RUN: tconv-run %s --random-inputs=62 --verify | FileCheck %s
// RUN: tconv-run %s --random-inputs=62 --verify "--pipeline-options=vector-width=8 f-tile=16" | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x3x4xf32>, %w: tensor<4x48x3x4xf32>)
    -> tensor<1x96x5x10xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 0, 1, 1]
      output_padding = [0, 1] group = 2
      : (tensor<1x4x3x4xf32>, tensor<4x48x3x4xf32>) -> tensor<1x96x5x10xf32>
  return %y : tensor<1x96x5x10xf32>
}
