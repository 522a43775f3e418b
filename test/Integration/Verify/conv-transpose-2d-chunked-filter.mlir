// Transposed convolution, 2-D, a 2 MiB runtime filter against 48 KB of input
// and output: two chunks of 64 output channels (tconv-chunk-output-channels),
// with a bias, asymmetric pads and an output of odd size.

// RUN: tconv-run %s --random-inputs=17 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x256x4x4xf32>, %w: tensor<256x128x4x4xf32>, %b: tensor<128xf32>)
    -> tensor<1x128x7x9xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 2, 0]
      : (tensor<1x256x4x4xf32>, tensor<256x128x4x4xf32>, tensor<128xf32>) -> tensor<1x128x7x9xf32>
  return %y : tensor<1x128x7x9xf32>
}
