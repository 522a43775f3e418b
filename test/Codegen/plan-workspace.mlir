// RUN: tconv-opt %s --tconv-plan-workspace -split-input-file | FileCheck %s

// Liveness: %a dies (last use: the first copy) before %b and %c are born,
// so %b reuses its bytes; %b and %c live together and do not overlap. The
// workspace (4096 + 2048 bytes) is smaller than the three buffers summed,
// and as small as the most bytes live at once (%b and %c).

// CHECK-LABEL: func.func @chain(
//  CHECK-SAME:     %[[OUT:[^:]*]]: memref<1024xf32>, %[[WS:[^:]*]]: memref<6144xi8>)
//  CHECK-SAME:     tconv.largest_live_pair_bytes = 6144 : i64, tconv.peak_live_bytes = 6144 : i64, tconv.temporary_bytes = 10240 : i64, tconv.workspace_size = 6144 : i64
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C4096:.*]] = arith.constant 4096 : index
//   CHECK-NOT:   memref.alloc
//       CHECK:   %[[A:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<6144xi8> to memref<1024xf32>
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[A]] : memref<1024xf32>)
//       CHECK:   memref.copy %[[A]], %[[OUT]]
//       CHECK:   %[[B:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<6144xi8> to memref<1024xf32>
//       CHECK:   %[[C:.*]] = memref.view %[[WS]][%[[C4096]]][] : memref<6144xi8> to memref<512xf32>
//       CHECK:   memref.copy %[[OUT]], %[[B]]
//       CHECK:   memref.subview %[[B]]
//   CHECK-NOT:   memref.dealloc
//       CHECK:   return
func.func @chain(%out: memref<1024xf32>) {
  %cst = arith.constant 1.0 : f32
  %a = memref.alloc() {alignment = 64 : i64} : memref<1024xf32>
  linalg.fill ins(%cst : f32) outs(%a : memref<1024xf32>)
  memref.copy %a, %out : memref<1024xf32> to memref<1024xf32>
  %b = memref.alloc() {alignment = 64 : i64} : memref<1024xf32>
  %c = memref.alloc() {alignment = 64 : i64} : memref<512xf32>
  memref.copy %out, %b : memref<1024xf32> to memref<1024xf32>
  %half = memref.subview %b[0] [512] [1] : memref<1024xf32> to memref<512xf32, strided<[1]>>
  memref.copy %half, %c : memref<512xf32, strided<[1]>> to memref<512xf32>
  %back = memref.subview %out[512] [512] [1] : memref<1024xf32> to memref<512xf32, strided<[1], offset: 512>>
  memref.copy %c, %back : memref<512xf32> to memref<512xf32, strided<[1], offset: 512>>
  memref.dealloc %a : memref<1024xf32>
  memref.dealloc %b : memref<1024xf32>
  memref.dealloc %c : memref<512xf32>
  return
}

// -----

// A buffer used inside a loop lives until the loop ends; a view of it keeps
// it alive. Offsets are 64-byte aligned: the 3-byte i8 buffer takes a whole
// slot before the next one.

// CHECK-LABEL: func.func @loop(
//  CHECK-SAME:     %[[WS:[^:]*]]: memref<128xi8>)
//  CHECK-SAME:     tconv.temporary_bytes = 35 : i64, tconv.workspace_size = 128 : i64
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C64:.*]] = arith.constant 64 : index
//       CHECK:   memref.view %[[WS]][%[[C0]]][] : memref<128xi8> to memref<8xf32>
//       CHECK:   memref.view %[[WS]][%[[C64]]][] : memref<128xi8> to memref<3xi8>
func.func @loop(%out: memref<8xf32>, %bytes: memref<3xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %a = memref.alloc() : memref<8xf32>
  %v = memref.subview %a[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
  %b = memref.alloc() : memref<3xi8>
  scf.for %i = %c0 to %c8 step %c1 {
    %x = memref.load %out[%i] : memref<8xf32>
    memref.store %x, %a[%i] : memref<8xf32>
    memref.copy %bytes, %b : memref<3xi8> to memref<3xi8>
  }
  %y = memref.load %v[%c1] : memref<4xf32, strided<[1]>>
  memref.store %y, %out[%c0] : memref<8xf32>
  return
}

// -----

// Buffers that escape (returned), have a dynamic size or live inside a loop
// keep their allocation; a function left without temporaries keeps its
// signature.

// CHECK-LABEL: func.func @unplanned(
//  CHECK-SAME:     %{{.*}}: index) -> memref<4xf32> {
//       CHECK:   memref.alloc() : memref<4xf32>
//       CHECK:   memref.alloc(%{{.*}}) : memref<?xf32>
//       CHECK:   scf.for
//       CHECK:     memref.alloc() : memref<2xf32>
func.func @unplanned(%n: index) -> memref<4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = memref.alloc() : memref<4xf32>
  %d = memref.alloc(%n) : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %t = memref.alloc() : memref<2xf32>
    memref.dealloc %t : memref<2xf32>
  }
  memref.dealloc %d : memref<?xf32>
  return %r : memref<4xf32>
}

// -----

// A call passes the callee a workspace allocated by the caller, which the
// caller's own plan then serves: the callee's 64 bytes sit next to the
// caller's buffer, which lives across the call (a callee cannot keep it).

