// RUN: tconv-opt %s --tconv-raise-convolutions -split-input-file | FileCheck %s

// A zero pad of the input becomes the pads; a zero-filled init is dropped.
// FHWC filters become F x C x H x W.
// CHECK-LABEL: func.func @nhwc_fhwc
// CHECK-SAME: (%[[X:.*]]: tensor<1x9x10x3xf32>, %[[W:.*]]: tensor<5x3x3x3xf32>)
// CHECK-NOT: tensor.pad
// CHECK-DAG: %[[XT:.*]] = linalg.transpose ins(%[[X]] : tensor<1x9x10x3xf32>) outs(%{{.*}} : tensor<1x3x9x10xf32>) permutation = [0, 3, 1, 2]
// CHECK-DAG: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<5x3x3x3xf32>) outs(%{{.*}} : tensor<5x3x3x3xf32>) permutation = [0, 3, 1, 2]
// CHECK: %[[Y:.*]] = tconv.conv %[[XT]], %[[WT]] strides = [2, 2] pads = [1, 0, 0, 1] : (tensor<1x3x9x10xf32>, tensor<5x3x3x3xf32>) -> tensor<1x5x4x5xf32>
// CHECK: %[[R:.*]] = linalg.transpose ins(%[[Y]] : tensor<1x5x4x5xf32>) outs(%{{.*}} : tensor<1x4x5x5xf32>) permutation = [0, 2, 3, 1]
// CHECK: return %[[R]]
func.func @nhwc_fhwc(%x: tensor<1x9x10x3xf32>, %w: tensor<5x3x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %cst = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 0, 0] high[0, 0, 1, 0] { ^bb0(%a: index, %b: index, %c: index, %d: index): tensor.yield %cst : f32 } : tensor<1x9x10x3xf32> to tensor<1x10x11x3xf32>
  %e = tensor.empty() : tensor<1x4x5x5xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  %y = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%p, %w : tensor<1x10x11x3xf32>, tensor<5x3x3x3xf32>) outs(%f : tensor<1x4x5x5xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}

// -----

// A pad by another value stays; the convolution is still raised.
// CHECK-LABEL: func.func @one_pad
// CHECK: %[[P:.*]] = tensor.pad
// CHECK: tconv.conv %[[P]], %{{.*}} : (tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
func.func @one_pad(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32> {
  %one = arith.constant 1.0 : f32
  %cst = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] { ^bb0(%a: index, %b: index, %c: index, %d: index): tensor.yield %one : f32 } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%f : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %y : tensor<1x4x8x8xf32>
}

// -----

