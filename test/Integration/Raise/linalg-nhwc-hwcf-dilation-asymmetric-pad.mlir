// linalg.conv_2d_nhwc_hwcf, dilation 2 x 1, stride 1 x 2, a zero pad of
// 2 / 0 rows and 1 / 3 columns folded into the pads, batch 2.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<2x9x7x5xf32>, %w: tensor<3x3x5x17xf32>) -> tensor<2x7x5x17xf32> {
  %cst = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 2, 1, 0] high[0, 0, 3, 0] { ^bb0(%a: index, %b: index, %c: index, %d: index): tensor.yield %cst : f32 } : tensor<2x9x7x5xf32> to tensor<2x11x11x5xf32>
  %e = tensor.empty() : tensor<2x7x5x17xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<2x7x5x17xf32>) -> tensor<2x7x5x17xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%p, %w : tensor<2x11x11x5xf32>, tensor<3x3x5x17xf32>) outs(%f : tensor<2x7x5x17xf32>) -> tensor<2x7x5x17xf32>
  return %y : tensor<2x7x5x17xf32>
}
