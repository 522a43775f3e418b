// RUN: tconv-opt %s -split-input-file -verify-diagnostics

// One case per verifier message, for each op it applies to.

//===----------------------------------------------------------------------===//
// Attribute lengths
//===----------------------------------------------------------------------===//

func.func @conv_strides_length(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'strides' must have 2 values (one per spatial dim), got 1}}
  %y = tconv.conv %x, %w strides = [1] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_transpose_strides_length(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'strides' must have 2 values (one per spatial dim), got 3}}
  %y = tconv.conv_transpose %x, %w strides = [1, 1, 1] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @conv_pads_length(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'tconv.conv' op 'pads' must have 4 values (all begins, then all ends), got 2}}
  %y = tconv.conv %x, %w pads = [1, 1] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @conv_transpose_pads_length(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'pads' must have 2 values (all begins, then all ends), got 1}}
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @conv_dilations_length(%x: tensor<1x1x4x4x4xf32>, %w: tensor<1x1x3x3x3xf32>) -> tensor<1x1x2x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'dilations' must have 3 values (one per spatial dim), got 2}}
  %y = tconv.conv %x, %w dilations = [1, 1] : (tensor<1x1x4x4x4xf32>, tensor<1x1x3x3x3xf32>) -> tensor<1x1x2x2x2xf32>
  return %y : tensor<1x1x2x2x2xf32>
}

// -----

func.func @conv_transpose_dilations_length(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'dilations' must have 2 values (one per spatial dim), got 0}}
  %y = tconv.conv_transpose %x, %w dilations = [] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @conv_transpose_output_padding_length(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'output_padding' must have 2 values (one per spatial dim), got 1}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2] output_padding = [1] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Attribute values
//===----------------------------------------------------------------------===//

func.func @conv_stride_zero(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'strides' value 0 at index 1 must be >= 1}}
  %y = tconv.conv %x, %w strides = [1, 0] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_transpose_stride_negative(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'strides' value -1 at index 0 must be >= 1}}
  %y = tconv.conv_transpose %x, %w strides = [-1, 1] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @conv_dilation_zero(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'dilations' value 0 at index 0 must be >= 1}}
  %y = tconv.conv %x, %w dilations = [0, 1] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_transpose_dilation_zero(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'dilations' value 0 at index 1 must be >= 1}}
  %y = tconv.conv_transpose %x, %w dilations = [1, 0] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

func.func @conv_pads_negative(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'pads' value -1 at index 3 must be >= 0}}
  %y = tconv.conv %x, %w pads = [0, 0, 1, -1] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_transpose_pads_negative(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'pads' value -2 at index 0 must be >= 0}}
  %y = tconv.conv_transpose %x, %w pads = [-2, 0] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

func.func @conv_transpose_output_padding_negative(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x5xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'output_padding' value -1 at index 0 must be >= 0}}
  %y = tconv.conv_transpose %x, %w strides = [2] output_padding = [-1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
  return %y : tensor<1x1x5xf32>
}

// -----

// output_padding equal to the stride (PyTorch's rule: < max(stride, dilation)).
func.func @conv_transpose_output_padding_stride(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x5x7xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'output_padding' value 2 at index 1 must be smaller than max(stride, dilation) = 2}}
  %y = tconv.conv_transpose %x, %w strides = [2, 2] output_padding = [0, 2] : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x7xf32>
  return %y : tensor<1x1x5x7xf32>
}

// -----

// The larger of stride (2) and dilation (3) bounds output_padding.
func.func @conv_transpose_output_padding_dilation(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x12xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'output_padding' value 3 at index 0 must be smaller than max(stride, dilation) = 3}}
  %y = tconv.conv_transpose %x, %w strides = [2] dilations = [3] output_padding = [3] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x12xf32>
  return %y : tensor<1x1x12xf32>
}

// -----

// With the default stride and dilation, any output_padding > 0 is invalid.
func.func @conv_transpose_output_padding_default(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x5xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'output_padding' value 1 at index 0 must be smaller than max(stride, dilation) = 1}}
  %y = tconv.conv_transpose %x, %w output_padding = [1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
  return %y : tensor<1x1x5xf32>
}

// -----

