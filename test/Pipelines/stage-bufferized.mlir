// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=bufferized -split-input-file | FileCheck %s

// The result becomes an out-param the caller allocates. Only the border of
// the padded buffer is zeroed; the layout change (vectorized in 8x8 blocks)
// writes straight into its interior: no memref.copy.

// CHECK-LABEL: func.func @conv(
//  CHECK-SAME:     %[[X:.*]]: memref<1x16x2x8xf32>, %[[W:.*]]: memref<20x16x1x3xf32>, %[[Y:.*]]: memref<1x20x2x8xf32>)
//   CHECK-NOT:   -> memref
//       CHECK:   %[[PADDED:.*]] = memref.alloc() {{.*}} : memref<1x2x10x16xf32>
//       CHECK:   %[[LEFT:.*]] = memref.subview %[[PADDED]][0, 0, 0, 0] [1, 2, 1, 16] [1, 1, 1, 1]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[LEFT]] :
//       CHECK:   %[[RIGHT:.*]] = memref.subview %[[PADDED]][0, 0, 9, 0] [1, 2, 1, 16] [1, 1, 1, 1]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[RIGHT]] :
//   CHECK-NOT:   linalg.fill
//       CHECK:   %[[INTERIOR:.*]] = memref.subview %[[PADDED]][0, 0, 1, 0] [1, 2, 8, 16] [1, 1, 1, 1]
//       CHECK:   scf.forall
//       CHECK:     memref.subview %[[X]]
//       CHECK:     memref.subview %[[INTERIOR]]
//       CHECK:     vector.transfer_read
//       CHECK:     vector.shuffle
//       CHECK:     vector.transfer_write
//       CHECK:   memref.dealloc %[[PADDED]]
//   CHECK-NOT:   memref.copy
//       CHECK:   return{{$}}
func.func @conv(%x: tensor<1x16x2x8xf32>, %w: tensor<20x16x1x3xf32>) -> tensor<1x20x2x8xf32> {
  %y = tconv.conv %x, %w pads = [0, 1, 0, 1]
      : (tensor<1x16x2x8xf32>, tensor<20x16x1x3xf32>) -> tensor<1x20x2x8xf32>
  return %y : tensor<1x20x2x8xf32>
}

// -----

// Inputs are read-only: an op that updates its operand in place writes the
// caller's output buffer, never the input.

// CHECK-LABEL: func.func @fill_input(
//  CHECK-SAME:     %[[X:.*]]: memref<4xf32>, %[[Y:.*]]: memref<4xf32>)
//   CHECK-NOT:   outs(%[[X]]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[Y]] : memref<4xf32>)
func.func @fill_input(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = arith.constant 1.0 : f32
  %y = linalg.fill ins(%c : f32) outs(%x : tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}

// -----

// Several results: one out-param each, in order, after the inputs.

// CHECK-LABEL: func.func @two_results(
//  CHECK-SAME:     %[[X:.*]]: memref<4xf32>, %[[R0:.*]]: memref<4xf32>, %[[R1:.*]]: memref<4xf32>) attributes {llvm.emit_c_interface} {
//       CHECK:   linalg.generic {{.*}} ins(%[[X]] : memref<4xf32>) outs(%[[R0]] : memref<4xf32>)
//       CHECK:     arith.addf
//       CHECK:   linalg.generic {{.*}} ins(%[[X]] : memref<4xf32>) outs(%[[R1]] : memref<4xf32>)
//       CHECK:     arith.mulf
func.func @two_results(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %a = arith.addf %x, %x : tensor<4xf32>
  %m = arith.mulf %x, %x : tensor<4xf32>
  return %a, %m : tensor<4xf32>, tensor<4xf32>
}

// -----

// The phases are assembled channels-last in a buffer of the result's shape
// (1x8x8x8 either way): it stays apart from the out-param the final layout
// change writes, so nothing is copied. Each phase's zero init is fused into
// its output tiles (vector writes of zeros), not a separate strided fill.

// CHECK-LABEL: func.func @square_transpose(
//  CHECK-SAME:     %[[Y:[^:]*]]: memref<1x8x8x8xf32>)
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//       CHECK:   %[[NHWC:.*]] = memref.alloc() {{.*}} : memref<1x8x8x8xf32>
//   CHECK-NOT:   memref.copy
//   CHECK-NOT:   linalg.fill {{.*}}memref<1x4x4x8xf32
//       CHECK:   %[[PHASE:.*]] = memref.subview %[[NHWC]][0, 0, 0, 0] [1, 4, 4, 8] [1, 2, 2, 1]
//       CHECK:   scf.forall
//       CHECK:     %[[TILE:.*]] = memref.subview %[[PHASE]]
//       CHECK:     vector.transfer_write %[[ZERO]], %[[TILE]]
//       CHECK:     scf.for
//       CHECK:       vector.fma
//       CHECK:     vector.transfer_write
//   CHECK-NOT:   memref.copy
//       CHECK:   memref.subview %[[Y]]
//       CHECK:   memref.dealloc %[[NHWC]]
func.func @square_transpose(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x4x4xf32>, tensor<8x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}

// -----

// With a bias, each phase's tiles start their accumulators from the bias
// (the broadcast CSE shares among the phases is given to each phase and
// fused into its tiles): no buffer of broadcast bias, no copy into the
// output.

// CHECK-LABEL: func.func @transpose_bias(
//  CHECK-SAME:     %[[B:[^:]*]]: memref<8xf32>, %[[Y:[^:]*]]: memref<1x8x8x8xf32>)
//   CHECK-NOT:   memref.alloc() {{.*}} : memref<1x4x4x8xf32>
//   CHECK-NOT:   memref.copy
//       CHECK:   scf.forall
//       CHECK:     vector.transfer_read %[[B]]
//       CHECK:     scf.for
//       CHECK:       vector.fma
//   CHECK-NOT:   memref.copy
//       CHECK:   return
func.func @transpose_bias(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x4x4xf32>, %b: tensor<8xf32>) -> tensor<1x8x8x8xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x4x4xf32>, tensor<8x8x4x4xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}
