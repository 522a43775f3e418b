// RUN: tconv-opt %s -split-input-file --tconv-thread-scratch-on-stack | FileCheck %s

// The buffers of a parallel loop's iterations: views of one stack buffer at
// the start of the OpenMP region, which each thread runs once. The two
// buffers of the first loop live together (offsets 0 and 4096); the second
// loop's, run after the first, shares offset 0. Their deallocations go.

// CHECK-LABEL: func.func @parallel_region(
//       CHECK: omp.parallel {
//  CHECK-NEXT: %[[STACK:.*]] = memref.alloca() {alignment = 64 : i64} : memref<8192xi8>
//   CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG: %[[C4096:.*]] = arith.constant 4096 : index
//   CHECK-DAG: %[[A:.*]] = memref.view %[[STACK]][%[[C0]]][] : memref<8192xi8> to memref<32x32xf32>
//   CHECK-DAG: %[[B:.*]] = memref.view %[[STACK]][%[[C4096]]][] : memref<8192xi8> to memref<1024xf32>
//   CHECK-DAG: %[[C:.*]] = memref.view %[[STACK]][%[[C0]]][] : memref<8192xi8> to memref<16xf32>
//       CHECK: omp.loop_nest
//       CHECK: memref.store %{{.*}}, %[[A]]
//       CHECK: memref.store %{{.*}}, %[[B]]
//       CHECK: omp.loop_nest
//       CHECK: memref.store %{{.*}}, %[[C]]
//   CHECK-NOT: memref.alloc()
//   CHECK-NOT: memref.dealloc
func.func @parallel_region(%n: index, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%n) step (%c1) {
        %a = memref.alloc() {alignment = 64 : i64} : memref<32x32xf32>
        %b = memref.alloc() {alignment = 64 : i64} : memref<1024xf32>
        memref.store %x, %a[%i, %i] : memref<32x32xf32>
        memref.store %x, %b[%i] : memref<1024xf32>
        memref.dealloc %a : memref<32x32xf32>
        memref.dealloc %b : memref<1024xf32>
        omp.yield
      }
    }
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%n) step (%c1) {
        %c = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
        memref.store %x, %c[%i] : memref<16xf32>
        memref.dealloc %c : memref<16xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// Outside any OpenMP region (a sequential loop), the buffer goes at the
// start of the function.

// CHECK-LABEL: func.func @sequential(
//  CHECK-NEXT: %[[STACK:.*]] = memref.alloca() {alignment = 64 : i64} : memref<256xi8>
//   CHECK-DAG: %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG: %[[V:.*]] = memref.view %[[STACK]][%[[C0]]][] : memref<256xi8> to memref<64xf32>
//       CHECK: scf.for
//  CHECK-NEXT: memref.store %{{.*}}, %[[V]]
//  CHECK-NEXT: }
//  CHECK-NEXT: return
func.func @sequential(%n: index, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %v = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
    memref.store %x, %v[%i] : memref<64xf32>
    memref.dealloc %v : memref<64xf32>
  }
  return
}

// -----

// Left alone: a buffer of the function's own (not an iteration's), a
// dynamic one and one freed in another block than its own; the loop's
// static buffer beside them still goes on the stack.

// CHECK-LABEL: func.func @left_alone(
//  CHECK-NEXT: %[[STACK:.*]] = memref.alloca() {alignment = 64 : i64} : memref<64xi8>
//  CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
//  CHECK-NEXT: %[[S:.*]] = memref.view %[[STACK]][%[[C0]]][] : memref<64xi8> to memref<4xf32>
//       CHECK: memref.alloc() : memref<16xf32>
//       CHECK: memref.alloc(%{{.*}}) : memref<?xf32>
//       CHECK: memref.store %{{.*}}, %[[S]]
//       CHECK: memref.alloc() : memref<8xf32>
func.func @left_alone(%n: index, %x: f32, %c: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %top = memref.alloc() : memref<16xf32>
  memref.store %x, %top[%c0] : memref<16xf32>
  memref.dealloc %top : memref<16xf32>
  scf.for %i = %c0 to %n step %c1 {
    %d = memref.alloc(%n) : memref<?xf32>
    memref.store %x, %d[%i] : memref<?xf32>
    memref.dealloc %d : memref<?xf32>
    %s = memref.alloc() : memref<4xf32>
    memref.store %x, %s[%i] : memref<4xf32>
    memref.dealloc %s : memref<4xf32>
  }
  scf.for %i = %c0 to %n step %c1 {
    %e = memref.alloc() : memref<8xf32>
    memref.store %x, %e[%i] : memref<8xf32>
    scf.if %c {
      memref.dealloc %e : memref<8xf32>
    }
  }
  return
}

// -----

// More than max-bytes (2 MiB) of stack: all stay on the heap.

// CHECK-LABEL: func.func @too_large(
//   CHECK-NOT: memref.alloca
//       CHECK: memref.alloc() : memref<1024x512xf32>
//       CHECK: memref.alloc() : memref<16xf32>
func.func @too_large(%n: index, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %big = memref.alloc() : memref<1024x512xf32>
    %small = memref.alloc() : memref<16xf32>
    memref.store %x, %big[%i, %i] : memref<1024x512xf32>
    memref.store %x, %small[%i] : memref<16xf32>
    memref.dealloc %big : memref<1024x512xf32>
    memref.dealloc %small : memref<16xf32>
  }
  return
}