// Written through the attribute dictionary, since the custom form of
// tconv.conv has no output_padding clause.
func.func @conv_output_padding(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'output_padding' is only valid on tconv.conv_transpose}}
  %y = tconv.conv %x, %w {output_padding = array<i64: 0>} : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_output_padding_custom(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{expected ':'}}
  %y = tconv.conv %x, %w output_padding = [0] : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_group_zero(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'group' must be >= 1, got 0}}
  %y = tconv.conv %x, %w group = 0 : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_transpose_group_negative(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'group' must be >= 1, got -2}}
  %y = tconv.conv_transpose %x, %w group = -2 : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_group_input_channels(%x: tensor<1x6x4xf32>, %w: tensor<4x1x3xf32>) -> tensor<1x4x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'group' 4 must divide the input channels 6}}
  %y = tconv.conv %x, %w group = 4 : (tensor<1x6x4xf32>, tensor<4x1x3xf32>) -> tensor<1x4x2xf32>
  return %y : tensor<1x4x2xf32>
}

// -----

func.func @conv_transpose_group_input_channels(%x: tensor<1x6x2xf32>, %w: tensor<6x1x3xf32>) -> tensor<1x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'group' 4 must divide the input channels 6}}
  %y = tconv.conv_transpose %x, %w group = 4 : (tensor<1x6x2xf32>, tensor<6x1x3xf32>) -> tensor<1x4x4xf32>
  return %y : tensor<1x4x4xf32>
}

// -----

func.func @conv_group_output_channels(%x: tensor<1x4x4xf32>, %w: tensor<6x1x3xf32>) -> tensor<1x6x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'group' 4 must divide the filter's output channels 6}}
  %y = tconv.conv %x, %w group = 4 : (tensor<1x4x4xf32>, tensor<6x1x3xf32>) -> tensor<1x6x2xf32>
  return %y : tensor<1x6x2xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Channels and bias
//===----------------------------------------------------------------------===//

func.func @conv_filter_channels(%x: tensor<1x3x4x4xf32>, %w: tensor<8x2x3x3xf32>) -> tensor<1x8x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects filter dim 1 (2) to equal the input channels (3) divided by group (1); the filter layout is M x C/group x k...}}
  %y = tconv.conv %x, %w : (tensor<1x3x4x4xf32>, tensor<8x2x3x3xf32>) -> tensor<1x8x2x2xf32>
  return %y : tensor<1x8x2x2xf32>
}

// -----

// A grouped filter holds C / group input channels, not C.
func.func @conv_filter_channels_grouped(%x: tensor<1x4x4x4xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x8x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects filter dim 1 (4) to equal the input channels (4) divided by group (2); the filter layout is M x C/group x k...}}
  %y = tconv.conv %x, %w group = 2 : (tensor<1x4x4x4xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x2x2xf32>
  return %y : tensor<1x8x2x2xf32>
}

// -----

// A transposed convolution's filter is C x M/group x k, not M x C x k.
func.func @conv_transpose_filter_channels(%x: tensor<1x4x2x2xf32>, %w: tensor<2x4x3x3xf32>) -> tensor<1x4x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects filter dim 0 (2) to equal the input channels (4); the filter layout is C x M/group x k...}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x4x2x2xf32>, tensor<2x4x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

func.func @conv_bias_size(%x: tensor<1x3x4xf32>, %w: tensor<8x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x8x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects a bias of 8 values (one per output channel), got 'tensor<3xf32>'}}
  %y = tconv.conv %x, %w, %b : (tensor<1x3x4xf32>, tensor<8x3x3xf32>, tensor<3xf32>) -> tensor<1x8x2xf32>
  return %y : tensor<1x8x2xf32>
}

// -----

// M = filter dim 1 * group = 6: a bias sized by filter dim 1 alone is wrong.
func.func @conv_transpose_bias_size(%x: tensor<1x4x2xf32>, %w: tensor<4x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x6x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects a bias of 6 values (one per output channel), got 'tensor<3xf32>'}}
  %y = tconv.conv_transpose %x, %w, %b group = 2 : (tensor<1x4x2xf32>, tensor<4x3x3xf32>, tensor<3xf32>) -> tensor<1x6x4xf32>
  return %y : tensor<1x6x4xf32>
}

// -----

