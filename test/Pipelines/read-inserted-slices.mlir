// RUN: tconv-opt %s --tconv-read-inserted-slices -split-input-file | FileCheck %s

// The input of the phases, written into the interior of its padded buffer:
// the read after the insert reads the interior of the padded tensor; the
// read before it keeps reading the value.

// CHECK-LABEL: func.func @interior
//  CHECK-SAME:     (%[[V:.*]]: tensor<1x8x8x4xf32>, %[[D:.*]]: tensor<1x10x10x4xf32>)
//       CHECK:   %[[BEFORE:.*]] = tensor.extract %[[V]]
//       CHECK:   %[[P:.*]] = tensor.insert_slice %[[V]] into %[[D]][0, 1, 1, 0] [1, 8, 8, 4] [1, 1, 1, 1]
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[P]][0, 1, 1, 0] [1, 8, 8, 4] [1, 1, 1, 1] : tensor<1x10x10x4xf32> to tensor<1x8x8x4xf32>
//       CHECK:   %[[AFTER:.*]] = tensor.extract %[[S]]
//       CHECK:   return %[[BEFORE]], %[[AFTER]], %[[P]]
func.func @interior(%v: tensor<1x8x8x4xf32>, %d: tensor<1x10x10x4xf32>) -> (f32, f32, tensor<1x10x10x4xf32>) {
  %c0 = arith.constant 0 : index
  %before = tensor.extract %v[%c0, %c0, %c0, %c0] : tensor<1x8x8x4xf32>
  %p = tensor.insert_slice %v into %d[0, 1, 1, 0] [1, 8, 8, 4] [1, 1, 1, 1]
      : tensor<1x8x8x4xf32> into tensor<1x10x10x4xf32>
  %after = tensor.extract %v[%c0, %c0, %c0, %c0] : tensor<1x8x8x4xf32>
  return %before, %after, %p : f32, f32, tensor<1x10x10x4xf32>
}

// -----

// Rank-reducing, strided: the slice has the value's type.

// CHECK-LABEL: func.func @strided
//       CHECK:   %[[P:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 1] [1, 4] [1, 2] : tensor<4xf32> into tensor<2x8xf32>
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[P]][0, 1] [1, 4] [1, 2] : tensor<2x8xf32> to tensor<4xf32>
//       CHECK:   return %[[P]], %[[S]]
func.func @strided(%v: tensor<4xf32>, %d: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<4xf32>) {
  %p = tensor.insert_slice %v into %d[0, 1] [1, 4] [1, 2] : tensor<4xf32> into tensor<2x8xf32>
  return %p, %v : tensor<2x8xf32>, tensor<4xf32>
}
