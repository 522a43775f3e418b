// A constant mid-gray 64x64 RGB image, for the upsampling tests.
func.func @main() -> tensor<1x3x64x64xf32> {
  %gray = arith.constant dense<0.5> : tensor<1x3x64x64xf32>
  return %gray : tensor<1x3x64x64xf32>
}
