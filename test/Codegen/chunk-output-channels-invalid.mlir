// RUN: tconv-opt %s -split-input-file --tconv-chunk-output-channels="f-tile=0" -verify-diagnostics

// expected-error @+1 {{tconv-chunk-output-channels: f-tile must be >= 1}}
func.func @zero_tile(%x: tensor<1x2x3x3xf32>, %w: tensor<2x2x3x3xf32>) -> tensor<1x2x5x5xf32> {
  %y = tconv.conv_transpose %x, %w : (tensor<1x2x3x3xf32>, tensor<2x2x3x3xf32>) -> tensor<1x2x5x5xf32>
  return %y : tensor<1x2x5x5xf32>
}
