// RUN: tconv-opt %s -split-input-file --tconv-forward-result-copies | FileCheck %s

// A dynamic result built in an allocation, updated in place by a loop,
// then copied into the out-param: built in the out-param instead.
// CHECK-LABEL: func.func @loop(
// CHECK-SAME:      %[[X:[^:]+]]: memref<?x4xf32>, %[[OUT:[^:]+]]: memref<?x4xf32>)
// CHECK-NOT:     memref.alloc
// CHECK:         scf.for {{.+}} iter_args(%[[ACC:.+]] = %[[OUT]])
// CHECK:           linalg.copy ins(%[[X]] : memref<?x4xf32>) outs(%[[ACC]] : memref<?x4xf32>)
// CHECK-NOT:     memref.copy
// CHECK:         return
func.func @loop(%x: memref<?x4xf32>, %out: memref<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?x4xf32>
  %a = memref.alloc(%n) : memref<?x4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (memref<?x4xf32>) {
    linalg.copy ins(%x : memref<?x4xf32>) outs(%acc : memref<?x4xf32>)
    scf.yield %acc : memref<?x4xf32>
  }
  memref.copy %r, %out : memref<?x4xf32> to memref<?x4xf32>
  return
}

// -----

// Read after the copy: kept.
// CHECK-LABEL: func.func @used_after(
// CHECK:         %[[A:.+]] = memref.alloc
// CHECK:         memref.copy %[[A]]
func.func @used_after(%x: memref<?x4xf32>, %out: memref<?x4xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x4xf32>
  %a = memref.alloc(%n) : memref<?x4xf32>
  linalg.copy ins(%x : memref<?x4xf32>) outs(%a : memref<?x4xf32>)
  memref.copy %a, %out : memref<?x4xf32> to memref<?x4xf32>
  %v = memref.load %a[%c0, %c0] : memref<?x4xf32>
  return %v : f32
}

// -----

// Private functions are not entry points: their out-params' sizes are the
// caller's business.
// CHECK-LABEL: func.func private @private(
// CHECK:         memref.alloc
// CHECK:         memref.copy
func.func private @private(%x: memref<?x4xf32>, %out: memref<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x4xf32>
  %a = memref.alloc(%n) : memref<?x4xf32>
  linalg.copy ins(%x : memref<?x4xf32>) outs(%a : memref<?x4xf32>)
  memref.copy %a, %out : memref<?x4xf32> to memref<?x4xf32>
  return
}

// -----

// A static result updated by a loop (the image loop of a large static
// batch) is copied just the same: built in the out-param too.
// CHECK-LABEL: func.func @static_loop(
// CHECK-SAME:      %[[X:[^:]+]]: memref<4x4xf32>, %[[OUT:[^:]+]]: memref<4x4xf32>)
// CHECK-NOT:     memref.alloc
// CHECK:         scf.for {{.+}} iter_args(%[[ACC:.+]] = %[[OUT]])
// CHECK:           linalg.copy ins(%[[X]] : memref<4x4xf32>) outs(%[[ACC]] : memref<4x4xf32>)
// CHECK-NOT:     memref.copy
// CHECK:         return
func.func @static_loop(%x: memref<4x4xf32>, %out: memref<4x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %a = memref.alloc() : memref<4x4xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %a) -> (memref<4x4xf32>) {
    linalg.copy ins(%x : memref<4x4xf32>) outs(%acc : memref<4x4xf32>)
    scf.yield %acc : memref<4x4xf32>
  }
  memref.copy %r, %out : memref<4x4xf32> to memref<4x4xf32>
  return
}

// -----

// The loops over chunks and over single images run under scf.ifs whose
// other branch yields the buffer unchanged; the buffer's dealloc after the
// copy goes with it: built in the out-param.
// CHECK-LABEL: func.func @under_ifs(
// CHECK-SAME:      %[[X:[^:]+]]: memref<?x4xf32>, %[[C:[^:]+]]: i1, %[[OUT:[^:]+]]: memref<?x4xf32>)
// CHECK-NOT:     memref.alloc
// CHECK:         %[[R0:.+]] = scf.if %[[C]]
// CHECK:           scf.for {{.+}} iter_args(%[[ACC:.+]] = %[[OUT]])
// CHECK:         } else {
// CHECK:           scf.yield %[[OUT]]
// CHECK:         scf.if %[[C]]
// CHECK:           scf.for {{.+}} iter_args(%{{.+}} = %[[R0]])
// CHECK:         } else {
// CHECK:           scf.yield %[[R0]]
// CHECK-NOT:     memref.copy
// CHECK-NOT:     memref.dealloc
// CHECK:         return
func.func @under_ifs(%x: memref<?x4xf32>, %c: i1, %out: memref<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?x4xf32>
  %a = memref.alloc(%n) : memref<?x4xf32>
  %r0 = scf.if %c -> (memref<?x4xf32>) {
    %l = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %a) -> (memref<?x4xf32>) {
      linalg.copy ins(%x : memref<?x4xf32>) outs(%acc : memref<?x4xf32>)
      scf.yield %acc : memref<?x4xf32>
    }
    scf.yield %l : memref<?x4xf32>
  } else {
    scf.yield %a : memref<?x4xf32>
  }
  %r1 = scf.if %c -> (memref<?x4xf32>) {
    %l = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %r0) -> (memref<?x4xf32>) {
      linalg.copy ins(%x : memref<?x4xf32>) outs(%acc : memref<?x4xf32>)
      scf.yield %acc : memref<?x4xf32>
    }
    scf.yield %l : memref<?x4xf32>
  } else {
    scf.yield %r0 : memref<?x4xf32>
  }
  memref.copy %r1, %out : memref<?x4xf32> to memref<?x4xf32>
  memref.dealloc %a : memref<?x4xf32>
  return
}

// -----

// One branch yields another buffer: kept.
// CHECK-LABEL: func.func @other_branch(
// CHECK:         %[[A:.+]] = memref.alloc
// CHECK:         memref.copy
func.func @other_branch(%x: memref<?x4xf32>, %c: i1, %out: memref<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %n = memref.dim %x, %c0 : memref<?x4xf32>
  %a = memref.alloc(%n) : memref<?x4xf32>
  %r = scf.if %c -> (memref<?x4xf32>) {
    scf.yield %a : memref<?x4xf32>
  } else {
    scf.yield %x : memref<?x4xf32>
  }
  memref.copy %r, %out : memref<?x4xf32> to memref<?x4xf32>
  return
}
