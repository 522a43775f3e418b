// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=vectorized | FileCheck %s

// 20 output channels split into 16 (two vectors of 8) and a remainder of 4;
// 9 output positions in tiles of 3; 32 input channels in steps of 4. The
// accumulators live in vector iter_args of the reduction loops (kernel rows,
// then input channels) and every multiply-add is a vector FMA:
// main part 3 (kw) x 4 (c) x 3 (ow) x 2 (vectors) = 72 FMAs on
// vector<8xf32> per step, remainder 3 x 4 x 3 = 36 on vector<4xf32>.
// The first and last output rows skip the kernel row that reads the zero
// padding: the kernel-row loop runs from max(0, 1 - oh) to min(3, 4 - oh).

//   CHECK-DAG: #[[FIRST:.*]] = affine_map<(d0) -> (-d0 + 1, 0)>
//   CHECK-DAG: #[[LAST:.*]] = affine_map<(d0) -> (-d0 + 4, 3)>
// CHECK-LABEL: func.func @conv
//       CHECK:   scf.forall (%[[OH:[a-z0-9]+]], %{{.*}}) = (0, 0) to (3, 9) step (1, 3) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<1x3x9x16xf32>)
//       CHECK:     %[[FROM:.*]] = affine.max #[[FIRST]](%[[OH]])
//       CHECK:     %[[TO:.*]] = affine.min #[[LAST]](%[[OH]])
//       CHECK:     %[[KH:.*]]:6 = scf.for %{{.*}} = %[[FROM]] to %[[TO]] step %c1 iter_args({{.*}}) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
//       CHECK:       scf.for %{{.*}} = %c0 to %c32 step %c4 iter_args({{.*}}) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
// CHECK-COUNT-72: vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:   vector.fma
//       CHECK:     vector.transfer_write %[[KH]]#{{[0-9]}}, %{{.*}} {in_bounds = [true]} : vector<8xf32>, tensor<1x3x16xf32>
//       CHECK:     scf.forall.in_parallel
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}) = (0, 0) to (3, 9) step (1, 3) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<1x3x9x4xf32>)
//       CHECK:     scf.for %{{.*}} = %{{.*}} to %{{.*}} step %c1 iter_args({{.*}}) -> (vector<4xf32>, vector<4xf32>, vector<4xf32>)
// CHECK-COUNT-36: vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<4xf32>
//   CHECK-NOT:   vector.fma
//   CHECK-NOT:   linalg.conv
func.func @conv(%x: tensor<1x32x3x9xf32>, %w: tensor<20x32x3x3xf32>) -> tensor<1x20x3x9xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
      : (tensor<1x32x3x9xf32>, tensor<20x32x3x3xf32>) -> tensor<1x20x3x9xf32>
  return %y : tensor<1x20x3x9xf32>
}
