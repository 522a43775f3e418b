// F-CNN, the fusion network of CP-CNN (Sindagi and Patel, "Generating
// High-Quality Crowd Density Maps using Contextual Pyramid CNNs", 2017):
//
//   CR(64,9) - CR(32,7) - TR(32) - CR(16,5) - TR(16) - C(1,1)
//
// C = convolution ('same' padding), R = ReLU, T = fractionally-strided
// (transposed) convolution, kernel 4, stride 2, pad 1, which doubles the
// resolution: 2*(64-1) + 4 - 2 = 128. The two T layers bring the 64x64
// feature maps back up to a 256x256 crowd density map.
//
//   input (fused features)  1 x 32 x  64 x  64
//   CR(64,9)                1 x 64 x  64 x  64
//   CR(32,7)                1 x 32 x  64 x  64
//   TR(32)                  1 x 32 x 128 x 128
//   CR(16,5)                1 x 16 x 128 x 128
//   TR(16)                  1 x 16 x 256 x 256
//   C(1,1)                  1 x  1 x 256 x 256
//
// The weights are arguments: `tconv-run fcnn.mlir --random-inputs --verify`
// fills them uniformly in [-1, 1). Each layer scales its filter by
// sqrt(6/n), n the number of products summed into one output (He
// initialisation, see dcgan.mlir). Conv filters are C_out x C_in x k x k,
// transposed-conv filters C_in x C_out x k x k.

func.func @main(%x: tensor<1x32x64x64xf32>,
                %w1: tensor<64x32x9x9xf32>, %b1: tensor<64xf32>,
                %w2: tensor<32x64x7x7xf32>, %b2: tensor<32xf32>,
                %t1: tensor<32x32x4x4xf32>, %c1: tensor<32xf32>,
                %w3: tensor<16x32x5x5xf32>, %b3: tensor<16xf32>,
                %t2: tensor<16x16x4x4xf32>, %c2: tensor<16xf32>,
                %w4: tensor<1x16x1x1xf32>, %b4: tensor<1xf32>)
    -> tensor<1x1x256x256xf32> {
  // sqrt(6/n) for n = 32*9*9, 64*7*7, 32*2*2, 32*5*5, 16*2*2, 16
  %s1 = arith.constant dense<0.0481> : tensor<64x32x9x9xf32>
  %s2 = arith.constant dense<0.0437> : tensor<32x64x7x7xf32>
  %s3 = arith.constant dense<0.217> : tensor<32x32x4x4xf32>
  %s4 = arith.constant dense<0.0866> : tensor<16x32x5x5xf32>
  %s5 = arith.constant dense<0.306> : tensor<16x16x4x4xf32>
  %s6 = arith.constant dense<0.612> : tensor<1x16x1x1xf32>
  %f1 = arith.mulf %w1, %s1 : tensor<64x32x9x9xf32>
  %f2 = arith.mulf %w2, %s2 : tensor<32x64x7x7xf32>
  %g1 = arith.mulf %t1, %s3 : tensor<32x32x4x4xf32>
  %f3 = arith.mulf %w3, %s4 : tensor<16x32x5x5xf32>
  %g2 = arith.mulf %t2, %s5 : tensor<16x16x4x4xf32>
  %f4 = arith.mulf %w4, %s6 : tensor<1x16x1x1xf32>

  %zero64 = arith.constant dense<0.0> : tensor<1x64x64x64xf32>
  %zero32 = arith.constant dense<0.0> : tensor<1x32x64x64xf32>
  %zero32up = arith.constant dense<0.0> : tensor<1x32x128x128xf32>
  %zero16 = arith.constant dense<0.0> : tensor<1x16x128x128xf32>
  %zero16up = arith.constant dense<0.0> : tensor<1x16x256x256xf32>

  // CR(64, 9)
  %0 = tconv.conv %x, %f1, %b1 pads = [4, 4, 4, 4]
      : (tensor<1x32x64x64xf32>, tensor<64x32x9x9xf32>, tensor<64xf32>)
      -> tensor<1x64x64x64xf32>
  %1 = arith.maximumf %0, %zero64 : tensor<1x64x64x64xf32>
  // CR(32, 7)
  %2 = tconv.conv %1, %f2, %b2 pads = [3, 3, 3, 3]
      : (tensor<1x64x64x64xf32>, tensor<32x64x7x7xf32>, tensor<32xf32>)
      -> tensor<1x32x64x64xf32>
  %3 = arith.maximumf %2, %zero32 : tensor<1x32x64x64xf32>
  // TR(32): 64 -> 128
  %4 = tconv.conv_transpose %3, %g1, %c1 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x32x64x64xf32>, tensor<32x32x4x4xf32>, tensor<32xf32>)
      -> tensor<1x32x128x128xf32>
  %5 = arith.maximumf %4, %zero32up : tensor<1x32x128x128xf32>
  // CR(16, 5)
  %6 = tconv.conv %5, %f3, %b3 pads = [2, 2, 2, 2]
      : (tensor<1x32x128x128xf32>, tensor<16x32x5x5xf32>, tensor<16xf32>)
      -> tensor<1x16x128x128xf32>
  %7 = arith.maximumf %6, %zero16 : tensor<1x16x128x128xf32>
  // TR(16): 128 -> 256
  %8 = tconv.conv_transpose %7, %g2, %c2 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x128x128xf32>, tensor<16x16x4x4xf32>, tensor<16xf32>)
      -> tensor<1x16x256x256xf32>
  %9 = arith.maximumf %8, %zero16up : tensor<1x16x256x256xf32>
  // C(1, 1): the density map
  %10 = tconv.conv %9, %f4, %b4
      : (tensor<1x16x256x256xf32>, tensor<1x16x1x1xf32>, tensor<1xf32>)
      -> tensor<1x1x256x256xf32>
  return %10 : tensor<1x1x256x256xf32>
}