func.func @conv_bias_element_type(%x: tensor<1x3x4xf32>, %w: tensor<8x3x3xf32>, %b: tensor<8xf16>) -> tensor<1x8x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects the bias element type 'f16' to match the input element type 'f32'}}
  %y = tconv.conv %x, %w, %b : (tensor<1x3x4xf32>, tensor<8x3x3xf32>, tensor<8xf16>) -> tensor<1x8x2xf32>
  return %y : tensor<1x8x2xf32>
}

// -----

func.func @conv_transpose_bias_element_type(%x: tensor<1x1x2xbf16>, %w: tensor<1x1x3xbf16>, %b: tensor<1xf32>) -> tensor<1x1x4xbf16> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects the bias element type 'f32' to match the input element type 'bf16'}}
  %y = tconv.conv_transpose %x, %w, %b : (tensor<1x1x2xbf16>, tensor<1x1x3xbf16>, tensor<1xf32>) -> tensor<1x1x4xbf16>
  return %y : tensor<1x1x4xbf16>
}

// -----

func.func @conv_bias_dynamic(%x: tensor<1x3x4xf32>, %w: tensor<8x3x3xf32>, %b: tensor<?xf32>) -> tensor<1x8x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects a static bias shape, got 'tensor<?xf32>' (dim 0 is dynamic)}}
  %y = tconv.conv %x, %w, %b : (tensor<1x3x4xf32>, tensor<8x3x3xf32>, tensor<?xf32>) -> tensor<1x8x2xf32>
  return %y : tensor<1x8x2xf32>
}

// -----

func.func @conv_transpose_bias_rank(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>, %b: tensor<1x1xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op operand #2 must be 1D tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x1xf32>'}}
  %y = tconv.conv_transpose %x, %w, %b : (tensor<1x1x2xf32>, tensor<1x1x3xf32>, tensor<1x1xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Element types
//===----------------------------------------------------------------------===//

func.func @conv_filter_element_type(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf64>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects the filter element type 'f64' to match the input element type 'f32'}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<1x1x3xf64>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_transpose_filter_element_type(%x: tensor<1x1x2xf16>, %w: tensor<1x1x3xbf16>) -> tensor<1x1x4xf16> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects the filter element type 'bf16' to match the input element type 'f16'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf16>, tensor<1x1x3xbf16>) -> tensor<1x1x4xf16>
  return %y : tensor<1x1x4xf16>
}

// -----

func.func @conv_result_element_type(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf16> {
  // expected-error @+1 {{'tconv.conv' op expects the result element type 'f16' to match the input element type 'f32'}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf16>
  return %y : tensor<1x1x2xf16>
}

// -----

func.func @conv_transpose_result_element_type(%x: tensor<1x1x2xf64>, %w: tensor<1x1x3xf64>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects the result element type 'f32' to match the input element type 'f64'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf64>, tensor<1x1x3xf64>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_integer_input(%x: tensor<1x1x4xi32>, %w: tensor<1x1x3xi32>) -> tensor<1x1x2xi32> {
  // expected-error @+1 {{'tconv.conv' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x1x4xi32>'}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xi32>, tensor<1x1x3xi32>) -> tensor<1x1x2xi32>
  return %y : tensor<1x1x2xi32>
}

// -----

func.func @conv_transpose_integer_filter(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xi8>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op operand #1 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x1x3xi8>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x1x3xi8>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_integer_bias(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>, %b: tensor<1xi32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op operand #2 must be 1D tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1xi32>'}}
  %y = tconv.conv %x, %w, %b : (tensor<1x1x4xf32>, tensor<1x1x3xf32>, tensor<1xi32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

// f8 is a float type, but not one the ops support.
func.func @conv_transpose_f8_result(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf8E4M3FN> {
  // expected-error @+1 {{'tconv.conv_transpose' op result #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<1x1x4xf8E4M3FN>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf8E4M3FN>
  return %y : tensor<1x1x4xf8E4M3FN>
}

// -----

//===----------------------------------------------------------------------===//
// Ranks
//===----------------------------------------------------------------------===//

func.func @conv_unranked_input(%x: tensor<*xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op operand #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %y = tconv.conv %x, %w : (tensor<*xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_transpose_unranked_filter(%x: tensor<1x1x2xf32>, %w: tensor<*xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op operand #1 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<*xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_transpose_unranked_result(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<*xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op result #0 must be ranked tensor of 16-bit float or bfloat16 type or 32-bit float or 64-bit float values, but got 'tensor<*xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<*xf32>
  return %y : tensor<*xf32>
}

// -----

func.func @conv_rank_2(%x: tensor<1x4xf32>, %w: tensor<2x4xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects an input of rank 3, 4 or 5 (N x C x 1-3 spatial dims), got rank 2}}
  %y = tconv.conv %x, %w : (tensor<1x4xf32>, tensor<2x4xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @conv_transpose_rank_2(%x: tensor<1x4xf32>, %w: tensor<4x2xf32>) -> tensor<1x2xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects an input of rank 3, 4 or 5 (N x C x 1-3 spatial dims), got rank 2}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x4xf32>, tensor<4x2xf32>) -> tensor<1x2xf32>
  return %y : tensor<1x2xf32>
}

// -----

func.func @conv_rank_6(%x: tensor<1x1x4x4x4x4xf32>, %w: tensor<1x1x3x3x3x3xf32>) -> tensor<1x1x2x2x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects an input of rank 3, 4 or 5 (N x C x 1-3 spatial dims), got rank 6}}
  %y = tconv.conv %x, %w : (tensor<1x1x4x4x4x4xf32>, tensor<1x1x3x3x3x3xf32>) -> tensor<1x1x2x2x2x2xf32>
  return %y : tensor<1x1x2x2x2x2xf32>
}

