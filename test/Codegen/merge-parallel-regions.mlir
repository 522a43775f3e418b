// RUN: tconv-opt %s --tconv-merge-parallel-regions -split-input-file | FileCheck %s

// Two phases write the even and odd columns of one buffer: one team, no
// barrier between them; the view of the second moves above.

// CHECK-LABEL: func.func @interleaved_phases(
//  CHECK-SAME:     %[[OUT:.*]]: memref<8x8xf32>
//   CHECK-DAG:   %[[EVEN:.*]] = memref.subview %[[OUT]][0, 0] [8, 4] [1, 2]
//   CHECK-DAG:   %[[ODD:.*]] = memref.subview %[[OUT]][0, 1] [8, 4] [1, 2]
//       CHECK:   omp.parallel {
//  CHECK-NEXT:     omp.wsloop nowait {
//       CHECK:         memref.store %{{.*}}, %[[EVEN]]
//       CHECK:     omp.wsloop nowait {
//       CHECK:         memref.store %{{.*}}, %[[ODD]]
//       CHECK:     omp.terminator
//   CHECK-NOT:   omp.parallel
func.func @interleaved_phases(%out: memref<8x8xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %even = memref.subview %out[0, 0] [8, 4] [1, 2] : memref<8x8xf32> to memref<8x4xf32, strided<[8, 2]>>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i, %j) : index = (%c0, %c0) to (%c8, %c4) step (%c1, %c1) collapse(2) {
        memref.store %x, %even[%i, %j] : memref<8x4xf32, strided<[8, 2]>>
        omp.yield
      }
    }
    omp.terminator
  }
  %odd = memref.subview %out[0, 1] [8, 4] [1, 2] : memref<8x8xf32> to memref<8x4xf32, strided<[8, 2], offset: 1>>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i, %j) : index = (%c0, %c0) to (%c8, %c4) step (%c1, %c1) collapse(2) {
        memref.store %x, %odd[%i, %j] : memref<8x4xf32, strided<[8, 2], offset: 1>>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// The last loop reads what the first wrote (a workspace view at the same
// bytes): a barrier stays between them. A serial border fill between
// them, on other bytes of the workspace, runs in a single right after the
// first loop, without waiting for it; the barrier follows the single.

// CHECK-LABEL: func.func @producer_consumer(
//       CHECK:   %[[A:.*]] = memref.view %{{.*}}[%{{.*}}][] : memref<1024xi8> to memref<64xf32>
//       CHECK:   %[[B:.*]] = memref.view %{{.*}}[%{{.*}}][] : memref<1024xi8> to memref<64xf32>
//       CHECK:   omp.parallel {
//  CHECK-NEXT:     omp.wsloop nowait {
//       CHECK:         memref.store %{{.*}}, %[[A]]
//       CHECK:     omp.single {
//  CHECK-NEXT:       scf.for
//       CHECK:         memref.store %{{.*}}, %[[B]]
//       CHECK:     omp.wsloop nowait {
//       CHECK:         memref.load %[[A]]
//       CHECK:     omp.terminator
//   CHECK-NOT:   omp.parallel
func.func @producer_consumer(%ws: memref<1024xi8>, %out: memref<64xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %c256 = arith.constant 256 : index
  %a = memref.view %ws[%c0][] : memref<1024xi8> to memref<64xf32>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        memref.store %x, %a[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  %b = memref.view %ws[%c256][] : memref<1024xi8> to memref<64xf32>
  scf.for %i = %c0 to %c64 step %c1 {
    memref.store %x, %b[%i] : memref<64xf32>
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        %v = memref.load %a[%i] : memref<64xf32>
        memref.store %v, %out[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// Overlapping rows of one buffer written through dynamic tiles: the tiles
// reach no more than their static view, whose bytes overlap the other
// loop's. The barrier stays.

// CHECK-LABEL: func.func @overlapping_views(
//       CHECK:   omp.parallel {
//  CHECK-NEXT:     omp.wsloop {
//       CHECK:     omp.wsloop nowait {
//   CHECK-NOT:   omp.parallel
func.func @overlapping_views(%out: memref<8x8xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %top = memref.subview %out[0, 0] [5, 8] [1, 1] : memref<8x8xf32> to memref<5x8xf32, strided<[8, 1]>>
  %bottom = memref.subview %out[4, 0] [4, 8] [1, 1] : memref<8x8xf32> to memref<4x8xf32, strided<[8, 1], offset: 32>>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c4) step (%c1) {
        %row = memref.subview %top[%i, 0] [1, 8] [1, 1] : memref<5x8xf32, strided<[8, 1]>> to memref<8xf32, strided<[1], offset: ?>>
        memref.store %x, %row[%c0] : memref<8xf32, strided<[1], offset: ?>>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c4) step (%c1) {
        memref.store %x, %bottom[%i, %c0] : memref<4x8xf32, strided<[8, 1], offset: 32>>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// A call between two regions has effects on no known buffer (a profiling
// timer): the regions stay apart.

// CHECK-LABEL: func.func @call_between(
//       CHECK:   omp.parallel {
//       CHECK:   call @timer()
//       CHECK:   omp.parallel {
//   CHECK-NOT:   nowait
func.func private @timer()
func.func @call_between(%a: memref<64xf32>, %b: memref<64xf32>, %x: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        memref.store %x, %a[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  func.call @timer() : () -> ()
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        memref.store %x, %b[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// Arguments of a private function may alias: the write to %b may be the
// bytes read from %a. Those of a public one are distinct buffers.

// CHECK-LABEL: func.func private @private_arguments(
//       CHECK:   omp.parallel {
//  CHECK-NEXT:     omp.wsloop {
//       CHECK:     omp.wsloop nowait {
// CHECK-LABEL: func.func @public_arguments(
//       CHECK:   omp.parallel {
//  CHECK-NEXT:     omp.wsloop nowait {
//       CHECK:     omp.wsloop nowait {
func.func private @private_arguments(%a: memref<64xf32>, %b: memref<64xf32>, %c: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        %v = memref.load %a[%i] : memref<64xf32>
        memref.store %v, %c[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        %v = memref.load %a[%i] : memref<64xf32>
        memref.store %v, %b[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}
func.func @public_arguments(%a: memref<64xf32>, %b: memref<64xf32>, %c: memref<64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        %v = memref.load %a[%i] : memref<64xf32>
        memref.store %v, %c[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c64) step (%c1) {
        %v = memref.load %a[%i] : memref<64xf32>
        memref.store %v, %b[%i] : memref<64xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}

// -----

// A padded buffer: the interior loop and the border fills write one view
// at indices whose ranges (loop bounds, offsets) do not meet; the filter
// packing reads an argument and writes other bytes. No barrier until the
// convolution, which reads the padded buffer.

// CHECK-LABEL: func.func @pad_borders(
//       CHECK:   omp.parallel {
//  CHECK-NEXT:     omp.wsloop nowait {
//       CHECK:     omp.single nowait {
//       CHECK:     omp.single nowait {
//       CHECK:     omp.wsloop {
//       CHECK:     omp.wsloop nowait {
//       CHECK:     omp.terminator
//   CHECK-NOT:   omp.parallel
func.func @pad_borders(%in: memref<6x6xf32>, %filter: memref<8xf32>, %out: memref<6x6xf32>, %ws: memref<4096xi8>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c7 = arith.constant 7 : index
  %c8 = arith.constant 8 : index
  %c256 = arith.constant 256 : index
  %zero = arith.constant 0.0 : f32
  %padded = memref.view %ws[%c0][] : memref<4096xi8> to memref<8x8xf32>
  %packed = memref.view %ws[%c256][] : memref<4096xi8> to memref<8xf32>
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i, %j) : index = (%c0, %c0) to (%c6, %c6) step (%c1, %c1) collapse(2) {
        %v = memref.load %in[%i, %j] : memref<6x6xf32>
        %i1 = arith.addi %i, %c1 : index
        %j1 = arith.addi %j, %c1 : index
        memref.store %v, %padded[%i1, %j1] : memref<8x8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  scf.for %j = %c0 to %c8 step %c1 {
    memref.store %zero, %padded[%c0, %j] : memref<8x8xf32>
  }
  scf.for %j = %c0 to %c8 step %c1 {
    memref.store %zero, %padded[%c7, %j] : memref<8x8xf32>
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
        %v = memref.load %filter[%i] : memref<8xf32>
        memref.store %v, %packed[%i] : memref<8xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  omp.parallel {
    omp.wsloop {
      omp.loop_nest (%i, %j) : index = (%c0, %c0) to (%c6, %c6) step (%c1, %c1) collapse(2) {
        %a = memref.load %padded[%i, %j] : memref<8x8xf32>
        %w = memref.load %packed[%j] : memref<8xf32>
        %p = arith.mulf %a, %w : f32
        memref.store %p, %out[%i, %j] : memref<6x6xf32>
        omp.yield
      }
    }
    omp.terminator
  }
  return
}
