// RUN: tconv-opt %s -split-input-file --tconv-streaming-result-stores=min-bytes=65536 | FileCheck %s

// Whole 64-byte lines stored at multiples of 16 floats along rows of 64
// floats into a 64 KiB result: non-temporal under a run-time check that the
// caller's buffer starts on a line, the plain store otherwise; an sfence
// before the return.
// CHECK-LABEL: func.func @aligned_rows(
// CHECK-SAME:      %[[OUT:[^:]+]]: memref<256x64xf32>, %[[V:[^:]+]]: vector<16xf32>)
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C4:.+]] = arith.constant 4 : index
// CHECK-DAG:     %[[C64:.+]] = arith.constant 64 : index
// CHECK:         %{{[^,]+}}, %[[OFFSET:[^,]+]], %{{.+}} = memref.extract_strided_metadata %[[OUT]]
// CHECK:         %[[P:.+]] = memref.extract_aligned_pointer_as_index %[[OUT]] : memref<256x64xf32> -> index
// CHECK:         %[[OFFSET_BYTES:.+]] = arith.muli %[[OFFSET]], %[[C4]] : index
// CHECK:         %[[FIRST:.+]] = arith.addi %[[P]], %[[OFFSET_BYTES]] : index
// CHECK:         %[[R:.+]] = arith.remui %[[FIRST]], %[[C64]] : index
// CHECK:         %[[ALIGNED:.+]] = arith.cmpi eq, %[[R]], %[[C0]] : index
// CHECK:         scf.for %[[I:.+]] =
// CHECK:           scf.for %[[J:.+]] =
// CHECK:             scf.if %[[ALIGNED]] {
// CHECK:               vector.store %[[V]], %[[OUT]][%[[I]], %[[J]]] {alignment = 64 : i64, nontemporal = true} : memref<256x64xf32>, vector<16xf32>
// CHECK:             } else {
// CHECK:               vector.transfer_write %[[V]], %[[OUT]][%[[I]], %[[J]]] {in_bounds = [true]} : vector<16xf32>, memref<256x64xf32>
// CHECK:             }
// CHECK:         llvm.call_intrinsic "llvm.x86.sse.sfence"() : () -> ()
// CHECK-NEXT:    return
func.func @aligned_rows(%out: memref<256x64xf32>, %v: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %c256 = arith.constant 256 : index
  scf.for %i = %c0 to %c256 step %c1 {
    scf.for %j = %c0 to %c64 step %c16 {
      vector.transfer_write %v, %out[%i, %j] {in_bounds = [true]} : vector<16xf32>, memref<256x64xf32>
    }
  }
  return
}

// -----

// Not a whole line at a multiple of one: an index stepping by 8 floats,
// rows of 56 floats (224 bytes), 8-float vectors, a result under min-bytes,
// rows 128 floats apart (a column block of a wider buffer): plain stores,
// no fence.
// CHECK-LABEL: func.func @unaligned(
// CHECK-NOT:     nontemporal
// CHECK-NOT:     sfence
// CHECK:         return
func.func @unaligned(%out: memref<256x64xf32>, %rows56: memref<512x56xf32>, %small: memref<16x64xf32>, %block: memref<256x64xf32, strided<[128, 1]>>, %v: vector<16xf32>, %h: vector<8xf32>) {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c48 = arith.constant 48 : index
  scf.for %j = %c0 to %c48 step %c8 {
    vector.transfer_write %v, %out[%c0, %j] {in_bounds = [true]} : vector<16xf32>, memref<256x64xf32>
  }
  vector.transfer_write %v, %rows56[%c0, %c16] {in_bounds = [true]} : vector<16xf32>, memref<512x56xf32>
  vector.transfer_write %h, %out[%c0, %c16] {in_bounds = [true]} : vector<8xf32>, memref<256x64xf32>
  vector.transfer_write %v, %small[%c0, %c16] {in_bounds = [true]} : vector<16xf32>, memref<16x64xf32>
  vector.transfer_write %v, %block[%c0, %c16] {in_bounds = [true]} : vector<16xf32>, memref<256x64xf32, strided<[128, 1]>>
  return
}

// -----

