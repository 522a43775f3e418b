// RUN: tconv-opt %s --tconv-convert-to-linalg=channels-last -split-input-file | FileCheck %s

// NCHW input -> NHWC, FCHW filter -> HWCF, NHWC accumulator -> NCHW result;
// the pad applies to the channels-last input.

//   CHECK-DAG: #[[TO_NHWC:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d3, d1, d2)>
//   CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
//   CHECK-DAG: #[[BIAS:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
//   CHECK-DAG: #[[TO_HWCF:.*]] = affine_map<(d0, d1, d2, d3) -> (d3, d2, d0, d1)>
//   CHECK-DAG: #[[TO_NCHW:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, d1)>
// CHECK-LABEL: func.func @conv2d
//  CHECK-SAME:     %[[X:.*]]: tensor<1x3x8x9xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>
//       CHECK:   %[[XT:.*]] = linalg.generic {indexing_maps = [#[[TO_NHWC]], #[[ID]]]
//  CHECK-SAME:     ins(%[[X]] : tensor<1x3x8x9xf32>) outs(%{{.*}} : tensor<1x8x9x3xf32>)
//       CHECK:   %[[PAD:.*]] = tensor.pad %[[XT]] low[0, 1, 2, 0] high[0, 0, 2, 0]
//       CHECK:   } : tensor<1x8x9x3xf32> to tensor<1x9x13x3xf32>
//       CHECK:   %[[INIT:.*]] = linalg.generic {indexing_maps = [#[[BIAS]], #[[ID]]]
//  CHECK-SAME:     ins(%[[B]] : tensor<16xf32>) outs(%{{.*}} : tensor<1x4x6x16xf32>)
//       CHECK:   %[[WT:.*]] = linalg.generic {indexing_maps = [#[[TO_HWCF]], #[[ID]]]
//  CHECK-SAME:     ins(%[[W]] : tensor<16x3x3x3xf32>) outs(%{{.*}} : tensor<3x3x3x16xf32>)
//       CHECK:   %[[ACC:.*]] = linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     strides = dense<2> : tensor<2xi64>
//  CHECK-SAME:     ins(%[[PAD]], %[[WT]] : tensor<1x9x13x3xf32>, tensor<3x3x3x16xf32>)
//  CHECK-SAME:     outs(%[[INIT]] : tensor<1x4x6x16xf32>)
//       CHECK:   %[[Y:.*]] = linalg.generic {indexing_maps = [#[[TO_NCHW]], #[[ID]]]
//  CHECK-SAME:     ins(%[[ACC]] : tensor<1x4x6x16xf32>) outs(%{{.*}} : tensor<1x16x4x6xf32>)
//       CHECK:   return %[[Y]]
func.func @conv2d(%x: tensor<1x3x8x9xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x4x6xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 2, 1, 2]
      : (tensor<1x3x8x9xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x4x6xf32>
  return %y : tensor<1x16x4x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv1d
//       CHECK:   linalg.conv_1d_nwc_wcf
//  CHECK-SAME:     dilations = dense<2> : tensor<1xi64>
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<2x10x3xf32>, tensor<3x3x4xf32>)
//  CHECK-SAME:     outs(%{{.*}} : tensor<2x6x4xf32>)
func.func @conv1d(%x: tensor<2x3x10xf32>, %w: tensor<4x3x3xf32>) -> tensor<2x4x6xf32> {
  %y = tconv.conv %x, %w dilations = [2]
      : (tensor<2x3x10xf32>, tensor<4x3x3xf32>) -> tensor<2x4x6xf32>
  return %y : tensor<2x4x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv3d
//       CHECK:   linalg.conv_3d_ndhwc_dhwcf
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<1x6x7x8x2xf64>, tensor<2x2x2x2x4xf64>)
//  CHECK-SAME:     outs(%{{.*}} : tensor<1x5x6x7x4xf64>)
func.func @conv3d(%x: tensor<1x2x6x7x8xf64>, %w: tensor<4x2x2x2x2xf64>) -> tensor<1x4x5x6x7xf64> {
  %y = tconv.conv %x, %w
      : (tensor<1x2x6x7x8xf64>, tensor<4x2x2x2x2xf64>) -> tensor<1x4x5x6x7xf64>
  return %y : tensor<1x4x5x6x7xf64>
}

// -----

// Depthwise: HWC filter.

