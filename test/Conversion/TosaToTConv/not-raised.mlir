// RUN: tconv-opt %s --tconv-raise-convolutions -split-input-file -verify-diagnostics | FileCheck %s

// Integer (quantized) convolutions stay TOSA.
// CHECK-LABEL: func.func @quantized
// CHECK: tosa.conv2d
func.func @quantized(%x: tensor<1x8x8x3xi8>, %w: tensor<4x3x3x3xi8>, %b: tensor<4xi32>) -> tensor<1x6x6x4xi32> {
  %zp = "tosa.const"() <{values = dense<0> : tensor<1xi8>}> : () -> tensor<1xi8>
  // expected-remark @below {{not raised to tconv: needs static shapes of one float element type}}
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = i32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x8x8x3xi8>, tensor<4x3x3x3xi8>, tensor<4xi32>, tensor<1xi8>, tensor<1xi8>) -> tensor<1x6x6x4xi32>
  return %y : tensor<1x6x6x4xi32>
}

// -----

// CHECK-LABEL: func.func @dynamic
// CHECK: tosa.depthwise_conv2d
func.func @dynamic(%x: tensor<?x8x8x3xf32>, %w: tensor<3x3x3x1xf32>, %b: tensor<3xf32>) -> tensor<?x6x6x3xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-remark @below {{not raised to tconv: needs static shapes of one float element type}}
  %y = tosa.depthwise_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<?x8x8x3xf32>, tensor<3x3x3x1xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<?x6x6x3xf32>
  return %y : tensor<?x6x6x3xf32>
}

// -----

// A leading out_pad adds zeros before the first output: ONNX has no such
// padding.
// CHECK-LABEL: func.func @leading_out_pad
// CHECK: tosa.transpose_conv2d
func.func @leading_out_pad(%x: tensor<1x4x4x8xf32>, %w: tensor<6x3x3x8xf32>, %b: tensor<6xf32>) -> tensor<1x10x9x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-remark @below {{not raised to tconv: a positive leading out_pad has no ONNX equivalent}}
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: 1, 0, 0, 0>, stride = array<i64: 2, 2>} : (tensor<1x4x4x8xf32>, tensor<6x3x3x8xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x10x9x6xf32>
  return %y : tensor<1x10x9x6xf32>
}

// -----

// CHECK-LABEL: func.func @long_trailing_out_pad
// CHECK: tosa.transpose_conv2d
func.func @long_trailing_out_pad(%x: tensor<1x4x4x8xf32>, %w: tensor<6x3x3x8xf32>, %b: tensor<6xf32>) -> tensor<1x9x11x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-remark @below {{not raised to tconv: a trailing out_pad of a stride or more has no ONNX equivalent}}
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: 0, 0, 0, 2>, stride = array<i64: 2, 2>} : (tensor<1x4x4x8xf32>, tensor<6x3x3x8xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x9x11x6xf32>
  return %y : tensor<1x9x11x6xf32>
}
