// RUN: tconv-opt %s --tconv-convert-to-linalg -split-input-file -verify-diagnostics

// A transposed convolution must have been decomposed first: a clear error,
// not a crash and not a half-converted function.

func.func @transpose_left(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error @below {{'tconv.conv_transpose' op must be rewritten into tconv.conv before lowering to linalg: run --tconv-decompose-transpose first}}
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// A recorded schedule must fit: channels-last takes ungrouped and depthwise
// convolutions only.

func.func @channels_last_grouped(%x: tensor<1x8x16x16xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x8x14x14xf32> {
  // expected-error @below {{'tconv.conv' op has a channels-last schedule but is a grouped convolution that is not depthwise}}
  %y = tconv.conv %x, %w group = 2 {tconv.schedule = {kind = "channels-last-loops"}}
      : (tensor<1x8x16x16xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x14x14xf32>
  return %y : tensor<1x8x14x14xf32>
}

// -----

func.func @malformed(%x: tensor<1x8x16x16xf32>, %w: tensor<8x8x3x3xf32>) -> tensor<1x8x14x14xf32> {
  // expected-error @below {{bad tconv.schedule: expected a dictionary}}
  %y = tconv.conv %x, %w {tconv.schedule = "fast"}
      : (tensor<1x8x16x16xf32>, tensor<8x8x3x3xf32>) -> tensor<1x8x14x14xf32>
  return %y : tensor<1x8x14x14xf32>
}
