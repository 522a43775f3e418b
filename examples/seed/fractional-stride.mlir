// A stride-2 transposed convolution is a stride-1/2 convolution (Example 3 of
// the seed's deconvolution examples): 2x2 -> 5x5 with k = 3.
//
// @main: tconv.conv_transpose with stride 2; size 2*(2-1)+3 = 5.
// @direct: the same as a direct convolution. Insert s-1 = 1 zero between the
//   input elements (the kernel now moves "half a pixel" per output), pad
//   k-1-p = 2 zeros around them (7x7), and convolve with the flipped kernel
//   at stride 1: 7-3+1 = 5.
//
//   0 0 0 0 0 0 0
//   0 0 0 0 0 0 0
//   0 0 1 0 2 0 0
//   0 0 0 0 0 0 0          flipped = [[9 8 7]
//   0 0 3 0 4 0 0                     [6 5 4]
//   0 0 0 0 0 0 0                     [3 2 1]]
//   0 0 0 0 0 0 0
//
// @zero_insert: @direct's recipe for any input: scatter the input into a
//   zero tensor with a strided tensor.insert_slice, then let the direct
//   convolution add the border with pads = [2, 2, 2, 2].
//
// All three print
//   [[ 1  2  5  4  6]
//    [ 4  5 14 10 12]
//    [10 14 36 24 30]
//    [12 15 34 20 24]
//    [21 24 55 32 36]]
//
// Most multiplications of @direct hit inserted zeros (here 189 of 225), which
// is why real implementations never build the zero-inserted input.

func.func @main() -> tensor<1x1x5x5xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %y = tconv.conv_transpose %x, %w strides = [2, 2]
      : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

func.func @direct() -> tensor<1x1x5x5xf32> {
  %dilated = arith.constant dense<[[[[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                     [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                     [0.0, 0.0, 1.0, 0.0, 2.0, 0.0, 0.0],
                                     [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                     [0.0, 0.0, 3.0, 0.0, 4.0, 0.0, 0.0],
                                     [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
                                     [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]]]]>
      : tensor<1x1x7x7xf32>
  %flipped = arith.constant dense<[[[[9.0, 8.0, 7.0], [6.0, 5.0, 4.0],
                                     [3.0, 2.0, 1.0]]]]> : tensor<1x1x3x3xf32>
  %y = tconv.conv %dilated, %flipped
      : (tensor<1x1x7x7xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}

func.func @zero_insert() -> tensor<1x1x5x5xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %flipped = arith.constant dense<[[[[9.0, 8.0, 7.0], [6.0, 5.0, 4.0],
                                     [3.0, 2.0, 1.0]]]]> : tensor<1x1x3x3xf32>
  %zeros = arith.constant dense<0.0> : tensor<1x1x3x3xf32>
  // Input (i, j) lands at (2i, 2j): one zero between neighbours.
  %dilated = tensor.insert_slice %x into %zeros[0, 0, 0, 0] [1, 1, 2, 2]
      [1, 1, 2, 2] : tensor<1x1x2x2xf32> into tensor<1x1x3x3xf32>
  %y = tconv.conv %dilated, %flipped pads = [2, 2, 2, 2]
      : (tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  return %y : tensor<1x1x5x5xf32>
}
