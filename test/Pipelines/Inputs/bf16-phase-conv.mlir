// A bf16 2x2 convolution with 64 channels (a phase of a stride-2 4x4
// transposed convolution): Winograd F(2x2, 2x2) on one FMA pipe, direct on
// two, which need 128 channels; vdpbf16ps on AMD's cores only.
func.func @main(%x: tensor<1x64x56x56xbf16>, %w: tensor<64x64x2x2xbf16>) -> tensor<1x64x56x56xbf16> {
  %y = tconv.conv %x, %w pads = [1, 1, 0, 0]
      : (tensor<1x64x56x56xbf16>, tensor<64x64x2x2xbf16>) -> tensor<1x64x56x56xbf16>
  return %y : tensor<1x64x56x56xbf16>
}
