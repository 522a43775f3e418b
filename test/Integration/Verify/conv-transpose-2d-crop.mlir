// 2-D, f64, pads [4, 0, 1, 5]: larger than dilation * (k - 1) = 2 in both
// dims at one end (crop), bias.

// RUN: tconv-run %s --random-inputs=16 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=16 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=16 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x6x6xf64>, %w: tensor<2x3x3x3xf64>, %b: tensor<3xf64>)
    -> tensor<1x3x8x8xf64> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [4, 0, 1, 5]
      : (tensor<1x2x6x6xf64>, tensor<2x3x3x3xf64>, tensor<3xf64>) -> tensor<1x3x8x8xf64>
  return %y : tensor<1x3x8x8xf64>
}
