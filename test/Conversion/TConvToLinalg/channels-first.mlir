// RUN: tconv-opt %s --tconv-convert-to-linalg -split-input-file | FileCheck %s

// No pads, no bias: a zero-filled accumulator and the named 1-D op with the
// op's stride.

// CHECK-LABEL: func.func @conv1d_strided
//  CHECK-SAME:     %[[X:.*]]: tensor<2x3x10xf32>, %[[W:.*]]: tensor<4x3x3xf32>
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
//   CHECK-DAG:   %[[EMPTY:.*]] = tensor.empty() : tensor<2x4x4xf32>
//       CHECK:   %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<2x4x4xf32>)
//       CHECK:   %[[Y:.*]] = linalg.conv_1d_ncw_fcw
//  CHECK-SAME:     dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>
//  CHECK-SAME:     ins(%[[X]], %[[W]] : tensor<2x3x10xf32>, tensor<4x3x3xf32>)
//  CHECK-SAME:     outs(%[[INIT]] : tensor<2x4x4xf32>)
//   CHECK-NOT:   tconv.conv
//       CHECK:   return %[[Y]]
func.func @conv1d_strided(%x: tensor<2x3x10xf32>, %w: tensor<4x3x3xf32>) -> tensor<2x4x4xf32> {
  %y = tconv.conv %x, %w strides = [2]
      : (tensor<2x3x10xf32>, tensor<4x3x3xf32>) -> tensor<2x4x4xf32>
  return %y : tensor<2x4x4xf32>
}

// -----

// Pads become a tensor.pad of the spatial dims. H: (4-1)*2+3 = 9 positions
// are read, so the end pad of 1 is dropped; W keeps both pads of 2. The bias
// is broadcast along the channel dim into the accumulator.

