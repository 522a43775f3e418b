// RUN: tconv-opt %s --tconv-convert-to-linalg -split-input-file | FileCheck %s

// A recorded tconv.schedule picks the layout, whatever the options (here
// none: NCHW by default), and goes on to the linalg convolution.

// CHECK-LABEL: func.func @channels_last(
//       CHECK:   linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}
//  CHECK-SAME:     -> tensor<1x16x16x16xf32>
func.func @channels_last(%x: tensor<1x8x18x18xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32> {
  %y = tconv.conv %x, %w {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}}
      : (tensor<1x8x18x18xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32>
  return %y : tensor<1x16x16x16xf32>
}

// -----

// CHECK-LABEL: func.func @width(
//       CHECK:   linalg.conv_2d_nchw_fchw
//  CHECK-SAME:     tconv.schedule = {f_tile = 3 : i64, kind = "width", row_tile = 2 : i64, vec_tile = 1 : i64, vector_width = 8 : i64}
//  CHECK-SAME:     -> tensor<1x3x16x16xf32>
func.func @width(%x: tensor<1x8x18x18xf32>, %w: tensor<3x8x3x3xf32>) -> tensor<1x3x16x16xf32> {
  %y = tconv.conv %x, %w {tconv.schedule = {f_tile = 3 : i64, kind = "width", row_tile = 2 : i64, vec_tile = 1 : i64, vector_width = 8 : i64}}
      : (tensor<1x8x18x18xf32>, tensor<3x8x3x3xf32>) -> tensor<1x3x16x16xf32>
  return %y : tensor<1x3x16x16xf32>
}

// -----

// Depthwise with a channel multiplier and other grouped convolutions: the
// layout of their kind, the schedule carried along.

// CHECK-LABEL: func.func @grouped(
//       CHECK:   linalg.depthwise_conv_2d_nhwc_hwcm {{.*}}tconv.schedule = {kind = "channels-last-loops"}
//       CHECK:   linalg.conv_2d_ngchw_gfchw {{.*}}tconv.schedule = {kind = "plain"}
func.func @grouped(%x: tensor<1x8x16x16xf32>, %wm: tensor<16x1x3x3xf32>, %wg: tensor<8x4x3x3xf32>)
    -> (tensor<1x16x14x14xf32>, tensor<1x8x14x14xf32>) {
  %a = tconv.conv %x, %wm group = 8 {tconv.schedule = {kind = "channels-last-loops"}}
      : (tensor<1x8x16x16xf32>, tensor<16x1x3x3xf32>) -> tensor<1x16x14x14xf32>
  %b = tconv.conv %x, %wg group = 2 {tconv.schedule = {kind = "plain"}}
      : (tensor<1x8x16x16xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x14x14xf32>
  return %a, %b : tensor<1x16x14x14xf32>, tensor<1x8x14x14xf32>
}
