// Transposed convolution, 2-D, 4x4 stride 2, N = 4, 16 -> 16 channels, bias
// and ReLU: the 4 MiB result of the static batch runs image by image (the
// body moves to @main.image, called in a loop over the 4 images, each
// written in place into the result).

// RUN: tconv-run %s --random-inputs=63 --verify --dump-ir=fused | FileCheck %s
// CHECK-LABEL: func.func @main(
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<4x16x128x128xf32>)
// CHECK: func.call @main.image(%{{.*}}) : (tensor<1x16x64x64xf32>, tensor<16x16x4x4xf32>, tensor<16xf32>, tensor<1x16x128x128xf32>) -> tensor<1x16x128x128xf32>
// CHECK-LABEL: func.func private @main.image(
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<4x16x64x64xf32>, %w: tensor<16x16x4x4xf32>, %b: tensor<16xf32>)
    -> tensor<4x16x128x128xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<4x16x64x64xf32>, tensor<16x16x4x4xf32>, tensor<16xf32>) -> tensor<4x16x128x128xf32>
  %zero = arith.constant dense<0.0> : tensor<4x16x128x128xf32>
  %r = arith.maximumf %y, %zero : tensor<4x16x128x128xf32>
  return %r : tensor<4x16x128x128xf32>
}
