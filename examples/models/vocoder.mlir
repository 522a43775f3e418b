// The upsampler of a GAN vocoder in the style of MelGAN (Kumar et al., 2019):
// a mel spectrogram (80 bands x 256 frames) becomes 4096 audio samples.
// 1-D transposed convolutions stretch the time axis; the first has a large
// stride (8) and, to avoid checkerboard artefacts, a kernel twice the stride:
//
//   mel                      1 x  80 x  256
//   conv k7 p3               1 x 512 x  256
//   tconv k16 s8 p4          1 x 256 x 2048    8*(256-1) + 16 - 8 = 2048
//   tconv k4  s2 p1          1 x 128 x 4096    2*(2048-1) + 4 - 2 = 4096
//   conv k7 p3, tanh         1 x   1 x 4096    the waveform, in (-1, 1)
//
// Leaky ReLU (slope 0.2, as in MelGAN) between layers: max(x, 0.2 x).
// The weights are arguments: `tconv-run vocoder.mlir --random-inputs --verify`
// fills them uniformly in [-1, 1). Each layer scales its filter by
// sqrt(6/n), n the number of products summed into one output (He
// initialisation, see dcgan.mlir; with k = 2s, two taps reach each output of
// a transposed convolution).

func.func @main(%mel: tensor<1x80x256xf32>,
                %w0: tensor<512x80x7xf32>, %b0: tensor<512xf32>,
                %t1: tensor<512x256x16xf32>, %c1: tensor<256xf32>,
                %t2: tensor<256x128x4xf32>, %c2: tensor<128xf32>,
                %w3: tensor<1x128x7xf32>, %b3: tensor<1xf32>)
    -> tensor<1x1x4096xf32> {
  // sqrt(6/n) for n = 80*7, 512*2, 256*2, 128*7
  %s0 = arith.constant dense<0.104> : tensor<512x80x7xf32>
  %s1 = arith.constant dense<0.0765> : tensor<512x256x16xf32>
  %s2 = arith.constant dense<0.108> : tensor<256x128x4xf32>
  %s3 = arith.constant dense<0.0818> : tensor<1x128x7xf32>
  %f0 = arith.mulf %w0, %s0 : tensor<512x80x7xf32>
  %g1 = arith.mulf %t1, %s1 : tensor<512x256x16xf32>
  %g2 = arith.mulf %t2, %s2 : tensor<256x128x4xf32>
  %f3 = arith.mulf %w3, %s3 : tensor<1x128x7xf32>

  %slope0 = arith.constant dense<0.2> : tensor<1x512x256xf32>
  %slope1 = arith.constant dense<0.2> : tensor<1x256x2048xf32>
  %slope2 = arith.constant dense<0.2> : tensor<1x128x4096xf32>

  %0 = tconv.conv %mel, %f0, %b0 pads = [3, 3]
      : (tensor<1x80x256xf32>, tensor<512x80x7xf32>, tensor<512xf32>)
      -> tensor<1x512x256xf32>
  %1 = arith.mulf %0, %slope0 : tensor<1x512x256xf32>
  %2 = arith.maximumf %0, %1 : tensor<1x512x256xf32>
  // 8x upsampling
  %3 = tconv.conv_transpose %2, %g1, %c1 strides = [8] pads = [4, 4]
      : (tensor<1x512x256xf32>, tensor<512x256x16xf32>, tensor<256xf32>)
      -> tensor<1x256x2048xf32>
  %4 = arith.mulf %3, %slope1 : tensor<1x256x2048xf32>
  %5 = arith.maximumf %3, %4 : tensor<1x256x2048xf32>
  // 2x upsampling
  %6 = tconv.conv_transpose %5, %g2, %c2 strides = [2] pads = [1, 1]
      : (tensor<1x256x2048xf32>, tensor<256x128x4xf32>, tensor<128xf32>)
      -> tensor<1x128x4096xf32>
  %7 = arith.mulf %6, %slope2 : tensor<1x128x4096xf32>
  %8 = arith.maximumf %6, %7 : tensor<1x128x4096xf32>
  %9 = tconv.conv %8, %f3, %b3 pads = [3, 3]
      : (tensor<1x128x4096xf32>, tensor<1x128x7xf32>, tensor<1xf32>)
      -> tensor<1x1x4096xf32>
  %10 = math.tanh %9 : tensor<1x1x4096xf32>
  return %10 : tensor<1x1x4096xf32>
}
