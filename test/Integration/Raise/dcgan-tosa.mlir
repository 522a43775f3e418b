// DCGAN generator (16 -> 32 -> 16 -> 8 -> 3 channels, 1 -> 4 -> 8 -> 16 -> 32
// pixels, k 4, strides 1, 2, 2, 2, ReLU, tanh) as torch-mlir's TOSA path writes
// it: NCHW tensors transposed to NHWC around each
// tosa.transpose_conv2d, OHWI weights from tosa.transpose, tosa.clamp and
// tosa.tanh. Every transposed convolution is raised.

// RUN: tconv-run %s --random-inputs=7 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 4 raised upstream convolutions
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%z: tensor<1x16x1x1xf32>, %w0: tensor<16x32x4x4xf32>, %w1: tensor<32x16x4x4xf32>, %w2: tensor<16x8x4x4xf32>, %w3: tensor<8x3x4x4xf32>) -> tensor<1x3x32x32xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b0 = "tosa.const"() <{values = dense<0.0> : tensor<32xf32>}> : () -> tensor<32xf32>
  %x0 = tosa.transpose %z {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x16x1x1xf32>) -> tensor<1x1x1x16xf32>
  %k0 = tosa.transpose %w0 {perms = array<i32: 1, 2, 3, 0>} : (tensor<16x32x4x4xf32>) -> tensor<32x4x4x16xf32>
  %t0 = tosa.transpose_conv2d %x0, %k0, %b0, %zp, %zp {acc_type = f32, out_pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x1x1x16xf32>, tensor<32x4x4x16xf32>, tensor<32xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x4x4x32xf32>
  %y0 = tosa.transpose %t0 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x4x4x32xf32>) -> tensor<1x32x4x4xf32>
  %r0 = tosa.clamp %y0 {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  %b1 = "tosa.const"() <{values = dense<0.0> : tensor<16xf32>}> : () -> tensor<16xf32>
  %x1 = tosa.transpose %r0 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x32x4x4xf32>) -> tensor<1x4x4x32xf32>
  %k1 = tosa.transpose %w1 {perms = array<i32: 1, 2, 3, 0>} : (tensor<32x16x4x4xf32>) -> tensor<16x4x4x32xf32>
  %t1 = tosa.transpose_conv2d %x1, %k1, %b1, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, -1, -1>, stride = array<i64: 2, 2>} : (tensor<1x4x4x32xf32>, tensor<16x4x4x32xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
  %y1 = tosa.transpose %t1 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x8x8x16xf32>) -> tensor<1x16x8x8xf32>
  %r1 = tosa.clamp %y1 {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %b2 = "tosa.const"() <{values = dense<0.0> : tensor<8xf32>}> : () -> tensor<8xf32>
  %x2 = tosa.transpose %r1 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x16x8x8xf32>) -> tensor<1x8x8x16xf32>
  %k2 = tosa.transpose %w2 {perms = array<i32: 1, 2, 3, 0>} : (tensor<16x8x4x4xf32>) -> tensor<8x4x4x16xf32>
  %t2 = tosa.transpose_conv2d %x2, %k2, %b2, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, -1, -1>, stride = array<i64: 2, 2>} : (tensor<1x8x8x16xf32>, tensor<8x4x4x16xf32>, tensor<8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16x8xf32>
  %y2 = tosa.transpose %t2 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x16x16x8xf32>) -> tensor<1x8x16x16xf32>
  %r2 = tosa.clamp %y2 {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %b3 = "tosa.const"() <{values = dense<0.0> : tensor<3xf32>}> : () -> tensor<3xf32>
  %x3 = tosa.transpose %r2 {perms = array<i32: 0, 2, 3, 1>} : (tensor<1x8x16x16xf32>) -> tensor<1x16x16x8xf32>
  %k3 = tosa.transpose %w3 {perms = array<i32: 1, 2, 3, 0>} : (tensor<8x3x4x4xf32>) -> tensor<3x4x4x8xf32>
  %t3 = tosa.transpose_conv2d %x3, %k3, %b3, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, -1, -1>, stride = array<i64: 2, 2>} : (tensor<1x16x16x8xf32>, tensor<3x4x4x8xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x32x32x3xf32>
  %y3 = tosa.transpose %t3 {perms = array<i32: 0, 3, 1, 2>} : (tensor<1x32x32x3xf32>) -> tensor<1x3x32x32xf32>
  %r3 = tosa.tanh %y3 : (tensor<1x3x32x32xf32>) -> tensor<1x3x32x32xf32>
  return %r3 : tensor<1x3x32x32xf32>
}