// CHECK-LABEL: func.func private @callee(
//  CHECK-SAME:     %{{.*}}: memref<4xf32>, %{{.*}}: memref<64xi8>)
//  CHECK-SAME:     tconv.workspace_size = 64 : i64
// CHECK-LABEL: func.func @caller(
//  CHECK-SAME:     %[[X:[^:]*]]: memref<4xf32>, %[[WS:[^:]*]]: memref<128xi8>)
//  CHECK-SAME:     tconv.workspace_size = 128 : i64
//   CHECK-NOT:   memref.alloc
//       CHECK:   %[[MINE:.*]] = memref.view %[[WS]]
//       CHECK:   %[[THEIRS:.*]] = memref.view %[[WS]]{{.*}} to memref<64xi8>
//       CHECK:   call @callee(%[[MINE]], %[[THEIRS]]) : (memref<4xf32>, memref<64xi8>) -> ()
func.func private @callee(%x: memref<4xf32>) {
  %t = memref.alloc() : memref<4xf32>
  memref.copy %x, %t : memref<4xf32> to memref<4xf32>
  memref.copy %t, %x : memref<4xf32> to memref<4xf32>
  return
}
func.func @caller(%x: memref<4xf32>) {
  %mine = memref.alloc() : memref<4xf32>
  memref.copy %x, %mine : memref<4xf32> to memref<4xf32>
  call @callee(%mine) : (memref<4xf32>) -> ()
  memref.copy %mine, %x : memref<4xf32> to memref<4xf32>
  return
}

// -----

// Allocations under scf.ifs (the loops over chunks and single images of a
// dynamic batch) run at most once per call: served too. Each lives within
// its if, so the two share offset 0.

// CHECK-LABEL: func.func @under_ifs(
//  CHECK-SAME:     %[[X:[^:]*]]: memref<4xf32>, %[[C:[^:]*]]: i1, %[[WS:[^:]*]]: memref<64xi8>)
//  CHECK-SAME:     tconv.workspace_size = 64 : i64
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-NOT:   memref.alloc
//       CHECK:   scf.if %[[C]]
//       CHECK:     memref.view %[[WS]][%[[C0]]][] : memref<64xi8> to memref<16xf32>
//       CHECK:   scf.if %[[C]]
//       CHECK:     memref.view %[[WS]][%[[C0]]][] : memref<64xi8> to memref<8xf32>
//   CHECK-NOT:   memref.dealloc
func.func @under_ifs(%x: memref<4xf32>, %c: i1) {
  scf.if %c {
    %a = memref.alloc() : memref<16xf32>
    %s = memref.subview %a[0] [4] [1] : memref<16xf32> to memref<4xf32, strided<[1]>>
    memref.copy %x, %s : memref<4xf32> to memref<4xf32, strided<[1]>>
    memref.dealloc %a : memref<16xf32>
  }
  scf.if %c {
    %b = memref.alloc() : memref<8xf32>
    %s = memref.subview %b[0] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1]>>
    memref.copy %x, %s : memref<4xf32> to memref<4xf32, strided<[1]>>
    memref.dealloc %b : memref<8xf32>
  }
  return
}

// -----

// Inside an scf.if, liveness is counted op by op as at the top level: the
// batch loop of a dynamic batch hoists a filter's layout change (%copy)
// before the loop over chunks of images, under the same if, and the
// chunks' buffer (%chunk) reuses its bytes once the transformed filter
// (%transformed) is made. The else branch never runs with the then branch:
// %single starts at offset 0 too.

// CHECK-LABEL: func.func @steps_under_if(
//  CHECK-SAME:     %[[X:[^:]*]]: memref<16xf32>, %[[C:[^:]*]]: i1, %[[WS:[^:]*]]: memref<128xi8>)
//  CHECK-SAME:     tconv.workspace_size = 128 : i64
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C64:.*]] = arith.constant 64 : index
//   CHECK-NOT:   memref.alloc
//       CHECK:   scf.if %[[C]]
//       CHECK:     %[[COPY:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<128xi8> to memref<16xf32>
//       CHECK:     %[[TRANSFORMED:.*]] = memref.view %[[WS]][%[[C64]]][] : memref<128xi8> to memref<16xf32>
//       CHECK:     memref.copy %[[X]], %[[COPY]]
//       CHECK:     memref.copy %[[COPY]], %[[TRANSFORMED]]
//       CHECK:     %[[CHUNK:.*]] = memref.view %[[WS]][%[[C0]]][] : memref<128xi8> to memref<16xf32>
//       CHECK:     scf.for
//       CHECK:       memref.copy %[[TRANSFORMED]], %[[CHUNK]]
//       CHECK:   } else {
//       CHECK:     memref.view %[[WS]][%[[C0]]][] : memref<128xi8> to memref<16xf32>
func.func @steps_under_if(%x: memref<16xf32>, %c: i1) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.if %c {
    %copy = memref.alloc() : memref<16xf32>
    %transformed = memref.alloc() : memref<16xf32>
    memref.copy %x, %copy : memref<16xf32> to memref<16xf32>
    memref.copy %copy, %transformed : memref<16xf32> to memref<16xf32>
    %chunk = memref.alloc() : memref<16xf32>
    scf.for %i = %c0 to %c4 step %c1 {
      memref.copy %transformed, %chunk : memref<16xf32> to memref<16xf32>
      memref.copy %chunk, %x : memref<16xf32> to memref<16xf32>
    }
  } else {
    %single = memref.alloc() : memref<16xf32>
    memref.copy %x, %single : memref<16xf32> to memref<16xf32>
    memref.copy %single, %x : memref<16xf32> to memref<16xf32>
  }
  return
}

// -----

// Under a loop, an allocation is per iteration: not served.

// CHECK-LABEL: func.func @in_loop(
//   CHECK-NOT:   tconv.workspace_size
//       CHECK:   scf.for
//       CHECK:     memref.alloc
func.func @in_loop(%x: memref<4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %a = memref.alloc() : memref<4xf32>
    memref.copy %x, %a : memref<4xf32> to memref<4xf32>
    memref.dealloc %a : memref<4xf32>
  }
  return
}
