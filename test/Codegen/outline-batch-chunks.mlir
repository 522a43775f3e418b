// RUN: tconv-opt %s -split-input-file --tconv-outline-batch=batch-chunks=1 | FileCheck %s

// Small images (8 of them: 8 x 8 KiB, far under 4 MiB): the body also goes
// to @conv.chunk on 8 images. The loop calls it while 8 images remain, then
// @conv.image on the rest; each loop runs under an scf.if, so that what is
// hoisted before it runs only if it does.
// CHECK-LABEL: func.func @conv(
// CHECK-SAME:      %[[X:.+]]: tensor<?x3x8x8xf32>, %[[W:.+]]: tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK-DAG:     %[[C8:.+]] = arith.constant 8 : index
// CHECK:         %[[N:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x3x8x8xf32>
// CHECK:         %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<?x4x8x8xf32>
// CHECK:         %[[REM:.+]] = arith.remui %[[N]], %[[C8]] : index
// CHECK:         %[[FULL:.+]] = arith.subi %[[N]], %[[REM]] : index
// CHECK:         %[[ANY_CHUNK:.+]] = arith.cmpi ugt, %[[FULL]], %[[C0]] : index
// CHECK:         %[[CHUNKED:.+]] = scf.if %[[ANY_CHUNK]] -> (tensor<?x4x8x8xf32>) {
// CHECK:           %[[L:.+]] = scf.for %[[I:.+]] = %[[C0]] to %[[FULL]] step %[[C8]] iter_args(%[[ACC:.+]] = %[[INIT]])
// CHECK:             %[[XI:.+]] = tensor.extract_slice %[[X]][%[[I]], 0, 0, 0] [8, 3, 8, 8] [1, 1, 1, 1] : tensor<?x3x8x8xf32> to tensor<8x3x8x8xf32>
// CHECK:             %[[OI:.+]] = tensor.extract_slice %[[ACC]][%[[I]], 0, 0, 0] [8, 4, 8, 8] [1, 1, 1, 1] : tensor<?x4x8x8xf32> to tensor<8x4x8x8xf32>
// CHECK:             %[[YI:.+]] = func.call @conv.chunk(%[[XI]], %[[W]], %[[OI]])
// CHECK:             tensor.insert_slice %[[YI]] into %[[ACC]][%[[I]], 0, 0, 0] [8, 4, 8, 8] [1, 1, 1, 1] : tensor<8x4x8x8xf32> into tensor<?x4x8x8xf32>
// CHECK:           scf.yield %[[L]]
// CHECK:         } else {
// CHECK:           scf.yield %[[INIT]]
// CHECK:         %[[ANY_IMAGE:.+]] = arith.cmpi ult, %[[FULL]], %[[N]] : index
// CHECK:         %[[R:.+]] = scf.if %[[ANY_IMAGE]] -> (tensor<?x4x8x8xf32>) {
// CHECK:           %[[L2:.+]] = scf.for %[[J:.+]] = %[[FULL]] to %[[N]] step %[[C1]] iter_args(%[[ACC2:.+]] = %[[CHUNKED]])
// CHECK:             %[[XJ:.+]] = tensor.extract_slice %[[X]][%[[J]], 0, 0, 0] [1, 3, 8, 8] [1, 1, 1, 1] : tensor<?x3x8x8xf32> to tensor<1x3x8x8xf32>
// CHECK:             func.call @conv.image(%[[XJ]], %[[W]], %{{.+}})
// CHECK:           scf.yield %[[L2]]
// CHECK:         } else {
// CHECK:           scf.yield %[[CHUNKED]]
// CHECK:         return %[[R]] : tensor<?x4x8x8xf32>
// CHECK-LABEL: func.func private @conv.chunk(
// CHECK-SAME:      %{{[^:]+}}: tensor<8x3x8x8xf32>, %{{[^:]+}}: tensor<4x3x3x3xf32>, %[[DST:[^:]+]]: tensor<8x4x8x8xf32> {bufferization.writable = true}) -> tensor<8x4x8x8xf32>
// CHECK-SAME:      attributes {tconv.batch_image}
// CHECK:         %[[Y:.+]] = tconv.conv %{{.+}}, %{{.+}} pads = [1, 1, 1, 1] : (tensor<8x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<8x4x8x8xf32>
// CHECK:         %[[T:.+]] = math.tanh %[[Y]] : tensor<8x4x8x8xf32>
// CHECK:         bufferization.materialize_in_destination %[[T]] in %[[DST]]
// CHECK-LABEL: func.func private @conv.image(
// CHECK-SAME:      %{{[^:]+}}: tensor<1x3x8x8xf32>, %{{[^:]+}}: tensor<4x3x3x3xf32>, %{{[^:]+}}: tensor<1x4x8x8xf32> {bufferization.writable = true}) -> tensor<1x4x8x8xf32>
// CHECK:         tconv.conv {{.+}} -> tensor<1x4x8x8xf32>
func.func @conv(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x8x8xf32>
  %t = math.tanh %y : tensor<?x4x8x8xf32>
  return %t : tensor<?x4x8x8xf32>
}

// -----

// Images of 1 MiB (8 of them reach 4 MiB, where a static batch runs image by
// image): no chunks.
// CHECK-LABEL: func.func @large(
// CHECK-NOT:     scf.if
// CHECK:         scf.for
// CHECK:           func.call @large.image(
// CHECK-NOT:     func.func private @large.chunk
func.func @large(%x: tensor<?x16x128x128xf32>) -> tensor<?x16x128x128xf32> {
  %y = math.tanh %x : tensor<?x16x128x128xf32>
  return %y : tensor<?x16x128x128xf32>
}

// -----

// Just under: 512 KiB - 4 bytes per image.
// CHECK-LABEL: func.func @under(
// CHECK:         func.call @under.chunk(
// CHECK:         func.call @under.image(
// CHECK-LABEL: func.func private @under.chunk(
// CHECK-SAME:      tensor<8x131071xf32>
func.func @under(%x: tensor<?x131071xf32>) -> tensor<?x131071xf32> {
  %y = math.tanh %x : tensor<?x131071xf32>
  return %y : tensor<?x131071xf32>
}
