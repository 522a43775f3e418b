// An op of a supported dialect that still has no lowering to LLVM is named,
// with its location, before JIT compilation.

// RUN: not tconv-run %s --random-inputs 2>&1 | FileCheck %s
// CHECK: tconv-run: --tconv-lower-to-llvm failed
// CHECK: unlowerable-op.mlir:[[@LINE+3]]:8: error: 'math.cbrt' has no lowering to LLVM in --tconv-lower-to-llvm

func.func @main(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %y = math.cbrt %x : tensor<2x5xf32>
  return %y : tensor<2x5xf32>
}
