// 1-D, f64, kernel 7 over 3 input positions, stride 3, pads [2, 3], bias.

// RUN: tconv-run %s --random-inputs=7 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=7 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=7 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x3xf64>, %w: tensor<2x2x7xf64>, %b: tensor<2xf64>)
    -> tensor<1x2x8xf64> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3] pads = [2, 3]
      : (tensor<1x2x3xf64>, tensor<2x2x7xf64>, tensor<2xf64>) -> tensor<1x2x8xf64>
  return %y : tensor<1x2x8xf64>
}
