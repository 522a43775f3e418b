// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=linalg | FileCheck %s

// tosa, elementwise arith/math on tensors and tconv all become linalg on
// tensors in the "linalg" stage; the convolution carries the schedule
// tconv-select-strategy chose for it.

// CHECK-LABEL: func.func @model
//   CHECK-NOT:   tosa.
//   CHECK-NOT:   tconv.
//       CHECK:   %[[CONV:.*]] = linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}
//       CHECK:   %[[NCHW:.*]] = linalg.generic {{.*}} ins(%[[CONV]] : tensor<1x8x8x16xf32>)
//       CHECK:   %[[RELU:.*]] = linalg.generic {{.*}} ins(%[[NCHW]], %{{.*}} : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>)
//       CHECK:     arith.maximumf
//       CHECK:   %[[CLAMP:.*]] = linalg.generic {{.*}} ins(%[[RELU]] : tensor<1x16x8x8xf32>)
//       CHECK:     arith.minimumf
//       CHECK:     arith.maximumf
//       CHECK:   %[[TANH:.*]] = linalg.generic {{.*}} ins(%[[CLAMP]] : tensor<1x16x8x8xf32>)
//       CHECK:     math.tanh %{{.*}} : f32
//       CHECK:   return %[[TANH]]
func.func @model(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %zero = arith.constant dense<0.0> : tensor<1x16x8x8xf32>
  %relu = arith.maximumf %y, %zero : tensor<1x16x8x8xf32>
  %c = tosa.clamp %relu {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %t = math.tanh %c : tensor<1x16x8x8xf32>
  return %t : tensor<1x16x8x8xf32>
}
