// The seed's 1-D example: input [x1, x2], kernel [w1, w2, w3], stride 2,
// pad 1 gives [x1*w2, x1*w3 + x2*w1, x2*w2].
func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
