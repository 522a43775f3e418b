// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=bufferized" | FileCheck %s

// A dynamic batch through the pipeline: the entry loops over images of the
// static, separately compiled @main.image; each image of the input is read
// and each image of the result written in place (views of the entry's
// arguments at a dynamic offset, no copy), and the image's workspace is
// the entry's: no allocation per call or per image.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[^:]+]]: memref<?x3x8x8xf32>, %[[W:[^:]+]]: memref<4x3x3x3xf32>, %[[OUT:[^:]+]]: memref<?x4x8x8xf32>, %[[WS:[^:]+]]: memref<[[BYTES:[0-9]+]]xi8>)
// CHECK-SAME:      tconv.workspace_size = [[BYTES]]
// CHECK-NOT:     memref.alloc
// CHECK:         %[[N:.+]] = memref.dim %[[X]]
// CHECK:         scf.for %[[I:.+]] = %{{.+}} to %[[N]]
// CHECK-NOT:       memref.copy
// CHECK-DAG:       %[[IN:.+]] = memref.subview %[[X]][%[[I]], 0, 0, 0] [1, 3, 8, 8]
// CHECK-DAG:       %[[DST:.+]] = memref.subview %[[OUT]][%[[I]], 0, 0, 0] [1, 4, 8, 8]
// CHECK-DAG:       %[[WI:.+]] = memref.cast %[[W]]
// CHECK:           func.call @main.image(%[[IN]], %[[WI]], %[[DST]], %[[WS]])
// CHECK-NOT:       memref.copy
// CHECK:         }
// CHECK-NEXT:    return
// CHECK-LABEL: func.func private @main.image(
// CHECK-SAME:      memref<1x3x8x8xf32, strided<[192, 64, 8, 1], offset: ?>>, %{{[^:]+}}: memref<4x3x3x3xf32, strided<[27, 9, 3, 1], offset: ?>>, %[[RES:[^:]+]]: memref<1x4x8x8xf32, strided<[256, 64, 8, 1], offset: ?>>, %{{[^:]+}}: memref<[[BYTES]]xi8>)
// CHECK-NOT:     memref.copy %{{.+}}, %[[RES]]
// CHECK:         %[[TILE:.+]] = memref.subview %[[RES]]
// CHECK:         vector.transfer_write %{{.+}}, %[[TILE]]
// CHECK-NOT:     memref.copy %{{.+}}, %[[RES]]
// CHECK:         return
func.func @main(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32>
  return %y : tensor<?x4x8x8xf32>
}
