// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=fused winograd=false" | FileCheck %s

// Two raised NHWC tosa.conv2d layers with a ReLU between them: the layout
// changes the raising adds around each convolution cancel with those of the
// channels-last schedule. The activations stay NHWC from the input to the
// output; only the OHWI filters are relaid out (to HWCF). Direct convolutions
// (winograd=false): the layers' own form, not Winograd's 16 products.
// CHECK-LABEL: func.func @two_layers
// CHECK-SAME: (%[[X:[a-z0-9]+]]: tensor<1x8x8x3xf32>
// CHECK: %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: %[[C1:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[P]], %{{.*}} : tensor<1x10x10x3xf32>, tensor<3x3x3x16xf32>)
// CHECK: %[[R:.*]] = linalg.generic {indexing_maps = [#[[ID:map[0-9]*]], #[[ID]]]{{.*}} ins(%[[C1]] : tensor<1x8x8x16xf32>)
// CHECK: arith.maximumf
// CHECK: %[[P2:.*]] = tensor.pad %[[R]] low[0, 1, 1, 0] high[0, 1, 1, 0]
// CHECK: %[[C2:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} ins(%[[P2]], %{{.*}} : tensor<1x10x10x16xf32>, tensor<3x3x16x32xf32>)
// CHECK: return %[[C2]] : tensor<1x8x8x32xf32>
func.func @two_layers(%x: tensor<1x8x8x3xf32>, %w: tensor<16x3x3x3xf32>, %b: tensor<16xf32>, %w2: tensor<32x3x3x16xf32>, %b2: tensor<32xf32>) -> tensor<1x8x8x32xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  %r = tosa.clamp %y {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  %z = tosa.conv2d %r, %w2, %b2, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x16xf32>, tensor<32x3x3x16xf32>, tensor<32xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x32xf32>
  return %z : tensor<1x8x8x32xf32>
}
