// RUN: tconv-opt %s --tconv-lower-depthwise-transpose --canonicalize -split-input-file \
// RUN:   --mlir-print-local-scope | FileCheck %s

// 2x bilinear-style upsampling (k 4, s 2, p 1): two taps per phase and dim.
// The input is padded by one on each side; output o = 2q + r of phase r
// reads input q + t + (r + 1) floordiv 2 - 1 (+ 1 for the pad); the filter
// is gathered phase-major. One generic writes the N x C x M' x (Q, s)..
// view of the output, collapsed back to NCHW.

// CHECK-LABEL: func.func @bilinear
//  CHECK-SAME:     (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[WT:.*]]: tensor<3x1x4x4xf32>)
//       CHECK:   %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
//       CHECK:   %[[WP:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, (d2 + 1) mod 2 + (-d4 + 1) * 2, (d3 + 1) mod 2 + (-d5 + 1) * 2)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3, d4, d5)>]
//  CHECK-SAME:       ins(%[[WT]] : tensor<3x1x4x4xf32>) outs(%{{.*}} : tensor<3x1x2x2x2x2xf32>)
//       CHECK:   %[[ZERO:.*]] = linalg.fill {{.*}} -> tensor<1x3x1x8x2x8x2xf32>
//       CHECK:   %[[ACC:.*]] = linalg.generic {indexing_maps = [
//  CHECK-SAME:       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d3 + d7 + (d4 + 1) floordiv 2, d5 + d8 + (d6 + 1) floordiv 2)>,
//  CHECK-SAME:       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d1, d2, d4, d6, d7, d8)>,
//  CHECK-SAME:       affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8) -> (d0, d1, d2, d3, d4, d5, d6)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
//  CHECK-SAME:       ins(%[[PAD]], %[[WP]] : tensor<1x3x10x10xf32>, tensor<3x1x2x2x2x2xf32>) outs(%[[ZERO]] : tensor<1x3x1x8x2x8x2xf32>)
//       CHECK:     arith.mulf
//       CHECK:     arith.addf
//       CHECK:   %[[Y:.*]] = tensor.collapse_shape %[[ACC]] {{\[}}[0], [1, 2], [3, 4], [5, 6]] : tensor<1x3x1x8x2x8x2xf32> into tensor<1x3x16x16xf32>
//       CHECK:   return %[[Y]]
//   CHECK-NOT:   tconv.conv_transpose
func.func @bilinear(%x: tensor<1x3x8x8xf32>, %w: tensor<3x1x4x4xf32>) -> tensor<1x3x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 3
      : (tensor<1x3x8x8xf32>, tensor<3x1x4x4xf32>) -> tensor<1x3x16x16xf32>
  return %y : tensor<1x3x16x16xf32>
}

// -----

// A constant filter is gathered now. k 3, s 2, p 1: phase 0 has one tap
// (k = 1, value 2) and a zero tap, phase 1 taps k = 2 then k = 0 (3, 1).

// CHECK-LABEL: func.func @constant_filter
//   CHECK-DAG:   %[[WP:.*]] = arith.constant dense<{{\[}}{{\[}}{{\[}}[0.000000e+00, 2.000000e+00], [3.000000e+00, 1.000000e+00]]]]> : tensor<1x1x2x2xf32>
//   CHECK-DAG:   %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 1] high[0, 0, 1]
//       CHECK:   linalg.generic {{.*}} ins(%[[PAD]], %[[WP]] : tensor<1x1x7xf32>, tensor<1x1x2x2xf32>) outs(%{{.*}} : tensor<1x1x1x5x2xf32>)
//   CHECK-NOT:   tconv.conv_transpose
func.func @constant_filter(%x: tensor<1x1x5xf32>) -> tensor<1x1x10xf32> {
  %w = arith.constant dense<[[[1.0, 2.0, 3.0]]]> : tensor<1x1x3xf32>
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1] output_padding = [1]
      : (tensor<1x1x5xf32>, tensor<1x1x3xf32>) -> tensor<1x1x10xf32>
  return %y : tensor<1x1x10xf32>
}

// -----

// Channel multiplier 3, bias, f16: the accumulator starts at the bias
// (extended, broadcast along every dim but C x M'), the body extends both
// operands, the result is truncated after the collapse.

