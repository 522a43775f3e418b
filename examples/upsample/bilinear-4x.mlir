// Bilinear 4x upsampling in one depthwise transposed convolution: kernel 8,
// stride 4, pad 2, group = 3. The general rule for factor s is kernel 2s,
// pad s/2, and the kernel the outer product of the triangle
// [1, 3, 5, 7, 7, 5, 3, 1] / 8 with itself: the output pixels fall at
// 1/8, 3/8, 5/8 and 7/8 of the way between two input pixels and take them
// with the matching linear weights. See bilinear-2x.mlir for s = 2.
//
//   tconv-run bilinear-4x.mlir --input=scene.png --output=scene-bilinear-4x.png
//
// 1x3x64x64 -> 1x3x256x256: 4*(64-1) + 8 - 4 = 256.

func.func @main(%image: tensor<1x3x64x64xf32>) -> tensor<1x3x256x256xf32> {
  %k = arith.constant dense<[
    [0.015625, 0.046875, 0.078125, 0.109375, 0.109375, 0.078125, 0.046875, 0.015625],
    [0.046875, 0.140625, 0.234375, 0.328125, 0.328125, 0.234375, 0.140625, 0.046875],
    [0.078125, 0.234375, 0.390625, 0.546875, 0.546875, 0.390625, 0.234375, 0.078125],
    [0.109375, 0.328125, 0.546875, 0.765625, 0.765625, 0.546875, 0.328125, 0.109375],
    [0.109375, 0.328125, 0.546875, 0.765625, 0.765625, 0.546875, 0.328125, 0.109375],
    [0.078125, 0.234375, 0.390625, 0.546875, 0.546875, 0.390625, 0.234375, 0.078125],
    [0.046875, 0.140625, 0.234375, 0.328125, 0.328125, 0.234375, 0.140625, 0.046875],
    [0.015625, 0.046875, 0.078125, 0.109375, 0.109375, 0.078125, 0.046875, 0.015625]]>
      : tensor<8x8xf32>
  %init = tensor.empty() : tensor<3x1x8x8xf32>
  %filter = linalg.broadcast ins(%k : tensor<8x8xf32>)
      outs(%init : tensor<3x1x8x8xf32>) dimensions = [0, 1]
  %up = tconv.conv_transpose %image, %filter strides = [4, 4]
      pads = [2, 2, 2, 2] group = 3
      : (tensor<1x3x64x64xf32>, tensor<3x1x8x8xf32>) -> tensor<1x3x256x256xf32>
  return %up : tensor<1x3x256x256xf32>
}
