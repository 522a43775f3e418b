// 2-D depthwise, constant filter, k 2 < s 3: one phase of each dim has no
// tap (bias only); the filter is gathered at compile time.

// RUN: tconv-run %s --random-inputs=46 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x5x10xf32>, %b: tensor<2xf32>) -> tensor<1x2x9x24xf32> {
  %w = arith.constant dense<[[[[0.5, -1.25], [2.0, 0.75]]], [[[-0.5, 1.5], [0.25, -2.0]]]]>
      : tensor<2x1x2x2xf32>
  %y = tconv.conv_transpose %x, %w, %b strides = [3, 3] pads = [2, 2, 3, 3] group = 2
      : (tensor<1x2x5x10xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x9x24xf32>
  return %y : tensor<1x2x9x24xf32>
}
