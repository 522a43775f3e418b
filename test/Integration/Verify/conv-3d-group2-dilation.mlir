// Convolution, 3-D, group 2 (4 -> 6 channels), strides [1, 2, 1],
// dilations [2, 1, 2], asymmetric pads, bias.

// RUN: tconv-run %s --random-inputs=45 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5x6x5xf32>, %w: tensor<6x2x2x3x2xf32>, %b: tensor<6xf32>)
    -> tensor<1x6x4x3x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [1, 2, 1] pads = [1, 0, 0, 0, 1, 1]
      dilations = [2, 1, 2] group = 2
      : (tensor<1x4x5x6x5xf32>, tensor<6x2x2x3x2xf32>, tensor<6xf32>)
      -> tensor<1x6x4x3x4xf32>
  return %y : tensor<1x6x4x3x4xf32>
}
