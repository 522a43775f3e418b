// torch-mlir's transposed convolution with a dynamic batch: the input
// inserted with strides into zeros (tensor.insert_slice sized by tensor.dim
// of the batch), the filter flipped, a stride-1 linalg.conv_2d_nchw_fchw.
// Outlined per image, it raises to a tconv.conv_transpose (phases).
// Checked against the reference lowering at N = 1, 3, 11.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=11 --verify --print | FileCheck %s -DN=11
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x4x16x16xf32>

func.func @main(%x: tensor<?x8x8x8xf32>, %w: tensor<8x4x4x4xf32>) -> tensor<?x4x16x16xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x8x8x8xf32>
  %ze = tensor.empty(%n) : tensor<?x8x19x19xf32>
  %z = linalg.fill ins(%zero : f32) outs(%ze : tensor<?x8x19x19xf32>) -> tensor<?x8x19x19xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 2, 2] [%n, 8, 8, 8] [1, 1, 2, 2] : tensor<?x8x8x8xf32> into tensor<?x8x19x19xf32>
  %we = tensor.empty() : tensor<4x8x4x4xf32>
  %wf = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (b, a, 3 - c, 3 - d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%w : tensor<8x4x4x4xf32>) outs(%we : tensor<4x8x4x4xf32>) {
  ^bb0(%a: f32, %b: f32):
    linalg.yield %a : f32
  } -> tensor<4x8x4x4xf32>
  %fe = tensor.empty(%n) : tensor<?x4x16x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%fe : tensor<?x4x16x16xf32>) -> tensor<?x4x16x16xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %wf : tensor<?x8x19x19xf32>, tensor<4x8x4x4xf32>) outs(%f : tensor<?x4x16x16xf32>) -> tensor<?x4x16x16xf32>
  return %y : tensor<?x4x16x16xf32>
}
