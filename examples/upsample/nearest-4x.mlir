// Nearest-neighbour 4x upsampling: kernel 4 of ones, stride 4, group = 3.
// Each input pixel becomes a 4x4 block. Compare bilinear-4x.mlir.
//
//   tconv-run nearest-4x.mlir --input=scene.png --output=scene-nearest-4x.png
//
// 1x3x64x64 -> 1x3x256x256: 4*(64-1) + 4 = 256.

func.func @main(%image: tensor<1x3x64x64xf32>) -> tensor<1x3x256x256xf32> {
  %filter = arith.constant dense<1.0> : tensor<3x1x4x4xf32>
  %up = tconv.conv_transpose %image, %filter strides = [4, 4] group = 3
      : (tensor<1x3x64x64xf32>, tensor<3x1x4x4xf32>) -> tensor<1x3x256x256xf32>
  return %up : tensor<1x3x256x256xf32>
}
