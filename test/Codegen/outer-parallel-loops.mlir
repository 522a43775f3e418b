// RUN: tconv-opt %s --tconv-outer-parallel-loops=min-mean-parallel-work=0 -split-input-file | FileCheck %s

// Without the function-wide limit on small loops (see
// outer-parallel-loops-mean-work.mlir): each loop on its own.

// 64 iterations of the outer dim are enough: the other dims become scf.for.

// CHECK-LABEL: func.func @outer_dim_enough(
//  CHECK-SAME:     %[[BUF:.*]]: memref<64x34x128xf32>
//       CHECK:   scf.parallel (%[[I:.*]]) = (%{{.*}}) to (%{{.*}}) step (%{{.*}}) {
//       CHECK:     scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:       scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:         memref.store %{{.*}}, %[[BUF]][%[[I]], %[[J]], %[[K]]]
//   CHECK-NOT:   scf.parallel
func.func @outer_dim_enough(%buf: memref<64x34x128xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c34 = arith.constant 34 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  scf.parallel (%i, %j, %k) = (%c0, %c0, %c0) to (%c64, %c34, %c128) step (%c1, %c1, %c1) {
    memref.store %v, %buf[%i, %j, %k] : memref<64x34x128xf32>
  }
  return
}

// -----

// 1 x 34 = 34 iterations: two parallel dims; the innermost is never one.

// CHECK-LABEL: func.func @two_outer_dims(
//  CHECK-SAME:     %[[BUF:.*]]: memref<1x34x512xf32>
//       CHECK:   scf.parallel (%[[I:.*]], %[[J:.*]]) = (%{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}) step (%{{.*}}, %{{.*}}) {
//       CHECK:     scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:       memref.store %{{.*}}, %[[BUF]][%[[I]], %[[J]], %[[K]]]
func.func @two_outer_dims(%buf: memref<1x34x512xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c34 = arith.constant 34 : index
  %c512 = arith.constant 512 : index
  scf.parallel (%i, %j, %k) = (%c0, %c0, %c0) to (%c1, %c34, %c512) step (%c1, %c1, %c1) {
    memref.store %v, %buf[%i, %j, %k] : memref<1x34x512xf32>
  }
  return
}

// -----

// Inside a parallel output tile every dim becomes sequential.

// CHECK-LABEL: func.func @inside_tile(
//       CHECK:   scf.forall
//   CHECK-NOT:     scf.parallel
//       CHECK:     scf.for
//       CHECK:       scf.for
//       CHECK:         memref.store
func.func @inside_tile(%buf: memref<4x8x16xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  scf.forall (%t) in (4) {
    scf.parallel (%j, %k) = (%c0, %c0) to (%c8, %c16) step (%c1, %c1) {
      memref.store %v, %buf[%t, %j, %k] : memref<4x8x16xf32>
    }
  }
  return
}

// -----

// One dim, and loops with reductions, stay as they are.

// CHECK-LABEL: func.func @untouched(
//       CHECK:   scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%{{.*}}) {
//       CHECK:     memref.store
//       CHECK:   scf.parallel (%{{.*}}, %{{.*}}) = {{.*}} init (%{{.*}}) -> f32
//       CHECK:     scf.reduce
func.func @untouched(%buf: memref<16384xf32>, %m: memref<4x4xf32>, %v: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c16384 = arith.constant 16384 : index
  scf.parallel (%i) = (%c0) to (%c16384) step (%c1) {
    memref.store %v, %buf[%i] : memref<16384xf32>
  }
  %sum = scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c4) step (%c1, %c1) init (%v) -> f32 {
    %x = memref.load %m[%i, %j] : memref<4x4xf32>
    scf.reduce(%x : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %sum : f32
}

// -----

// 58 x 64 = 3712 iterations in all (a pad's border row), fewer than
// min-parallel-work: no parallel dim at all.

// CHECK-LABEL: func.func @too_little_work(
//  CHECK-SAME:     %[[BUF:.*]]: memref<1x58x64xf32>
//   CHECK-NOT:   scf.parallel
//       CHECK:   scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:     scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:       scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:         memref.store %{{.*}}, %[[BUF]][%[[I]], %[[J]], %[[K]]]
//   CHECK-NOT:   scf.parallel
func.func @too_little_work(%buf: memref<1x58x64xf32>, %v: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c58 = arith.constant 58 : index
  %c64 = arith.constant 64 : index
  scf.parallel (%i, %j, %k) = (%c0, %c0, %c0) to (%c1, %c58, %c64) step (%c1, %c1, %c1) {
    memref.store %v, %buf[%i, %j, %k] : memref<1x58x64xf32>
  }
  return
}

// -----

// A tile loop nested in a parallel loop (a convolution in the loop over
// Winograd's products) becomes sequential loops; the outer one stays.

// CHECK-LABEL: func.func @nested_forall(
//  CHECK-SAME:     %[[BUF:.*]]: memref<16x8x4xf32>
//       CHECK:   scf.forall (%[[K:.*]]) in (16) {
//       CHECK:     scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:       scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:         memref.store %{{.*}}, %[[BUF]][%[[K]], %[[I]], %[[J]]]
//   CHECK-NOT:   scf.parallel
func.func @nested_forall(%buf: memref<16x8x4xf32>, %v: f32) {
  scf.forall (%k) in (16) {
    scf.forall (%i, %j) in (8, 4) {
      memref.store %v, %buf[%k, %i, %j] : memref<16x8x4xf32>
    }
  }
  return
}
