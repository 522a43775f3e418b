// linalg.softmax through upstream's decomposition. The reference lowering
// decomposes it the same way, so the numbers are asserted here: softmax of
// [0, ln 2, ln 3] is [1/6, 2/6, 3/6] in every row.

// RUN: tconv-run %s --print | FileCheck %s
// CHECK: result #0: tensor<2x3xf32>
// CHECK: values: 0.166667, 0.333333, 0.5, 0.166667, 0.333333, 0.5

func.func @main() -> tensor<2x3xf32> {
  %x = arith.constant dense<[[0.0, 0.693147182, 1.09861231], [5.0, 5.693147182, 6.09861231]]> : tensor<2x3xf32>
  %e = tensor.empty() : tensor<2x3xf32>
  %y = linalg.softmax dimension(1) ins(%x : tensor<2x3xf32>) outs(%e : tensor<2x3xf32>) -> tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}
