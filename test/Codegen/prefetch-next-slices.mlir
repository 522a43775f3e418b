// RUN: tconv-opt %s --tconv-prefetch-next-slices -split-input-file | FileCheck %s

// T1n1's shape: each of 8 parallel steps copies a block of 32 output channels
// of an 8 MiB filter (512 rows of 2 KiB, 32 lines each), then multiplies in
// 8 x 512 iterations: 16384 lines, 4 an iteration, from the next block.

// CHECK-LABEL: func.func @next_block
//  CHECK-SAME:   %[[FILTER:[a-z0-9]+]]: memref<512x256x4x4xf32>
//       CHECK:   scf.parallel (%[[B:.*]]) =
//       CHECK:     %[[NEXT:.*]] = arith.addi %[[B]], %{{.*}} : index
//       CHECK:     %[[C7:.*]] = arith.constant 7 : index
//       CHECK:     %[[CLAMPED:.*]] = arith.minsi %[[NEXT]], %[[C7]] : index
//       CHECK:     %[[OFFSET:.*]] = arith.muli %[[CLAMPED]], %{{.*}} : index
//       CHECK:     %[[SLICE:.*]] = memref.subview %[[FILTER]][0, %[[OFFSET]], 0, 0] [512, 32, 4, 4]
//       CHECK:     %[[LINES:.*]] = memref.collapse_shape %[[SLICE]] {{\[}}[0], [1, 2, 3]]
//  CHECK-SAME:       into memref<512x512xf32
//       CHECK:     scf.for %[[R:[a-z0-9]+]] =
//       CHECK:       scf.for %[[IC:[a-z0-9]+]] =
//   CHECK-DAG:         %[[C512:.*]] = arith.constant 512 : index
//   CHECK-DAG:         %[[C4:.*]] = arith.constant 4 : index
//   CHECK-DAG:         %[[C16380:.*]] = arith.constant 16380 : index
//   CHECK-DAG:         %[[C16:.*]] = arith.constant 16 : index
//   CHECK-DAG:         %[[ROW:.*]] = arith.muli %[[R]], %[[C512]] : index
//   CHECK-DAG:         %[[ID:.*]] = arith.addi %[[ROW]], %[[IC]] : index
//   CHECK-DAG:         %[[FIRST4:.*]] = arith.muli %[[ID]], %[[C4]] : index
//   CHECK-DAG:         %[[FIRST:.*]] = arith.minui %[[FIRST4]], %[[C16380]] : index
//   CHECK-DAG:         %[[RUNIDX:.*]] = arith.divui %[[FIRST]], %{{.*}} : index
//   CHECK-DAG:         %[[PART:.*]] = arith.remui %[[FIRST]], %{{.*}} : index
//   CHECK-DAG:         %[[WITHIN:.*]] = arith.muli %[[PART]], %[[C16]] : index
//       CHECK:         memref.prefetch %[[LINES]][%[[RUNIDX]], %[[WITHIN]]], read, locality<2>, data
//       CHECK:         memref.prefetch %[[LINES]][%[[RUNIDX]], %{{.*}}]
//       CHECK:         memref.prefetch %[[LINES]][%[[RUNIDX]], %{{.*}}]
//       CHECK:         %[[C48:.*]] = arith.constant 48 : index
//       CHECK:         %[[LAST:.*]] = arith.addi %[[WITHIN]], %[[C48]] : index
//       CHECK:         memref.prefetch %[[LINES]][%[[RUNIDX]], %[[LAST]]]
//   CHECK-NOT:         memref.prefetch
//       CHECK:         vector.fma
func.func @next_block(%filter: memref<512x256x4x4xf32>, %x: memref<512xf32>,
                      %out: memref<8x8x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %c512 = arith.constant 512 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  scf.parallel (%b) = (%c0) to (%c8) step (%c1) {
    %o = arith.muli %b, %c32 : index
    %w = memref.subview %filter[0, %o, 0, 0] [512, 32, 4, 4] [1, 1, 1, 1]
        : memref<512x256x4x4xf32>
          to memref<512x32x4x4xf32, strided<[4096, 16, 4, 1], offset: ?>>
    scf.for %r = %c0 to %c8 step %c1 {
      %acc = scf.for %ic = %c0 to %c512 step %c1 iter_args(%a = %zero)
          -> (vector<16xf32>) {
        %v = vector.load %w[%ic, %r, %c0, %c0]
            : memref<512x32x4x4xf32, strided<[4096, 16, 4, 1], offset: ?>>,
              vector<16xf32>
        %s = memref.load %x[%ic] : memref<512xf32>
        %sv = vector.broadcast %s : f32 to vector<16xf32>
        %n = vector.fma %v, %sv, %a : vector<16xf32>
        scf.yield %n : vector<16xf32>
      }
      vector.store %acc, %out[%b, %r, %c0] : memref<8x8x16xf32>, vector<16xf32>
    }
    scf.reduce
  }
  return
}

// -----

// A 1 MiB argument tends to stay in the caches: nothing to prefetch (the
// same loops with a larger argument would get 4 lines an iteration).