// -----

func.func @conv_transpose_rank_6(%x: tensor<1x1x2x2x2x2xf32>, %w: tensor<1x1x3x3x3x3xf32>) -> tensor<1x1x4x4x4x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects an input of rank 3, 4 or 5 (N x C x 1-3 spatial dims), got rank 6}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2x2x2x2xf32>, tensor<1x1x3x3x3x3xf32>) -> tensor<1x1x4x4x4x4xf32>
  return %y : tensor<1x1x4x4x4x4xf32>
}

// -----

func.func @conv_filter_rank(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects a filter of rank 4 like the input, got rank 3}}
  %y = tconv.conv %x, %w : (tensor<1x1x4x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

// -----

func.func @conv_transpose_filter_rank(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects a filter of rank 3 like the input, got rank 4}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_result_rank(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2x1xf32> {
  // expected-error @+1 {{'tconv.conv' op expects a result of rank 4 like the input, got rank 5}}
  %y = tconv.conv %x, %w : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2x1xf32>
  return %y : tensor<1x1x2x2x1xf32>
}

// -----

func.func @conv_transpose_result_rank(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x16xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects a result of rank 4 like the input, got rank 2}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x16xf32>
  return %y : tensor<1x16xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Shapes
//===----------------------------------------------------------------------===//

func.func @conv_dynamic_channels(%x: tensor<1x?x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects a static input shape, got 'tensor<1x?x4xf32>' (dim 1 is dynamic; only the batch, dim 0, may be)}}
  %y = tconv.conv %x, %w : (tensor<1x?x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

// A dynamic batch stays dynamic in the result.
func.func @conv_dynamic_batch_static_result(%x: tensor<?x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op result type 'tensor<1x1x2xf32>' differs from the inferred type 'tensor<?x1x2xf32>'}}
  %y = tconv.conv %x, %w : (tensor<?x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_transpose_dynamic_batch_wrong_width(%x: tensor<?x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<?x1x5xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op result type 'tensor<?x1x5xf32>' differs from the inferred type 'tensor<?x1x4xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<?x1x2xf32>, tensor<1x1x3xf32>) -> tensor<?x1x5xf32>
  return %y : tensor<?x1x5xf32>
}

// -----

func.func @conv_transpose_dynamic_input(%x: tensor<1x1x?xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects a static input shape, got 'tensor<1x1x?xf32>' (dim 2 is dynamic; only the batch, dim 0, may be)}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x?xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_dynamic_filter(%x: tensor<1x1x4xf32>, %w: tensor<?x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects a static filter shape, got 'tensor<?x1x3xf32>' (dim 0 is dynamic)}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<?x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_transpose_dynamic_filter(%x: tensor<1x1x2xf32>, %w: tensor<1x1x?xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects a static filter shape, got 'tensor<1x1x?xf32>' (dim 2 is dynamic)}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x1x?xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

// A dynamic result is not inferred: the diagnostic gives the static type.
func.func @conv_dynamic_result(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x?xf32> {
  // expected-error @+1 {{'tconv.conv' op result type 'tensor<1x1x?xf32>' differs from the inferred type 'tensor<1x1x2xf32>'}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x?xf32>
  return %y : tensor<1x1x?xf32>
}

// -----

func.func @conv_transpose_dynamic_result(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<?x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op result type 'tensor<?x1x4xf32>' differs from the inferred type 'tensor<1x1x4xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<?x1x4xf32>
  return %y : tensor<?x1x4xf32>
}

// -----

func.func @conv_zero_input_dim(%x: tensor<0x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<0x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op expects every input dimension to be >= 1, got 'tensor<0x1x4xf32>' (dim 0 is 0)}}
  %y = tconv.conv %x, %w : (tensor<0x1x4xf32>, tensor<1x1x3xf32>) -> tensor<0x1x2xf32>
  return %y : tensor<0x1x2xf32>
}

// -----

func.func @conv_transpose_zero_input_dim(%x: tensor<1x1x0xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects every input dimension to be >= 1, got 'tensor<1x1x0xf32>' (dim 2 is 0)}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x0xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_zero_filter_dim(%x: tensor<1x1x4xf32>, %w: tensor<1x1x0xf32>) -> tensor<1x1x5xf32> {
  // expected-error @+1 {{'tconv.conv' op expects every filter dimension to be >= 1, got 'tensor<1x1x0xf32>' (dim 2 is 0)}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<1x1x0xf32>) -> tensor<1x1x5xf32>
  return %y : tensor<1x1x5xf32>
}

// -----

func.func @conv_transpose_zero_filter_dim(%x: tensor<1x1x2xf32>, %w: tensor<1x0x3xf32>) -> tensor<1x0x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects every filter dimension to be >= 1, got 'tensor<1x0x3xf32>' (dim 1 is 0)}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x2xf32>, tensor<1x0x3xf32>) -> tensor<1x0x4xf32>
  return %y : tensor<1x0x4xf32>
}

