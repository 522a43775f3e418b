// 2-D, f64, depthwise (group = 5 channels), stride 2, kernel 3, pads 1,
// output_padding 1, bias.

// RUN: tconv-run %s --random-inputs=15 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=15 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=15 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x4x6xf64>, %w: tensor<5x1x3x3xf64>, %b: tensor<5xf64>)
    -> tensor<1x5x8x12xf64> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      output_padding = [1, 1] group = 5
      : (tensor<1x5x4x6xf64>, tensor<5x1x3x3xf64>, tensor<5xf64>) -> tensor<1x5x8x12xf64>
  return %y : tensor<1x5x8x12xf64>
}
