// Convolution, 2-D, 3 groups of 5 input and 3 output channels (split into
// one vectorized convolution per group by tconv-split-groups), stride 2,
// asymmetric pads, bias, odd sizes; and a grouped transposed convolution,
// whose 4 phases are grouped convolutions split the same way: 15 vectorized
// convolutions, none in plain loops.

// RUN: tconv-run %s --random-inputs=46 --verify --dump-ir=linalg 2>&1 | FileCheck %s
// CHECK-COUNT-15: tconv.schedule = {{{.*}}kind = "channels-last"
// CHECK-NOT: kind = "plain"
// CHECK: verify result #0: max abs error {{.*}}: ok
// CHECK: verify result #1: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x15x11x9xf32>, %w: tensor<9x5x3x2xf32>, %b: tensor<9xf32>,
                %t: tensor<9x2x4x4xf32>)
    -> (tensor<2x9x6x5xf32>, tensor<2x6x12x10xf32>) {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 0, 1, 1] group = 3
      : (tensor<2x15x11x9xf32>, tensor<9x5x3x2xf32>, tensor<9xf32>)
      -> tensor<2x9x6x5xf32>
  %u = tconv.conv_transpose %y, %t strides = [2, 2] pads = [1, 1, 1, 1] group = 3
      : (tensor<2x9x6x5xf32>, tensor<9x2x4x4xf32>) -> tensor<2x6x12x10xf32>
  return %y, %u : tensor<2x9x6x5xf32>, tensor<2x6x12x10xf32>
}
