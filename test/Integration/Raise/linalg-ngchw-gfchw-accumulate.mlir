// linalg form ngchw_gfchw_accumulate, checked against upstream's lowering.
// Any other init is added after the convolution. Groups: N x G x C x H x W
// collapses to N x G*C x H x W, G x F x C x h x w to G*F x C x h x w.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x3x9x9xf32>, %w: tensor<2x4x3x3x3xf32>, %i: tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32> {
  %y = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x2x3x9x9xf32>, tensor<2x4x3x3x3xf32>) outs(%i : tensor<1x2x4x7x7xf32>) -> tensor<1x2x4x7x7xf32>
  return %y : tensor<1x2x4x7x7xf32>
}
