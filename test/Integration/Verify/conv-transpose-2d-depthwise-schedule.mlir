// 2-D, depthwise over 40 channels, stride 2, kernel 3, pads [1, 0, 1, 1],
// output_padding [1, 0], bias.

// RUN: tconv-run %s --random-inputs=28 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=28 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=28 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x40x6x5xf32>, %w: tensor<40x1x3x3xf32>, %b: tensor<40xf32>)
    -> tensor<1x40x12x10xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 0, 1, 1]
      output_padding = [1, 0] group = 40
      : (tensor<1x40x6x5xf32>, tensor<40x1x3x3xf32>, tensor<40xf32>)
      -> tensor<1x40x12x10xf32>
  return %y : tensor<1x40x12x10xf32>
}
