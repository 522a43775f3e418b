// linalg form generic, checked against upstream's lowering.
// A linalg.generic that is a convolution (stride 2, dilation 2, NWC, KCF).

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x11x3xf32>, %w: tensor<3x3x4xf32>) -> tensor<1x4x4xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x4xf32>) -> tensor<1x4x4xf32>
  %y = linalg.generic {indexing_maps = [affine_map<(n, w, f, k, c) -> (n, w * 2 + k * 2, c)>, affine_map<(n, w, f, k, c) -> (k, c, f)>, affine_map<(n, w, f, k, c) -> (n, w, f)>], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %w : tensor<1x11x3xf32>, tensor<3x3x4xf32>) outs(%f : tensor<1x4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4xf32>
  return %y : tensor<1x4x4xf32>
}
