// Three NHWC TOSA layers (conv2d, depthwise_conv2d, conv2d) with ReLUs
// between them: the layout changes around the raised convolutions merge
// with the elementwise ops.

// RUN: tconv-run %s --random-inputs=9 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 3 raised upstream convolutions
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x11x13x3xf32>, %w0: tensor<8x3x3x3xf32>, %b0: tensor<8xf32>, %w1: tensor<3x3x8x1xf32>, %b1: tensor<8xf32>, %w2: tensor<5x1x1x8xf32>, %b2: tensor<5xf32>) -> tensor<1x6x7x5xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y0 = tosa.conv2d %x, %w0, %b0, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 1, 1>} : (tensor<1x11x13x3xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x11x13x8xf32>
  %r0 = tosa.clamp %y0 {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x11x13x8xf32>) -> tensor<1x11x13x8xf32>
  %y1 = tosa.depthwise_conv2d %r0, %w1, %b1, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x11x13x8xf32>, tensor<3x3x8x1xf32>, tensor<8xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x7x8xf32>
  %r1 = tosa.clamp %y1 {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x6x7x8xf32>) -> tensor<1x6x7x8xf32>
  %y2 = tosa.conv2d %r1, %w2, %b2, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<1x6x7x8xf32>, tensor<5x1x1x8xf32>, tensor<5xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x7x5xf32>
  return %y2 : tensor<1x6x7x5xf32>
}
