// A convolutional autoencoder: strided convolutions halve the image twice,
// transposed convolutions with the same geometry bring it back.
//
//   input            1 x  3 x 64 x 64
//   conv k3 s2 p1    1 x 16 x 32 x 32    floor((64 + 2 - 3) / 2) + 1 = 32
//   conv k3 s2 p1    1 x 32 x 16 x 16    (the code)
//   tconv k3 s2 p1   1 x 16 x 32 x 32    2*(16-1) + 3 - 2 + 1 = 32
//   tconv k3 s2 p1   1 x  3 x 64 x 64
//
// A k3 s2 p1 convolution maps both 63 and 64 to 32, so its transpose cannot
// know which size to return: 2*(32-1) + 3 - 2 = 63. output_padding = [1, 1]
// adds the missing row and column (PyTorch's output_padding; it must be
// smaller than the stride). ReLU between layers, tanh at the end.
// The weights are arguments: `tconv-run autoencoder.mlir --random-inputs
// --verify`.

func.func @main(%x: tensor<1x3x64x64xf32>,
                %e1: tensor<16x3x3x3xf32>, %eb1: tensor<16xf32>,
                %e2: tensor<32x16x3x3xf32>, %eb2: tensor<32xf32>,
                %d1: tensor<32x16x3x3xf32>, %db1: tensor<16xf32>,
                %d2: tensor<16x3x3x3xf32>, %db2: tensor<3xf32>)
    -> tensor<1x3x64x64xf32> {
  %zero32 = arith.constant dense<0.0> : tensor<1x16x32x32xf32>
  %zero16 = arith.constant dense<0.0> : tensor<1x32x16x16xf32>

  // Encoder
  %0 = tconv.conv %x, %e1, %eb1 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x3x64x64xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x32x32xf32>
  %1 = arith.maximumf %0, %zero32 : tensor<1x16x32x32xf32>
  %2 = tconv.conv %1, %e2, %eb2 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x32x32xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>)
      -> tensor<1x32x16x16xf32>
  %code = arith.maximumf %2, %zero16 : tensor<1x32x16x16xf32>
  // Decoder
  %3 = tconv.conv_transpose %code, %d1, %db1 strides = [2, 2]
      pads = [1, 1, 1, 1] output_padding = [1, 1]
      : (tensor<1x32x16x16xf32>, tensor<32x16x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x32x32xf32>
  %4 = arith.maximumf %3, %zero32 : tensor<1x16x32x32xf32>
  %5 = tconv.conv_transpose %4, %d2, %db2 strides = [2, 2]
      pads = [1, 1, 1, 1] output_padding = [1, 1]
      : (tensor<1x16x32x32xf32>, tensor<16x3x3x3xf32>, tensor<3xf32>)
      -> tensor<1x3x64x64xf32>
  %6 = math.tanh %5 : tensor<1x3x64x64xf32>
  return %6 : tensor<1x3x64x64xf32>
}
