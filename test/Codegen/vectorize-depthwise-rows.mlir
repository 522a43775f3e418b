// RUN: tconv-opt %s --tconv-vectorize-depthwise-rows --canonicalize --cse -split-input-file | FileCheck %s

// The 2x upsampling of --tconv-lower-depthwise-transpose (k 4, s 2, p 1) on
// 8 x 32 inputs: one forall iteration per output row (c, qh, rh) writes 64
// outputs straight into the collapsed result. Each row reads input rows
// qh + (rh + 1) floordiv 2 - 1 + th; a row with one outside the input takes
// the guarded copy. Along the row, vectors of 8 q: the first (reads q - 1)
// and the last (reads q + 8) are emitted with static positions, the part
// inside the input shuffled into place and the lanes outside masked; the
// two in between run in a loop. Per vector: 2 x 2 x 2 FMAs, the phases
// interleaved, one store of 16 outputs. The zero pad and the fill are gone.

// CHECK-LABEL: func.func @upsample
//  CHECK-SAME:     (%[[X:.*]]: tensor<1x2x8x32xf32>, %[[W:.*]]: tensor<2x1x2x2x2x2xf32>)
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//   CHECK-DAG:   %[[FIRST:.*]] = arith.constant dense<[false, true, true, true, true, true, true, true]> : vector<8xi1>
//   CHECK-DAG:   %[[LAST:.*]] = arith.constant dense<[true, true, true, true, true, true, true, false]> : vector<8xi1>
//   CHECK-NOT:   tensor.pad
//   CHECK-NOT:   linalg.fill
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x2x16x64xf32>
//       CHECK:   %[[Y:.*]] = scf.forall (%[[C:.*]], %[[QH:.*]], %[[RH:.*]]) in (2, 8, 2) shared_outs(%[[OUT:.*]] = %[[E]]) -> (tensor<1x2x16x64xf32>) {
//       CHECK:     %[[ROW0:.*]] = affine.apply #{{.*}}(%[[QH]], %[[RH]])
//       CHECK:     %[[IN0:.*]] = arith.andi
//       CHECK:     tensor.extract %[[W]][%[[C]], %{{.*}}, %[[RH]], %{{.*}}, %{{.*}}, %{{.*}}] : tensor<2x1x2x2x2x2xf32>
//       CHECK:     %[[ROW1:.*]] = affine.apply #{{.*}}(%[[QH]], %[[RH]])
//       CHECK:     %[[IN1:.*]] = arith.andi
//       CHECK:     %[[OH:.*]] = affine.apply #{{.*}}(%[[QH]], %[[RH]])
//       CHECK:     %[[SLICE:.*]] = tensor.extract_slice %[[OUT]][0, %[[C]], %[[OH]], 0] [1, 1, 1, 64] [1, 1, 1, 1] : tensor<1x2x16x64xf32> to tensor<64xf32>
//       CHECK:     %[[INSIDE:.*]] = arith.andi %[[IN0]], %[[IN1]] : i1
//       CHECK:     %[[ROW:.*]] = scf.if %[[INSIDE]] -> (tensor<64xf32>) {
// First vector: q = 0..7.
//       CHECK:       %[[P:.*]] = vector.transfer_read %[[X]][%{{.*}}, %[[C]], %[[ROW0]], %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x2x8x32xf32>, vector<7xf32>
//       CHECK:       %[[S:.*]] = vector.shuffle %[[ZERO]], %[[P]] [0, 8, 9, 10, 11, 12, 13, 14] : vector<8xf32>, vector<7xf32>
//       CHECK:       %[[F:.*]] = vector.fma %[[S]], %{{.*}}, %[[ZERO]] : vector<8xf32>
//       CHECK:       arith.select %[[FIRST]], %[[F]], %[[ZERO]] : vector<8xi1>, vector<8xf32>
//   CHECK-COUNT-7:   vector.fma {{.*}} : vector<8xf32>
//       CHECK:       %[[V0:.*]] = vector.interleave %{{.*}}, %{{.*}} : vector<8xf32> -> vector<16xf32>
//       CHECK:       %[[R0:.*]] = vector.transfer_write %[[V0]], %[[SLICE]][%{{.*}}] {in_bounds = [true]} : vector<16xf32>, tensor<64xf32>
// q = 8..23: no checks, 6 reads and 8 FMAs per step.
//       CHECK:       %[[R1:.*]] = scf.for %[[Q:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[R0]]) -> (tensor<64xf32>) {
//   CHECK-NOT:         arith.select
//   CHECK-NOT:         vector.shuffle
//   CHECK-COUNT-2:     vector.transfer_read {{.*}} vector<8xf32>
//       CHECK:         vector.fma
//       CHECK:         vector.transfer_read
//       CHECK:         vector.fma
//       CHECK:         vector.transfer_read
//       CHECK:         vector.fma
//       CHECK:         vector.fma
//       CHECK:         vector.transfer_read
//       CHECK:         vector.fma
//       CHECK:         vector.fma
//       CHECK:         vector.transfer_read
//       CHECK:         vector.fma
//   CHECK-NOT:         vector.fma
//       CHECK:         vector.interleave
//       CHECK:         vector.transfer_write %{{.*}}, %[[ACC]]
//       CHECK:         scf.yield
// Last vector: q = 24..31 (phase 1 reads up to input 32).
//       CHECK:       vector.transfer_read {{.*}} vector<7xf32>
//       CHECK:       vector.shuffle %[[ZERO]], %{{.*}} [8, 9, 10, 11, 12, 13, 14, 0] : vector<8xf32>, vector<7xf32>
//       CHECK:       arith.select %[[LAST]]
//       CHECK:       vector.transfer_write %{{.*}}, %[[R1]]
//       CHECK:     } else {
// Guarded: rows outside the input are read at 0 and their FMAs discarded.
//       CHECK:       %[[CLAMPED:.*]] = arith.select %[[IN0]], %[[ROW0]], %{{.*}} : index
//       CHECK:       vector.transfer_read %[[X]][%{{.*}}, %{{.*}}, %[[CLAMPED]], %{{.*}}]
//       CHECK:       arith.select %[[IN0]], %{{.*}}, %{{.*}} : vector<8xf32>
//       CHECK:       scf.for
//       CHECK:     }
//       CHECK:     scf.forall.in_parallel {
//       CHECK:       tensor.parallel_insert_slice %[[ROW]] into %[[OUT]][0, %[[C]], %[[OH]], 0] [1, 1, 1, 64] [1, 1, 1, 1] : tensor<64xf32> into tensor<1x2x16x64xf32>
//       CHECK:   return %[[Y]]
func.func @upsample(%arg0: tensor<1x2x8x32xf32>, %w: tensor<2x1x2x2x2x2xf32>) -> tensor<1x2x16x64xf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %padded = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%arg2: index, %arg3: index, %arg4: index, %arg5: index):
    tensor.yield %cst : f32
  } : tensor<1x2x8x32xf32> to tensor<1x2x10x34xf32>
  %2 = tensor.empty() : tensor<1x2x1x8x2x32x2xf32>
  %3 = linalg.fill ins(%cst : f32) outs(%2 : tensor<1x2x1x8x2x32x2xf32>) -> tensor<1x2x1x8x2x32x2xf32>
  %4 = linalg.generic {
      indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d3 + d7 + (d4 + 1) floordiv 2, d5 + d8 + (d6 + 1) floordiv 2)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d1, d2, d4, d6, d7, d8)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d2, d3, d4, d5, d6)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
      ins(%padded, %w : tensor<1x2x10x34xf32>, tensor<2x1x2x2x2x2xf32>) outs(%3 : tensor<1x2x1x8x2x32x2xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %5 = arith.mulf %in, %in_0 : f32
    %6 = arith.addf %out, %5 : f32
    linalg.yield %6 : f32
  } -> tensor<1x2x1x8x2x32x2xf32>
  %collapsed = tensor.collapse_shape %4 [[0], [1, 2], [3, 4], [5, 6]] : tensor<1x2x1x8x2x32x2xf32> into tensor<1x2x16x64xf32>
  return %collapsed : tensor<1x2x16x64xf32>
}

