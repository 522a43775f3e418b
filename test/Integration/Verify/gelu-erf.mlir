// GELU as torch-mlir writes it (x * (1 + erf(x / sqrt 2)) / 2 in a
// linalg.generic) after a tosa.erf on the same input: both erfs take the
// pipeline's polynomial approximation, checked against libm's erff in the
// reference lowering.

// RUN: tconv-run %s --random-inputs=3 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok
// CHECK: verify result #1: max abs error {{.*}}: ok

#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%x: tensor<7x33xf32>) -> (tensor<7x33xf32>, tensor<7x33xf32>) {
  %e = tensor.empty() : tensor<7x33xf32>
  %gelu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<7x33xf32>) outs(%e : tensor<7x33xf32>) {
  ^bb0(%in: f32, %out: f32):
    %rsqrt2 = arith.constant 0.707106769 : f32
    %one = arith.constant 1.0 : f32
    %half = arith.constant 0.5 : f32
    %s = arith.mulf %in, %rsqrt2 : f32
    %erf = math.erf %s : f32
    %p = arith.addf %erf, %one : f32
    %q = arith.mulf %in, %p : f32
    %r = arith.mulf %q, %half : f32
    linalg.yield %r : f32
  } -> tensor<7x33xf32>
  %t = tosa.erf %x : (tensor<7x33xf32>) -> tensor<7x33xf32>
  return %gelu, %t : tensor<7x33xf32>, tensor<7x33xf32>
}
