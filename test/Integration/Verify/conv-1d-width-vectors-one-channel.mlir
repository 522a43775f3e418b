// Convolution, 1-D, one output channel (a vocoder's output layer), kernel
// 7, pads 3, bias: vectors along the width, several per tile.

// RUN: tconv-run %s --random-inputs=44 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x72xf32>, %w: tensor<1x5x7xf32>, %b: tensor<1xf32>) -> tensor<1x1x72xf32> {
  %y = tconv.conv %x, %w, %b pads = [3, 3]
      : (tensor<1x5x72xf32>, tensor<1x5x7xf32>, tensor<1xf32>) -> tensor<1x1x72xf32>
  return %y : tensor<1x1x72xf32>
}
