// Splits a 1x1x5x5 result into its 5 rows, so that tconv-run --print
// shows every value (it prints at most 8 per result).
func.func @main(%x: tensor<1x1x5x5xf32>)
    -> (tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>) {
  %r0 = tensor.extract_slice %x[0, 0, 0, 0] [1, 1, 1, 5] [1, 1, 1, 1]
      : tensor<1x1x5x5xf32> to tensor<5xf32>
  %r1 = tensor.extract_slice %x[0, 0, 1, 0] [1, 1, 1, 5] [1, 1, 1, 1]
      : tensor<1x1x5x5xf32> to tensor<5xf32>
  %r2 = tensor.extract_slice %x[0, 0, 2, 0] [1, 1, 1, 5] [1, 1, 1, 1]
      : tensor<1x1x5x5xf32> to tensor<5xf32>
  %r3 = tensor.extract_slice %x[0, 0, 3, 0] [1, 1, 1, 5] [1, 1, 1, 1]
      : tensor<1x1x5x5xf32> to tensor<5xf32>
  %r4 = tensor.extract_slice %x[0, 0, 4, 0] [1, 1, 1, 5] [1, 1, 1, 1]
      : tensor<1x1x5x5xf32> to tensor<5xf32>
  return %r0, %r1, %r2, %r3, %r4 : tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>, tensor<5xf32>
}
