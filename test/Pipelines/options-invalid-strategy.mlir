// RUN: not tconv-opt %s --tconv-lower-to-llvm=transpose-strategy=fast 2>&1 | FileCheck %s

// CHECK: error: --tconv-lower-to-llvm: unknown transpose-strategy 'fast'; expected auto, phase or zero-insert
func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
  return %x : tensor<4xf32>
}
