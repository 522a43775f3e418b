// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=fused -split-input-file | FileCheck %s

// ReLU, clamp and tanh fuse into the layout change after the convolution:
// one pass over the output.

//   CHECK-DAG: #[[TO_NCHW:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, d1)>
// CHECK-LABEL: func.func @model
//       CHECK:   %[[CONV:.*]] = linalg.conv_2d_nhwc_hwcf
//       CHECK:   %[[Y:.*]] = linalg.generic {indexing_maps = [#[[TO_NCHW]], {{.*}}]
//  CHECK-SAME:     ins(%[[CONV]] : tensor<1x8x8x16xf32>)
//  CHECK-NEXT:   ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
//  CHECK-NEXT:     %[[RELU:.*]] = arith.maximumf %[[IN]], %{{.*}} : f32
//  CHECK-NEXT:     %[[MIN:.*]] = arith.minimumf %[[RELU]], %{{.*}} : f32
//  CHECK-NEXT:     %[[MAX:.*]] = arith.maximumf %[[MIN]], %{{.*}} : f32
//  CHECK-NEXT:     %[[TANH:.*]] = math.tanh %[[MAX]] : f32
//  CHECK-NEXT:     linalg.yield %[[TANH]] : f32
//   CHECK-NOT:   linalg.generic
//       CHECK:   return %[[Y]]
func.func @model(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x8x8xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %zero = arith.constant dense<0.0> : tensor<1x16x8x8xf32>
  %relu = arith.maximumf %y, %zero : tensor<1x16x8x8xf32>
  %c = tosa.clamp %relu {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %t = math.tanh %c : tensor<1x16x8x8xf32>
  return %t : tensor<1x16x8x8xf32>
}

// -----

// Constant weights are packed once, at compile time: the FCHW -> HWCF
// transpose folds into the constant.

// CHECK-LABEL: func.func @const_weights
//   CHECK-DAG:   %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]]]> : tensor<1x1x2x2xf32>
//       CHECK:   linalg.conv_2d_nhwc_hwcf
//  CHECK-SAME:     ins(%{{.*}}, %[[W]] : tensor<1x4x4x2xf32>, tensor<1x1x2x2xf32>)
func.func @const_weights(%x: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
  %w = arith.constant dense<[[[[1.0]], [[2.0]]], [[[3.0]], [[4.0]]]]> : tensor<2x2x1x1xf32>
  %y = tconv.conv %x, %w : (tensor<1x2x4x4xf32>, tensor<2x2x1x1xf32>) -> tensor<1x2x4x4xf32>
  return %y : tensor<1x2x4x4xf32>
}
