// Transposed convolution, 2-D, 2x2 stride 2 (no two taps reach the same
// output), 32 output channels, bias, from the caller's input to its result:
// its four pointwise phases run NCHW with vectors along the width, each
// storing every other column of the result, and read their sub-kernels
// from the filter argument in place.

// RUN: tconv-run %s --random-inputs=47 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x24x6x32xf32>, %w: tensor<24x32x2x2xf32>, %b: tensor<32xf32>) -> tensor<1x32x12x64xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2]
      : (tensor<1x24x6x32xf32>, tensor<24x32x2x2xf32>, tensor<32xf32>) -> tensor<1x32x12x64xf32>
  return %y : tensor<1x32x12x64xf32>
}