// -----

// A zero-sized result dim where the formula gives a positive size.
func.func @conv_zero_result_dim(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x0xf32> {
  // expected-error @+1 {{'tconv.conv' op result type 'tensor<1x1x0xf32>' differs from the inferred type 'tensor<1x1x2xf32>'}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x0xf32>
  return %y : tensor<1x1x0xf32>
}

// -----

func.func @conv_result_spatial_size(%x: tensor<1x1x8x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x3xf32> {
  // expected-error @+1 {{'tconv.conv' op result type 'tensor<1x1x4x3xf32>' differs from the inferred type 'tensor<1x1x4x4xf32>'}}
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x3xf32>
  return %y : tensor<1x1x4x3xf32>
}

// -----

func.func @conv_result_channels(%x: tensor<1x3x4xf32>, %w: tensor<8x3x3xf32>) -> tensor<1x3x2xf32> {
  // expected-error @+1 {{'tconv.conv' op result type 'tensor<1x3x2xf32>' differs from the inferred type 'tensor<1x8x2xf32>'}}
  %y = tconv.conv %x, %w : (tensor<1x3x4xf32>, tensor<8x3x3xf32>) -> tensor<1x3x2xf32>
  return %y : tensor<1x3x2xf32>
}

// -----

func.func @conv_transpose_result_batch(%x: tensor<2x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op result type 'tensor<1x1x4xf32>' differs from the inferred type 'tensor<2x1x4xf32>'}}
  %y = tconv.conv_transpose %x, %w : (tensor<2x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

// The output channels of a grouped transposed convolution are dim 1 * group.
func.func @conv_transpose_result_channels(%x: tensor<1x4x2xf32>, %w: tensor<4x3x3xf32>) -> tensor<1x3x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op result type 'tensor<1x3x4xf32>' differs from the inferred type 'tensor<1x6x4xf32>'}}
  %y = tconv.conv_transpose %x, %w group = 2 : (tensor<1x4x2xf32>, tensor<4x3x3xf32>) -> tensor<1x3x4xf32>
  return %y : tensor<1x3x4xf32>
}

// -----

