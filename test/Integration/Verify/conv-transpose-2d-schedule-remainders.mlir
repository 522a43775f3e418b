// 2-D, channel counts and widths that the vectorized schedule (tiles of 4
// output positions x 16 channels) must split: 33 -> 24 channels, stride 2,
// kernel 4, pads 1, 5x7 -> 10x14, bias.

// RUN: tconv-run %s --random-inputs=27 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=27 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=27 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x33x5x7xf32>, %w: tensor<33x24x4x4xf32>, %b: tensor<24xf32>)
    -> tensor<1x24x10x14xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x33x5x7xf32>, tensor<33x24x4x4xf32>, tensor<24xf32>)
      -> tensor<1x24x10x14xf32>
  return %y : tensor<1x24x10x14xf32>
}
