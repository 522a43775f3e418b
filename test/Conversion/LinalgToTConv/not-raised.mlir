// RUN: tconv-opt %s --tconv-raise-convolutions -split-input-file -verify-diagnostics | FileCheck %s

// f16 products accumulated in f32: tconv ops have one element type.
// CHECK-LABEL: func.func @mixed_precision
// CHECK: linalg.conv_1d_ncw_fcw
func.func @mixed_precision(%x: tensor<1x3x9xf16>, %w: tensor<4x3x3xf16>) -> tensor<1x4x7xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x7xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x7xf32>) -> tensor<1x4x7xf32>
  // expected-remark @below {{not raised to tconv: needs static shapes of one float element type}}
  %y = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x, %w : tensor<1x3x9xf16>, tensor<4x3x3xf16>) outs(%f : tensor<1x4x7xf32>) -> tensor<1x4x7xf32>
  return %y : tensor<1x4x7xf32>
}

// -----

// CHECK-LABEL: func.func @quantized
// CHECK: linalg.conv_2d_nhwc_hwcf_q
func.func @quantized(%x: tensor<1x8x8x3xi8>, %w: tensor<3x3x3x4xi8>, %i: tensor<1x6x6x4xi32>) -> tensor<1x6x6x4xi32> {
  %zp = arith.constant 0 : i32
  // expected-remark @below {{not raised to tconv: not a two-operand convolution on tensors}}
  %y = linalg.conv_2d_nhwc_hwcf_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w, %zp, %zp : tensor<1x8x8x3xi8>, tensor<3x3x3x4xi8>, i32, i32) outs(%i : tensor<1x6x6x4xi32>) -> tensor<1x6x6x4xi32>
  return %y : tensor<1x6x6x4xi32>
}

// -----

// CHECK-LABEL: func.func @dynamic
// CHECK: linalg.conv_2d_nchw_fchw
func.func @dynamic(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %i: tensor<?x4x6x6xf32>) -> tensor<?x4x6x6xf32> {
  // expected-remark @below {{not raised to tconv: needs static shapes of one float element type}}
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%i : tensor<?x4x6x6xf32>) -> tensor<?x4x6x6xf32>
  return %y : tensor<?x4x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @buffers
// CHECK: linalg.conv_2d_nchw_fchw
func.func @buffers(%x: memref<1x3x8x8xf32>, %w: memref<4x3x3x3xf32>, %o: memref<1x4x6x6xf32>) {
  // expected-remark @below {{not raised to tconv: not a two-operand convolution on tensors}}
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : memref<1x3x8x8xf32>, memref<4x3x3x3xf32>) outs(%o : memref<1x4x6x6xf32>)
  return
}

// -----

// A convolution-shaped generic computing something else.
// CHECK-LABEL: func.func @not_multiply_add
// CHECK: linalg.generic
func.func @not_multiply_add(%x: tensor<1x11x3xf32>, %w: tensor<3x3x4xf32>, %i: tensor<1x9x4xf32>) -> tensor<1x9x4xf32> {
  // expected-remark @below {{not raised to tconv: its body is not a multiply-accumulate}}
  %y = linalg.generic {indexing_maps = [affine_map<(n, w, f, k, c) -> (n, w + k, c)>, affine_map<(n, w, f, k, c) -> (k, c, f)>, affine_map<(n, w, f, k, c) -> (n, w, f)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %w : tensor<1x11x3xf32>, tensor<3x3x4xf32>) outs(%i : tensor<1x9x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.maximumf %c, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x9x4xf32>
  return %y : tensor<1x9x4xf32>
}

// -----

// Pooling shares the convolution interface but is not one: no remark.
// CHECK-LABEL: func.func @pooling
// CHECK: linalg.pooling_nhwc_max
func.func @pooling(%x: tensor<1x8x8x3xf32>, %i: tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32> {
  %k = tensor.empty() : tensor<2x2xf32>
  %y = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %k : tensor<1x8x8x3xf32>, tensor<2x2xf32>) outs(%i : tensor<1x4x4x3xf32>) -> tensor<1x4x4x3xf32>
  return %y : tensor<1x4x4x3xf32>
}

// -----

// A zero insertion feeding a strided convolution is no transposed
// convolution: the direct convolution is raised, the insertion stays.
// CHECK-LABEL: func.func @insertion_into_strided_conv
// CHECK: %[[I:.*]] = tensor.insert_slice
// CHECK: tconv.conv %[[I]], %{{.*}} strides = [2, 2]
// CHECK-NOT: tconv.conv_transpose
func.func @insertion_into_strided_conv(%x: tensor<1x2x4x4xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x4x4xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x9x9xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x2x9x9xf32>) -> tensor<1x2x9x9xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 1, 1] [1, 2, 4, 4] [1, 1, 2, 2] : tensor<1x2x4x4xf32> into tensor<1x2x9x9xf32>
  %eo = tensor.empty() : tensor<1x3x4x4xf32>
  %fo = linalg.fill ins(%cst : f32) outs(%eo : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %w : tensor<1x2x9x9xf32>, tensor<3x2x3x3xf32>) outs(%fo : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  return %y : tensor<1x3x4x4xf32>
}
