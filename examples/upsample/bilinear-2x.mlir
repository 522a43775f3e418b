// Bilinear 2x upsampling of an RGB image as a depthwise transposed
// convolution: kernel 4, stride 2, pad 1, group = 3 (each colour channel is
// upsampled on its own, with a 3 x 1 x 4 x 4 filter).
//
// The kernel is the outer product of [1, 3, 3, 1] / 4 with itself. Every
// output pixel lies between two input pixels at distances 1/4 and 3/4 (in
// input pixels) in each direction and receives them with weights 3/4 and 1/4:
// exactly bilinear interpolation. The image border is zero-padded, so the
// outermost output rows and columns are darkened to 3/4.
//
//   tconv-run bilinear-2x.mlir --input=scene.png --output=scene-bilinear-2x.png
//
// 1x3x64x64 -> 1x3x128x128: 2*(64-1) + 4 - 2 = 128.

func.func @main(%image: tensor<1x3x64x64xf32>) -> tensor<1x3x128x128xf32> {
  %k = arith.constant dense<[
    [0.0625, 0.1875, 0.1875, 0.0625],
    [0.1875, 0.5625, 0.5625, 0.1875],
    [0.1875, 0.5625, 0.5625, 0.1875],
    [0.0625, 0.1875, 0.1875, 0.0625]]> : tensor<4x4xf32>
  // The same kernel for each of the three channels.
  %init = tensor.empty() : tensor<3x1x4x4xf32>
  %filter = linalg.broadcast ins(%k : tensor<4x4xf32>)
      outs(%init : tensor<3x1x4x4xf32>) dimensions = [0, 1]
  %up = tconv.conv_transpose %image, %filter strides = [2, 2]
      pads = [1, 1, 1, 1] group = 3
      : (tensor<1x3x64x64xf32>, tensor<3x1x4x4xf32>) -> tensor<1x3x128x128xf32>
  return %up : tensor<1x3x128x128xf32>
}
