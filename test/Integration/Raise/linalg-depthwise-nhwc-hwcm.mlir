// linalg form depthwise_nhwc_hwcm, checked against upstream's lowering.
// Depthwise: the channel is the group, one input channel per group; HWCM's
// multiplier is the output channel within the group.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x9x9x3xf32>, %w: tensor<3x3x3x2xf32>) -> tensor<1x4x4x3x2xf32> {
  %e = tensor.empty() : tensor<1x4x4x3x2xf32>
  %cst = arith.constant 0.0 : f32
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x9x9x3xf32>, tensor<3x3x3x2xf32>) outs(%f : tensor<1x4x4x3x2xf32>) -> tensor<1x4x4x3x2xf32>
  return %y : tensor<1x4x4x3x2xf32>
}
