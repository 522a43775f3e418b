// out[w] = x[0][w] + x[1][w] + x[2][w], accumulated in f32, rounded to bf16.
func.func @main(%x: tensor<1x3x16xbf16>) -> tensor<1x1x16xbf16> {
  %ones = arith.constant dense<1.0> : tensor<1x3x1xbf16>
  %sum = tconv.conv %x, %ones
      : (tensor<1x3x16xbf16>, tensor<1x3x1xbf16>) -> tensor<1x1x16xbf16>
  return %sum : tensor<1x1x16xbf16>
}
