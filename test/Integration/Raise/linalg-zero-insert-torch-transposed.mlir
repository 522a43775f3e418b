// linalg form torch_transposed, checked against upstream's lowering.
// torch-mlir's transposed convolution (k 3, stride 2, padding 1,
// output_padding 1): the input inserted at stride 2 into zeros, a flipped
// filter with swapped channels, a stride-1 convolution. It becomes one
// tconv.conv_transpose of the original input; the filter is swapped and
// flipped back (the two generics fuse into the identity later).

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x10x10xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x12x12xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x12x12xf32>) -> tensor<1x4x12x12xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 1, 1] [1, 4, 5, 5] [1, 1, 2, 2] : tensor<1x4x5x5xf32> into tensor<1x4x12x12xf32>
  %ew = tensor.empty() : tensor<3x4x3x3xf32>
  %wf = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (b, a, 2 - c, 2 - d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w : tensor<4x3x3x3xf32>) outs(%ew : tensor<3x4x3x3xf32>) { ^bb0(%in: f32, %out: f32): linalg.yield %in : f32 } -> tensor<3x4x3x3xf32>
  %eo = tensor.empty() : tensor<1x3x10x10xf32>
  %init = linalg.broadcast ins(%b : tensor<3xf32>) outs(%eo : tensor<1x3x10x10xf32>) dimensions = [0, 2, 3]
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %wf : tensor<1x4x12x12xf32>, tensor<3x4x3x3xf32>) outs(%init : tensor<1x3x10x10xf32>) -> tensor<1x3x10x10xf32>
  return %y : tensor<1x3x10x10xf32>
}
