// Depthwise 1-D NWC, stride 2, odd width.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x11x3xf32>, %w: tensor<3x3xf32>) -> tensor<1x5x3xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x5x3xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x5x3xf32>) -> tensor<1x5x3xf32>
  %y = linalg.depthwise_conv_1d_nwc_wc {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>} ins(%x, %w : tensor<1x11x3xf32>, tensor<3x3xf32>) outs(%f : tensor<1x5x3xf32>) -> tensor<1x5x3xf32>
  return %y : tensor<1x5x3xf32>
}
