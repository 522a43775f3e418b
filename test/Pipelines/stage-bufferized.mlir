// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=bufferized | FileCheck %s

// The result becomes an out-param the caller allocates. The layout change
// writes straight into the interior of the zero-filled padded buffer: no
// memref.copy.

// CHECK-LABEL: func.func @conv(
//  CHECK-SAME:     %[[X:.*]]: memref<1x16x2x9xf32>, %[[W:.*]]: memref<20x16x1x3xf32>, %[[Y:.*]]: memref<1x20x2x9xf32>)
//   CHECK-NOT:   -> memref
//       CHECK:   %[[PADDED:.*]] = memref.alloc() {{.*}} : memref<1x2x11x16xf32>
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[PADDED]] : memref<1x2x11x16xf32>)
//       CHECK:   %[[INTERIOR:.*]] = memref.subview %[[PADDED]][0, 0, 1, 0] [1, 2, 9, 16] [1, 1, 1, 1]
//       CHECK:   linalg.generic {{.*}} ins(%[[X]] : memref<1x16x2x9xf32>) outs(%[[INTERIOR]] :
//       CHECK:   linalg.generic {{.*}} outs(%[[Y]] : memref<1x20x2x9xf32>)
//       CHECK:   memref.dealloc %[[PADDED]]
//   CHECK-NOT:   memref.copy
//       CHECK:   return{{$}}
func.func @conv(%x: tensor<1x16x2x9xf32>, %w: tensor<20x16x1x3xf32>) -> tensor<1x20x2x9xf32> {
  %y = tconv.conv %x, %w pads = [0, 1, 0, 1]
      : (tensor<1x16x2x9xf32>, tensor<20x16x1x3xf32>) -> tensor<1x20x2x9xf32>
  return %y : tensor<1x20x2x9xf32>
}
