// A classifier head in upstream linalg with a dynamic batch, as torch-mlir
// writes it: a flatten (collapse_shape keeping dim 0 apart), a matmul onto
// a broadcast bias, an expand_shape sized by tensor.dim of the batch. Each
// is per image: checked against the reference lowering at N = 1, 3, 11.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=11 --verify --print | FileCheck %s -DN=11
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK: verify result #0: {{.*}}: ok
// CHECK: verify result #1: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x10xf32>
// CHECK: result #1: tensor<[[N]]x4x4x16xf32>

#id4 = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @main(%x: tensor<?x8x6x6xf32>, %w: tensor<16x8x3x3xf32>, %fc: tensor<256x10xf32>, %b: tensor<10xf32>) -> (tensor<?x10xf32>, tensor<?x4x4x16xf32>) {
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x8x6x6xf32>
  %e = tensor.empty(%n) : tensor<?x16x4x4xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<?x8x6x6xf32>, tensor<16x8x3x3xf32>) outs(%f : tensor<?x16x4x4xf32>) -> tensor<?x16x4x4xf32>
  %r = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%y : tensor<?x16x4x4xf32>) outs(%e : tensor<?x16x4x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<?x16x4x4xf32>
  %flat = tensor.collapse_shape %r [[0], [1, 2, 3]] : tensor<?x16x4x4xf32> into tensor<?x256xf32>
  %n2 = tensor.dim %flat, %c0 : tensor<?x256xf32>
  %e2 = tensor.empty(%n2) : tensor<?x10xf32>
  %bias = linalg.generic {indexing_maps = [#row, #id2], iterator_types = ["parallel", "parallel"]} ins(%b : tensor<10xf32>) outs(%e2 : tensor<?x10xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<?x10xf32>
  %mm = linalg.matmul ins(%flat, %fc : tensor<?x256xf32>, tensor<256x10xf32>) outs(%bias : tensor<?x10xf32>) -> tensor<?x10xf32>
  %ex = tensor.expand_shape %flat [[0], [1, 2, 3]] output_shape [%n2, 4, 4, 16] : tensor<?x256xf32> into tensor<?x4x4x16xf32>
  return %mm, %ex : tensor<?x10xf32>, tensor<?x4x4x16xf32>
}
