// linalg form ngchw_fgchw, checked against upstream's lowering.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x3x9x9xf32>, %w: tensor<4x2x3x3x3xf32>) -> tensor<1x2x4x7x7xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x2x4x7x7xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  %y = linalg.conv_2d_ngchw_fgchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x3x9x9xf32>, tensor<4x2x3x3x3xf32>) outs(%f : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  return %y : tensor<1x2x4x7x7xf32>
}
