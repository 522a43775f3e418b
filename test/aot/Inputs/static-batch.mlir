// A static batch of 4 whose 4 MiB input makes the strategy run it image by
// image: a padded 2-D conv with bias, then tanh.
func.func @net(%x: tensor<4x16x128x128xf32>, %w: tensor<8x16x3x3xf32>, %b: tensor<8xf32>) -> tensor<4x8x128x128xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<4x16x128x128xf32>, tensor<8x16x3x3xf32>, tensor<8xf32>) -> tensor<4x8x128x128xf32>
  %t = math.tanh %y : tensor<4x8x128x128xf32>
  return %t : tensor<4x8x128x128xf32>
}
