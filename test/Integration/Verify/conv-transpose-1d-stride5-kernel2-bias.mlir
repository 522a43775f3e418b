// 1-D, stride 5 > kernel 2: three of the five output phases have no taps
// and hold the bias only.

// RUN: tconv-run %s --random-inputs=6 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=6 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=6 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x4xf32>, %w: tensor<2x3x2xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x18xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [5] pads = [1, 0] output_padding = [2]
      : (tensor<1x2x4xf32>, tensor<2x3x2xf32>, tensor<3xf32>) -> tensor<1x3x18xf32>
  return %y : tensor<1x3x18xf32>
}
