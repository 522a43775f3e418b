// One object for any batch: a padded 2-D conv with bias, then tanh.
func.func @net(%x: tensor<?x3x6x6xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<?x4x6x6xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<?x3x6x6xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<?x4x6x6xf32>
  %t = math.tanh %y : tensor<?x4x6x6xf32>
  return %t : tensor<?x4x6x6xf32>
}
