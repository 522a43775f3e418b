// RUN: tconv-opt %s --tconv-prepare-upstream-ops -split-input-file | FileCheck %s

// tosa.erf and math.erf on tensors become generics computing the
// approximation: no math.erf is left for LLVM.
// CHECK-LABEL: func.func @erf_tensor
// CHECK-NOT: math.erf
// CHECK-NOT: tosa.erf
// CHECK: linalg.generic
// CHECK: math.fma
// CHECK-NOT: math.erf
func.func @erf_tensor(%x: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %y = tosa.erf %x : (tensor<4x5xf32>) -> tensor<4x5xf32>
  return %y : tensor<4x5xf32>
}

// -----

// f16 goes through f32.
// CHECK-LABEL: func.func @erf_f16
// CHECK: %[[W:.*]] = arith.extf %{{.*}} : f16 to f32
// CHECK-NOT: math.erf
// CHECK: arith.truncf %{{.*}} : f32 to f16
func.func @erf_f16(%x: f16) -> f16 {
  %y = math.erf %x : f16
  return %y : f16
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
