// RUN: tconv-opt %s -split-input-file --tconv-lower-depthwise-transpose --tconv-vectorize-convs --tconv-vectorize-convs-along-width -verify-diagnostics

// A recorded tconv.schedule (tconv-select-strategy) that is malformed or
// does not fit its convolution: one clear error, nothing half-rewritten.

func.func @unknown_kind(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @below {{bad tconv.schedule: unknown kind 'fast'; expected channels-last, channels-last-loops, width, plain or depthwise-rows}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "fast"}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @missing_size(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @below {{bad tconv.schedule: kind 'channels-last' needs 'kw_tile'}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 4, f_tile = 8, c_tile = 3}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @bad_size(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @below {{bad tconv.schedule: 'ow_tile' must be an integer of at least 1}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 0, f_tile = 8, c_tile = 3, kw_tile = 3}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @unknown_entry(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @below {{bad tconv.schedule: unknown entry 'oh_tile'}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", oh_tile = 2}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @partial_vectors(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @below {{bad tconv.schedule: f_tile must be a multiple of vector_width}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 4, f_tile = 12, c_tile = 3, kw_tile = 3}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @dot_odd_channel_tile(%x: tensor<1x6x6x4xbf16>, %w: tensor<3x3x4x16xbf16>, %i: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  // expected-error @below {{bad tconv.schedule: dot_width must be 2, on a channels-last schedule with vector_width 16 and an even c_tile}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 3, kw_tile = 3, dot_width = 2}}
      ins(%x, %w : tensor<1x6x6x4xbf16>, tensor<3x3x4x16xbf16>) outs(%i : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// -----

func.func @dot_odd_channels(%x: tensor<1x6x6x3xbf16>, %w: tensor<3x3x3x16xbf16>, %i: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  // expected-error @below {{tconv-vectorize-convs: a vdpbf16ps tile needs input channels in pairs and output channels in vectors of 16}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 2, kw_tile = 3, dot_width = 2}}
      ins(%x, %w : tensor<1x6x6x3xbf16>, tensor<3x3x3x16xbf16>) outs(%i : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// -----

func.func @no_channel_tile(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  // expected-error @below {{tconv-vectorize-convs: the schedule of a full convolution needs c_tile}}
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 4, f_tile = 8, kw_tile = 3}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}

// -----

func.func @width_on_strided(%x: tensor<1x2x4x17xf32>, %w: tensor<2x2x1x1xf32>, %i: tensor<1x2x4x9xf32>) -> tensor<1x2x4x9xf32> {
  // expected-error @below {{tconv-vectorize-convs-along-width: the width schedule needs an NCHW f32 convolution with unit stride and dilation along the width}}
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>,
                                 tconv.schedule = {kind = "width", vector_width = 8, f_tile = 1, row_tile = 1, vec_tile = 1}}
      ins(%x, %w : tensor<1x2x4x17xf32>, tensor<2x2x1x1xf32>) outs(%i : tensor<1x2x4x9xf32>) -> tensor<1x2x4x9xf32>
  return %y : tensor<1x2x4x9xf32>
}

// -----

func.func @width_tiles_not_dividing(%x: tensor<1x2x4x16xf32>, %w: tensor<3x2x1x1xf32>, %i: tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32> {
  // expected-error @below {{tconv-vectorize-convs-along-width: the schedule's tiles must divide the output channels, rows and width vectors}}
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
                                 tconv.schedule = {kind = "width", vector_width = 8, f_tile = 2, row_tile = 1, vec_tile = 1}}
      ins(%x, %w : tensor<1x2x4x16xf32>, tensor<3x2x1x1xf32>) outs(%i : tensor<1x3x4x16xf32>) -> tensor<1x3x4x16xf32>
  return %y : tensor<1x3x4x16xf32>
}

// -----

func.func @rows_on_dilated(%x: tensor<1x4x8xf32>, %w: tensor<4x1x3xf32>) -> tensor<1x4x19xf32> {
  // expected-error @below {{'tconv.conv_transpose' op has a depthwise-rows schedule but tconv-lower-depthwise-transpose cannot take it}}
  %y = tconv.conv_transpose %x, %w strides = [2] dilations = [2] group = 4
      {tconv.schedule = {kind = "depthwise-rows", vector_width = 8}}
      : (tensor<1x4x8xf32>, tensor<4x1x3xf32>) -> tensor<1x4x19xf32>
  return %y : tensor<1x4x19xf32>
}
