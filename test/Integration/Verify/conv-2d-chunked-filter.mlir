// Convolution, 2-D, a 2.25 MiB runtime filter against 33 KB of input and
// output: 4 chunks of 32 output channels (tconv-chunk-output-channels),
// with a bias, stride 2 and asymmetric pads.

// RUN: tconv-run %s --random-inputs=23 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x512x7x7xf32>, %w: tensor<128x512x3x3xf32>, %b: tensor<128xf32>)
    -> tensor<1x128x4x3xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 0, 1, 0]
      : (tensor<1x512x7x7xf32>, tensor<128x512x3x3xf32>, tensor<128xf32>) -> tensor<1x128x4x3xf32>
  return %y : tensor<1x128x4x3xf32>
}
