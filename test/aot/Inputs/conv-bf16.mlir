// A bf16 convolution with input channels in pairs and output channels in
// whole vectors: the shape vdpbf16ps tiles take.
func.func @conv(%x: tensor<1x8x6x6xbf16>, %w: tensor<16x8x3x3xbf16>) -> tensor<1x16x6x6xbf16> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x8x6x6xbf16>, tensor<16x8x3x3xbf16>) -> tensor<1x16x6x6xbf16>
  return %y : tensor<1x16x6x6xbf16>
}
