// RUN: tconv-opt %s --tconv-convert-to-linalg="channels-last width-vector-lanes=8" -split-input-file | FileCheck %s

// 3 output channels, 16 outputs along the width: NCHW, vectorized along the
// width later; no layout change on either side, the bias broadcast along
// the channel dim of the NCHW accumulator.

// CHECK-LABEL: func.func @few_channels(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x8x18x18xf32>, %[[W:.*]]: tensor<3x8x3x3xf32>, %[[B:.*]]: tensor<3xf32>
//       CHECK:   %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<3xf32>) outs(%{{.*}} : tensor<1x3x16x16xf32>)
//       CHECK:   %[[Y:.*]] = linalg.conv_2d_nchw_fchw {{.*}} ins(%[[X]], %[[W]] : tensor<1x8x18x18xf32>, tensor<3x8x3x3xf32>) outs(%[[INIT]] : tensor<1x3x16x16xf32>)
//       CHECK:   return %[[Y]]
func.func @few_channels(%x: tensor<1x8x18x18xf32>, %w: tensor<3x8x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x16x16xf32> {
  %y = tconv.conv %x, %w, %b : (tensor<1x8x18x18xf32>, tensor<3x8x3x3xf32>, tensor<3xf32>) -> tensor<1x3x16x16xf32>
  return %y : tensor<1x3x16x16xf32>
}

// -----

// More output channels than lanes, a width shorter than a vector, a stride
// along the width, f16: channels-last as without the option.

// CHECK-LABEL: func.func @channels_last_still(
//   CHECK-NOT:   linalg.conv_2d_nchw_fchw
// CHECK-COUNT-4: linalg.conv_2d_nhwc_hwcf
//   CHECK-NOT:   linalg.conv_2d_nchw_fchw
func.func @channels_last_still(%x: tensor<1x8x18x18xf32>, %w16: tensor<16x8x3x3xf32>, %w: tensor<3x8x3x3xf32>,
                               %xn: tensor<1x8x18x6xf32>, %xh: tensor<1x8x18x18xf16>, %wh: tensor<3x8x3x3xf16>)
    -> (tensor<1x16x16x16xf32>, tensor<1x3x16x4xf32>, tensor<1x3x16x8xf32>, tensor<1x3x16x16xf16>) {
  %a = tconv.conv %x, %w16 : (tensor<1x8x18x18xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32>
  %b = tconv.conv %xn, %w : (tensor<1x8x18x6xf32>, tensor<3x8x3x3xf32>) -> tensor<1x3x16x4xf32>
  %c = tconv.conv %x, %w strides = [1, 2] : (tensor<1x8x18x18xf32>, tensor<3x8x3x3xf32>) -> tensor<1x3x16x8xf32>
  %d = tconv.conv %xh, %wh : (tensor<1x8x18x18xf16>, tensor<3x8x3x3xf16>) -> tensor<1x3x16x16xf16>
  return %a, %b, %c, %d : tensor<1x16x16x16xf32>, tensor<1x3x16x4xf32>, tensor<1x3x16x8xf32>, tensor<1x3x16x16xf16>
}
