// linalg.conv_1d_ncw_fcw with a bias broadcast by linalg.broadcast.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x13xf32>, %w: tensor<5x3x3xf32>, %b: tensor<5xf32>) -> tensor<1x5x11xf32> {
  %e = tensor.empty() : tensor<1x5x11xf32>
  %init = linalg.broadcast ins(%b : tensor<5xf32>) outs(%e : tensor<1x5x11xf32>) dimensions = [0, 2]
  %y = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x, %w : tensor<1x3x13xf32>, tensor<5x3x3xf32>) outs(%init : tensor<1x5x11xf32>) -> tensor<1x5x11xf32>
  return %y : tensor<1x5x11xf32>
}
