// A direct convolution and its transpose (Example 1 of the seed's
// deconvolution examples).
//
// @main: a 3x3 kernel slides over a 4x4 input, stride 1, no padding: 2x2 out.
//
//   x = [[ 1  2  3  4]     w = [[1 2 3]     y = [[348 393]
//        [ 5  6  7  8]          [4 5 6]          [528 573]]
//        [ 9 10 11 12]          [7 8 9]]
//        [13 14 15 16]]
//
// @transpose: the transposed convolution with the same kernel goes the other
// way, 2x2 -> 4x4: each input element paints a scaled copy of the kernel and
// overlaps are summed. It restores the SHAPE of x, not its values: it is the
// transpose of the convolution, not its inverse.
//
//   [[1 2]   ->   [[ 1  4  7  6]
//    [3 4]]        [ 7 23 33 24]
//                  [19 53 63 42]
//                  [21 52 59 36]]
//
// conv-as-matrix.mlir computes the same two results as matrix products.

func.func @main() -> tensor<1x1x2x2xf32> {
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0],
                               [9.0, 10.0, 11.0, 12.0],
                               [13.0, 14.0, 15.0, 16.0]]]]>
      : tensor<1x1x4x4xf32>
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %y = tconv.conv %x, %w
      : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

func.func @transpose() -> tensor<1x1x4x4xf32> {
  %y = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0],
                               [7.0, 8.0, 9.0]]]]> : tensor<1x1x3x3xf32>
  %x = tconv.conv_transpose %y, %w
      : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x4xf32>
  return %x : tensor<1x1x4x4xf32>
}
