// Transposed convolution, 2-D, bf16, stride 2: the phases' vdpbf16ps tiles
// read the filter packed in pairs of input channels, packed from a copy of
// the argument with each input channel's taps and output channels in one
// block (VectorizeConvsBF16Dot.cpp).

// RUN: tconv-run %s --random-inputs=11 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x64x4x4xbf16>, %w: tensor<64x32x4x4xbf16>)
    -> tensor<1x32x8x8xbf16> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x64x4x4xbf16>, tensor<64x32x4x4xbf16>) -> tensor<1x32x8x8xbf16>
  return %y : tensor<1x32x8x8xbf16>
}
