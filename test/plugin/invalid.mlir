// The op verifiers run inside Debian's mlir-opt.
// RUN: mlir-opt --load-dialect-plugin=%tconv_plugin %s -split-input-file -verify-diagnostics

func.func @wrong_result(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{result type 'tensor<1x1x4xf32>' differs from the inferred type 'tensor<1x1x3xf32>'}}
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @bad_group(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'group' must be >= 1, got 0}}
  %y = tconv.conv %x, %w group = 0
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %y : tensor<1x4x6x6xf32>
}