// A kernel larger than the padded input: (2 + 0 - 3) / 1 + 1 = 0.
func.func @conv_output_size_zero(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x1xf32> {
  // expected-error @+1 {{'tconv.conv' op computed output size 0 of spatial dim 0 is < 1 (input 2, kernel 3, stride 1, dilation 1, pads 0 + 0)}}
  %y = tconv.conv %x, %w : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

// -----

// Floor, not truncation: (4 - 9) / 2 rounds to -3, so the size is -2.
func.func @conv_output_size_negative(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x5xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @+1 {{'tconv.conv' op computed output size -2 of spatial dim 1 is < 1 (input 4, kernel 5, stride 2, dilation 2, pads 0 + 0)}}
  %y = tconv.conv %x, %w strides = [1, 2] dilations = [1, 2] : (tensor<1x1x4x4xf32>, tensor<1x1x3x5xf32>) -> tensor<1x1x1x1xf32>
  return %y : tensor<1x1x1x1xf32>
}

// -----

// Pads crop more than the transposed convolution produces: 2 * 1 + 3 - 5 = 0.
func.func @conv_transpose_output_size_zero(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x1xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op computed output size 0 of spatial dim 0 is < 1 (input 2, kernel 3, stride 2, dilation 1, pads 2 + 3, output_padding 0)}}
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [2, 3] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

// -----

//===----------------------------------------------------------------------===//
// 64-bit overflow
//===----------------------------------------------------------------------===//

func.func @conv_pads_overflow(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x1xf32> {
  // expected-error @+1 {{'tconv.conv' op 'pads' value 9223372036854775807 at index 0 exceeds the limit 2147483647 (2^31 - 1)}}
  %y = tconv.conv %x, %w pads = [9223372036854775807, 1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

// -----

func.func @conv_dilation_overflow(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x1xf32> {
  // expected-error @+1 {{'tconv.conv' op 'dilations' value 4611686018427387904 at index 0 exceeds the limit 2147483647 (2^31 - 1)}}
  %y = tconv.conv %x, %w dilations = [4611686018427387904] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

// -----

func.func @conv_transpose_stride_overflow(%x: tensor<1x1x3xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x1xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op 'strides' value 4611686018427387904 at index 0 exceeds the limit 2147483647 (2^31 - 1)}}
  %y = tconv.conv_transpose %x, %w strides = [4611686018427387904] : (tensor<1x1x3xf32>, tensor<1x1x3xf32>) -> tensor<1x1x1xf32>
  return %y : tensor<1x1x1xf32>
}

// -----

func.func @conv_transpose_output_channels_overflow(%x: tensor<1x2x2xf32>, %w: tensor<2x4611686018427387904x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op expects every filter dimension to be at most 2147483647 (2^31 - 1), got 'tensor<2x4611686018427387904x3xf32>' (dim 1 is 4611686018427387904)}}
  %y = tconv.conv_transpose %x, %w group = 2 : (tensor<1x2x2xf32>, tensor<2x4611686018427387904x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Size limits (ConvGeometry.h): every size at most 2^31 - 1, every tensor,
// and what the lowerings materialize, at most 2^40 bytes
//===----------------------------------------------------------------------===//

func.func @conv_group_limit(%x: tensor<1x2x2xf32>, %w: tensor<2x1x1xf32>) -> tensor<1x2x2xf32> {
  // expected-error @+1 {{'tconv.conv' op 'group' 4294967296 exceeds the limit 2147483647 (2^31 - 1)}}
  %y = tconv.conv %x, %w group = 4294967296 : (tensor<1x2x2xf32>, tensor<2x1x1xf32>) -> tensor<1x2x2xf32>
  return %y : tensor<1x2x2xf32>
}

// -----

func.func @conv_input_bytes_overflow(%x: tensor<2147483647x2147483647x3xf32>, %w: tensor<1x2147483647x1xf32>) -> tensor<2147483647x1x3xf32> {
  // expected-error @+1 {{'tconv.conv' op the input (2147483647x2147483647x3xf32) overflows int64_t in bytes, more than the limit of 1099511627776 bytes (2^40)}}
  %y = tconv.conv %x, %w : (tensor<2147483647x2147483647x3xf32>, tensor<1x2147483647x1xf32>) -> tensor<2147483647x1x3xf32>
  return %y : tensor<2147483647x1x3xf32>
}

// -----

func.func @conv_filter_too_large(%x: tensor<1x1x4xf32>, %w: tensor<1073741824x1x512xf32>) -> tensor<1x1073741824x1xf32> {
  // expected-error @+1 {{'tconv.conv' op the filter (1073741824x1x512xf32) holds 2199023255552 bytes, more than the limit of 1099511627776 bytes (2^40)}}
  %y = tconv.conv %x, %w : (tensor<1x1x4xf32>, tensor<1073741824x1x512xf32>) -> tensor<1x1073741824x1xf32>
  return %y : tensor<1x1073741824x1xf32>
}

// -----

// A splat filter of 2^40 elements: rejected, never expanded.
func.func @conv_transpose_splat_filter_too_large(%x: tensor<1x1x4xf32>) -> tensor<1x1099511627776x4xf32> {
  %w = arith.constant dense<1.0> : tensor<1x1099511627776x1xf32>
  // expected-error @+1 {{'tconv.conv_transpose' op expects every filter dimension to be at most 2147483647 (2^31 - 1), got 'tensor<1x1099511627776x1xf32>' (dim 1 is 1099511627776)}}
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x4xf32>, tensor<1x1099511627776x1xf32>) -> tensor<1x1099511627776x4xf32>
  return %y : tensor<1x1099511627776x4xf32>
}

// -----

func.func @conv_result_too_large(%x: tensor<1x1x65536x65536xf32>, %w: tensor<256x1x1x1xf32>) -> tensor<1x256x65536x65536xf32> {
  // expected-error @+1 {{'tconv.conv' op the result (1x256x65536x65536xf32) holds 4398046511104 bytes, more than the limit of 1099511627776 bytes (2^40)}}
  %y = tconv.conv %x, %w : (tensor<1x1x65536x65536xf32>, tensor<256x1x1x1xf32>) -> tensor<1x256x65536x65536xf32>
  return %y : tensor<1x256x65536x65536xf32>
}

// -----

func.func @conv_padded_input_limit(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4294967292xf32> {
  // expected-error @+1 {{'tconv.conv' op padded input size of spatial dim 0 exceeds the limit 2147483647 (2^31 - 1) (input 2, kernel 3, stride 1, dilation 1, pads 2147483647 + 2147483645)}}
  %y = tconv.conv %x, %w pads = [2147483647, 2147483645] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4294967292xf32>
  return %y : tensor<1x1x4294967292xf32>
}

// -----

// Pads crop the output back to 4 elements, but uncropped it would have
// 2^32 + 1.
func.func @conv_transpose_uncropped_limit(%x: tensor<1x1x3xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op uncropped output size of spatial dim 0 exceeds the limit 2147483647 (2^31 - 1) (input 3, kernel 3, stride 2147483647, dilation 1, pads 2147483647 + 2147483646, output_padding 0)}}
  %y = tconv.conv_transpose %x, %w strides = [2147483647] pads = [2147483647, 2147483646] : (tensor<1x1x3xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

func.func @conv_transpose_uncropped_bytes(%x: tensor<1x1024x2xf32>, %w: tensor<1024x1x3xf32>) -> tensor<1x1x3xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op the uncropped output (1x1024x2000000001xf32) holds 8192000004096 bytes, more than the limit of 1099511627776 bytes (2^40)}}
  %y = tconv.conv_transpose %x, %w strides = [1999999998] pads = [1999999997, 1] : (tensor<1x1024x2xf32>, tensor<1024x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

//===----------------------------------------------------------------------===//
// Attribute kinds (ODS)
//===----------------------------------------------------------------------===//

func.func @conv_group_i32(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x2xf32> {
  // expected-error @+1 {{'tconv.conv' op attribute 'group' failed to satisfy constraint: 64-bit signless integer attribute}}
  %y = "tconv.conv"(%x, %w) {group = 1 : i32} : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x2xf32>
  return %y : tensor<1x1x2xf32>
}

// -----

func.func @conv_transpose_strides_i32(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x5xf32> {
  // expected-error @+1 {{'tconv.conv_transpose' op attribute 'strides' failed to satisfy constraint: i64 dense array attribute}}
  %y = "tconv.conv_transpose"(%x, %w) {strides = array<i32: 2>} : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
  return %y : tensor<1x1x5xf32>
}
