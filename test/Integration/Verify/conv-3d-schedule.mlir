// Convolution, 3-D, 17 -> 18 channels, 3x4x9 input, kernel 3, pads 1.

// RUN: tconv-run %s --random-inputs=48 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x17x3x4x9xf32>, %w: tensor<18x17x3x3x3xf32>)
    -> tensor<1x18x3x4x9xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1, 1, 1]
      : (tensor<1x17x3x4x9xf32>, tensor<18x17x3x3x3xf32>) -> tensor<1x18x3x4x9xf32>
  return %y : tensor<1x18x3x4x9xf32>
}
