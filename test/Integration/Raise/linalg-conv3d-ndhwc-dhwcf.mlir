// 3-D NDHWC / DHWCF, odd sizes.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x6x7x2xf32>, %w: tensor<2x2x3x2x4xf32>) -> tensor<1x4x5x5x4xf32> {
  %e = tensor.empty() : tensor<1x4x5x5x4xf32>
  %cst = arith.constant 0.0 : f32
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x5x5x4xf32>) -> tensor<1x4x5x5x4xf32>
  %y = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>} ins(%x, %w : tensor<1x5x6x7x2xf32>, tensor<2x2x3x2x4xf32>) outs(%f : tensor<1x4x5x5x4xf32>) -> tensor<1x4x5x5x4xf32>
  return %y : tensor<1x4x5x5x4xf32>
}
