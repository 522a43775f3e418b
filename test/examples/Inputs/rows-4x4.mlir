// Splits a 1x1x4x4 result into its 4 rows, so that tconv-run --print
// shows every value (it prints at most 8 per result).
func.func @main(%x: tensor<1x1x4x4xf32>)
    -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %r0 = tensor.extract_slice %x[0, 0, 0, 0] [1, 1, 1, 4] [1, 1, 1, 1]
      : tensor<1x1x4x4xf32> to tensor<4xf32>
  %r1 = tensor.extract_slice %x[0, 0, 1, 0] [1, 1, 1, 4] [1, 1, 1, 1]
      : tensor<1x1x4x4xf32> to tensor<4xf32>
  %r2 = tensor.extract_slice %x[0, 0, 2, 0] [1, 1, 1, 4] [1, 1, 1, 1]
      : tensor<1x1x4x4xf32> to tensor<4xf32>
  %r3 = tensor.extract_slice %x[0, 0, 3, 0] [1, 1, 1, 4] [1, 1, 1, 1]
      : tensor<1x1x4x4xf32> to tensor<4xf32>
  return %r0, %r1, %r2, %r3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
