// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=bufferized" | FileCheck %s

// A dynamic batch through the pipeline: the entry loops over images of the
// static, separately compiled @main.image; the result is built in the
// out-param, each input image is read in place, and the per-image result
// and the image's workspace are views of the entry's workspace, set up once
// before the loop: no allocation per call or per image.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[^:]+]]: memref<?x3x8x8xf32>, %{{.+}}: memref<4x3x3x3xf32>, %[[OUT:[^:]+]]: memref<?x4x8x8xf32>, %[[WS:[^:]+]]: memref<[[BYTES:[0-9]+]]xi8>)
// CHECK-SAME:      tconv.workspace_size = [[BYTES]]
// CHECK-NOT:     memref.alloc
// CHECK:         %[[N:.+]] = memref.dim %[[X]]
// CHECK-DAG:     %[[RES:.+]] = memref.view %[[WS]][%{{.+}}][] : memref<[[BYTES]]xi8> to memref<1x4x8x8xf32>
// CHECK-DAG:     %[[IMAGEWS:.+]] = memref.view %[[WS]][%{{.+}}][] : memref<[[BYTES]]xi8> to memref<{{[0-9]+}}xi8>
// CHECK:         scf.for %[[I:.+]] = %{{.+}} to %[[N]]
// CHECK:           %[[IN:.+]] = memref.subview %[[X]][%[[I]], 0, 0, 0] [1, 3, 8, 8]
// CHECK-NOT:       memref.copy
// CHECK:           func.call @main.image(%[[IN]], %{{.+}}, %[[RES]], %[[IMAGEWS]])
// CHECK:           %[[DST:.+]] = memref.subview %[[OUT]][%[[I]], 0, 0, 0] [1, 4, 8, 8]
// CHECK:           memref.copy %[[RES]], %[[DST]]
// CHECK-NOT:     memref.alloc
// CHECK:         return
// CHECK-LABEL: func.func private @main.image(
// CHECK-SAME:      memref<1x3x8x8xf32, strided<[192, 64, 8, 1], offset: ?>>
func.func @main(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32>
  return %y : tensor<?x4x8x8xf32>
}