// Whole rows of two lines written through a per-tile window of the result
// (a pair of phases' interleaved rows: every other row, contiguous along
// it), at a column that an affine.apply makes a multiple of 32 floats:
// streamed through the window, the check on the result itself. A window at
// a column of 8 (an affine multiple of 8 only) keeps its plain store.
// CHECK-LABEL: func.func @window_rows(
// CHECK-SAME:      %[[OUT:[^:]+]]: memref<1x4x64x64xf32>, %[[V:[^:]+]]: vector<32xf32>)
// CHECK:         memref.extract_aligned_pointer_as_index %[[OUT]]
// CHECK:         scf.for %[[W:.+]] =
// CHECK:           %[[COL:.+]] = affine.apply #{{.+}}(%[[W]])
// CHECK:           %[[WIN:.+]] = memref.subview %[[OUT]][0, 0, 1, %[[COL]]] [1, 4, 2, 32] [1, 1, 2, 1]
// CHECK:           scf.if
// CHECK:             vector.store %[[V]], %[[WIN]][{{.+}}] {alignment = 64 : i64, nontemporal = true}
// CHECK:           %[[COL8:.+]] = affine.apply #{{.+}}(%[[W]])
// CHECK:           %[[WIN8:.+]] = memref.subview %[[OUT]][0, 0, 1, %[[COL8]]]
// CHECK-NOT:       nontemporal
// CHECK:           vector.transfer_write %[[V]], %[[WIN8]]
// CHECK:         llvm.call_intrinsic "llvm.x86.sse.sfence"
func.func @window_rows(%out: memref<1x4x64x64xf32>, %v: vector<32xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  scf.for %w = %c0 to %c2 step %c1 {
    %col = affine.apply affine_map<(d0) -> (d0 * 32)>(%w)
    %win = memref.subview %out[0, 0, 1, %col] [1, 4, 2, 32] [1, 1, 2, 1] : memref<1x4x64x64xf32> to memref<1x4x2x32xf32, strided<[16384, 4096, 128, 1], offset: ?>>
    vector.transfer_write %v, %win[%c0, %c1, %c1, %c0] {in_bounds = [true]} : vector<32xf32>, memref<1x4x2x32xf32, strided<[16384, 4096, 128, 1], offset: ?>>
    %col8 = affine.apply affine_map<(d0) -> (d0 * 8)>(%w)
    %win8 = memref.subview %out[0, 0, 1, %col8] [1, 4, 2, 32] [1, 1, 2, 1] : memref<1x4x64x64xf32> to memref<1x4x2x32xf32, strided<[16384, 4096, 128, 1], offset: ?>>
    vector.transfer_write %v, %win8[%c0, %c1, %c1, %c0] {in_bounds = [true]} : vector<32xf32>, memref<1x4x2x32xf32, strided<[16384, 4096, 128, 1], offset: ?>>
  }
  return
}

// -----

// A result the call reads back (a tile's accumulators start from zeros
// filled into the result's window, then are stored over them): its lines
// would come back from memory, so nothing is streamed.
// CHECK-LABEL: func.func @read_back(
//   CHECK-NOT:   nontemporal
//   CHECK-NOT:   llvm.x86.sse.sfence
//       CHECK:   return
func.func @read_back(%out: memref<1x32x32x128xf32>, %v: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %c128 = arith.constant 128 : index
  %pad = arith.constant 0.0 : f32
  %win = memref.subview %out[0, 0, 1, 0] [1, 16, 16, 128] [1, 2, 2, 1] : memref<1x32x32x128xf32> to memref<1x16x16x128xf32, strided<[131072, 8192, 256, 1], offset: 128>>
  scf.for %c = %c0 to %c128 step %c16 {
    vector.transfer_write %v, %win[%c0, %c1, %c1, %c] {in_bounds = [true]} : vector<16xf32>, memref<1x16x16x128xf32, strided<[131072, 8192, 256, 1], offset: 128>>
    %acc = vector.transfer_read %win[%c0, %c1, %c1, %c], %pad {in_bounds = [true]} : memref<1x16x16x128xf32, strided<[131072, 8192, 256, 1], offset: 128>>, vector<16xf32>
    %sum = arith.addf %acc, %v : vector<16xf32>
    vector.transfer_write %sum, %win[%c0, %c1, %c1, %c] {in_bounds = [true]} : vector<16xf32>, memref<1x16x16x128xf32, strided<[131072, 8192, 256, 1], offset: 128>>
  }
  return
}

// -----

// The image function of a batch loop writes an image of the entry point's
// result, a row-major view at an offset into it: streamed, the offset
// counted in the check. Other private functions are left alone.
// CHECK-LABEL: func.func private @image(
// CHECK-SAME:      %[[OUT:[^:]+]]: memref<1x256x64xf32, strided<[16384, 64, 1], offset: ?>>
// CHECK:         %{{[^,]+}}, %[[OFFSET:[^,]+]], %{{.+}} = memref.extract_strided_metadata %[[OUT]]
// CHECK:         arith.muli %[[OFFSET]]
// CHECK:         vector.store {{.+}} {alignment = 64 : i64, nontemporal = true}
// CHECK:         llvm.call_intrinsic "llvm.x86.sse.sfence"
// CHECK-LABEL: func.func private @private(
// CHECK-NOT:     nontemporal
// CHECK-NOT:     sfence
func.func private @image(%out: memref<1x256x64xf32, strided<[16384, 64, 1], offset: ?>>, %v: vector<16xf32>) attributes {tconv.batch_image} {
  %c0 = arith.constant 0 : index
  vector.transfer_write %v, %out[%c0, %c0, %c0] {in_bounds = [true]} : vector<16xf32>, memref<1x256x64xf32, strided<[16384, 64, 1], offset: ?>>
  return
}
func.func private @private(%out: memref<256x64xf32>, %v: vector<16xf32>) {
  %c0 = arith.constant 0 : index
  vector.transfer_write %v, %out[%c0, %c0] {in_bounds = [true]} : vector<16xf32>, memref<256x64xf32>
  return
}
