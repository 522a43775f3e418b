// linalg form bias_generic, checked against upstream's lowering.
// A bias broadcast along the output channels (generic or linalg.broadcast)
// becomes the bias.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

#id = affine_map<(n, f, h, w) -> (n, f, h, w)>
func.func @main(%x: tensor<2x3x7x7xf32>, %w: tensor<5x3x3x3xf32>, %b: tensor<5xf32>) -> tensor<2x5x3x3xf32> {
  %e = tensor.empty() : tensor<2x5x3x3xf32>
  %init = linalg.generic {indexing_maps = [affine_map<(n, f, h, w) -> (f)>, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%b : tensor<5xf32>) outs(%e : tensor<2x5x3x3xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<2x5x3x3xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<2x3x7x7xf32>, tensor<5x3x3x3xf32>) outs(%init : tensor<2x5x3x3xf32>) -> tensor<2x5x3x3xf32>
  return %y : tensor<2x5x3x3xf32>
}
