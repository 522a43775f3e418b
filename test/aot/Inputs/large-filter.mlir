// T1n1: a transposed convolution whose runtime filter (8 MB) outweighs its
// activations (0.4 MB).
func.func @main(%x: tensor<1x512x8x8xf32>, %w: tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}
