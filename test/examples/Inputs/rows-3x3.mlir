// Splits a 1x1x3x3 result into its 3 rows, so that tconv-run --print
// shows every value (it prints at most 8 per result).
func.func @main(%x: tensor<1x1x3x3xf32>)
    -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %r0 = tensor.extract_slice %x[0, 0, 0, 0] [1, 1, 1, 3] [1, 1, 1, 1]
      : tensor<1x1x3x3xf32> to tensor<3xf32>
  %r1 = tensor.extract_slice %x[0, 0, 1, 0] [1, 1, 1, 3] [1, 1, 1, 1]
      : tensor<1x1x3x3xf32> to tensor<3xf32>
  %r2 = tensor.extract_slice %x[0, 0, 2, 0] [1, 1, 1, 3] [1, 1, 1, 1]
      : tensor<1x1x3x3xf32> to tensor<3xf32>
  return %r0, %r1, %r2 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}
