// RUN: tconv-opt %s --tconv-convert-to-linalg -split-input-file -verify-diagnostics

// A transposed convolution must have been decomposed first: a clear error,
// not a crash and not a half-converted function.

func.func @transpose_left(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error @below {{'tconv.conv_transpose' op must be rewritten into tconv.conv before lowering to linalg: run --tconv-decompose-transpose first}}
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
