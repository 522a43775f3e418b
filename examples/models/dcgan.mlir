// The DCGAN generator (Radford, Metz and Chintala, 2016): a 100-value noise
// vector becomes a 64x64 RGB image through five transposed convolutions with
// 4x4 kernels. The first (stride 1, no padding) turns the 1x1 "image" into
// 4x4: 1*(1-1) + 4 = 4. Each later one (stride 2, pad 1) doubles the size:
// 2*(n-1) + 4 - 2 = 2n.
//
//   noise       1 x 100 x  1 x  1
//   TR(512)     1 x 512 x  4 x  4
//   TR(256)     1 x 256 x  8 x  8
//   TR(128)     1 x 128 x 16 x 16
//   TR(64)      1 x  64 x 32 x 32
//   T(3), tanh  1 x   3 x 64 x 64    values in (-1, 1)
//
// As in the paper the layers have no bias; the batch normalizations of a
// trained generator fold into the filters, so they are left out here.
//
// The weights are arguments (C_in x C_out x 4 x 4):
// `tconv-run dcgan.mlir --random-inputs --verify` fills them uniformly in
// [-1, 1). Each layer scales its filter by sqrt(6/n), n the number of
// products summed into one output (C_in times the 1 or 2x2 taps that reach
// it): that is He initialisation, which keeps activations near 1 from layer
// to layer. Unscaled, they grow ~30x per layer, the final tanh shows nothing
// but -1 and 1, and its few outputs near 0 carry the rounding error of
// values near 10^5.

func.func @main(%z: tensor<1x100x1x1xf32>,
                %w1: tensor<100x512x4x4xf32>, %w2: tensor<512x256x4x4xf32>,
                %w3: tensor<256x128x4x4xf32>, %w4: tensor<128x64x4x4xf32>,
                %w5: tensor<64x3x4x4xf32>) -> tensor<1x3x64x64xf32> {
  // sqrt(6/n) for n = 100, 512*4, 256*4, 128*4, 64*4
  %s1 = arith.constant dense<0.245> : tensor<100x512x4x4xf32>
  %s2 = arith.constant dense<0.0541> : tensor<512x256x4x4xf32>
  %s3 = arith.constant dense<0.0765> : tensor<256x128x4x4xf32>
  %s4 = arith.constant dense<0.108> : tensor<128x64x4x4xf32>
  %s5 = arith.constant dense<0.153> : tensor<64x3x4x4xf32>
  %zero1 = arith.constant dense<0.0> : tensor<1x512x4x4xf32>
  %zero2 = arith.constant dense<0.0> : tensor<1x256x8x8xf32>
  %zero3 = arith.constant dense<0.0> : tensor<1x128x16x16xf32>
  %zero4 = arith.constant dense<0.0> : tensor<1x64x32x32xf32>
  %f1 = arith.mulf %w1, %s1 : tensor<100x512x4x4xf32>
  %f2 = arith.mulf %w2, %s2 : tensor<512x256x4x4xf32>
  %f3 = arith.mulf %w3, %s3 : tensor<256x128x4x4xf32>
  %f4 = arith.mulf %w4, %s4 : tensor<128x64x4x4xf32>
  %f5 = arith.mulf %w5, %s5 : tensor<64x3x4x4xf32>

  %0 = tconv.conv_transpose %z, %f1
      : (tensor<1x100x1x1xf32>, tensor<100x512x4x4xf32>)
      -> tensor<1x512x4x4xf32>
  %1 = arith.maximumf %0, %zero1 : tensor<1x512x4x4xf32>
  %2 = tconv.conv_transpose %1, %f2 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x4x4xf32>, tensor<512x256x4x4xf32>)
      -> tensor<1x256x8x8xf32>
  %3 = arith.maximumf %2, %zero2 : tensor<1x256x8x8xf32>
  %4 = tconv.conv_transpose %3, %f3 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x256x8x8xf32>, tensor<256x128x4x4xf32>)
      -> tensor<1x128x16x16xf32>
  %5 = arith.maximumf %4, %zero3 : tensor<1x128x16x16xf32>
  %6 = tconv.conv_transpose %5, %f4 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x128x16x16xf32>, tensor<128x64x4x4xf32>)
      -> tensor<1x64x32x32xf32>
  %7 = arith.maximumf %6, %zero4 : tensor<1x64x32x32xf32>
  %8 = tconv.conv_transpose %7, %f5 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x64x32x32xf32>, tensor<64x3x4x4xf32>)
      -> tensor<1x3x64x64xf32>
  %9 = math.tanh %8 : tensor<1x3x64x64xf32>
  return %9 : tensor<1x3x64x64xf32>
}
