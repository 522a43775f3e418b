// Nearest-neighbour 2x upsampling as a depthwise transposed convolution:
// kernel 2 of ones, stride 2, no padding, group = 3. Every input pixel is
// painted as a 2x2 block; the copies do not overlap. The result is the
// "blocky" enlargement the lecture notes warn about; compare bilinear-2x.mlir.
//
//   tconv-run nearest-2x.mlir --input=scene.png --output=scene-nearest-2x.png
//
// 1x3x64x64 -> 1x3x128x128: 2*(64-1) + 2 = 128.

func.func @main(%image: tensor<1x3x64x64xf32>) -> tensor<1x3x128x128xf32> {
  %filter = arith.constant dense<1.0> : tensor<3x1x2x2xf32>
  %up = tconv.conv_transpose %image, %filter strides = [2, 2] group = 3
      : (tensor<1x3x64x64xf32>, tensor<3x1x2x2xf32>) -> tensor<1x3x128x128xf32>
  return %up : tensor<1x3x128x128xf32>
}
