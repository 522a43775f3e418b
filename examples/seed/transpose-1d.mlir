// The seed's 1-D example. Input [x1, x2], kernel [w1, w2, w3], stride 2:
// each input element scales the whole kernel and is added into the output at
// stride spacing,
//
//   x1 * [w1 w2 w3]            -> canvas positions 0 1 2
//   x2 * [w1 w2 w3]            -> canvas positions 2 3 4
//   canvas = [x1*w1, x1*w2, x1*w3 + x2*w1, x2*w2, x2*w3]   (size s*(I-1)+k = 5)
//
// and pad 1 crops one element from each end: [x1*w2, x1*w3 + x2*w1, x2*w2]
// (size s*(I-1)+k-2p = 3). With x = [1, 2] and w = [1, 2, 3]:
//
//   tconv-run transpose-1d.mlir --print                   -> [2, 5, 4]
//   tconv-run transpose-1d.mlir --entry=uncropped --print -> [1, 2, 5, 4, 6]
//
// Tensors are N x C x W: one batch, one channel. The filter of a transposed
// convolution is C_in x C_out x k.

func.func @main() -> tensor<1x1x3xf32> {
  %x = arith.constant dense<[[[1.0, 2.0]]]> : tensor<1x1x2xf32>
  %w = arith.constant dense<[[[1.0, 2.0, 3.0]]]> : tensor<1x1x3xf32>
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// The same without padding: the whole canvas, nothing cropped.
func.func @uncropped() -> tensor<1x1x5xf32> {
  %x = arith.constant dense<[[[1.0, 2.0]]]> : tensor<1x1x2xf32>
  %w = arith.constant dense<[[[1.0, 2.0, 3.0]]]> : tensor<1x1x3xf32>
  %y = tconv.conv_transpose %x, %w strides = [2]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x5xf32>
  return %y : tensor<1x1x5xf32>
}
