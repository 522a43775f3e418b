// RUN: tconv-opt %s --tconv-raise-convolutions -split-input-file | FileCheck %s

// NHWC / OHWI become NCHW / OIHW; TOSA pads [top, bottom, left, right] become
// ONNX pads [top, left, bottom, right].
// CHECK-LABEL: func.func @conv2d
// CHECK-SAME: (%[[X:.*]]: tensor<1x10x8x3xf32>, %[[W:.*]]: tensor<16x3x2x3xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[XT:.*]] = linalg.transpose ins(%[[X]] : tensor<1x10x8x3xf32>) outs(%{{.*}} : tensor<1x3x10x8xf32>) permutation = [0, 3, 1, 2]
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<16x3x2x3xf32>) outs(%{{.*}} : tensor<16x3x3x2xf32>) permutation = [0, 3, 1, 2]
// CHECK: %[[Y:.*]] = tconv.conv %[[XT]], %[[WT]], %[[B]] strides = [2, 1] pads = [1, 0, 2, 1] dilations = [1, 2]
// CHECK-SAME: -> tensor<1x16x6x7xf32>
// CHECK: %[[R:.*]] = linalg.transpose ins(%[[Y]] : tensor<1x16x6x7xf32>) outs(%{{.*}} : tensor<1x6x7x16xf32>) permutation = [0, 2, 3, 1]
// CHECK: return %[[R]]
func.func @conv2d(%x: tensor<1x10x8x3xf32>, %w: tensor<16x3x2x3xf32>, %b: tensor<16xf32>) -> tensor<1x6x7x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 2>, pad = array<i64: 1, 2, 0, 1>, stride = array<i64: 2, 1>} : (tensor<1x10x8x3xf32>, tensor<16x3x2x3xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x7x16xf32>
  return %y : tensor<1x6x7x16xf32>
}

// -----

// Two NHWC layers: the transposes between them cancel; a zero bias is dropped
// and a one-value bias is splat over the channels.
// CHECK-LABEL: func.func @two_layers
// CHECK-SAME: %[[B2:[a-z0-9]+]]: tensor<1xf32>)
// CHECK: %[[Y:.*]] = tconv.conv %{{.*}}, %{{.*}} pads = [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>) -> tensor<1x16x8x8xf32>
// CHECK-NOT: linalg.transpose ins(%[[Y]]
// CHECK: %[[V:.*]] = tensor.extract %[[B2]]
// CHECK: %[[S:.*]] = tensor.splat %[[V]] : tensor<4xf32>
// CHECK: %[[Z:.*]] = tconv.conv %[[Y]], %{{.*}}, %[[S]] : (tensor<1x16x8x8xf32>, tensor<4x16x1x1xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
// CHECK: linalg.transpose ins(%[[Z]]
func.func @two_layers(%x: tensor<1x8x8x3xf32>, %w: tensor<16x3x3x3xf32>, %w2: tensor<4x1x1x16xf32>, %b2: tensor<1xf32>) -> tensor<1x8x8x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b = "tosa.const"() <{values = dense<0.0> : tensor<16xf32>}> : () -> tensor<16xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  %z = tosa.conv2d %y, %w2, %b2, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x16xf32>, tensor<4x1x1x16xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x4xf32>
  return %z : tensor<1x8x8x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv3d
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x5x6x7x2xf32>) outs(%{{.*}} : tensor<1x2x5x6x7xf32>) permutation = [0, 4, 1, 2, 3]
// CHECK: linalg.transpose ins(%{{.*}} : tensor<4x2x3x2x2xf32>) outs(%{{.*}} : tensor<4x2x2x3x2xf32>) permutation = [0, 4, 1, 2, 3]
// CHECK: tconv.conv %{{.*}} pads = [1, 0, 0, 0, 1, 1] : (tensor<1x2x5x6x7xf32>, tensor<4x2x2x3x2xf32>, tensor<4xf32>) -> tensor<1x4x5x5x7xf32>
// CHECK: permutation = [0, 2, 3, 4, 1]
func.func @conv3d(%x: tensor<1x5x6x7x2xf32>, %w: tensor<4x2x3x2x2xf32>, %b: tensor<4xf32>) -> tensor<1x5x5x7x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.conv3d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1, 1>, pad = array<i64: 1, 0, 0, 1, 0, 1>, stride = array<i64: 1, 1, 1>} : (tensor<1x5x6x7x2xf32>, tensor<4x2x3x2x2xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x7x4xf32>
  return %y : tensor<1x5x5x7x4xf32>
}

// -----

// HWCM weights become (C*M) x 1 x H x W, c-major like TOSA's outputs.
// CHECK-LABEL: func.func @depthwise
// CHECK: %[[WT:.*]] = linalg.transpose ins(%{{.*}} : tensor<3x3x4x2xf32>) outs(%{{.*}} : tensor<4x2x3x3xf32>) permutation = [2, 3, 0, 1]
// CHECK: %[[C:.*]] = tensor.collapse_shape %[[WT]] {{\[}}[0, 1], [2], [3]] : tensor<4x2x3x3xf32> into tensor<8x3x3xf32>
// CHECK: %[[W:.*]] = tensor.expand_shape %[[C]] {{\[}}[0], [1, 2], [3]] output_shape [8, 1, 3, 3]
// CHECK: tconv.conv %{{.*}}, %[[W]], %{{.*}} strides = [2, 2] pads = [1, 1, 1, 1] group = 4 : (tensor<1x4x9x9xf32>, tensor<8x1x3x3xf32>, tensor<8xf32>) -> tensor<1x8x5x5xf32>
func.func @depthwise(%x: tensor<1x9x9x4xf32>, %w: tensor<3x3x4x2xf32>, %b: tensor<8xf32>) -> tensor<1x5x5x8xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x9x9x4xf32>, tensor<3x3x4x2xf32>, tensor<8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x8xf32>
  return %y : tensor<1x5x5x8xf32>
}

// -----

// A negative out_pad crops (ONNX pads), a positive end one is
// output_padding; OHWI weights become I x O x H x W.
// CHECK-LABEL: func.func @transpose_conv2d
// CHECK: linalg.transpose ins(%{{.*}} : tensor<6x4x3x8xf32>) outs(%{{.*}} : tensor<8x6x4x3xf32>) permutation = [3, 0, 1, 2]
// CHECK: tconv.conv_transpose %{{.*}} strides = [2, 3] pads = [1, 0, 1, 0] output_padding = [0, 2] : (tensor<1x8x4x5xf32>, tensor<8x6x4x3xf32>, tensor<6xf32>) -> tensor<1x6x8x17xf32>
func.func @transpose_conv2d(%x: tensor<1x4x5x8xf32>, %w: tensor<6x4x3x8xf32>, %b: tensor<6xf32>) -> tensor<1x8x17x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, 0, 2>, stride = array<i64: 2, 3>} : (tensor<1x4x5x8xf32>, tensor<6x4x3x8xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x17x6xf32>
  return %y : tensor<1x8x17x6xf32>
}