// CHECK-DAG: #[[BIAS_MAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d1)>
// CHECK-DAG: #[[ID_MAP:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv2d_pads_bias
//  CHECK-SAME:     %[[X:.*]]: tensor<1x3x8x9xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>
//       CHECK:   %[[PAD:.*]] = tensor.pad %[[X]] low[0, 0, 1, 2] high[0, 0, 0, 2]
//       CHECK:     tensor.yield %{{.*}} : f32
//       CHECK:   } : tensor<1x3x8x9xf32> to tensor<1x3x9x13xf32>
//       CHECK:   %[[INIT:.*]] = linalg.generic
//  CHECK-SAME:     indexing_maps = [#[[BIAS_MAP]], #[[ID_MAP]]]
//  CHECK-SAME:     ins(%[[B]] : tensor<16xf32>) outs(%{{.*}} : tensor<1x16x4x6xf32>)
//       CHECK:   %[[Y:.*]] = linalg.conv_2d_nchw_fchw
//  CHECK-SAME:     strides = dense<2> : tensor<2xi64>
//  CHECK-SAME:     ins(%[[PAD]], %[[W]] : tensor<1x3x9x13xf32>, tensor<16x3x3x3xf32>)
//  CHECK-SAME:     outs(%[[INIT]] : tensor<1x16x4x6xf32>)
//       CHECK:   return %[[Y]]
func.func @conv2d_pads_bias(%x: tensor<1x3x8x9xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x4x6xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 2, 1, 2]
      : (tensor<1x3x8x9xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x4x6xf32>
  return %y : tensor<1x16x4x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv3d_dilations
//       CHECK:   %[[INIT:.*]] = linalg.fill ins(%{{.*}} : f64)
//       CHECK:   linalg.conv_3d_ncdhw_fcdhw
//  CHECK-SAME:     dilations = dense<[2, 2, 3]> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<1x2x6x7x8xf64>, tensor<4x2x2x2x2xf64>)
//  CHECK-SAME:     outs(%[[INIT]] : tensor<1x4x4x5x5xf64>)
func.func @conv3d_dilations(%x: tensor<1x2x6x7x8xf64>, %w: tensor<4x2x2x2x2xf64>) -> tensor<1x4x4x5x5xf64> {
  %y = tconv.conv %x, %w dilations = [2, 2, 3]
      : (tensor<1x2x6x7x8xf64>, tensor<4x2x2x2x2xf64>) -> tensor<1x4x4x5x5xf64>
  return %y : tensor<1x4x4x5x5xf64>
}

// -----

// Grouped 2-D: channels split into (group, channels per group) around
// linalg.conv_2d_ngchw_gfchw.

// CHECK-LABEL: func.func @grouped2d
//  CHECK-SAME:     %[[X:.*]]: tensor<1x6x5x5xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>
//       CHECK:   %[[INIT:.*]] = linalg.fill
//   CHECK-DAG:   %[[GX:.*]] = tensor.expand_shape %[[X]] {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 2, 3, 5, 5]
//   CHECK-DAG:   %[[GW:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] output_shape [2, 2, 3, 3, 3]
//   CHECK-DAG:   %[[GINIT:.*]] = tensor.expand_shape %[[INIT]] {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 2, 2, 3, 3]
//       CHECK:   %[[GY:.*]] = linalg.conv_2d_ngchw_gfchw
//  CHECK-SAME:     ins(%[[GX]], %[[GW]] : tensor<1x2x3x5x5xf32>, tensor<2x2x3x3x3xf32>)
//  CHECK-SAME:     outs(%[[GINIT]] : tensor<1x2x2x3x3xf32>)
//       CHECK:   %[[Y:.*]] = tensor.collapse_shape %[[GY]] {{\[}}[0], [1, 2], [3], [4]] : tensor<1x2x2x3x3xf32> into tensor<1x4x3x3xf32>
//       CHECK:   return %[[Y]]
func.func @grouped2d(%x: tensor<1x6x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %y = tconv.conv %x, %w group = 2
      : (tensor<1x6x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// -----

// Grouped 1-D has no named op: a linalg.generic over
// (n, g, f, ow, c, kw) reading input position ow * stride + kw * dilation.

//   CHECK-DAG: #[[IN_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d4, d3 * 2 + d5 * 3)>
//   CHECK-DAG: #[[W_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d4, d5)>
//   CHECK-DAG: #[[OUT_MAP:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @grouped1d
//       CHECK:   %[[GY:.*]] = linalg.generic
//  CHECK-SAME:     indexing_maps = [#[[IN_MAP]], #[[W_MAP]], #[[OUT_MAP]]]
//  CHECK-SAME:     iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<2x2x2x11xf32>, tensor<2x3x2x3xf32>)
//  CHECK-SAME:     outs(%{{.*}} : tensor<2x2x3x3xf32>)
//  CHECK-NEXT:   ^bb0(%[[A:.*]]: f32, %[[B:.*]]: f32, %[[ACC:.*]]: f32):
//  CHECK-NEXT:     %[[MUL:.*]] = arith.mulf %[[A]], %[[B]] : f32
//  CHECK-NEXT:     %[[ADD:.*]] = arith.addf %[[ACC]], %[[MUL]] : f32
//  CHECK-NEXT:     linalg.yield %[[ADD]] : f32
//       CHECK:   tensor.collapse_shape %[[GY]] {{\[}}[0], [1, 2], [3]] : tensor<2x2x3x3xf32> into tensor<2x6x3xf32>
func.func @grouped1d(%x: tensor<2x4x11xf32>, %w: tensor<6x2x3xf32>) -> tensor<2x6x3xf32> {
  %y = tconv.conv %x, %w strides = [2] dilations = [3] group = 2
      : (tensor<2x4x11xf32>, tensor<6x2x3xf32>) -> tensor<2x6x3xf32>
  return %y : tensor<2x6x3xf32>
}

// -----

// One input and one output channel per group: the depthwise named op on a
// C x KH x KW filter.

// CHECK-LABEL: func.func @depthwise2d
//  CHECK-SAME:     %[[X:.*]]: tensor<1x4x6x6xf32>, %[[W:.*]]: tensor<4x1x3x3xf32>
//       CHECK:   %[[CW:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<4x1x3x3xf32> into tensor<4x3x3xf32>
//       CHECK:   linalg.depthwise_conv_2d_nchw_chw
//  CHECK-SAME:     ins(%[[X]], %[[CW]] : tensor<1x4x6x6xf32>, tensor<4x3x3xf32>)
func.func @depthwise2d(%x: tensor<1x4x6x6xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %y = tconv.conv %x, %w group = 4
      : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Depthwise with a channel multiplier of 2 is grouped 1-D: a generic.

// CHECK-LABEL: func.func @depthwise1d_multiplier
//       CHECK:   linalg.generic
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<1x3x1x8xf32>, tensor<3x2x1x2xf32>)
//  CHECK-SAME:     outs(%{{.*}} : tensor<1x3x2x7xf32>)
func.func @depthwise1d_multiplier(%x: tensor<1x3x8xf32>, %w: tensor<6x1x2xf32>) -> tensor<1x6x7xf32> {
  %y = tconv.conv %x, %w group = 3
      : (tensor<1x3x8xf32>, tensor<6x1x2xf32>) -> tensor<1x6x7xf32>
  return %y : tensor<1x6x7xf32>
}

// -----

// f16 accumulates in f32: the bias is extended into an f32 accumulator, the
// named op extends its f16 operands, a final generic truncates.

// CHECK-LABEL: func.func @f16_accumulates_in_f32
//  CHECK-SAME:     %[[X:.*]]: tensor<1x2x5x5xf16>, %[[W:.*]]: tensor<3x2x3x3xf16>, %[[B:.*]]: tensor<3xf16>
//       CHECK:   %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<3xf16>) outs(%{{.*}} : tensor<1x3x3x3xf32>)
//  CHECK-NEXT:   ^bb0(%[[IN:.*]]: f16, %{{.*}}: f32):
//  CHECK-NEXT:     %[[EXT:.*]] = arith.extf %[[IN]] : f16 to f32
//  CHECK-NEXT:     linalg.yield %[[EXT]] : f32
//       CHECK:   %[[ACC:.*]] = linalg.conv_2d_nchw_fchw
//  CHECK-SAME:     ins(%[[X]], %[[W]] : tensor<1x2x5x5xf16>, tensor<3x2x3x3xf16>)
//  CHECK-SAME:     outs(%[[INIT]] : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
//       CHECK:   %[[Y:.*]] = linalg.generic {{.*}} ins(%[[ACC]] : tensor<1x3x3x3xf32>) outs(%{{.*}} : tensor<1x3x3x3xf16>)
//  CHECK-NEXT:   ^bb0(%[[V:.*]]: f32, %{{.*}}: f16):
//  CHECK-NEXT:     %[[T:.*]] = arith.truncf %[[V]] : f32 to f16
//  CHECK-NEXT:     linalg.yield %[[T]] : f16
//       CHECK:   return %[[Y]] : tensor<1x3x3x3xf16>
func.func @f16_accumulates_in_f32(%x: tensor<1x2x5x5xf16>, %w: tensor<3x2x3x3xf16>, %b: tensor<3xf16>) -> tensor<1x3x3x3xf16> {
  %y = tconv.conv %x, %w, %b
      : (tensor<1x2x5x5xf16>, tensor<3x2x3x3xf16>, tensor<3xf16>) -> tensor<1x3x3x3xf16>
  return %y : tensor<1x3x3x3xf16>
}

// -----

// bf16 grouped 1-D: the generic extends both operands before multiplying.

// CHECK-LABEL: func.func @bf16_grouped1d
//       CHECK:   linalg.generic
//  CHECK-SAME:     outs(%{{.*}} : tensor<1x2x1x4xf32>)
//  CHECK-NEXT:   ^bb0(%[[A:.*]]: bf16, %[[B:.*]]: bf16, %[[ACC:.*]]: f32):
//  CHECK-NEXT:     %[[EA:.*]] = arith.extf %[[A]] : bf16 to f32
//  CHECK-NEXT:     %[[EB:.*]] = arith.extf %[[B]] : bf16 to f32
//  CHECK-NEXT:     %[[MUL:.*]] = arith.mulf %[[EA]], %[[EB]] : f32
//  CHECK-NEXT:     arith.addf %[[ACC]], %[[MUL]] : f32
//       CHECK:   arith.truncf %{{.*}} : f32 to bf16
func.func @bf16_grouped1d(%x: tensor<1x4x4xbf16>, %w: tensor<2x2x1xbf16>) -> tensor<1x2x4xbf16> {
  %y = tconv.conv %x, %w group = 2
      : (tensor<1x4x4xbf16>, tensor<2x2x1xbf16>) -> tensor<1x2x4xbf16>
  return %y : tensor<1x2x4xbf16>
}
