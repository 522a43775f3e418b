// RUN: tconv-opt %s --tconv-raise-convolutions -split-input-file | FileCheck %s

// torch-mlir's transposed convolution (k 3, stride 2, padding 1,
// output_padding 1): the input inserted at stride 2 into zeros, a flipped
// filter with swapped channels, a stride-1 convolution. It becomes one
// tconv.conv_transpose of the original input and the original filter: the
// flip is undone by taking the copy's source.
// CHECK-LABEL: func.func @torch_transposed
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x5xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK-NOT: tensor.insert_slice
// CHECK-NOT: linalg.generic
// CHECK: %[[Y:.*]] = tconv.conv_transpose %[[X]], %[[W]], %[[B]] strides = [2, 2] pads = [1, 1, 0, 0] : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x3x10x10xf32>
// CHECK: return %[[Y]]
func.func @torch_transposed(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x10x10xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x12x12xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x12x12xf32>) -> tensor<1x4x12x12xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 1, 1] [1, 4, 5, 5] [1, 1, 2, 2] : tensor<1x4x5x5xf32> into tensor<1x4x12x12xf32>
  %ew = tensor.empty() : tensor<3x4x3x3xf32>
  %wf = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (b, a, 2 - c, 2 - d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w : tensor<4x3x3x3xf32>) outs(%ew : tensor<3x4x3x3xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<3x4x3x3xf32>
  %eo = tensor.empty() : tensor<1x3x10x10xf32>
  %init = linalg.broadcast ins(%b : tensor<3xf32>) outs(%eo : tensor<1x3x10x10xf32>) dimensions = [0, 2, 3]
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %wf : tensor<1x4x12x12xf32>, tensor<3x4x3x3xf32>) outs(%init : tensor<1x3x10x10xf32>) -> tensor<1x3x10x10xf32>
  return %y : tensor<1x3x10x10xf32>
}

// -----

// The same in NHWC with a tensor.pad of the inserted tensor adding zeros at
// the start and a zero end beyond the kernel's reach: output_padding.
// CHECK-LABEL: func.func @padded_nhwc
// CHECK: tconv.conv_transpose %{{.*}}, %{{.*}} strides = [3, 2] pads = [0, 1, 0, 1] output_padding = [1, 0] : (tensor<1x2x4x4xf32>, tensor<2x3x2x2xf32>) -> tensor<1x3x12x6xf32>
func.func @padded_nhwc(%x: tensor<1x4x4x2xf32>, %w: tensor<3x2x2x2xf32>) -> tensor<1x12x6x3xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x12x7x2xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x12x7x2xf32>) -> tensor<1x12x7x2xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 0, 0] [1, 4, 4, 2] [1, 3, 2, 1] : tensor<1x4x4x2xf32> into tensor<1x12x7x2xf32>
  %p = tensor.pad %i low[0, 1, 0, 0] high[0, 0, 0, 0] { ^bb0(%a: index, %b: index, %c: index, %d: index): tensor.yield %cst : f32 } : tensor<1x12x7x2xf32> to tensor<1x13x7x2xf32>
  %eo = tensor.empty() : tensor<1x12x6x3xf32>
  %fo = linalg.fill ins(%cst : f32) outs(%eo : tensor<1x12x6x3xf32>) -> tensor<1x12x6x3xf32>
  %y = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x13x7x2xf32>, tensor<3x2x2x2xf32>) outs(%fo : tensor<1x12x6x3xf32>) -> tensor<1x12x6x3xf32>
  return %y : tensor<1x12x6x3xf32>
}
