// RUN: tconv-opt %s --tconv-outer-parallel-loops=min-mean-parallel-work=100000 -split-input-file | FileCheck %s

// A function whose parallel loops do less work on average than
// min-mean-parallel-work runs on one thread: every loop becomes scf.for.
// Here 64 tiles x 2 x 16 FMA lanes x 2 = 4096 units, and a fill of
// 64 x 128 floats = 32768 bytes stored: 18432 on average.

// CHECK-LABEL: func.func @small_function(
//  CHECK-SAME:     %[[BUF:.*]]: memref<64x128xf32>
//   CHECK-NOT:   scf.forall
//   CHECK-NOT:   scf.parallel
//       CHECK:   scf.for %[[T:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:     vector.fma
//       CHECK:   scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:     scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:       memref.store %{{.*}}, %[[BUF]][%[[I]], %[[J]]]
//   CHECK-NOT:   scf.forall
//   CHECK-NOT:   scf.parallel
func.func @small_function(%buf: memref<64x128xf32>, %out: memref<64x16xf32>,
                          %v: f32, %a: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  scf.forall (%t) in (64) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    %g = vector.fma %f, %a, %a : vector<16xf32>
    vector.store %g, %out[%t, %c0] : memref<64x16xf32>, vector<16xf32>
  }
  scf.parallel (%i, %j) = (%c0, %c0) to (%c64, %c128) step (%c1, %c1) {
    memref.store %v, %buf[%i, %j] : memref<64x128xf32>
  }
  return
}

// -----

// The same tiles over 4096 rows: 4096 x (2 x 32 + 64) units, enough on
// average; the tiles stay parallel, the fill's 8192 iterations are fewer
// than min-parallel-work as before.

// CHECK-LABEL: func.func @large_function(
//       CHECK:   scf.forall (%{{.*}}) in (4096)
//       CHECK:     vector.fma
//   CHECK-NOT:   scf.parallel
//       CHECK:   scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step
//       CHECK:     scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step
func.func @large_function(%buf: memref<64x128xf32>, %out: memref<4096x16xf32>,
                          %v: f32, %a: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  scf.forall (%t) in (4096) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    %g = vector.fma %f, %a, %a : vector<16xf32>
    vector.store %g, %out[%t, %c0] : memref<4096x16xf32>, vector<16xf32>
  }
  scf.parallel (%i, %j) = (%c0, %c0) to (%c64, %c128) step (%c1, %c1) {
    memref.store %v, %buf[%i, %j] : memref<64x128xf32>
  }
  return
}

// -----

// A loop with a dynamic bound counts the most iterations its value bounds
// allow: %n <= 4096 through the affine.min, so the tiles count as in
// @large_function.

// CHECK-LABEL: func.func @dynamic_bound(
//       CHECK:   scf.forall
func.func @dynamic_bound(%out: memref<4096x16xf32>, %n: index, %a: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %m = affine.min affine_map<(d0) -> (d0, 4096)>(%n)
  scf.forall (%t) = (0) to (%m) step (1) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    %g = vector.fma %f, %a, %a : vector<16xf32>
    vector.store %g, %out[%t, %c0] : memref<4096x16xf32>, vector<16xf32>
  }
  return
}

// -----

// A bf16 pair dot (vdpbf16ps) does four units per lane: 2048 tiles x
// (2 x 64 + 64 bytes stored) plus the fill's 32768 bytes is 210944 for two
// loops, enough on average. Counted as no work, the dots would leave
// 163840 and the function would run on one thread.

// CHECK-LABEL: func.func @bf16_dots(
//       CHECK:   scf.forall (%{{.*}}) in (2048)
//       CHECK:     x86vector.avx512.dot
func.func @bf16_dots(%buf: memref<64x128xf32>, %out: memref<2048x16xf32>,
                     %v: f32, %a: vector<16xf32>, %b: vector<32xbf16>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c128 = arith.constant 128 : index
  scf.forall (%t) in (2048) {
    %f = x86vector.avx512.dot %a, %b, %b : vector<32xbf16> -> vector<16xf32>
    %g = x86vector.avx512.dot %f, %b, %b : vector<32xbf16> -> vector<16xf32>
    vector.store %g, %out[%t, %c0] : memref<2048x16xf32>, vector<16xf32>
  }
  scf.parallel (%i, %j) = (%c0, %c0) to (%c64, %c128) step (%c1, %c1) {
    memref.store %v, %buf[%i, %j] : memref<64x128xf32>
  }
  return
}

// -----

// A batch loop's function holds what its images share (a filter's layout
// change moved out of the image function): its small loop stays parallel
// because the image function it calls runs in parallel, as the loop would
// have inside it.

// CHECK-LABEL: func.func @driver(
//       CHECK:   scf.forall (%{{.*}}) in (64)
//       CHECK:   call @driver.image
// CHECK-LABEL: func.func private @driver.image(
//       CHECK:   scf.forall (%{{.*}}) in (4096)
func.func @driver(%out: memref<64x16xf32>, %big: memref<4096x16xf32>, %a: vector<16xf32>) attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  scf.forall (%t) in (64) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    vector.store %f, %out[%t, %c0] : memref<64x16xf32>, vector<16xf32>
  }
  func.call @driver.image(%big, %a) : (memref<4096x16xf32>, vector<16xf32>) -> ()
  return
}
func.func private @driver.image(%out: memref<4096x16xf32>, %a: vector<16xf32>) attributes {tconv.batch_image} {
  %c0 = arith.constant 0 : index
  scf.forall (%t) in (4096) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    %g = vector.fma %f, %a, %a : vector<16xf32>
    vector.store %g, %out[%t, %c0] : memref<4096x16xf32>, vector<16xf32>
  }
  return
}

// -----

// Calling a function that runs on one thread, the batch loop's function
// does too.

// CHECK-LABEL: func.func @small_driver(
//   CHECK-NOT:   scf.forall
//       CHECK:   scf.for
//       CHECK:   call @small_driver.image
// CHECK-LABEL: func.func private @small_driver.image(
//   CHECK-NOT:   scf.forall
func.func @small_driver(%out: memref<64x16xf32>, %small: memref<64x16xf32>, %a: vector<16xf32>) attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  scf.forall (%t) in (64) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    vector.store %f, %out[%t, %c0] : memref<64x16xf32>, vector<16xf32>
  }
  func.call @small_driver.image(%small, %a) : (memref<64x16xf32>, vector<16xf32>) -> ()
  return
}
func.func private @small_driver.image(%out: memref<64x16xf32>, %a: vector<16xf32>) attributes {tconv.batch_image} {
  %c0 = arith.constant 0 : index
  scf.forall (%t) in (64) {
    %f = vector.fma %a, %a, %a : vector<16xf32>
    vector.store %f, %out[%t, %c0] : memref<64x16xf32>, vector<16xf32>
  }
  return
}
