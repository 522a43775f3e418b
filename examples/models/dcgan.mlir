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
// The weights are arguments (C_in x C_out x 4 x 4):
// `tconv-run dcgan.mlir --random-inputs --verify`.

func.func @main(%z: tensor<1x100x1x1xf32>,
                %w1: tensor<100x512x4x4xf32>, %w2: tensor<512x256x4x4xf32>,
                %w3: tensor<256x128x4x4xf32>, %w4: tensor<128x64x4x4xf32>,
                %w5: tensor<64x3x4x4xf32>) -> tensor<1x3x64x64xf32> {
  %zero1 = arith.constant dense<0.0> : tensor<1x512x4x4xf32>
  %zero2 = arith.constant dense<0.0> : tensor<1x256x8x8xf32>
  %zero3 = arith.constant dense<0.0> : tensor<1x128x16x16xf32>
  %zero4 = arith.constant dense<0.0> : tensor<1x64x32x32xf32>

  %0 = tconv.conv_transpose %z, %w1
      : (tensor<1x100x1x1xf32>, tensor<100x512x4x4xf32>)
      -> tensor<1x512x4x4xf32>
  %1 = arith.maximumf %0, %zero1 : tensor<1x512x4x4xf32>
  %2 = tconv.conv_transpose %1, %w2 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x4x4xf32>, tensor<512x256x4x4xf32>)
      -> tensor<1x256x8x8xf32>
  %3 = arith.maximumf %2, %zero2 : tensor<1x256x8x8xf32>
  %4 = tconv.conv_transpose %3, %w3 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x256x8x8xf32>, tensor<256x128x4x4xf32>)
      -> tensor<1x128x16x16xf32>
  %5 = arith.maximumf %4, %zero3 : tensor<1x128x16x16xf32>
  %6 = tconv.conv_transpose %5, %w4 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x128x16x16xf32>, tensor<128x64x4x4xf32>)
      -> tensor<1x64x32x32xf32>
  %7 = arith.maximumf %6, %zero4 : tensor<1x64x32x32xf32>
  %8 = tconv.conv_transpose %7, %w5 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x64x32x32xf32>, tensor<64x3x4x4xf32>)
      -> tensor<1x3x64x64xf32>
  %9 = math.tanh %8 : tensor<1x3x64x64xf32>
  return %9 : tensor<1x3x64x64xf32>
}
