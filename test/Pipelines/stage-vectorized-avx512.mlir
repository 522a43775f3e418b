// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=vectorized vector-width=16 f-tile=32 winograd=false" | FileCheck %s

// AVX-512 hosts: 16-lane vectors, 4 positions x 32 channels per tile (8
// accumulators), 3 (kw) x 4 (c) x 4 (ow) x 2 (vectors) = 96 FMAs per step
// (the direct schedule: winograd=false).

// CHECK-LABEL: func.func @conv
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (64, 8, 8) step (32, 1, 4)
//       CHECK:     scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c1 iter_args({{.*}}) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
// CHECK-COUNT-96:   vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<16xf32>
//   CHECK-NOT:     vector.fma
func.func @conv(%x: tensor<1x64x8x8xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x8x8xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
      : (tensor<1x64x8x8xf32>, tensor<64x64x3x3xf32>) -> tensor<1x64x8x8xf32>
  return %y : tensor<1x64x8x8xf32>
}
