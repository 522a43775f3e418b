// RUN: tconv-opt %s -split-input-file --tconv-outline-batch | FileCheck %s

// A dynamic batch: the public function loops over images and calls the
// body, moved to a private function on batch-1 types. Batch-free arguments
// (filter, bias) pass through.
// The image of an input is read in place, at a dynamic offset.
// CHECK-LABEL: func.func @conv(
// CHECK-SAME:      %[[X:.+]]: tensor<?x3x8x8xf32>, %[[W:.+]]: tensor<4x3x3x3xf32>, %[[B:.+]]: tensor<4xf32>) -> tensor<?x4x8x8xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK:         %[[N:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x3x8x8xf32>
// CHECK:         %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<?x4x8x8xf32>
// CHECK:         %[[R:.+]] = scf.for %[[I:.+]] = %[[C0]] to %[[N]] step %[[C1]] iter_args(%[[ACC:.+]] = %[[INIT]])
// CHECK:           %[[XI:.+]] = tensor.extract_slice %[[X]][%[[I]], 0, 0, 0] [1, 3, 8, 8] [1, 1, 1, 1] : tensor<?x3x8x8xf32> to tensor<1x3x8x8xf32>
// CHECK:           %[[YI:.+]] = func.call @conv.image(%[[XI]], %[[W]], %[[B]])
// CHECK:           %[[NEXT:.+]] = tensor.insert_slice %[[YI]] into %[[ACC]][%[[I]], 0, 0, 0] [1, 4, 8, 8] [1, 1, 1, 1] : tensor<1x4x8x8xf32> into tensor<?x4x8x8xf32>
// CHECK:           scf.yield %[[NEXT]]
// CHECK:         return %[[R]] : tensor<?x4x8x8xf32>
// CHECK-LABEL: func.func private @conv.image(
// CHECK-SAME:      %[[XI:[^:]+]]: tensor<1x3x8x8xf32> {bufferization.buffer_layout = strided<[192, 64, 8, 1], offset: ?>}, %[[WI:[^:]+]]: tensor<4x3x3x3xf32>, %[[BI:[^:]+]]: tensor<4xf32>) -> tensor<1x4x8x8xf32>
// CHECK:         %[[Y:.+]] = tconv.conv %[[XI]], %[[WI]], %[[BI]] pads = [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
// CHECK:         %[[T:.+]] = math.tanh %[[Y]] : tensor<1x4x8x8xf32>
// CHECK:         return %[[T]] : tensor<1x4x8x8xf32>
func.func @conv(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<?x4x8x8xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1] : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<?x4x8x8xf32>
  %t = math.tanh %y : tensor<?x4x8x8xf32>
  return %t : tensor<?x4x8x8xf32>
}

// -----

// Two batched arguments and two results; batch-free ops (a constant, a
// TOSA op broadcasting along dim 0) move along.
// CHECK-LABEL: func.func @two(
// CHECK-SAME:      %[[A:.+]]: tensor<?x2x4xf32>, %[[B:.+]]: tensor<?x2x4xf32>)
// CHECK:         %[[N:.+]] = tensor.dim %[[A]], %{{.+}} : tensor<?x2x4xf32>
// CHECK-DAG:     %[[E0:.+]] = tensor.empty(%[[N]]) : tensor<?x2x4xf32>
// CHECK-DAG:     %[[E1:.+]] = tensor.empty(%[[N]]) : tensor<?x2x4xf32>
// CHECK:         scf.for {{.+}} iter_args(%[[ACC0:.+]] = %[[E0]], %[[ACC1:.+]] = %[[E1]])
// CHECK:           %[[AI:.+]] = tensor.extract_slice %[[A]]
// CHECK:           %[[BI:.+]] = tensor.extract_slice %[[B]]
// CHECK:           %[[R:.+]]:2 = func.call @two.image(%[[AI]], %[[BI]])
// CHECK:           tensor.insert_slice %[[R]]#0 into %[[ACC0]]
// CHECK:           tensor.insert_slice %[[R]]#1 into %[[ACC1]]
// CHECK-LABEL: func.func private @two.image(
// CHECK:         %[[C:.+]] = arith.constant dense<2.000000e+00> : tensor<1x2x4xf32>
// CHECK:         %[[S:.+]] = tosa.add %{{.+}}, %[[C]] : (tensor<1x2x4xf32>, tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
// CHECK:         %[[P:.+]] = arith.mulf %{{.+}}, %{{.+}} : tensor<1x2x4xf32>
// CHECK:         return %[[S]], %[[P]]
func.func @two(%a: tensor<?x2x4xf32>, %b: tensor<?x2x4xf32>) -> (tensor<?x2x4xf32>, tensor<?x2x4xf32>) {
  %c = arith.constant dense<2.0> : tensor<1x2x4xf32>
  %s = tosa.add %a, %c : (tensor<?x2x4xf32>, tensor<1x2x4xf32>) -> tensor<?x2x4xf32>
  %p = arith.mulf %a, %b : tensor<?x2x4xf32>
  return %s, %p : tensor<?x2x4xf32>, tensor<?x2x4xf32>
}

// -----

// Static functions are left alone.
// CHECK-LABEL: func.func @static(
// CHECK-NEXT:    tconv.conv
// CHECK-NOT:   func.func private
func.func @static(%x: tensor<2x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<2x1x2xf32> {
  %y = tconv.conv %x, %w : (tensor<2x1x4xf32>, tensor<1x1x3xf32>) -> tensor<2x1x2xf32>
  return %y : tensor<2x1x2xf32>
}