//   CHECK-DAG: #[[TO_HWC:.*]] = affine_map<(d0, d1, d2) -> (d2, d0, d1)>
// CHECK-LABEL: func.func @depthwise2d
//  CHECK-SAME:     %[[X:.*]]: tensor<1x4x6x6xf32>, %[[W:.*]]: tensor<4x1x3x3xf32>
//       CHECK:   %[[CW:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<4x1x3x3xf32> into tensor<4x3x3xf32>
//       CHECK:   %[[WT:.*]] = linalg.generic {indexing_maps = [#[[TO_HWC]], {{.*}}]
//  CHECK-SAME:     ins(%[[CW]] : tensor<4x3x3xf32>) outs(%{{.*}} : tensor<3x3x4xf32>)
//       CHECK:   linalg.depthwise_conv_2d_nhwc_hwc
//  CHECK-SAME:     ins(%{{.*}}, %[[WT]] : tensor<1x6x6x4xf32>, tensor<3x3x4xf32>)
//  CHECK-SAME:     outs(%{{.*}} : tensor<1x4x4x4xf32>)
func.func @depthwise2d(%x: tensor<1x4x6x6xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %y = tconv.conv %x, %w group = 4
      : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

// Depthwise with multiplier 2: output channel c * 2 + m is element (c, m) of
// the HWCM convolution's N x H x W x C x M accumulator.

//   CHECK-DAG: #[[TO_HWCM:.*]] = affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>
// CHECK-LABEL: func.func @depthwise2d_multiplier
//  CHECK-SAME:     %[[X:.*]]: tensor<1x4x9x9xf32>, %[[W:.*]]: tensor<8x1x3x3xf32>
//       CHECK:   %[[INIT:.*]] = linalg.fill {{.*}} -> tensor<1x7x7x8xf32>
//       CHECK:   %[[CW:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3]] : tensor<8x1x3x3xf32> into tensor<8x3x3xf32>
//       CHECK:   %[[EW:.*]] = tensor.expand_shape %[[CW]] {{\[}}[0, 1], [2], [3]] output_shape [4, 2, 3, 3]
//       CHECK:   %[[WT:.*]] = linalg.generic {indexing_maps = [#[[TO_HWCM]], {{.*}}]
//  CHECK-SAME:     ins(%[[EW]] : tensor<4x2x3x3xf32>) outs(%{{.*}} : tensor<3x3x4x2xf32>)
//       CHECK:   %[[EINIT:.*]] = tensor.expand_shape %[[INIT]] {{\[}}[0], [1], [2], [3, 4]] output_shape [1, 7, 7, 4, 2]
//       CHECK:   %[[ACC:.*]] = linalg.depthwise_conv_2d_nhwc_hwcm
//  CHECK-SAME:     ins(%{{.*}}, %[[WT]] : tensor<1x9x9x4xf32>, tensor<3x3x4x2xf32>)
//  CHECK-SAME:     outs(%[[EINIT]] : tensor<1x7x7x4x2xf32>)
//       CHECK:   tensor.collapse_shape %[[ACC]] {{\[}}[0], [1], [2], [3, 4]] : tensor<1x7x7x4x2xf32> into tensor<1x7x7x8xf32>
func.func @depthwise2d_multiplier(%x: tensor<1x4x9x9xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x7x7xf32> {
  %y = tconv.conv %x, %w group = 4
      : (tensor<1x4x9x9xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x7x7xf32>
  return %y : tensor<1x8x7x7xf32>
}

// -----

// Other grouped convolutions keep the channels-first lowering.

// CHECK-LABEL: func.func @grouped2d_stays_nchw
//   CHECK-NOT:   linalg.generic
//       CHECK:   linalg.conv_2d_ngchw_gfchw
func.func @grouped2d_stays_nchw(%x: tensor<1x6x5x5xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %y = tconv.conv %x, %w group = 2
      : (tensor<1x6x5x5xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

// -----

// f16: the layout changes extend to f32 and the last one truncates; the
// convolution itself is all f32.

// CHECK-LABEL: func.func @f16
//       CHECK:   linalg.generic {{.*}} ins(%{{.*}} : tensor<1x2x5x5xf16>) outs(%{{.*}} : tensor<1x5x5x2xf32>)
//       CHECK:     arith.extf %{{.*}} : f16 to f32
//       CHECK:   linalg.generic {{.*}} ins(%{{.*}} : tensor<3x2x3x3xf16>) outs(%{{.*}} : tensor<3x3x2x3xf32>)
//       CHECK:     arith.extf %{{.*}} : f16 to f32
//       CHECK:   %[[ACC:.*]] = linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     ins(%{{.*}}, %{{.*}} : tensor<1x5x5x2xf32>, tensor<3x3x2x3xf32>)
//  CHECK-SAME:     outs(%{{.*}} : tensor<1x3x3x3xf32>)
//       CHECK:   linalg.generic {{.*}} ins(%[[ACC]] : tensor<1x3x3x3xf32>) outs(%{{.*}} : tensor<1x3x3x3xf16>)
//       CHECK:     arith.truncf %{{.*}} : f32 to f16
func.func @f16(%x: tensor<1x2x5x5xf16>, %w: tensor<3x2x3x3xf16>) -> tensor<1x3x3x3xf16> {
  %y = tconv.conv %x, %w
      : (tensor<1x2x5x5xf16>, tensor<3x2x3x3xf16>) -> tensor<1x3x3x3xf16>
  return %y : tensor<1x3x3x3xf16>
}

// -----

// Constant weights are packed (and extended) at conversion time: the HWCF
// f32 constant replaces the layout change.

// CHECK-LABEL: func.func @f16_constant_weights
//   CHECK-DAG:   %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 0.0999755859]]]]> : tensor<1x1x2x2xf32>
//       CHECK:   linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     ins(%{{.*}}, %[[W]] : tensor<1x4x4x2xf32>, tensor<1x1x2x2xf32>)
func.func @f16_constant_weights(%x: tensor<1x2x4x4xf16>) -> tensor<1x2x4x4xf16> {
  %w = arith.constant dense<[[[[1.0]], [[2.0]]], [[[3.0]], [[0.1]]]]> : tensor<2x2x1x1xf16>
  %y = tconv.conv %x, %w : (tensor<1x2x4x4xf16>, tensor<2x2x1x1xf16>) -> tensor<1x2x4x4xf16>
  return %y : tensor<1x2x4x4xf16>
}
