// RUN: tconv-opt %s --tconv-pad-before-layout-changes -split-input-file | FileCheck %s

// The padded NHWC input of an f32 convolution (FMA schedule) is padded in
// NCHW first (h, w pads: dims 2, 3 there), then changes layout.

// CHECK-LABEL: func.func @conv_input(
//  CHECK-SAME:     %[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>
//       CHECK:   %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
//       CHECK:     : tensor<1x8x4x4xf32> to tensor<1x8x6x6xf32>
//       CHECK:   %[[T:.*]] = linalg.generic
//  CHECK-SAME:     ins(%[[P]] : tensor<1x8x6x6xf32>) outs(%{{.*}} : tensor<1x6x6x8xf32>)
//       CHECK:   linalg.conv_2d_nhwc_hwcf ins(%[[T]], %{{.*}} : tensor<1x6x6x8xf32>, tensor<3x3x8x16xf32>)
func.func @conv_input(%x: tensor<1x8x4x4xf32>, %f: tensor<3x3x8x16xf32>, %acc: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x4x4x8xf32>
  %p = tensor.pad %t low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf ins(%p, %f : tensor<1x6x6x8xf32>, tensor<3x3x8x16xf32>) outs(%acc : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// -----

// Read through slices (the phases of a transposed convolution): moved too.

// CHECK-LABEL: func.func @phase_slices(
//  CHECK-SAME:     %[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>
//       CHECK:   tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
//       CHECK:   linalg.generic
//       CHECK:   tensor.extract_slice
//       CHECK:   linalg.conv_2d_nhwc_hwcf
func.func @phase_slices(%x: tensor<1x8x4x4xf32>, %f: tensor<2x2x8x16xf32>, %acc: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x4x4x8xf32>
  %p = tensor.pad %t low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  %s = tensor.extract_slice %p[0, 1, 1, 0] [1, 5, 5, 8] [1, 1, 1, 1] : tensor<1x6x6x8xf32> to tensor<1x5x5x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf ins(%s, %f : tensor<1x5x5x8xf32>, tensor<2x2x8x16xf32>) outs(%acc : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// -----

// Depthwise tiles read vectors of channels, which need the NHWC copy: the
// pad stays after it.

// CHECK-LABEL: func.func @depthwise(
//       CHECK:   %[[T:.*]] = linalg.generic
//       CHECK:   tensor.pad %[[T]] low[0, 1, 1, 0]
func.func @depthwise(%x: tensor<1x8x4x4xf32>, %f: tensor<3x3x8xf32>, %acc: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x4x4x8xf32>
  %p = tensor.pad %t low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwc ins(%p, %f : tensor<1x6x6x8xf32>, tensor<3x3x8xf32>) outs(%acc : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

// A vdpbf16ps schedule reads pairs of input channels as vectors: kept.

// CHECK-LABEL: func.func @bf16_dot(
//       CHECK:   %[[T:.*]] = linalg.generic
//       CHECK:   tensor.pad %[[T]] low[0, 1, 1, 0]
func.func @bf16_dot(%x: tensor<1x8x4x4xf32>, %f: tensor<3x3x8x16xf32>, %acc: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x4x4x8xf32>
  %p = tensor.pad %t low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 16 : i64, ow_tile = 6 : i64, f_tile = 16 : i64, kw_tile = 3 : i64, c_tile = 2 : i64, dot_width = 2 : i64}} ins(%p, %f : tensor<1x6x6x8xf32>, tensor<3x3x8x16xf32>) outs(%acc : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}
