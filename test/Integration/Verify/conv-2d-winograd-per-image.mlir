// Convolution, 2-D, 3x3, N = 2, 64 -> 64 channels, 64x64 outputs, bias:
// Winograd F(2x2, 3x3) one image at a time (the batch's transformed inputs
// and products, 17 MB, exceed the 8 MB kept whole), the filter transformed
// once outside the loop over images.

// RUN: tconv-run %s --random-inputs=62 --verify --dump-ir=fused | FileCheck %s
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<2x64x64x64xf32>)
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (32, 16)
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x64x64x64xf32>, %w: tensor<64x64x3x3xf32>, %b: tensor<64xf32>)
    -> tensor<2x64x64x64xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<2x64x64x64xf32>, tensor<64x64x3x3xf32>, tensor<64xf32>) -> tensor<2x64x64x64xf32>
  return %y : tensor<2x64x64x64xf32>
}
