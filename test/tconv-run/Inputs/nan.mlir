// A result of NaNs only.
func.func @main() -> tensor<2xf64> {
  %nan = arith.constant dense<0x7FF8000000000000> : tensor<2xf64>
  return %nan : tensor<2xf64>
}