// A bias broadcast along the output channels (generic or linalg.broadcast)
// becomes the bias.
// CHECK-LABEL: func.func @bias_generic
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x7x7xf32>, %[[W:.*]]: tensor<5x3x3x3xf32>, %[[B:.*]]: tensor<5xf32>)
// CHECK: %[[Y:.*]] = tconv.conv %[[X]], %[[W]], %[[B]] strides = [2, 2] : (tensor<2x3x7x7xf32>, tensor<5x3x3x3xf32>, tensor<5xf32>) -> tensor<2x5x3x3xf32>
// CHECK: return %[[Y]]
#id = affine_map<(n, f, h, w) -> (n, f, h, w)>
func.func @bias_generic(%x: tensor<2x3x7x7xf32>, %w: tensor<5x3x3x3xf32>, %b: tensor<5xf32>) -> tensor<2x5x3x3xf32> {
  %e = tensor.empty() : tensor<2x5x3x3xf32>
  %init = linalg.generic {indexing_maps = [affine_map<(n, f, h, w) -> (f)>, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%b : tensor<5xf32>) outs(%e : tensor<2x5x3x3xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<2x5x3x3xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<2x3x7x7xf32>, tensor<5x3x3x3xf32>) outs(%init : tensor<2x5x3x3xf32>) -> tensor<2x5x3x3xf32>
  return %y : tensor<2x5x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @nwc_wcf_bias_broadcast
// CHECK-SAME: %[[B:[a-z0-9]+]]: tensor<5xf32>)
// CHECK: linalg.transpose ins(%{{.*}} : tensor<3x3x5xf32>) outs(%{{.*}} : tensor<5x3x3xf32>) permutation = [2, 1, 0]
// CHECK: tconv.conv %{{.*}}, %{{.*}}, %[[B]] dilations = [2] : (tensor<1x3x11xf32>, tensor<5x3x3xf32>, tensor<5xf32>) -> tensor<1x5x7xf32>
func.func @nwc_wcf_bias_broadcast(%x: tensor<1x11x3xf32>, %w: tensor<3x3x5xf32>, %b: tensor<5xf32>) -> tensor<1x7x5xf32> {
  %e = tensor.empty() : tensor<1x7x5xf32>
  %init = linalg.broadcast ins(%b : tensor<5xf32>) outs(%e : tensor<1x7x5xf32>) dimensions = [0, 1]
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<2> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x, %w : tensor<1x11x3xf32>, tensor<3x3x5xf32>) outs(%init : tensor<1x7x5xf32>) -> tensor<1x7x5xf32>
  return %y : tensor<1x7x5xf32>
}

// -----

// Any other init is added after the convolution. Groups: N x G x C x H x W
// collapses to N x G*C x H x W, G x F x C x h x w to G*F x C x h x w.
// CHECK-LABEL: func.func @ngchw_gfchw_accumulate
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x3x9x9xf32>, %[[W:.*]]: tensor<2x4x3x3x3xf32>, %[[I:.*]]: tensor<1x2x4x7x7xf32>)
// CHECK-DAG: %[[XC:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2], [3], [4]] : tensor<1x2x3x9x9xf32> into tensor<1x6x9x9xf32>
// CHECK-DAG: %[[WC:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2], [3], [4]] : tensor<2x4x3x3x3xf32> into tensor<8x3x3x3xf32>
// CHECK: %[[Y:.*]] = tconv.conv %[[XC]], %[[WC]] group = 2 : (tensor<1x6x9x9xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x7x7xf32>
// CHECK: %[[YE:.*]] = tensor.expand_shape %[[Y]] {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 2, 4, 7, 7]
// CHECK: %[[S:.*]] = arith.addf %[[YE]], %[[I]] : tensor<1x2x4x7x7xf32>
// CHECK: return %[[S]]
func.func @ngchw_gfchw_accumulate(%x: tensor<1x2x3x9x9xf32>, %w: tensor<2x4x3x3x3xf32>, %i: tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32> {
  %y = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>) outs(%i : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  return %y : tensor<1x2x4x7x7xf32>
}

// -----

// CHECK-LABEL: func.func @ngchw_fgchw
// CHECK: linalg.transpose ins(%{{.*}} : tensor<4x2x3x3x3xf32>) outs(%{{.*}} : tensor<2x4x3x3x3xf32>) permutation = [1, 0, 2, 3, 4]
// CHECK: tconv.conv %{{.*}} group = 2 : (tensor<1x6x9x9xf32>, tensor<8x3x3x3xf32>) -> tensor<1x8x7x7xf32>
func.func @ngchw_fgchw(%x: tensor<1x2x3x9x9xf32>, %w: tensor<4x2x3x3x3xf32>) -> tensor<1x2x4x7x7xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x4x7x7xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  %y = linalg.conv_2d_ngchw_fgchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x3x9x9xf32>, tensor<4x2x3x3x3xf32>) outs(%f : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  return %y : tensor<1x2x4x7x7xf32>
}

// -----

// Depthwise: the channel is the group, one input channel per group; HWCM's
// multiplier is the output channel within the group.
// CHECK-LABEL: func.func @depthwise_nhwc_hwcm
// CHECK: linalg.transpose ins(%{{.*}} : tensor<3x3x3x2xf32>) outs(%{{.*}} : tensor<3x2x3x3xf32>) permutation = [2, 3, 0, 1]
// CHECK: tconv.conv %{{.*}} dilations = [2, 2] group = 3 : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x4x4xf32>
// CHECK: tensor.expand_shape %{{.*}} output_shape [1, 3, 2, 4, 4]
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x3x2x4x4xf32>) outs(%{{.*}} : tensor<1x4x4x3x2xf32>) permutation = [0, 3, 4, 1, 2]
func.func @depthwise_nhwc_hwcm(%x: tensor<1x9x9x3xf32>, %w: tensor<3x3x3x2xf32>) -> tensor<1x4x4x3x2xf32> {
  %e = tensor.empty() : tensor<1x4x4x3x2xf32>
  %cst = arith.constant 0.0 : f32
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>) outs(%f : tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  return %y : tensor<1x4x4x3x2xf32>
}

