// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=bufferized -split-input-file | FileCheck %s

// The result becomes an out-param the caller allocates, the padded buffer a
// view of the workspace argument (tconv-plan-workspace). The FMA tiles read
// the input element by element, so it is padded in NCHW
// (tconv-pad-before-layout-changes): only its border is zeroed, the input is
// copied into its interior row by row, and no layout change of it is left
// (tconv-fold-layout-changes-into-reads). No allocation.

// CHECK-LABEL: func.func @conv(
//  CHECK-SAME:     %[[X:.*]]: memref<1x16x2x8xf32>, %[[W:.*]]: memref<20x16x1x3xf32>, %[[Y:.*]]: memref<1x20x2x8xf32>, %[[WS:.*]]: memref<[[SIZE:[0-9]+]]xi8>)
//  CHECK-SAME:     tconv.workspace_size = [[SIZE]] : i64
//   CHECK-NOT:   memref.alloc
//       CHECK:   %[[PADDED:.*]] = memref.view %[[WS]][%{{.*}}][] : memref<[[SIZE]]xi8> to memref<1x16x2x10xf32>
//       CHECK:   %[[LEFT:.*]] = memref.subview %[[PADDED]][0, 0, 0, 0] [1, 16, 2, 1] [1, 1, 1, 1]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[LEFT]] :
//       CHECK:   %[[RIGHT:.*]] = memref.subview %[[PADDED]][0, 0, 0, 9] [1, 16, 2, 1] [1, 1, 1, 1]
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[RIGHT]] :
//       CHECK:   %[[INTERIOR:.*]] = memref.subview %[[PADDED]][0, 0, 0, 1] [1, 16, 2, 8] [1, 1, 1, 1]
//       CHECK:   memref.copy %[[X]], %[[INTERIOR]] :
//   CHECK-NOT:   memref.subview %[[X]]
//   CHECK-NOT:   memref.alloc
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
// change writes, so nothing is copied (the one copy is the input's, into its
// padded NCHW buffer). Each phase's zero init is fused into its output tiles:
// the accumulators start from zeros in registers, with neither a separate
// strided fill nor zeros stored to the tile first.

// CHECK-LABEL: func.func @square_transpose(
//  CHECK-SAME:     %[[X:[^:]*]]: memref<1x8x4x4xf32>, %{{[^:]*}}: memref<8x8x4x4xf32>, %[[Y:[^:]*]]: memref<1x8x8x8xf32>, %[[WS:[^:]*]]: memref<{{[0-9]+}}xi8>)
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//       CHECK:   %[[NHWC:.*]] = memref.view %[[WS]]{{.*}} to memref<1x8x8x8xf32>
//   CHECK-NOT:   memref.copy
//       CHECK:   memref.copy %[[X]], %{{.*}} : memref<1x8x4x4xf32> to memref<1x8x4x4xf32, strided<[288, 36, 6, 1], offset: 7>>
//   CHECK-NOT:   memref.copy
//   CHECK-NOT:   linalg.fill {{.*}}memref<1x4x4x8xf32
//       CHECK:   %[[PHASE:.*]] = memref.subview %[[NHWC]][0, 0, 0, 0] [1, 4, 4, 8] [1, 2, 2, 1]
//       CHECK:   scf.forall
//       CHECK:     memref.subview %[[PHASE]]
//   CHECK-NOT:     vector.transfer_write %[[ZERO]]
//       CHECK:     scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]])
//       CHECK:       vector.fma
//       CHECK:     vector.transfer_write
//   CHECK-NOT:   memref.copy
//       CHECK:   memref.subview %[[Y]]
//   CHECK-NOT:   memref.dealloc
//       CHECK:   return
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
//  CHECK-SAME:     %[[B:[^:]*]]: memref<8xf32>, %[[Y:[^:]*]]: memref<1x8x8x8xf32>, %{{.*}}: memref<{{[0-9]+}}xi8>)
//   CHECK-NOT:   memref.{{alloc|view}}{{.*}}memref<1x4x4x8xf32>
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
