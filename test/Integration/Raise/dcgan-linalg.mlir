// DCGAN generator (16 -> 32 -> 16 -> 8 -> 3 channels, 1 -> 4 -> 8 -> 16 -> 32
// pixels, k 4, strides 1, 2, 2, 2, ReLU, tanh) as torch-mlir's linalg path writes
// it: the input inserted at the stride into zeros,
// the filter flipped with swapped channels by a linalg.generic, then a
// stride-1 linalg.conv_2d_nchw_fchw. Every transposed convolution is raised.

// RUN: tconv-run %s --random-inputs=7 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 4 raised upstream convolutions
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#flip = affine_map<(d0, d1, d2, d3) -> (d1, d0, 3 - d2, 3 - d3)>
func.func @main(%z: tensor<1x16x1x1xf32>, %w0: tensor<16x32x4x4xf32>, %w1: tensor<32x16x4x4xf32>, %w2: tensor<16x8x4x4xf32>, %w3: tensor<8x3x4x4xf32>) -> tensor<1x3x32x32xf32> {
  %cst = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<1x16x7x7xf32>
  %f0 = linalg.fill ins(%cst : f32) outs(%e0 : tensor<1x16x7x7xf32>) -> tensor<1x16x7x7xf32>
  %i0 = tensor.insert_slice %z into %f0[0, 0, 3, 3] [1, 16, 1, 1] [1, 1, 1, 1] : tensor<1x16x1x1xf32> into tensor<1x16x7x7xf32>
  %ew0 = tensor.empty() : tensor<32x16x4x4xf32>
  %k0 = linalg.generic {indexing_maps = [#flip, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w0 : tensor<16x32x4x4xf32>) outs(%ew0 : tensor<32x16x4x4xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<32x16x4x4xf32>
  %eo0 = tensor.empty() : tensor<1x32x4x4xf32>
  %fo0 = linalg.fill ins(%cst : f32) outs(%eo0 : tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  %c0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%i0, %k0 : tensor<1x16x7x7xf32>, tensor<32x16x4x4xf32>) outs(%fo0 : tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  %r0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%c0 : tensor<1x32x4x4xf32>) outs(%eo0 : tensor<1x32x4x4xf32>) { ^bb0(%in: f32, %out: f32): %m = arith.maximumf %in, %cst : f32
    linalg.yield %m : f32 } -> tensor<1x32x4x4xf32>
  %e1 = tensor.empty() : tensor<1x32x11x11xf32>
  %f1 = linalg.fill ins(%cst : f32) outs(%e1 : tensor<1x32x11x11xf32>) -> tensor<1x32x11x11xf32>
  %i1 = tensor.insert_slice %r0 into %f1[0, 0, 2, 2] [1, 32, 4, 4] [1, 1, 2, 2] : tensor<1x32x4x4xf32> into tensor<1x32x11x11xf32>
  %ew1 = tensor.empty() : tensor<16x32x4x4xf32>
  %k1 = linalg.generic {indexing_maps = [#flip, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w1 : tensor<32x16x4x4xf32>) outs(%ew1 : tensor<16x32x4x4xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<16x32x4x4xf32>
  %eo1 = tensor.empty() : tensor<1x16x8x8xf32>
  %fo1 = linalg.fill ins(%cst : f32) outs(%eo1 : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %c1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%i1, %k1 : tensor<1x32x11x11xf32>, tensor<16x32x4x4xf32>) outs(%fo1 : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  %r1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%c1 : tensor<1x16x8x8xf32>) outs(%eo1 : tensor<1x16x8x8xf32>) { ^bb0(%in: f32, %out: f32): %m = arith.maximumf %in, %cst : f32
    linalg.yield %m : f32 } -> tensor<1x16x8x8xf32>
  %e2 = tensor.empty() : tensor<1x16x19x19xf32>
  %f2 = linalg.fill ins(%cst : f32) outs(%e2 : tensor<1x16x19x19xf32>) -> tensor<1x16x19x19xf32>
  %i2 = tensor.insert_slice %r1 into %f2[0, 0, 2, 2] [1, 16, 8, 8] [1, 1, 2, 2] : tensor<1x16x8x8xf32> into tensor<1x16x19x19xf32>
  %ew2 = tensor.empty() : tensor<8x16x4x4xf32>
  %k2 = linalg.generic {indexing_maps = [#flip, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w2 : tensor<16x8x4x4xf32>) outs(%ew2 : tensor<8x16x4x4xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<8x16x4x4xf32>
  %eo2 = tensor.empty() : tensor<1x8x16x16xf32>
  %fo2 = linalg.fill ins(%cst : f32) outs(%eo2 : tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %c2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%i2, %k2 : tensor<1x16x19x19xf32>, tensor<8x16x4x4xf32>) outs(%fo2 : tensor<1x8x16x16xf32>) -> tensor<1x8x16x16xf32>
  %r2 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%c2 : tensor<1x8x16x16xf32>) outs(%eo2 : tensor<1x8x16x16xf32>) { ^bb0(%in: f32, %out: f32): %m = arith.maximumf %in, %cst : f32
    linalg.yield %m : f32 } -> tensor<1x8x16x16xf32>
  %e3 = tensor.empty() : tensor<1x8x35x35xf32>
  %f3 = linalg.fill ins(%cst : f32) outs(%e3 : tensor<1x8x35x35xf32>) -> tensor<1x8x35x35xf32>
  %i3 = tensor.insert_slice %r2 into %f3[0, 0, 2, 2] [1, 8, 16, 16] [1, 1, 2, 2] : tensor<1x8x16x16xf32> into tensor<1x8x35x35xf32>
  %ew3 = tensor.empty() : tensor<3x8x4x4xf32>
  %k3 = linalg.generic {indexing_maps = [#flip, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w3 : tensor<8x3x4x4xf32>) outs(%ew3 : tensor<3x8x4x4xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<3x8x4x4xf32>
  %eo3 = tensor.empty() : tensor<1x3x32x32xf32>
  %fo3 = linalg.fill ins(%cst : f32) outs(%eo3 : tensor<1x3x32x32xf32>) -> tensor<1x3x32x32xf32>
  %c3 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>} ins(%i3, %k3 : tensor<1x8x35x35xf32>, tensor<3x8x4x4xf32>) outs(%fo3 : tensor<1x3x32x32xf32>) -> tensor<1x3x32x32xf32>
  %r3 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%c3 : tensor<1x3x32x32xf32>) outs(%eo3 : tensor<1x3x32x32xf32>) { ^bb0(%in: f32, %out: f32): %m = math.tanh %in : f32
    linalg.yield %m : f32 } -> tensor<1x3x32x32xf32>
  return %r3 : tensor<1x3x32x32xf32>
}
