// RUN: tconv-opt %s --tconv-decompose-pads -split-input-file | FileCheck %s

// A static pad with a constant value: one fill per border slab (dim 1: full
// rows; dim 2: the interior rows only), then the source inserted. No
// element is written twice.

// CHECK-LABEL: func.func @pad(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x8x8x4xf32>
//       CHECK:   %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x11x10x4xf32>
//       CHECK:   %[[TOP:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x1x10x4xf32>)
//       CHECK:   %[[P0:.*]] = tensor.insert_slice %[[TOP]] into %[[EMPTY]][0, 0, 0, 0] [1, 1, 10, 4] [1, 1, 1, 1]
//       CHECK:   %[[BOTTOM:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x2x10x4xf32>)
//       CHECK:   %[[P1:.*]] = tensor.insert_slice %[[BOTTOM]] into %[[P0]][0, 9, 0, 0] [1, 2, 10, 4] [1, 1, 1, 1]
//       CHECK:   %[[LEFT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x8x1x4xf32>)
//       CHECK:   %[[P2:.*]] = tensor.insert_slice %[[LEFT]] into %[[P1]][0, 1, 0, 0] [1, 8, 1, 4] [1, 1, 1, 1]
//       CHECK:   %[[RIGHT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%{{.*}} : tensor<1x8x1x4xf32>)
//       CHECK:   %[[P3:.*]] = tensor.insert_slice %[[RIGHT]] into %[[P2]][0, 1, 9, 0] [1, 8, 1, 4] [1, 1, 1, 1]
//       CHECK:   %[[P:.*]] = tensor.insert_slice %[[X]] into %[[P3]][0, 1, 1, 0] [1, 8, 8, 4] [1, 1, 1, 1]
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

// -----

// Only one side padded: one slab.

// CHECK-LABEL: func.func @pad_high_only(
//  CHECK-SAME:     %[[X:.*]]: tensor<3x5xf32>
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<3x7xf32>
//       CHECK:   %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<3x2xf32>)
//       CHECK:   %[[P0:.*]] = tensor.insert_slice %[[FILL]] into %[[EMPTY]][0, 5] [3, 2] [1, 1]
//   CHECK-NOT:   linalg.fill
//       CHECK:   tensor.insert_slice %[[X]] into %[[P0]][0, 0] [3, 5] [1, 1]
func.func @pad_high_only(%x: tensor<3x5xf32>) -> tensor<3x7xf32> {
  %one = arith.constant 1.0 : f32
  %p = tensor.pad %x low[0, 0] high[0, 2] {
  ^bb0(%i: index, %j: index):
    tensor.yield %one : f32
  } : tensor<3x5xf32> to tensor<3x7xf32>
  return %p : tensor<3x7xf32>
}

// -----

// Dynamic shapes: the whole result is filled, then the source inserted.

// CHECK-LABEL: func.func @pad_dynamic(
//  CHECK-SAME:     %[[X:.*]]: tensor<?x5xf32>
//       CHECK:   %[[EMPTY:.*]] = tensor.empty(%{{.*}}) : tensor<?x7xf32>
//       CHECK:   %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[EMPTY]] : tensor<?x7xf32>)
//       CHECK:   tensor.insert_slice %[[X]] into %[[FILL]][0, 1] [%{{.*}}, 5] [1, 1]
func.func @pad_dynamic(%x: tensor<?x5xf32>) -> tensor<?x7xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1] high[0, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<?x5xf32> to tensor<?x7xf32>
  return %p : tensor<?x7xf32>
}
