// Transposed convolutions over every kind of attribute, one result each (#i
// is result i), for tests that run @main with tconv-run --random-inputs
// --verify.
func.func @main(%x0: tensor<1x1x2xf32>,
    %w0: tensor<1x1x3xf32>,
    %x1: tensor<1x1x2x2xf32>,
    %w1: tensor<1x1x3x3xf32>,
    %x2: tensor<2x4x4x3xf32>,
    %w2: tensor<4x4x4x4xf32>,
    %b2: tensor<4xf32>,
    %x3: tensor<2x3x7xf32>,
    %w3: tensor<3x4x5xf32>,
    %b3: tensor<4xf32>,
    %x4: tensor<1x2x4xf32>,
    %w4: tensor<2x3x2xf32>,
    %b4: tensor<3xf32>,
    %x5: tensor<1x2x4xf32>,
    %w5: tensor<2x3x2xf32>,
    %x6: tensor<1x4x6xf32>,
    %w6: tensor<4x2x16xf32>,
    %b6: tensor<2xf32>,
    %x7: tensor<1x2x5xf32>,
    %w7: tensor<2x2x3xf32>,
    %b7: tensor<2xf32>,
    %x8: tensor<1x2x5xf32>,
    %w8: tensor<2x2x3xf32>,
    %x9: tensor<2x3x6xf32>,
    %w9: tensor<3x2x3xf32>,
    %b9: tensor<2xf32>,
    %x10: tensor<1x2x8xf32>,
    %w10: tensor<2x2x2xf32>,
    %x11: tensor<1x1x1xf32>,
    %w11: tensor<1x2x1xf32>,
    %b11: tensor<2xf32>,
    %x12: tensor<1x2x2xf32>,
    %w12: tensor<2x2x7xf32>,
    %b12: tensor<2xf32>,
    %x13: tensor<1x4x3x4xf32>,
    %w13: tensor<4x3x3x2xf32>,
    %b13: tensor<6xf32>,
    %x14: tensor<1x6x4x4xf32>,
    %w14: tensor<6x1x3x3xf32>,
    %b14: tensor<6xf32>,
    %x15: tensor<2x6x3x3xf32>,
    %w15: tensor<6x2x2x3xf32>,
    %x16: tensor<1x2x4x3xf32>,
    %w16: tensor<2x2x3x3xf32>,
    %b16: tensor<2xf32>,
    %x17: tensor<1x2x5x5xf32>,
    %w17: tensor<2x3x2x3xf32>,
    %b17: tensor<3xf32>,
    %x18: tensor<1x3x3x3xf32>,
    %w18: tensor<3x2x3x3xf32>,
    %b18: tensor<2xf32>,
    %x19: tensor<1x3x3x3xf32>,
    %w19: tensor<3x2x1x1xf32>,
    %b19: tensor<2xf32>,
    %x20: tensor<1x2x2x2x2xf32>,
    %w20: tensor<2x2x3x3x3xf32>,
    %b20: tensor<2xf32>,
    %x21: tensor<1x4x2x3x2xf32>,
    %w21: tensor<4x1x2x3x2xf32>,
    %x22: tensor<1x2x3x3xf64>,
    %w22: tensor<2x2x3x3xf64>,
    %b22: tensor<2xf64>,
    %x23: tensor<1x4x5xf16>,
    %w23: tensor<4x2x4xf16>,
    %b23: tensor<2xf16>,
    %x24: tensor<1x4x3x3xf16>,
    %w24: tensor<4x2x3x3xf16>,
    %b24: tensor<4xf16>,
    %x25: tensor<1x2x4xbf16>,
    %w25: tensor<2x2x2xbf16>,
    %b25: tensor<2xbf16>,
    %x26: tensor<1x3x3x2xbf16>,
    %w26: tensor<3x2x2x3xbf16>)
    -> (
        tensor<1x1x3xf32>, tensor<1x1x5x5xf32>, tensor<2x4x8x6xf32>,
        tensor<2x4x7xf32>, tensor<1x3x11xf32>, tensor<1x3x11xf32>,
        tensor<1x2x48xf32>, tensor<1x2x22xf32>, tensor<1x2x14xf32>,
        tensor<2x2x12xf32>, tensor<1x2x10xf32>, tensor<1x2x1xf32>,
        tensor<1x2x11xf32>, tensor<1x6x7x12xf32>, tensor<1x6x8x8xf32>,
        tensor<2x6x7x6xf32>, tensor<1x2x9x9xf32>, tensor<1x3x4x5xf32>,
        tensor<1x2x13x11xf32>, tensor<1x2x6x6xf32>, tensor<1x2x4x4x4xf32>,
        tensor<1x2x4x7x5xf32>, tensor<1x2x7x6xf64>, tensor<1x2x10xf16>,
        tensor<1x4x6x6xf16>, tensor<1x2x12xbf16>, tensor<1x2x5x5xbf16>) {
  // #0: seed 1-D: 2 -> 3, k 3, s 2, p 1
  %y0 = tconv.conv_transpose %x0, %w0
      strides = [2] pads = [1, 1] dilations = [1] output_padding = [0] group = 1
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  // #1: 2-D 2x2 -> 5x5, k 3, s 2
  %y1 = tconv.conv_transpose %x1, %w1
      strides = [2, 2] pads = [0, 0, 0, 0] dilations = [1, 1] output_padding = [0, 0] group = 1
      : (tensor<1x1x2x2xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x5x5xf32>
  // #2: 2-D channels and bias, k 4, s 2, p 1 (DCGAN)
  %y2 = tconv.conv_transpose %x2, %w2, %b2
      strides = [2, 2] pads = [1, 1, 1, 1] dilations = [1, 1] output_padding = [0, 0] group = 1
      : (tensor<2x4x4x3xf32>, tensor<4x4x4x4xf32>, tensor<4xf32>) -> tensor<2x4x8x6xf32>
  // #3: 1-D stride 1, k 5, p 2
  %y3 = tconv.conv_transpose %x3, %w3, %b3
      strides = [1] pads = [2, 2] dilations = [1] output_padding = [0] group = 1
      : (tensor<2x3x7xf32>, tensor<3x4x5xf32>, tensor<4xf32>) -> tensor<2x4x7xf32>
  // #4: 1-D stride 3 > k 2: tap-less phase, bias
  %y4 = tconv.conv_transpose %x4, %w4, %b4
      strides = [3] pads = [0, 0] dilations = [1] output_padding = [0] group = 1
      : (tensor<1x2x4xf32>, tensor<2x3x2xf32>, tensor<3xf32>) -> tensor<1x3x11xf32>
  // #5: 1-D stride 3 > k 2: tap-less phase, no bias
  %y5 = tconv.conv_transpose %x5, %w5
      strides = [3] pads = [0, 0] dilations = [1] output_padding = [0] group = 1
      : (tensor<1x2x4xf32>, tensor<2x3x2xf32>) -> tensor<1x3x11xf32>
  // #6: 1-D large stride, k 2s (vocoder-like)
  %y6 = tconv.conv_transpose %x6, %w6, %b6
      strides = [8] pads = [4, 4] dilations = [1] output_padding = [0] group = 1
      : (tensor<1x4x6xf32>, tensor<4x2x16xf32>, tensor<2xf32>) -> tensor<1x2x48xf32>
  // #7: 1-D dilation 2, stride 4 (gcd 2)
  %y7 = tconv.conv_transpose %x7, %w7, %b7
      strides = [4] pads = [0, 0] dilations = [2] output_padding = [1] group = 1
      : (tensor<1x2x5xf32>, tensor<2x2x3xf32>, tensor<2xf32>) -> tensor<1x2x22xf32>
  // #8: 1-D dilation 3, stride 2 (coprime)
  %y8 = tconv.conv_transpose %x8, %w8
      strides = [2] pads = [1, 2] dilations = [3] output_padding = [2] group = 1
      : (tensor<1x2x5xf32>, tensor<2x2x3xf32>) -> tensor<1x2x14xf32>
  // #9: 1-D output_padding 1, asymmetric pads
  %y9 = tconv.conv_transpose %x9, %w9, %b9
      strides = [2] pads = [0, 2] dilations = [1] output_padding = [1] group = 1
      : (tensor<2x3x6xf32>, tensor<3x2x3xf32>, tensor<2xf32>) -> tensor<2x2x12xf32>
  // #10: 1-D pads > dilation*(k-1): crop
  %y10 = tconv.conv_transpose %x10, %w10
      strides = [2] pads = [3, 3] dilations = [1] output_padding = [0] group = 1
      : (tensor<1x2x8xf32>, tensor<2x2x2xf32>) -> tensor<1x2x10xf32>
  // #11: 1-D crop everything: bias only
  %y11 = tconv.conv_transpose %x11, %w11, %b11
      strides = [2] pads = [1, 0] dilations = [1] output_padding = [1] group = 1
      : (tensor<1x1x1xf32>, tensor<1x2x1xf32>, tensor<2xf32>) -> tensor<1x2x1xf32>
  // #12: 1-D kernel larger than input
  %y12 = tconv.conv_transpose %x12, %w12, %b12
      strides = [3] pads = [1, 0] dilations = [1] output_padding = [2] group = 1
      : (tensor<1x2x2xf32>, tensor<2x2x7xf32>, tensor<2xf32>) -> tensor<1x2x11xf32>
  // #13: 2-D group 2, bias
  %y13 = tconv.conv_transpose %x13, %w13, %b13
      strides = [2, 3] pads = [1, 0, 0, 1] dilations = [1, 1] output_padding = [1, 2] group = 2
      : (tensor<1x4x3x4xf32>, tensor<4x3x3x2xf32>, tensor<6xf32>) -> tensor<1x6x7x12xf32>
  // #14: 2-D depthwise (group = C, 1 output per group)
  %y14 = tconv.conv_transpose %x14, %w14, %b14
      strides = [2, 2] pads = [1, 1, 1, 1] dilations = [1, 1] output_padding = [1, 1] group = 6
      : (tensor<1x6x4x4xf32>, tensor<6x1x3x3xf32>, tensor<6xf32>) -> tensor<1x6x8x8xf32>
  // #15: 2-D group 3, 2 outputs per group, dilation 2
  %y15 = tconv.conv_transpose %x15, %w15
      strides = [2, 1] pads = [0, 1, 1, 0] dilations = [2, 2] output_padding = [1, 0] group = 3
      : (tensor<2x6x3x3xf32>, tensor<6x2x2x3xf32>) -> tensor<2x6x7x6xf32>
  // #16: 2-D asymmetric pads, output_padding, strides 2x3
  %y16 = tconv.conv_transpose %x16, %w16, %b16
      strides = [2, 3] pads = [1, 0, 0, 2] dilations = [1, 1] output_padding = [1, 2] group = 1
      : (tensor<1x2x4x3xf32>, tensor<2x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x9x9xf32>
  // #17: 2-D crop in one dim, pad in the other
  %y17 = tconv.conv_transpose %x17, %w17, %b17
      strides = [2, 1] pads = [3, 0, 3, 2] dilations = [1, 1] output_padding = [0, 0] group = 1
      : (tensor<1x2x5x5xf32>, tensor<2x3x2x3xf32>, tensor<3xf32>) -> tensor<1x3x4x5xf32>
  // #18: 2-D stride 4, k 3, dilation 2
  %y18 = tconv.conv_transpose %x18, %w18, %b18
      strides = [4, 4] pads = [2, 0, 1, 3] dilations = [2, 2] output_padding = [3, 1] group = 1
      : (tensor<1x3x3x3xf32>, tensor<3x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x13x11xf32>
  // #19: 2-D 1x1 kernel, stride 2: 3 of 4 phases bias only
  %y19 = tconv.conv_transpose %x19, %w19, %b19
      strides = [2, 2] pads = [0, 0, 0, 0] dilations = [1, 1] output_padding = [1, 1] group = 1
      : (tensor<1x3x3x3xf32>, tensor<3x2x1x1xf32>, tensor<2xf32>) -> tensor<1x2x6x6xf32>
  // #20: 3-D stride 2, k 3, p 1
  %y20 = tconv.conv_transpose %x20, %w20, %b20
      strides = [2, 2, 2] pads = [1, 1, 1, 1, 1, 1] dilations = [1, 1, 1] output_padding = [1, 1, 1] group = 1
      : (tensor<1x2x2x2x2xf32>, tensor<2x2x3x3x3xf32>, tensor<2xf32>) -> tensor<1x2x4x4x4xf32>
  // #21: 3-D mixed strides, dilations, group 2
  %y21 = tconv.conv_transpose %x21, %w21
      strides = [1, 2, 3] pads = [0, 1, 2, 1, 0, 0] dilations = [2, 1, 1] output_padding = [1, 1, 2] group = 2
      : (tensor<1x4x2x3x2xf32>, tensor<4x1x2x3x2xf32>) -> tensor<1x2x4x7x5xf32>
  // #22: f64 2-D
  %y22 = tconv.conv_transpose %x22, %w22, %b22
      strides = [2, 2] pads = [1, 0, 0, 1] dilations = [1, 1] output_padding = [1, 0] group = 1
      : (tensor<1x2x3x3xf64>, tensor<2x2x3x3xf64>, tensor<2xf64>) -> tensor<1x2x7x6xf64>
  // #23: f16 1-D
  %y23 = tconv.conv_transpose %x23, %w23, %b23
      strides = [2] pads = [1, 1] dilations = [1] output_padding = [0] group = 1
      : (tensor<1x4x5xf16>, tensor<4x2x4xf16>, tensor<2xf16>) -> tensor<1x2x10xf16>
  // #24: f16 2-D group 2
  %y24 = tconv.conv_transpose %x24, %w24, %b24
      strides = [2, 2] pads = [1, 1, 1, 1] dilations = [1, 1] output_padding = [1, 1] group = 2
      : (tensor<1x4x3x3xf16>, tensor<4x2x3x3xf16>, tensor<4xf16>) -> tensor<1x4x6x6xf16>
  // #25: bf16 1-D stride 3 > k 2
  %y25 = tconv.conv_transpose %x25, %w25, %b25
      strides = [3] pads = [0, 1] dilations = [1] output_padding = [2] group = 1
      : (tensor<1x2x4xbf16>, tensor<2x2x2xbf16>, tensor<2xbf16>) -> tensor<1x2x12xbf16>
  // #26: bf16 2-D
  %y26 = tconv.conv_transpose %x26, %w26
      strides = [2, 2] pads = [0, 1, 1, 0] dilations = [1, 1] output_padding = [0, 1] group = 1
      : (tensor<1x3x3x2xbf16>, tensor<3x2x2x3xbf16>) -> tensor<1x2x5x5xbf16>
  return
      %y0, %y1, %y2, %y3, %y4, %y5, %y6, %y7, %y8, %y9, %y10, %y11, %y12, %y13,
      %y14, %y15, %y16, %y17, %y18, %y19, %y20, %y21, %y22, %y23, %y24, %y25,
      %y26
    :
      tensor<1x1x3xf32>, tensor<1x1x5x5xf32>, tensor<2x4x8x6xf32>,
      tensor<2x4x7xf32>, tensor<1x3x11xf32>, tensor<1x3x11xf32>,
      tensor<1x2x48xf32>, tensor<1x2x22xf32>, tensor<1x2x14xf32>,
      tensor<2x2x12xf32>, tensor<1x2x10xf32>, tensor<1x2x1xf32>,
      tensor<1x2x11xf32>, tensor<1x6x7x12xf32>, tensor<1x6x8x8xf32>,
      tensor<2x6x7x6xf32>, tensor<1x2x9x9xf32>, tensor<1x3x4x5xf32>,
      tensor<1x2x13x11xf32>, tensor<1x2x6x6xf32>, tensor<1x2x4x4x4xf32>,
      tensor<1x2x4x7x5xf32>, tensor<1x2x7x6xf64>, tensor<1x2x10xf16>,
      tensor<1x4x6x6xf16>, tensor<1x2x12xbf16>, tensor<1x2x5x5xbf16>
}