// -----

// CHECK-LABEL: func.func @depthwise_nchw_chw
// CHECK: %[[W:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2], [3]] output_shape [4, 1, 3, 3]
// CHECK: tconv.conv %{{.*}}, %[[W]] group = 4 : (tensor<1x4x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
func.func @depthwise_nchw_chw(%x: tensor<1x4x8x8xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x6x6xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %y = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x4x8x8xf32>, tensor<4x3x3xf32>) outs(%f : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %y : tensor<1x4x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @ncdhw_fcdhw
// CHECK: tconv.conv %{{.*}}, %{{.*}} : (tensor<1x2x5x6x7xf32>, tensor<3x2x2x3x2xf32>) -> tensor<1x3x4x4x6xf32>
func.func @ncdhw_fcdhw(%x: tensor<1x2x5x6x7xf32>, %w: tensor<3x2x2x3x2xf32>) -> tensor<1x3x4x4x6xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x3x4x4x6xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x3x4x4x6xf32>) -> tensor<1x3x4x4x6xf32>
  %y = linalg.conv_3d_ncdhw_fcdhw {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%x, %w : tensor<1x2x5x6x7xf32>, tensor<3x2x2x3x2xf32>) outs(%f : tensor<1x3x4x4x6xf32>) -> tensor<1x3x4x4x6xf32>
  return %y : tensor<1x3x4x4x6xf32>
}

// -----

// No batch, no channels: unit dims are added. An input end the outputs do
// not read is cropped.
// CHECK-LABEL: func.func @conv_2d_cropped
// CHECK: %[[C:.*]] = tensor.extract_slice %{{.*}}[0, 0] [9, 8] [1, 1] : tensor<10x8xf32> to tensor<9x8xf32>
// CHECK: %[[X:.*]] = tensor.expand_shape %[[C]]
// CHECK: tconv.conv %[[X]], %{{.*}} : (tensor<1x1x9x8xf32>, tensor<1x1x3x2xf32>) -> tensor<1x1x7x7xf32>
func.func @conv_2d_cropped(%x: tensor<10x8xf32>, %w: tensor<3x2xf32>) -> tensor<7x7xf32> {
  %e = tensor.empty() : tensor<7x7xf32>
  %cst = arith.constant 0.0 : f32
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<7x7xf32>) -> tensor<7x7xf32>
  %y = linalg.conv_2d ins(%x, %w : tensor<10x8xf32>, tensor<3x2xf32>) outs(%f : tensor<7x7xf32>) -> tensor<7x7xf32>
  return %y : tensor<7x7xf32>
}

// -----

// A linalg.generic that is a convolution (stride 2, dilation 2, NWC, KCF).
// CHECK-LABEL: func.func @generic
// CHECK: linalg.transpose ins(%{{.*}} : tensor<3x3x4xf32>) outs(%{{.*}} : tensor<4x3x3xf32>) permutation = [2, 1, 0]
// CHECK: tconv.conv %{{.*}} strides = [2] dilations = [2] : (tensor<1x3x11xf32>, tensor<4x3x3xf32>) -> tensor<1x4x4xf32>
func.func @generic(%x: tensor<1x11x3xf32>, %w: tensor<3x3x4xf32>) -> tensor<1x4x4xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x4xf32>) -> tensor<1x4x4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(n, w, f, k, c) -> (n, w * 2 + k * 2, c)>, affine_map<(n, w, f, k, c) -> (k, c, f)>, affine_map<(n, w, f, k, c) -> (n, w, f)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %w : tensor<1x11x3xf32>, tensor<3x3x4xf32>) outs(%f : tensor<1x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4xf32>
  return %y : tensor<1x4x4xf32>
}
