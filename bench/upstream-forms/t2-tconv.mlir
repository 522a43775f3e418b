func.func @main(%x: tensor<1x128x32x32xf32>, %w: tensor<128x64x4x4xf32>) -> tensor<1x64x64x64xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x128x32x32xf32>, tensor<128x64x4x4xf32>) -> tensor<1x64x64x64xf32>
  return %y : tensor<1x64x64x64xf32>
}
