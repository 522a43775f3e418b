// RUN: tconv-opt %s --tconv-prepare-upstream-ops -split-input-file -verify-diagnostics

func.func @shape_op(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  // expected-error @below {{'shape.const_size' cannot be lowered by --tconv-lower-to-llvm (no lowering for the 'shape' dialect)}}
  %s = shape.const_size 3
  return %x : tensor<2x5xf32>
}

// -----

// TOSA's lowering to linalg crashed on unranked tensors.
func.func @unranked_tosa_conv(%x: tensor<*xf32>, %w: tensor<3x3x3x2xf32>, %b: tensor<3xf32>) -> tensor<*xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  // expected-error @below {{'tosa.conv2d' on unranked tensors cannot be lowered by --tconv-lower-to-llvm (it needs ranked tensors)}}
  %r = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32, dilation = array<i64: 1, 1>, pad = array<i64: 0, 0, 0, 0>, stride = array<i64: 1, 1>} : (tensor<*xf32>, tensor<3x3x3x2xf32>, tensor<3xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<*xf32>
  return %r : tensor<*xf32>
}
