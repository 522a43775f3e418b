// tosa form conv2d, checked against upstream's lowering.
// NHWC / OHWI become NCHW / OIHW; TOSA pads [top, bottom, left, right] become
// ONNX pads [top, left, bottom, right].

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x10x8x3xf32>, %w: tensor<16x3x2x3xf32>, %b: tensor<16xf32>) -> tensor<1x6x7x16xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 2>, pad = array<i64: 1, 2, 0, 1>, stride = array<i64: 2, 1>} : (tensor<1x10x8x3xf32>, tensor<16x3x2x3xf32>, tensor<16xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x6x7x16xf32>
  return %y : tensor<1x6x7x16xf32>
}