// CHECK-LABEL: func.func @small_argument
//   CHECK-NOT:   memref.prefetch
func.func @small_argument(%filter: memref<128x128x4x4xf32>, %x: memref<128xf32>,
                          %out: memref<4x8x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %c128 = arith.constant 128 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  scf.parallel (%b) = (%c0) to (%c4) step (%c1) {
    %o = arith.muli %b, %c32 : index
    %w = memref.subview %filter[0, %o, 0, 0] [128, 32, 4, 4] [1, 1, 1, 1]
        : memref<128x128x4x4xf32>
          to memref<128x32x4x4xf32, strided<[2048, 16, 4, 1], offset: ?>>
    scf.for %r = %c0 to %c8 step %c1 {
      %acc = scf.for %ic = %c0 to %c128 step %c1 iter_args(%a = %zero)
          -> (vector<16xf32>) {
        %v = vector.load %w[%ic, %r, %c0, %c0]
            : memref<128x32x4x4xf32, strided<[2048, 16, 4, 1], offset: ?>>,
              vector<16xf32>
        %s = memref.load %x[%ic] : memref<128xf32>
        %sv = vector.broadcast %s : f32 to vector<16xf32>
        %n = vector.fma %v, %sv, %a : vector<16xf32>
        scf.yield %n : vector<16xf32>
      }
      vector.store %acc, %out[%b, %r, %c0] : memref<4x8x16xf32>, vector<16xf32>
    }
    scf.reduce
  }
  return
}

// -----

// Every step reads the same slice: no next one to fetch.

// CHECK-LABEL: func.func @same_slice
//   CHECK-NOT:   memref.prefetch
func.func @same_slice(%filter: memref<512x256x4x4xf32>, %x: memref<512xf32>,
                      %out: memref<8x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c512 = arith.constant 512 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  scf.parallel (%b) = (%c0) to (%c8) step (%c1) {
    %w = memref.subview %filter[0, 0, 0, 0] [512, 32, 4, 4] [1, 1, 1, 1]
        : memref<512x256x4x4xf32>
          to memref<512x32x4x4xf32, strided<[4096, 16, 4, 1]>>
    %acc = scf.for %ic = %c0 to %c512 step %c1 iter_args(%a = %zero)
        -> (vector<16xf32>) {
      %v = vector.load %w[%ic, %b, %c0, %c0]
          : memref<512x32x4x4xf32, strided<[4096, 16, 4, 1]>>, vector<16xf32>
      %s = memref.load %x[%ic] : memref<512xf32>
      %sv = vector.broadcast %s : f32 to vector<16xf32>
      %n = vector.fma %v, %sv, %a : vector<16xf32>
      scf.yield %n : vector<16xf32>
    }
    vector.store %acc, %out[%b, %c0] : memref<8x16xf32>, vector<16xf32>
    scf.reduce
  }
  return
}

// -----

// A step that copies its slice and multiplies nothing has nothing to hide
// the next one behind.

// CHECK-LABEL: func.func @no_products
//   CHECK-NOT:   memref.prefetch
func.func @no_products(%filter: memref<512x256x4x4xf32>,
                       %out: memref<8x512x32x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %c512 = arith.constant 512 : index
  scf.parallel (%b) = (%c0) to (%c8) step (%c1) {
    %o = arith.muli %b, %c32 : index
    %w = memref.subview %filter[0, %o, 0, 0] [512, 32, 4, 4] [1, 1, 1, 1]
        : memref<512x256x4x4xf32>
          to memref<512x32x4x4xf32, strided<[4096, 16, 4, 1], offset: ?>>
    scf.for %ic = %c0 to %c512 step %c1 {
      scf.for %oc = %c0 to %c32 step %c1 {
        %v = vector.load %w[%ic, %oc, %c0, %c0]
            : memref<512x32x4x4xf32, strided<[4096, 16, 4, 1], offset: ?>>,
              vector<16xf32>
        vector.store %v, %out[%b, %ic, %oc, %c0]
            : memref<8x512x32x16xf32>, vector<16xf32>
      }
    }
    scf.reduce
  }
  return
}

// -----

// Products too short to hide the next slice behind (16384 lines over 8
// iterations): no prefetch.

// CHECK-LABEL: func.func @short_products
//   CHECK-NOT:   memref.prefetch
func.func @short_products(%filter: memref<512x256x4x4xf32>, %x: memref<8xf32>,
                          %out: memref<8x16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant dense<0.0> : vector<16xf32>
  scf.parallel (%b) = (%c0) to (%c8) step (%c1) {
    %o = arith.muli %b, %c32 : index
    %w = memref.subview %filter[0, %o, 0, 0] [512, 32, 4, 4] [1, 1, 1, 1]
        : memref<512x256x4x4xf32>
          to memref<512x32x4x4xf32, strided<[4096, 16, 4, 1], offset: ?>>
    %acc = scf.for %i = %c0 to %c8 step %c1 iter_args(%a = %zero)
        -> (vector<16xf32>) {
      %v = vector.load %w[%i, %c0, %c0, %c0]
          : memref<512x32x4x4xf32, strided<[4096, 16, 4, 1], offset: ?>>,
            vector<16xf32>
      %s = memref.load %x[%i] : memref<8xf32>
      %sv = vector.broadcast %s : f32 to vector<16xf32>
      %n = vector.fma %v, %sv, %a : vector<16xf32>
      scf.yield %n : vector<16xf32>
    }
    vector.store %acc, %out[%b, %c0] : memref<8x16xf32>, vector<16xf32>
    scf.reduce
  }
  return
}
