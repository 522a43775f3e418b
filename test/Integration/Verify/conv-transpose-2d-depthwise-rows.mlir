// 2-D depthwise 2x upsampling (k 4, s 2, p 1) with bias, 5 channels, odd
// height, rows of 20 (vectors of 8, 8 and a partial 4, with reads outside
// the input at both ends): the phase-interleaved row schedule
// (--tconv-lower-depthwise-transpose), against zero insertion.

// RUN: tconv-run %s --random-inputs=41 --verify --transpose-strategy=auto --threads=2 | FileCheck %s
// RUN: tconv-run %s --random-inputs=41 --verify --transpose-strategy=zero-insert | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x9x20xf32>, %w: tensor<5x1x4x4xf32>, %b: tensor<5xf32>)
    -> tensor<1x5x18x40xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1] group = 5
      : (tensor<1x5x9x20xf32>, tensor<5x1x4x4xf32>, tensor<5xf32>) -> tensor<1x5x18x40xf32>
  return %y : tensor<1x5x18x40xf32>
}
