// Transposed convolution, 2-D, 4x4 stride 2, with a 4 MiB filter from the
// caller and a small image (T1n1's shape at a quarter of its output
// channels): each parallel step copies a block of output channels of the
// filter for its tiles and prefetches the next step's block while its
// phases multiply (tconv-prefetch-next-slices). The prefetches must not
// change a value.

// RUN: tconv-run %s --random-inputs=53 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x512x4x4xf32>, %w: tensor<512x128x4x4xf32>) -> tensor<1x128x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x4x4xf32>, tensor<512x128x4x4xf32>) -> tensor<1x128x8x8xf32>
  return %y : tensor<1x128x8x8xf32>
}
