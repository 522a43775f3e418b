// Upstream linalg with a dynamic batch, as torch-mlir writes it: the input
// padded by tensor.pad, results sized by tensor.dim of the batch
// (tensor.empty(%n)), a bias broadcast as the convolution's init, a ReLU
// generic. The batch is outlined first, so the convolution (and its pad)
// raises to tconv in the static function of one image (and of a chunk of
// 8). Checked against the reference lowering at N = 1, 3, 11.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=11 --verify --print | FileCheck %s -DN=11
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x32x32x32xf32>

#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#bias = affine_map<(d0, d1, d2, d3) -> (d1)>
func.func @main(%x: tensor<?x16x32x32xf32>, %w: tensor<32x16x3x3xf32>, %b: tensor<32xf32>) -> tensor<?x32x32x32xf32> {
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %z : f32
  } : tensor<?x16x32x32xf32> to tensor<?x16x34x34xf32>
  %n = tensor.dim %x, %c0 : tensor<?x16x32x32xf32>
  %e = tensor.empty(%n) : tensor<?x32x32x32xf32>
  %init = linalg.generic {indexing_maps = [#bias, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%b : tensor<32xf32>) outs(%e : tensor<?x32x32x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<?x32x32x32xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<?x16x34x34xf32>, tensor<32x16x3x3xf32>) outs(%init : tensor<?x32x32x32xf32>) -> tensor<?x32x32x32xf32>
  %n2 = tensor.dim %y, %c0 : tensor<?x32x32x32xf32>
  %e2 = tensor.empty(%n2) : tensor<?x32x32x32xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%y : tensor<?x32x32x32xf32>) outs(%e2 : tensor<?x32x32x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<?x32x32x32xf32>
  return %r : tensor<?x32x32x32xf32>
}
