// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=bufferized" | FileCheck %s

// A dynamic batch through the pipeline: the entry loops over chunks of 8
// images of the static, separately compiled @main.chunk, then over the
// remaining images of @main.image, each loop under an scf.if; each chunk or
// image of the input is read and of the result written in place (views of
// the entry's arguments at a dynamic offset, no copy), and the callees'
// workspaces are the entry's: no allocation per call, chunk or image.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[^:]+]]: memref<?x3x8x8xf32>, %[[W:[^:]+]]: memref<4x3x3x3xf32>, %[[OUT:[^:]+]]: memref<?x4x8x8xf32>, %[[WS:[^:]+]]: memref<[[BYTES:[0-9]+]]xi8>)
// CHECK-SAME:      tconv.workspace_size = [[BYTES]]
// CHECK-NOT:     memref.alloc
// CHECK:         %[[N:.+]] = memref.dim %[[X]]
// CHECK:         scf.if
// CHECK:           scf.for %[[I:.+]] = %{{.+}} to %[[FULL:.+]] step
// CHECK-NOT:         memref.copy
// CHECK-DAG:         %[[IN:.+]] = memref.subview %[[X]][%[[I]], 0, 0, 0] [8, 3, 8, 8]
// CHECK-DAG:         %[[DST:.+]] = memref.subview %[[OUT]][%[[I]], 0, 0, 0] [8, 4, 8, 8]
// CHECK-DAG:         %[[WI:.+]] = memref.cast %[[W]]
// CHECK:             func.call @main.chunk(%[[IN]], %[[WI]], %[[DST]], %[[WS]])
// CHECK:         scf.if
// CHECK:           %[[IMAGE_WS:.+]] = memref.view %[[WS]]
// CHECK:           scf.for %[[J:.+]] = %[[FULL]] to %[[N]]
// CHECK-NOT:         memref.copy
// CHECK-DAG:         %[[IN1:.+]] = memref.subview %[[X]][%[[J]], 0, 0, 0] [1, 3, 8, 8]
// CHECK-DAG:         %[[DST1:.+]] = memref.subview %[[OUT]][%[[J]], 0, 0, 0] [1, 4, 8, 8]
// CHECK-DAG:         %[[WI1:.+]] = memref.cast %[[W]]
// CHECK:             func.call @main.image(%[[IN1]], %[[WI1]], %[[DST1]], %[[IMAGE_WS]])
// CHECK-NOT:     memref.copy
// CHECK:         return
// CHECK-LABEL: func.func private @main.chunk(
// CHECK-SAME:      memref<8x3x8x8xf32, strided<[192, 64, 8, 1], offset: ?>>, %{{[^:]+}}: memref<4x3x3x3xf32, strided<[27, 9, 3, 1], offset: ?>>, %[[CRES:[^:]+]]: memref<8x4x8x8xf32, strided<[256, 64, 8, 1], offset: ?>>, %{{[^:]+}}: memref<[[BYTES]]xi8>)
// CHECK-NOT:     memref.copy %{{.+}}, %[[CRES]]
// CHECK:         return
// CHECK-LABEL: func.func private @main.image(
// CHECK-SAME:      memref<1x3x8x8xf32, strided<[192, 64, 8, 1], offset: ?>>, %{{[^:]+}}: memref<4x3x3x3xf32, strided<[27, 9, 3, 1], offset: ?>>, %[[RES:[^:]+]]: memref<1x4x8x8xf32, strided<[256, 64, 8, 1], offset: ?>>, %{{[^:]+}}: memref<{{[0-9]+}}xi8>)
// CHECK-NOT:     memref.copy %{{.+}}, %[[RES]]
// CHECK:         %[[TILE:.+]] = memref.subview %[[RES]]
// CHECK:         vector.transfer_write %{{.+}}, %[[TILE]]
// CHECK-NOT:     memref.copy %{{.+}}, %[[RES]]
// CHECK:         return
func.func @main(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32>
  return %y : tensor<?x4x8x8xf32>
}