// -----

// f64 (4 lanes), 1-D, an initial value that is neither a fill nor a
// broadcast: each vector starts from the row's values, split into phases
// with shuffles. Every read stays inside the input: one loop, no branch.

// CHECK-LABEL: func.func @init_f64
//  CHECK-SAME:     (%[[X:.*]]: tensor<1x2x13xf64>, %[[W:.*]]: tensor<2x1x2xf64>, %[[INIT:.*]]: tensor<2x1x12x2xf64>)
//       CHECK:   scf.forall (%[[C:.*]]) in (2) shared_outs(%[[OUT:.*]] = %[[INIT]])
//       CHECK:     %[[SLICE:.*]] = tensor.extract_slice %[[OUT]][%[[C]], 0, 0, 0] [1, 1, 12, 2] [1, 1, 1, 1] : tensor<2x1x12x2xf64> to tensor<12x2xf64>
//       CHECK:     %[[ROW:.*]] = tensor.collapse_shape %[[SLICE]] {{\[}}[0, 1]] : tensor<12x2xf64> into tensor<24xf64>
//   CHECK-NOT:     scf.if
//       CHECK:     %[[NEW:.*]] = scf.for %[[Q:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %[[ROW]]) -> (tensor<24xf64>) {
//       CHECK:       %[[AT:.*]] = arith.muli %[[Q]], %{{.*}} : index
//       CHECK:       %[[OLD:.*]] = vector.transfer_read %[[ACC]][%[[AT]]], %{{.*}} {in_bounds = [true]} : tensor<24xf64>, vector<8xf64>
//       CHECK:       %[[OLD0:.*]] = vector.shuffle %[[OLD]], %[[OLD]] [0, 2, 4, 6] : vector<8xf64>, vector<8xf64>
//       CHECK:       %[[OLD1:.*]] = vector.shuffle %[[OLD]], %[[OLD]] [1, 3, 5, 7] : vector<8xf64>, vector<8xf64>
//       CHECK:       %[[X0:.*]] = vector.transfer_read %[[X]][%{{.*}}, %[[C]], %[[Q]]], %{{.*}} {in_bounds = [true]} : tensor<1x2x13xf64>, vector<4xf64>
//       CHECK:       %[[A0:.*]] = vector.fma %[[X0]], %{{.*}}, %[[OLD0]] : vector<4xf64>
//       CHECK:       %[[X1:.*]] = vector.transfer_read %[[X]]{{.*}} : tensor<1x2x13xf64>, vector<4xf64>
//       CHECK:       %[[A1:.*]] = vector.fma %[[X1]], %{{.*}}, %[[OLD1]] : vector<4xf64>
//       CHECK:       %[[V:.*]] = vector.interleave %[[A0]], %[[A1]] : vector<4xf64> -> vector<8xf64>
//       CHECK:       vector.transfer_write %[[V]], %[[ACC]][%[[AT]]] {in_bounds = [true]} : vector<8xf64>, tensor<24xf64>
//       CHECK:     tensor.expand_shape %[[NEW]] {{\[}}[0, 1]] output_shape [12, 2] : tensor<24xf64> into tensor<12x2xf64>
func.func @init_f64(%x: tensor<1x2x13xf64>, %w: tensor<2x1x2xf64>, %init: tensor<2x1x12x2xf64>) -> tensor<2x1x12x2xf64> {
  %y = linalg.generic {
      indexing_maps = [affine_map<(c, m, q, r) -> (0, c, q + r)>,
                       affine_map<(c, m, q, r) -> (c, m, r)>,
                       affine_map<(c, m, q, r) -> (c, m, q, r)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %w : tensor<1x2x13xf64>, tensor<2x1x2xf64>) outs(%init : tensor<2x1x12x2xf64>) {
  ^bb0(%in: f64, %in_0: f64, %out: f64):
    %0 = arith.mulf %in_0, %in : f64
    %1 = arith.addf %0, %out : f64
    linalg.yield %1 : f64
  } -> tensor<2x1x12x2xf64>
  return %y : tensor<2x1x12x2xf64>
}

// -----

// f16 with bias (as --tconv-lower-depthwise-transpose and elementwise
// fusion leave it): the accumulators start at the channel's bias, the f16
// inputs and weights are extended, and the truncation to f16 (an epilogue
// that reshape propagation moved before the collapse) happens on the stored
// vectors: the rows go straight into the f16 result.

// CHECK-LABEL: func.func @bias_f16
//  CHECK-SAME:     (%[[X:.*]]: tensor<1x2x4x8xf16>, %[[W:.*]]: tensor<2x1x2x2x1x1xf16>, %[[B:.*]]: tensor<2x1xf32>)
//   CHECK-NOT:   linalg.broadcast
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x2x8x16xf16>
//       CHECK:   scf.forall (%[[C:.*]], %[[QH:.*]], %[[RH:.*]]) in (2, 4, 2) shared_outs(%[[OUT:.*]] = %[[E]]) -> (tensor<1x2x8x16xf16>)
//       CHECK:     %[[BIAS:.*]] = tensor.extract %[[B]][%[[C]], %{{.*}}] : tensor<2x1xf32>
//       CHECK:     %[[W0:.*]] = tensor.extract %[[W]]
//       CHECK:     %[[W0E:.*]] = arith.extf %[[W0]] : f16 to f32
//       CHECK:     tensor.extract_slice %[[OUT]]{{.*}} : tensor<1x2x8x16xf16> to tensor<16xf16>
//       CHECK:     %[[ACC:.*]] = vector.broadcast %[[BIAS]] : f32 to vector<8xf32>
//       CHECK:     %[[XH:.*]] = vector.transfer_read %[[X]]{{.*}} : tensor<1x2x4x8xf16>, vector<8xf16>
//       CHECK:     %[[XE:.*]] = arith.extf %[[XH]] : vector<8xf16> to vector<8xf32>
//       CHECK:     %[[WB:.*]] = vector.broadcast %[[W0E]] : f32 to vector<8xf32>
//       CHECK:     %[[A0:.*]] = vector.fma %[[XE]], %[[WB]], %[[ACC]] : vector<8xf32>
//       CHECK:     %[[V:.*]] = vector.interleave %[[A0]], %{{.*}} : vector<8xf32> -> vector<16xf32>
//       CHECK:     %[[T:.*]] = arith.truncf %[[V]] : vector<16xf32> to vector<16xf16>
//       CHECK:     vector.transfer_write %[[T]], %{{.*}} {in_bounds = [true]} : vector<16xf16>, tensor<16xf16>
//   CHECK-NOT:   linalg.generic
func.func @bias_f16(%arg0: tensor<1x2x4x8xf16>, %w: tensor<2x1x2x2x1x1xf16>, %bias: tensor<2x1xf32>) -> tensor<1x2x8x16xf16> {
  %2 = tensor.empty() : tensor<1x2x1x4x2x8x2xf32>
  %broadcasted = linalg.broadcast ins(%bias : tensor<2x1xf32>) outs(%2 : tensor<1x2x1x4x2x8x2xf32>) dimensions = [0, 3, 4, 5, 6]
  %5 = linalg.generic {
      indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d3 + d7 + d4 floordiv 2, d5 + d8 + d6 floordiv 2)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d1, d2, d4, d6, d7, d8)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d2, d3, d4, d5, d6)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
      ins(%arg0, %w : tensor<1x2x4x8xf16>, tensor<2x1x2x2x1x1xf16>) outs(%broadcasted : tensor<1x2x1x4x2x8x2xf32>) {
  ^bb0(%in: f16, %in_0: f16, %out: f32):
    %8 = arith.extf %in : f16 to f32
    %9 = arith.extf %in_0 : f16 to f32
    %10 = arith.mulf %8, %9 : f32
    %11 = arith.addf %out, %10 : f32
    linalg.yield %11 : f32
  } -> tensor<1x2x1x4x2x8x2xf32>
  %6 = tensor.empty() : tensor<1x2x1x4x2x8x2xf16>
  %7 = linalg.generic {
      indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4, d5, d6)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4, d5, d6)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%5 : tensor<1x2x1x4x2x8x2xf32>) outs(%6 : tensor<1x2x1x4x2x8x2xf16>) {
  ^bb0(%in: f32, %out: f16):
    %8 = arith.truncf %in : f32 to f16
    linalg.yield %8 : f16
  } -> tensor<1x2x1x4x2x8x2xf16>
  %collapsed = tensor.collapse_shape %7 [[0], [1, 2], [3, 4], [5, 6]] : tensor<1x2x1x4x2x8x2xf16> into tensor<1x2x8x16xf16>
  return %collapsed : tensor<1x2x8x16xf16>
}

