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
// --verify` fills them uniformly in [-1, 1). Each layer scales its filter by
// sqrt(6/n), n the number of products summed into one output (He
// initialisation, see dcgan.mlir; a k3 s2 transposed convolution reaches an
// output with 1 or 2 taps per dimension, 2.25 taps on average).

func.func @main(%x: tensor<1x3x64x64xf32>,
                %e1: tensor<16x3x3x3xf32>, %eb1: tensor<16xf32>,
                %e2: tensor<32x16x3x3xf32>, %eb2: tensor<32xf32>,
                %d1: tensor<32x16x3x3xf32>, %db1: tensor<16xf32>,
                %d2: tensor<16x3x3x3xf32>, %db2: tensor<3xf32>)
    -> tensor<1x3x64x64xf32> {
  // sqrt(6/n) for n = 3*3*3, 16*3*3, 32*2.25, 16*2.25
  %s1 = arith.constant dense<0.471> : tensor<16x3x3x3xf32>
  %s2 = arith.constant dense<0.204> : tensor<32x16x3x3xf32>
  %s3 = arith.constant dense<0.289> : tensor<32x16x3x3xf32>
  %s4 = arith.constant dense<0.408> : tensor<16x3x3x3xf32>
  %f1 = arith.mulf %e1, %s1 : tensor<16x3x3x3xf32>
  %f2 = arith.mulf %e2, %s2 : tensor<32x16x3x3xf32>
  %g1 = arith.mulf %d1, %s3 : tensor<32x16x3x3xf32>
  %g2 = arith.mulf %d2, %s4 : tensor<16x3x3x3xf32>

  %zero32 = arith.constant dense<0.0> : tensor<1x16x32x32xf32>
  %zero16 = arith.constant dense<0.0> : tensor<1x32x16x16xf32>

  // Encoder
  %0 = tconv.conv %x, %f1, %eb1 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x3x64x64xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x32x32xf32>
  %1 = arith.maximumf %0, %zero32 : tensor<1x16x32x32xf32>
  %2 = tconv.conv %1, %f2, %eb2 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x32x32xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>)
      -> tensor<1x32x16x16xf32>
  %code = arith.maximumf %2, %zero16 : tensor<1x32x16x16xf32>
  // Decoder
  %3 = tconv.conv_transpose %code, %g1, %db1 strides = [2, 2]
      pads = [1, 1, 1, 1] output_padding = [1, 1]
      : (tensor<1x32x16x16xf32>, tensor<32x16x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x32x32xf32>
  %4 = arith.maximumf %3, %zero32 : tensor<1x16x32x32xf32>
  %5 = tconv.conv_transpose %4, %g2, %db2 strides = [2, 2]
      pads = [1, 1, 1, 1] output_padding = [1, 1]
      : (tensor<1x16x32x32xf32>, tensor<16x3x3x3xf32>, tensor<3xf32>)
      -> tensor<1x3x64x64xf32>
  %6 = math.tanh %5 : tensor<1x3x64x64xf32>
  return %6 : tensor<1x3x64x64xf32>
}
