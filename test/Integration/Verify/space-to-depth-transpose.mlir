// RUN: tconv-run %s --random-inputs --verify | FileCheck %s

// A space-to-depth layout change: a 6-D transpose between reshapes. Its 3x2
// register blocks read a view of the reshaped input; folded through the
// expand_shape they were all read from column 0 (tconv-reshapes-as-views).

// CHECK: verify result #0: max abs error 0, {{.*}}: ok
func.func @main(%x: tensor<1x1x4x6xf32>) -> tensor<1x4x2x3xf32> {
  %e = tensor.expand_shape %x [[0], [1], [2, 3], [4, 5]] output_shape [1, 1, 2, 2, 3, 2]
      : tensor<1x1x4x6xf32> into tensor<1x1x2x2x3x2xf32>
  %init = tensor.empty() : tensor<1x2x2x1x2x3xf32>
  %t = linalg.transpose ins(%e : tensor<1x1x2x2x3x2xf32>) outs(%init : tensor<1x2x2x1x2x3xf32>)
      permutation = [0, 3, 5, 1, 2, 4]
  %c = tensor.collapse_shape %t [[0], [1, 2], [3, 4], [5]] : tensor<1x2x2x1x2x3xf32> into tensor<1x4x2x3xf32>
  return %c : tensor<1x4x2x3xf32>
}
