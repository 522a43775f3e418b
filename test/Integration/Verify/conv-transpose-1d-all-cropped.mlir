// 1-D, pads [2, 0] crop away every product (one input position, kernel 2):
// the output is the bias alone, also in output_padding's positions.

// RUN: tconv-run %s --random-inputs=8 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=8 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=8 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x1xf32>, %w: tensor<2x3x2xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x3xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [4] pads = [2, 0] output_padding = [3]
      : (tensor<1x2x1xf32>, tensor<2x3x2xf32>, tensor<3xf32>) -> tensor<1x3x3xf32>
  return %y : tensor<1x3x3xf32>
}