// -----

// An activation after the collapse (as elementwise fusion leaves a ReLU
// after reshape propagation: before the collapse) is applied to the stored
// vectors, its scalar operand broadcast.

// CHECK-LABEL: func.func @relu
//  CHECK-SAME:     (%{{.*}}: tensor<1x2x4x8xf32>, %{{.*}}: tensor<2x1x2x2x1x1xf32>, %[[FLOOR:.*]]: f32)
//       CHECK:   scf.forall
//       CHECK:     %[[V:.*]] = vector.interleave %{{.*}}, %{{.*}} : vector<8xf32> -> vector<16xf32>
//       CHECK:     %[[F:.*]] = vector.broadcast %[[FLOOR]] : f32 to vector<16xf32>
//       CHECK:     %[[R:.*]] = arith.maximumf %[[V]], %[[F]] : vector<16xf32>
//       CHECK:     vector.transfer_write %[[R]], %{{.*}} {in_bounds = [true]} : vector<16xf32>, tensor<16xf32>
//   CHECK-NOT:   linalg.generic
func.func @relu(%arg0: tensor<1x2x4x8xf32>, %w: tensor<2x1x2x2x1x1xf32>, %floor: f32) -> tensor<1x2x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %2 = tensor.empty() : tensor<1x2x1x4x2x8x2xf32>
  %3 = linalg.fill ins(%zero : f32) outs(%2 : tensor<1x2x1x4x2x8x2xf32>) -> tensor<1x2x1x4x2x8x2xf32>
  %5 = linalg.generic {
      indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d3 + d7 + d4 floordiv 2, d5 + d8 + d6 floordiv 2)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d1, d2, d4, d6, d7, d8)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d2, d3, d4, d5, d6)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
      ins(%arg0, %w : tensor<1x2x4x8xf32>, tensor<2x1x2x2x1x1xf32>) outs(%3 : tensor<1x2x1x4x2x8x2xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %10 = arith.mulf %in, %in_0 : f32
    %11 = arith.addf %out, %10 : f32
    linalg.yield %11 : f32
  } -> tensor<1x2x1x4x2x8x2xf32>
  %7 = linalg.generic {
      indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4, d5, d6)>,
                       affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4, d5, d6)>],
      iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%5 : tensor<1x2x1x4x2x8x2xf32>) outs(%2 : tensor<1x2x1x4x2x8x2xf32>) {
  ^bb0(%in: f32, %out: f32):
    %8 = arith.maximumf %in, %floor : f32
    linalg.yield %8 : f32
  } -> tensor<1x2x1x4x2x8x2xf32>
  %collapsed = tensor.collapse_shape %7 [[0], [1, 2], [3, 4], [5, 6]] : tensor<1x2x1x4x2x8x2xf32> into tensor<1x2x8x16xf32>
  return %collapsed : tensor<1x2x8x16xf32>
}

