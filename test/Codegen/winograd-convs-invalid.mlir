// RUN: tconv-opt %s -split-input-file --tconv-winograd-convs -verify-diagnostics

// A winograd_tile the convolution cannot take: one clear error, nothing
// rewritten.

func.func @kernel_5x5(%x: tensor<1x8x8x16xf32>, %w: tensor<5x5x16x16xf32>, %i: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  // expected-error @below {{winograd_tile 2 needs a 2x2 or 3x3 convolution on f32 (or bf16 into f32) of static shape at unit stride and dilation with an even output size}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x8x8x16xf32>, tensor<5x5x16x16xf32>) outs(%i : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// -----

func.func @odd_output(%x: tensor<1x9x9x16xf32>, %w: tensor<3x3x16x16xf32>, %i: tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32> {
  // expected-error @below {{winograd_tile 2 needs a 2x2 or 3x3 convolution on f32 (or bf16 into f32) of static shape at unit stride and dilation with an even output size}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x9x9x16xf32>, tensor<3x3x16x16xf32>) outs(%i : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  return %y : tensor<1x7x7x16xf32>
}

// -----

func.func @strided(%x: tensor<1x9x9x16xf32>, %w: tensor<3x3x16x16xf32>, %i: tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32> {
  // expected-error @below {{winograd_tile 2 needs a 2x2 or 3x3 convolution on f32 (or bf16 into f32) of static shape at unit stride and dilation with an even output size}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x9x9x16xf32>, tensor<3x3x16x16xf32>) outs(%i : tensor<1x4x4x16xf32>) -> tensor<1x4x4x16xf32>
  return %y : tensor<1x4x4x16xf32>
}

// -----

func.func @f64(%x: tensor<1x10x10x16xf64>, %w: tensor<3x3x16x16xf64>, %i: tensor<1x8x8x16xf64>) -> tensor<1x8x8x16xf64> {
  // expected-error @below {{winograd_tile 2 needs a 2x2 or 3x3 convolution on f32 (or bf16 into f32) of static shape at unit stride and dilation with an even output size}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x10x10x16xf64>, tensor<3x3x16x16xf64>) outs(%i : tensor<1x8x8x16xf64>) -> tensor<1x8x8x16xf64>
  return %y : tensor<1x8x8x16xf64>
}

// -----

func.func @tile_4(%x: tensor<1x10x10x16xf32>, %w: tensor<3x3x16x16xf32>, %i: tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32> {
  // expected-error @below {{bad tconv.schedule: winograd_tile must be 2, on a channels-last schedule}}
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 4}}
      ins(%x, %w : tensor<1x10x10x16xf32>, tensor<3x3x16x16xf32>) outs(%i : tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  return %y : tensor<1x8x8x16xf32>
}
