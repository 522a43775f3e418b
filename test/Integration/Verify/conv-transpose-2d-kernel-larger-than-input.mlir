// 2-D, kernel 5x5 over 2x3 inputs, strides [2, 1], pads [1, 2, 3, 0].

// RUN: tconv-run %s --random-inputs=18 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=18 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=18 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x2x3xf32>, %w: tensor<3x2x5x5xf32>) -> tensor<1x2x3x5xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 1] pads = [1, 2, 3, 0]
      : (tensor<1x3x2x3xf32>, tensor<3x2x5x5xf32>) -> tensor<1x2x3x5xf32>
  return %y : tensor<1x2x3x5xf32>
}
