func.func @main(%x: tensor<1x6x7x20xbf16>, %w: tensor<32x6x3x3xbf16>,
                %u: tensor<1x4x5x17xbf16>, %v: tensor<16x4x3x3xbf16>,
                %p: tensor<1x8x30xbf16>, %q: tensor<16x8x5xbf16>)
    -> (tensor<1x32x8x21xbf16>, tensor<1x16x5x18xbf16>, tensor<1x16x18xbf16>) {
  %y = tconv.conv %x, %w pads = [1, 2, 2, 1]
      : (tensor<1x6x7x20xbf16>, tensor<32x6x3x3xbf16>) -> tensor<1x32x8x21xbf16>
  %z = tconv.conv %u, %v pads = [1, 3, 1, 2] dilations = [1, 2]
      : (tensor<1x4x5x17xbf16>, tensor<16x4x3x3xbf16>) -> tensor<1x16x5x18xbf16>
  %r = tconv.conv %p, %q strides = [2] pads = [7, 2]
      : (tensor<1x8x30xbf16>, tensor<16x8x5xbf16>) -> tensor<1x16x18xbf16>
  return %y, %z, %r : tensor<1x32x8x21xbf16>, tensor<1x16x5x18xbf16>, tensor<1x16x18xbf16>
}
