// RUN: tconv-opt %s --tconv-prepare-upstream-ops -verify-diagnostics

func.func @shape_op(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // expected-error @below {{'shape.const_size' cannot be lowered by --tconv-lower-to-llvm (no lowering for the 'shape' dialect)}}
  %s = shape.const_size 3
  return %x : tensor<2x5xf32>
}
