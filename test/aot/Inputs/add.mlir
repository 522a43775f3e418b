// Elementwise f32 addition, long enough to be vectorized.
func.func @add(%x: tensor<256xf32>, %y: tensor<256xf32>) -> tensor<256xf32> {
  %r = arith.addf %x, %y : tensor<256xf32>
  return %r : tensor<256xf32>
}