// -----

// Not row convolutions: the input moves by 2 along the row; the body
// subtracts.

// CHECK-LABEL: func.func @not_rows
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
//       CHECK:   linalg.generic
//   CHECK-NOT:   vector.
func.func @not_rows(%x: tensor<1x17xf32>, %w: tensor<1x2xf32>, %init: tensor<1x8x1xf32>)
    -> (tensor<1x8x1xf32>, tensor<1x8x1xf32>) {
  %a = linalg.generic {
      indexing_maps = [affine_map<(c, q, r, t) -> (c, 2 * q + t)>,
                       affine_map<(c, q, r, t) -> (c, t)>,
                       affine_map<(c, q, r, t) -> (c, q, r)>],
      iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<1x17xf32>, tensor<1x2xf32>) outs(%init : tensor<1x8x1xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %0 = arith.mulf %in, %in_0 : f32
    %1 = arith.addf %out, %0 : f32
    linalg.yield %1 : f32
  } -> tensor<1x8x1xf32>
  %b = linalg.generic {
      indexing_maps = [affine_map<(c, q, r, t) -> (c, q + t)>,
                       affine_map<(c, q, r, t) -> (c, t)>,
                       affine_map<(c, q, r, t) -> (c, q, r)>],
      iterator_types = ["parallel", "parallel", "parallel", "reduction"]}
      ins(%x, %w : tensor<1x17xf32>, tensor<1x2xf32>) outs(%init : tensor<1x8x1xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %0 = arith.mulf %in, %in_0 : f32
    %1 = arith.subf %out, %0 : f32
    linalg.yield %1 : f32
  } -> tensor<1x8x1xf32>
  return %a, %b : tensor<1x8x1xf32>, tensor<1x8x1xf32>
}
