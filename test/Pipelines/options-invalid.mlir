// RUN: not tconv-opt %s --tconv-lower-to-llvm=stop-after=bogus 2>&1 | FileCheck %s

// A misspelt stage is an error, not a silently complete pipeline.

// CHECK: error: --tconv-lower-to-llvm: unknown stage 'bogus' for stop-after; expected decompose, linalg, fused, vectorized, bufferized, loops, llvm
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
