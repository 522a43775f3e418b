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
// fills them with random values. Conv filters are C_out x C_in x k x k,
// transposed-conv filters C_in x C_out x k x k.

func.func @main(%x: tensor<1x32x64x64xf32>,
                %w1: tensor<64x32x9x9xf32>, %b1: tensor<64xf32>,
                %w2: tensor<32x64x7x7xf32>, %b2: tensor<32xf32>,
                %t1: tensor<32x32x4x4xf32>, %c1: tensor<32xf32>,
                %w3: tensor<16x32x5x5xf32>, %b3: tensor<16xf32>,
                %t2: tensor<16x16x4x4xf32>, %c2: tensor<16xf32>,
                %w4: tensor<1x16x1x1xf32>, %b4: tensor<1xf32>)
    -> tensor<1x1x256x256xf32> {
  %zero64 = arith.constant dense<0.0> : tensor<1x64x64x64xf32>
  %zero32 = arith.constant dense<0.0> : tensor<1x32x64x64xf32>
  %zero32up = arith.constant dense<0.0> : tensor<1x32x128x128xf32>
  %zero16 = arith.constant dense<0.0> : tensor<1x16x128x128xf32>
  %zero16up = arith.constant dense<0.0> : tensor<1x16x256x256xf32>

  // CR(64, 9)
  %0 = tconv.conv %x, %w1, %b1 pads = [4, 4, 4, 4]
      : (tensor<1x32x64x64xf32>, tensor<64x32x9x9xf32>, tensor<64xf32>)
      -> tensor<1x64x64x64xf32>
  %1 = arith.maximumf %0, %zero64 : tensor<1x64x64x64xf32>
  // CR(32, 7)
  %2 = tconv.conv %1, %w2, %b2 pads = [3, 3, 3, 3]
      : (tensor<1x64x64x64xf32>, tensor<32x64x7x7xf32>, tensor<32xf32>)
      -> tensor<1x32x64x64xf32>
  %3 = arith.maximumf %2, %zero32 : tensor<1x32x64x64xf32>
  // TR(32): 64 -> 128
  %4 = tconv.conv_transpose %3, %t1, %c1 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x32x64x64xf32>, tensor<32x32x4x4xf32>, tensor<32xf32>)
      -> tensor<1x32x128x128xf32>
  %5 = arith.maximumf %4, %zero32up : tensor<1x32x128x128xf32>
  // CR(16, 5)
  %6 = tconv.conv %5, %w3, %b3 pads = [2, 2, 2, 2]
      : (tensor<1x32x128x128xf32>, tensor<16x32x5x5xf32>, tensor<16xf32>)
      -> tensor<1x16x128x128xf32>
  %7 = arith.maximumf %6, %zero16 : tensor<1x16x128x128xf32>
  // TR(16): 128 -> 256
  %8 = tconv.conv_transpose %7, %t2, %c2 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x128x128xf32>, tensor<16x16x4x4xf32>, tensor<16xf32>)
      -> tensor<1x16x256x256xf32>
  %9 = arith.maximumf %8, %zero16up : tensor<1x16x256x256xf32>
  // C(1, 1): the density map
  %10 = tconv.conv %9, %w4, %b4
      : (tensor<1x16x256x256xf32>, tensor<1x16x1x1xf32>, tensor<1xf32>)
      -> tensor<1x1x256x256xf32>
  return %10 : tensor<1x1x256x256xf32>
}
