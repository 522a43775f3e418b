// RUN: tconv-opt %s --tconv-vectorize-convs=f-tile=8 --canonicalize --cse -split-input-file | FileCheck %s

// With several blocks of output channels, the HWCF filter is packed into
// F/8 x KH x KW x C x 8 and each tile reads its block, a contiguous slice.

//   CHECK-DAG: #[[PACK:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d1, d2, d3, d0 * 8 + d4)>
//   CHECK-DAG: #[[BLOCK:.*]] = affine_map<(d0) -> (d0 floordiv 8)>
// CHECK-LABEL: func.func @packed(
//  CHECK-SAME:     %{{.*}}: tensor<1x4x10x8xf32>, %[[W:.*]]: tensor<3x3x8x32xf32>
//       CHECK:   %[[PACKED:.*]] = linalg.generic {indexing_maps = [#[[PACK]], {{.*}}]
//  CHECK-SAME:     ins(%[[W]] : tensor<3x3x8x32xf32>) outs(%{{.*}} : tensor<4x3x3x8x8xf32>)
//       CHECK:   scf.forall (%[[F:.*]], %{{.*}}, %{{.*}}) = (0, 0, 0) to (32, 2, 8) step (8, 1, 4)
//       CHECK:     %[[FB:.*]] = affine.apply #[[BLOCK]](%[[F]])
//       CHECK:     tensor.extract_slice %[[PACKED]][%[[FB]], 0, 0, 0, 0] [1, 3, 3, 8, 8] [1, 1, 1, 1, 1] : tensor<4x3x3x8x8xf32> to tensor<3x3x8x8xf32>
//   CHECK-NOT:     tensor.extract_slice %[[W]]
func.func @packed(%x: tensor<1x4x10x8xf32>, %w: tensor<3x3x8x32xf32>, %init: tensor<1x2x8x32xf32>) -> tensor<1x2x8x32xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x10x8xf32>, tensor<3x3x8x32xf32>) outs(%init : tensor<1x2x8x32xf32>) -> tensor<1x2x8x32xf32>
  return %y : tensor<1x2x8x32xf32>
}

// -----

// The layout change that produced the filter is folded into the packing:
// one pass from FCHW to the packed layout, a permutation of the FCHW filter
// with F split into blocks of 8 (a layout change, which
// tconv-vectorize-layout-changes moves in register blocks).

//   CHECK-DAG: #[[FROM_FCHW:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d4, d3, d1, d2)>
// CHECK-LABEL: func.func @packed_from_fchw(
//  CHECK-SAME:     %{{.*}}: tensor<1x4x10x8xf32>, %[[W:.*]]: tensor<16x8x3x3xf32>
//       CHECK:   %[[BLOCKS:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 8, 8, 3, 3] : tensor<16x8x3x3xf32> into tensor<2x8x8x3x3xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[FROM_FCHW]], {{.*}}]
//  CHECK-SAME:     ins(%[[BLOCKS]] : tensor<2x8x8x3x3xf32>) outs(%{{.*}} : tensor<2x3x3x8x8xf32>)
//   CHECK-NOT:   tensor<3x3x8x16xf32>
func.func @packed_from_fchw(%x: tensor<1x4x10x8xf32>, %w: tensor<16x8x3x3xf32>, %init: tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32> {
  %e = tensor.empty() : tensor<3x3x8x16xf32>
  %hwcf = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d3, d2, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                          iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<16x8x3x3xf32>) outs(%e : tensor<3x3x8x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<3x3x8x16xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %hwcf : tensor<1x4x10x8xf32>, tensor<3x3x8x16xf32>) outs(%init : tensor<1x2x8x16xf32>) -> tensor<1x2x8x16xf32>
  return %y : tensor<1x2x8x16xf32>
}

// -----

// Constant filters are packed at compile time.

// CHECK-LABEL: func.func @packed_constant
//       CHECK:   %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}0.000000e+00, 1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00, 5.000000e+00, 6.000000e+00, 7.000000e+00]]], {{\[\[\[}}8.000000e+00, 9.000000e+00, 1.000000e+01, 1.100000e+01, 1.200000e+01, 1.300000e+01, 1.400000e+01, 1.500000e+01]]]]> : tensor<2x1x1x8xf32>
//   CHECK-NOT:   linalg.generic
//       CHECK:   scf.forall (%[[F:.*]]) = (0) to (16) step (8)
//       CHECK:     tensor.extract_slice %[[W]][%{{.*}}, 0, 0, 0] [1, 1, 1, 8] [1, 1, 1, 1] : tensor<2x1x1x8xf32> to tensor<1x1x8xf32>
func.func @packed_constant(%x: tensor<1x3x1xf32>, %init: tensor<1x3x16xf32>) -> tensor<1x3x16xf32> {
  %w = arith.constant dense<[[[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0]]]> : tensor<1x1x16xf32>
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
      ins(%x, %w : tensor<1x3x1xf32>, tensor<1x1x16xf32>) outs(%init : tensor<1x3x16xf32>) -> tensor<1x3x16xf32>
  return %y : tensor<1x3x16xf32>
}
