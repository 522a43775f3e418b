// tosa form conv3d, checked against upstream's lowering.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x6x7x2xf32>, %w: tensor<4x2x3x2x2xf32>, %b: tensor<4xf32>) -> tensor<1x5x5x7x4xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.conv3d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1, 1>, pad = array<i64: 1, 0, 0, 1, 0, 1>, stride = array<i64: 1, 1, 1>} : (tensor<1x5x6x7x2xf32>, tensor<4x2x3x2x2xf32>, tensor<4xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x5x5x7x4xf32>
  return %y : tensor<1x5x5x7x4xf32>
}