// CHECK-LABEL: func.func @multiplier_bias_f16
//  CHECK-SAME:     (%[[X:.*]]: tensor<2x2x6xf16>, %{{.*}}: tensor<2x3x2xf16>, %[[B:.*]]: tensor<6xf16>)
//       CHECK:   %[[B32:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<6xf16>) outs(%{{.*}} : tensor<6xf32>)
//       CHECK:     arith.extf
//       CHECK:   %[[BE:.*]] = tensor.expand_shape %[[B32]] {{\[}}[0, 1]] output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
//       CHECK:   %[[INIT:.*]] = linalg.broadcast ins(%[[BE]] : tensor<2x3xf32>) outs(%{{.*}} : tensor<2x2x3x6x2xf32>) dimensions = [0, 3, 4]
//       CHECK:   %[[ACC:.*]] = linalg.generic {indexing_maps = [
//  CHECK-SAME:       affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d3 + d5 + d4 floordiv 2)>,
//  CHECK-SAME:       affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d4, d5)>,
//  CHECK-SAME:       ins(%[[X]], %{{.*}} : tensor<2x2x6xf16>, tensor<2x3x2x1xf16>) outs(%[[INIT]] : tensor<2x2x3x6x2xf32>)
//       CHECK:     arith.extf
//       CHECK:     arith.extf
//       CHECK:     arith.mulf
//       CHECK:     arith.addf
//       CHECK:   %[[C:.*]] = tensor.collapse_shape %[[ACC]] {{\[}}[0], [1, 2], [3, 4]] : tensor<2x2x3x6x2xf32> into tensor<2x6x12xf32>
//       CHECK:   linalg.generic {{.*}} ins(%[[C]] : tensor<2x6x12xf32>) outs(%{{.*}} : tensor<2x6x12xf16>)
//       CHECK:     arith.truncf
func.func @multiplier_bias_f16(%x: tensor<2x2x6xf16>, %w: tensor<2x3x2xf16>, %b: tensor<6xf16>) -> tensor<2x6x12xf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] group = 2
      : (tensor<2x2x6xf16>, tensor<2x3x2xf16>, tensor<6xf16>) -> tensor<2x6x12xf16>
  return %y : tensor<2x6x12xf16>
}

// -----

// Left to the general decomposition: dilation, an output size (17) that is
// not a multiple of the stride, two input channels per group.

// CHECK-LABEL: func.func @not_lowered
//       CHECK:   tconv.conv_transpose {{.*}} dilations = [2] group = 4
//       CHECK:   tconv.conv_transpose {{.*}} group = 4 : {{.*}} -> tensor<1x4x17xf32>
//       CHECK:   tconv.conv_transpose {{.*}} group = 2
//   CHECK-NOT:   linalg.generic
func.func @not_lowered(%x: tensor<1x4x8xf32>, %w: tensor<4x1x3xf32>, %w2: tensor<4x2x3xf32>)
    -> (tensor<1x4x19xf32>, tensor<1x4x17xf32>, tensor<1x4x17xf32>) {
  %a = tconv.conv_transpose %x, %w strides = [2] dilations = [2] group = 4
      : (tensor<1x4x8xf32>, tensor<4x1x3xf32>) -> tensor<1x4x19xf32>
  %b = tconv.conv_transpose %x, %w strides = [2] group = 4
      : (tensor<1x4x8xf32>, tensor<4x1x3xf32>) -> tensor<1x4x17xf32>
  %c = tconv.conv_transpose %x, %w2 strides = [2] group = 2
      : (tensor<1x4x8xf32>, tensor<4x2x3xf32>) -> tensor<1x4x17xf32>
  return %a, %b, %c : tensor<1x4x19xf32>, tensor<1x4x17xf32>, tensor<1x4x17xf32>
}

// -----

// A recorded schedule (tconv-select-strategy) decides: depthwise-rows goes on
// to the generic, for tconv-vectorize-depthwise-rows; another kind leaves the
// op to the general decomposition.

// CHECK-LABEL: func.func @recorded_schedule
//       CHECK:   linalg.generic {{.*}}tconv.schedule = {kind = "depthwise-rows", vector_width = 16 : i64}
//       CHECK:   tconv.conv_transpose {{.*}}tconv.schedule = {kind = "plain"}
func.func @recorded_schedule(%x: tensor<1x2x8x32xf32>, %w: tensor<2x1x4x4xf32>)
    -> (tensor<1x2x16x64xf32>, tensor<1x2x16x64xf32>) {
  %a = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 2
      {tconv.schedule = {kind = "depthwise-rows", vector_width = 16}}
      : (tensor<1x2x8x32xf32>, tensor<2x1x4x4xf32>) -> tensor<1x2x16x64xf32>
  %b = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 2
      {tconv.schedule = {kind = "plain"}}
      : (tensor<1x2x8x32xf32>, tensor<2x1x4x4xf32>) -> tensor<1x2x16x64xf32>
  return %a, %b : tensor<1x2x16x64xf32>, tensor<1x2x16x64xf32>
}
