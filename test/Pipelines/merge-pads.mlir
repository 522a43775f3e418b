// RUN: tconv-opt %s --tconv-merge-pads -split-input-file | FileCheck %s

// Three pads of one tensor (the phases of a transposed convolution) and a
// direct use: one pad with the largest pads, three slices of it, and the
// interior for the direct use.

// CHECK-LABEL: func.func @phases
//  CHECK-SAME:     (%[[X:.*]]: tensor<1x8x8x4xf32>)
//       CHECK:   %[[P:.*]] = tensor.pad %[[X]] low[0, 1, 0, 0] high[0, 0, 1, 0]
//       CHECK:   } : tensor<1x8x8x4xf32> to tensor<1x9x9x4xf32>
//       CHECK:   %[[IN:.*]] = tensor.extract_slice %[[P]][0, 1, 0, 0] [1, 8, 8, 4] [1, 1, 1, 1]
//       CHECK:   %[[A:.*]] = tensor.extract_slice %[[P]][0, 0, 0, 0] [1, 9, 8, 4] [1, 1, 1, 1]
//       CHECK:   %[[B:.*]] = tensor.extract_slice %[[P]][0, 1, 0, 0] [1, 8, 9, 4] [1, 1, 1, 1]
//       CHECK:   %[[C:.*]] = tensor.extract_slice %[[P]][0, 0, 0, 0] [1, 9, 9, 4] [1, 1, 1, 1]
//   CHECK-NOT:   tensor.pad
//       CHECK:   return %[[IN]], %[[A]], %[[B]], %[[C]]
func.func @phases(%x: tensor<1x8x8x4xf32>)
    -> (tensor<1x8x8x4xf32>, tensor<1x9x8x4xf32>, tensor<1x8x9x4xf32>, tensor<1x9x9x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %a = tensor.pad %x low[0, 1, 0, 0] high[0, 0, 0, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x4xf32> to tensor<1x9x8x4xf32>
  %b = tensor.pad %x low[0, 0, 0, 0] high[0, 0, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x4xf32> to tensor<1x8x9x4xf32>
  %c = tensor.pad %x low[0, 1, 0, 0] high[0, 0, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x8x4xf32> to tensor<1x9x9x4xf32>
  return %x, %a, %b, %c : tensor<1x8x8x4xf32>, tensor<1x9x8x4xf32>, tensor<1x8x9x4xf32>, tensor<1x9x9x4xf32>
}

// -----

// Left alone: a single pad; pads with different values.

// CHECK-LABEL: func.func @unchanged
//       CHECK:   tensor.pad %{{.*}} low[1] high[0]
//       CHECK:   tensor.pad %{{.*}} low[0] high[1]
//       CHECK:   tensor.pad %{{.*}} low[2] high[2]
//   CHECK-NOT:   tensor.extract_slice
func.func @unchanged(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<5xf32>, tensor<5xf32>, tensor<8xf32>) {
  %zero = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %a = tensor.pad %x low[1] high[0] {
  ^bb0(%i: index):
    tensor.yield %zero : f32
  } : tensor<4xf32> to tensor<5xf32>
  %b = tensor.pad %x low[0] high[1] {
  ^bb0(%i: index):
    tensor.yield %one : f32
  } : tensor<4xf32> to tensor<5xf32>
  %c = tensor.pad %y low[2] high[2] {
  ^bb0(%i: index):
    tensor.yield %zero : f32
  } : tensor<4xf32> to tensor<8xf32>
  return %a, %b, %c : tensor<5xf32>, tensor<5xf32>, tensor<8xf32>
}
