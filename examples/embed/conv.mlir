// A direct convolution with bias, lowered by embed-tconv.
func.func @conv(%x: tensor<1x2x5x5xf32>, %w: tensor<3x2x3x3xf32>,
                %b: tensor<3xf32>) -> tensor<1x3x3x3xf32> {
  %y = tconv.conv %x, %w, %b
      : (tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>, tensor<3xf32>)
      -> tensor<1x3x3x3xf32>
  return %y : tensor<1x3x3x3xf32>
}
