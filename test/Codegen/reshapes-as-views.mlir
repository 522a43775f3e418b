// RUN: tconv-opt %s --tconv-reshapes-as-views -split-input-file | FileCheck %s

// Static reshapes of contiguous buffers become strided views.

// CHECK-LABEL: func.func @expand(
//  CHECK-SAME:     %[[A:[^:]*]]: memref<4x6xf32>)
//       CHECK:   %[[V:.*]] = memref.reinterpret_cast %[[A]] to offset: [0], sizes: [4, 2, 3], strides: [6, 3, 1] : memref<4x6xf32> to memref<4x2x3xf32>
//   CHECK-NOT:   memref.expand_shape
//       CHECK:   memref.subview %[[V]]
func.func @expand(%a: memref<4x6xf32>) -> memref<3xf32, strided<[1], offset: ?>> {
  %c1 = arith.constant 1 : index
  %e = memref.expand_shape %a [[0], [1, 2]] output_shape [4, 2, 3] : memref<4x6xf32> into memref<4x2x3xf32>
  %s = memref.subview %e[%c1, 1, 0] [1, 1, 3] [1, 1, 1] : memref<4x2x3xf32> to memref<3xf32, strided<[1], offset: ?>>
  return %s : memref<3xf32, strided<[1], offset: ?>>
}

// -----

// CHECK-LABEL: func.func @collapse(
//  CHECK-SAME:     %[[A:[^:]*]]: memref<2x3x4xf32>)
//       CHECK:   memref.reinterpret_cast %[[A]] to offset: [0], sizes: [6, 4], strides: [4, 1] : memref<2x3x4xf32> to memref<6x4xf32>
//   CHECK-NOT:   memref.collapse_shape
func.func @collapse(%a: memref<2x3x4xf32>) -> memref<6x4xf32> {
  %c = memref.collapse_shape %a [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  return %c : memref<6x4xf32>
}

// -----

// A strided source is no contiguous buffer: left alone.

// CHECK-LABEL: func.func @strided(
//       CHECK:   memref.collapse_shape
//   CHECK-NOT:   memref.reinterpret_cast
func.func @strided(%a: memref<2x3x4xf32, strided<[16, 4, 1]>>) -> memref<2x12xf32, strided<[16, 1]>> {
  %c = memref.collapse_shape %a [[0], [1, 2]] : memref<2x3x4xf32, strided<[16, 4, 1]>> into memref<2x12xf32, strided<[16, 1]>>
  return %c : memref<2x12xf32, strided<[16, 1]>>
}
