// Convolution, 2-D, 3x3, N = 2, 128 -> 128 channels, 40x40 outputs, bias:
// Winograd F(2x2, 3x3) stage by stage (U, 1 MiB, and a block's transformed
// inputs and products outgrow half of L2) and one image at a time (the
// batch's transformed inputs and products, 13 MB, exceed the 8 MB kept
// whole), the filter transformed once outside the loop over images.

// RUN: tconv-run %s --random-inputs=62 --verify --dump-ir=fused | FileCheck %s
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<2x40x40x128xf32>)
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (20, 16)
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x128x40x40xf32>, %w: tensor<128x128x3x3xf32>, %b: tensor<128xf32>)
    -> tensor<2x128x40x40xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<2x128x40x40xf32>, tensor<128x128x3x3xf32>, tensor<128xf32>) -> tensor<2x128x40x40xf32>
  return %y : tensor<2x128x40x40xf32>
}
