// linalg form nwc_wcf_bias_broadcast, checked against upstream's lowering.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x11x3xf32>, %w: tensor<3x3x5xf32>, %b: tensor<5xf32>) -> tensor<1x7x5xf32> {
  %e = tensor.empty() : tensor<1x7x5xf32>
  %init = linalg.broadcast ins(%b : tensor<5xf32>) outs(%e : tensor<1x7x5xf32>) dimensions = [0, 1]
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<2> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x, %w : tensor<1x11x3xf32>, tensor<3x3x5xf32>) outs(%init : tensor<1x7x5xf32>) -> tensor<1x7x5xf32>
  return %y : tensor<1x7x5xf32>
}
