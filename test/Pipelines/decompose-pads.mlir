// RUN: tconv-opt %s --tconv-decompose-pads | FileCheck %s

// CHECK-LABEL: func.func @pad(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x8x8x4xf32>
//       CHECK:   %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x11x10x4xf32>
//       CHECK:   %[[FILL:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x11x10x4xf32>)
//       CHECK:   %[[P:.*]] = tensor.insert_slice %[[X]] into %[[FILL]][0, 1, 1, 0] [1, 8, 8, 4] [1, 1, 1, 1]
//   CHECK-NOT:   tensor.pad
//       CHECK:   return %[[P]]
func.func @pad(%x: tensor<1x8x8x4xf32>) -> tensor<1x11x10x4xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 2, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x4xf32> to tensor<1x11x10x4xf32>
  return %p : tensor<1x11x10x4xf32>
}
