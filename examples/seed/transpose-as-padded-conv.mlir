// A transposed convolution is a direct convolution on a zero-padded input
// with the kernel flipped (Example 2 of the seed's deconvolution examples).
//
// @main: the 2x2 -> 4x4 transposed convolution of conv-and-back.mlir,
//   k = 3, stride 1, no padding.
// @direct: pad the 2x2 input with k-1-p = 2 zeros on every side (6x6), then
//   slide the kernel rotated by 180 degrees over it, stride 1: 6-3+1 = 4.
//
//   0 0 0 0 0 0
//   0 0 0 0 0 0        w = [[1 2 3]      flipped = [[9 8 7]
//   0 0 1 2 0 0             [4 5 6]                 [6 5 4]
//   0 0 3 4 0 0             [7 8 9]]                [3 2 1]]
//   0 0 0 0 0 0
//   0 0 0 0 0 0
//
// Both print
//   [[ 1  4  7  6]
//    [ 7 23 33 24]
//    [19 53 63 42]
//    [21 52 59 36]]
//
// The flip is what turns "paint the kernel at every input" into "gather
// inputs under the kernel". With several channels the filter's two channel
// dimensions are swapped too (C_in x C_out -> C_out x C_in).

func.func @main() -> tensor<1x1x4x4xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %y = tconv.conv_transpose %x, %w
      : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

func.func @direct() -> tensor<1x1x4x4xf32> {
  %padded = arith.constant dense<[[[[0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 1.0, 2.0, 0.0, 0.0],
                                    [0.0, 0.0, 3.0, 4.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]]]>
      : tensor<1x1x6x6xf32>
  %flipped = arith.constant dense<[[[[9.0, 8.0, 7.0], [6.0, 5.0, 4.0],
                                     [3.0, 2.0, 1.0]]]]> : tensor<1x1x3x3xf32>
  %y = tconv.conv %padded, %flipped
      : (tensor<1x1x6x6xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}
