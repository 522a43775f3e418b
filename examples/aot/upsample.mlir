// Two entry points for the ahead-of-time example (examples/aot/main.c).
//
// @seed: the seed's 1-D transposed convolution. [x1, x2] * [w1, w2, w3],
// stride 2, pads 1 gives [x1*w2, x1*w3 + x2*w1, x2*w2].
func.func @seed(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// @upsample: a learned 2x upsampler as in decoders and segmentation heads:
// transposed convolution (kernel 4, stride 2, pads 1) with bias, then ReLU.
// 1x8x8x8 -> 1x4x16x16.
func.func @upsample(%x: tensor<1x8x8x8xf32>, %w: tensor<8x4x4x4xf32>,
                    %b: tensor<4xf32>) -> tensor<1x4x16x16xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x8x8xf32>, tensor<8x4x4x4xf32>, tensor<4xf32>)
      -> tensor<1x4x16x16xf32>
  %zero = arith.constant dense<0.0> : tensor<1x4x16x16xf32>
  %relu = arith.maximumf %y, %zero : tensor<1x4x16x16xf32>
  return %relu : tensor<1x4x16x16xf32>
}
