// Transposed convolution, 2-D, 4x4, stride 2, pads 1, N = 2, 64 -> 64
// channels, bias, 8x16 inputs: four 2x2 phases of 8x16 (16x32 outputs),
// each Winograd F(2x2, 2x2) with 9 products over the whole batch's 64
// tiles, written phase-interleaved; block by block, each phase one parallel
// loop over (image, block of 2 tile rows) whose iterations run the 9
// products one after the other.

// RUN: tconv-run %s --random-inputs=63 --verify --dump-ir=fused | FileCheck %s
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<9x1x2x8x64xf32>)
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<9x1x2x8x64xf32>)
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<9x1x2x8x64xf32>)
// CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}}) -> (tensor<9x1x2x8x64xf32>)
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x64x8x16xf32>, %w: tensor<64x64x4x4xf32>, %b: tensor<64xf32>)
    -> tensor<2x64x16x32xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<2x64x8x16xf32>, tensor<64x64x4x4xf32>, tensor<64xf32>) -> tensor<2x64x16x32xf32>
  return %y : tensor<2x64x16x32xf32>
}
