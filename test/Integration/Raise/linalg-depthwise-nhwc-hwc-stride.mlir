// linalg.depthwise_conv_2d_nhwc_hwc, 7 channels, stride 2, a zero pad folded
// into the pads.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x11x10x7xf32>, %w: tensor<3x3x7xf32>) -> tensor<1x6x5x7xf32> {
  %cst = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 1, 0, 0] { ^bb0(%a: index, %b: index, %c: index, %d: index): tensor.yield %cst : f32 } : tensor<1x11x10x7xf32> to tensor<1x13x11x7xf32>
  %e = tensor.empty() : tensor<1x6x5x7xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x6x5x7xf32>) -> tensor<1x6x5x7xf32>
  %y = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%p, %w : tensor<1x13x11x7xf32>, tensor<3x3x7xf32>) outs(%f : tensor<1x6x5x7xf32>) -> tensor<1x6x5x7xf32>
  return %y : tensor<1x6x5x7xf32>
}
