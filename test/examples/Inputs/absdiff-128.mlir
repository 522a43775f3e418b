// |a - b| of two 128x128 RGB images, to compare a fresh result with the
// committed picture.
func.func @main(%a: tensor<1x3x128x128xf32>, %b: tensor<1x3x128x128xf32>)
    -> tensor<1x3x128x128xf32> {
  %d = arith.subf %a, %b : tensor<1x3x128x128xf32>
  %abs = math.absf %d : tensor<1x3x128x128xf32>
  return %abs : tensor<1x3x128x128xf32>
}
