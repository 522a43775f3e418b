// Convolution is a matrix product; the transposed convolution is the product
// with the transposed matrix. This is where the name comes from.
//
// Flatten the 4x4 input of conv-and-back.mlir row by row into a 16-vector.
// Output element (i, j) of the 3x3, stride-1 convolution reads input
// (i+u, j+v) with weight w[u][v], i.e. column 4*(i+u) + (j+v) of row 2*i + j
// of a 4x16 matrix C:
//
//        input: 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
//   C = [[      1  2  3  0  4  5  6  0  7  8  9  0  0  0  0  0 ]   (0,0)
//        [      0  1  2  3  0  4  5  6  0  7  8  9  0  0  0  0 ]   (0,1)
//        [      0  0  0  0  1  2  3  0  4  5  6  0  7  8  9  0 ]   (1,0)
//        [      0  0  0  0  0  1  2  3  0  4  5  6  0  7  8  9 ]]  (1,1)
//
// @conv:      y = C x    (16 -> 4),  equals tconv.conv           = [348 393 528 573]
// @transpose: x' = C^T y ( 4 -> 16), equals tconv.conv_transpose = the 4x4 of
//             conv-and-back.mlir's @transpose.
//
// A stride-s convolution leaves out rows of C; its C^T then spreads each input
// over a larger output: that is the "fractionally strided" upsampling.

func.func @conv() -> tensor<1x1x2x2xf32> {
  %c = arith.constant dense<[
      [1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0, 0.0],
      [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0]]>
      : tensor<4x16xf32>
  %x = arith.constant dense<[[[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0],
                               [9.0, 10.0, 11.0, 12.0],
                               [13.0, 14.0, 15.0, 16.0]]]]>
      : tensor<1x1x4x4xf32>
  %zero = arith.constant 0.0 : f32
  %xv = tensor.collapse_shape %x [[0, 1, 2, 3]]
      : tensor<1x1x4x4xf32> into tensor<16xf32>
  %empty = tensor.empty() : tensor<4xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<4xf32>)
      -> tensor<4xf32>
  %yv = linalg.matvec ins(%c, %xv : tensor<4x16xf32>, tensor<16xf32>)
      outs(%acc : tensor<4xf32>) -> tensor<4xf32>
  %y = tensor.expand_shape %yv [[0, 1, 2, 3]] output_shape [1, 1, 2, 2]
      : tensor<4xf32> into tensor<1x1x2x2xf32>
  return %y : tensor<1x1x2x2xf32>
}

func.func @transpose() -> tensor<1x1x4x4xf32> {
  // The same C as in @conv, transposed below.
  %c = arith.constant dense<[
      [1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0, 0.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0, 0.0, 0.0, 0.0, 0.0],
      [0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0, 0.0],
      [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 3.0, 0.0, 4.0, 5.0, 6.0, 0.0, 7.0, 8.0, 9.0]]>
      : tensor<4x16xf32>
  %y = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]]]> : tensor<1x1x2x2xf32>
  %zero = arith.constant 0.0 : f32
  %ct_init = tensor.empty() : tensor<16x4xf32>
  %ct = linalg.transpose ins(%c : tensor<4x16xf32>)
      outs(%ct_init : tensor<16x4xf32>) permutation = [1, 0]
  %yv = tensor.collapse_shape %y [[0, 1, 2, 3]]
      : tensor<1x1x2x2xf32> into tensor<4xf32>
  %empty = tensor.empty() : tensor<16xf32>
  %acc = linalg.fill ins(%zero : f32) outs(%empty : tensor<16xf32>)
      -> tensor<16xf32>
  %xv = linalg.matvec ins(%ct, %yv : tensor<16x4xf32>, tensor<4xf32>)
      outs(%acc : tensor<16xf32>) -> tensor<16xf32>
  %x = tensor.expand_shape %xv [[0, 1, 2, 3]] output_shape [1, 1, 4, 4]
      : tensor<16xf32> into tensor<1x1x4x4xf32>
  return %x : tensor<1x1x4x4xf32>
}
