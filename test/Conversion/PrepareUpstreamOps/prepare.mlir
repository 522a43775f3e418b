// RUN: tconv-opt %s --tconv-prepare-upstream-ops -split-input-file | FileCheck %s

// tosa.erf becomes math.erf (tconv-approximate-math computes it on the
// loops).
// CHECK-LABEL: func.func @erf_tensor(
//  CHECK-SAME:     %[[X:.*]]: tensor<4x5xf32>
//       CHECK:   %[[Y:.*]] = math.erf %[[X]] : tensor<4x5xf32>
//       CHECK:   return %[[Y]]
func.func @erf_tensor(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %y = tosa.erf %x : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %y : tensor<4x5xf32>
}

// -----

// CHECK-LABEL: func.func @softmax
// CHECK-NOT: linalg.softmax
// CHECK: math.exp
// CHECK: arith.divf
func.func @softmax(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %e = tensor.empty() : tensor<2x5xf32>
  %y = linalg.softmax dimension(1) ins(%x : tensor<2x5xf32>) outs(%e : tensor<2x5xf32>) -> tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}
