// RUN: tconv-opt %s --tconv-vectorize-layout-changes --canonicalize --cse -split-input-file | FileCheck %s
// RUN: tconv-opt %s --tconv-vectorize-layout-changes=tile=16 --canonicalize --cse -split-input-file | FileCheck %s --check-prefix=CHECK16

// NCHW -> NHWC with an f16 -> f32 extension fused: 8 (w) x 8 (c) blocks are
// read contiguously along w, transposed with a shuffle, extended, and
// written contiguously along c. 16-bit floats are shuffled as i16 (LLVM 22
// cannot select some bf16 shuffles).

// CHECK-LABEL: func.func @to_nhwc(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x16x2x8xf16>
//       CHECK:   scf.forall (%[[H:.*]], %[[C:.*]]) = (0, 0) to (2, 16) step (1, 8)
//       CHECK:     tensor.extract_slice %[[X]][0, %[[C]], %[[H]], 0] [1, 8, 1, 8] [1, 1, 1, 1]
//       CHECK:     %[[R:.*]] = vector.transfer_read %{{.*}}[%{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true, true]} : tensor<8x8xf16>, vector<8x8xf16>
//       CHECK:     %[[BITS:.*]] = vector.bitcast %[[R]] : vector<8x8xf16> to vector<8x8xi16>
//       CHECK:     %[[FLAT:.*]] = vector.shape_cast %[[BITS]] : vector<8x8xi16> to vector<64xi16>
//       CHECK:     %[[T:.*]] = vector.shuffle %[[FLAT]], %[[FLAT]] [0, 8, 16, 24, 32, 40, 48, 56, 1, 9,
//       CHECK:     %[[MOVED:.*]] = vector.shape_cast %[[T]] : vector<64xi16> to vector<8x8xi16>
//       CHECK:     %[[BLOCK:.*]] = vector.bitcast %[[MOVED]] : vector<8x8xi16> to vector<8x8xf16>
//       CHECK:     %[[E:.*]] = arith.extf %[[BLOCK]] : vector<8x8xf16> to vector<8x8xf32>
//       CHECK:     vector.transfer_write %[[E]], %{{.*}}[%{{.*}}, %{{.*}}] {in_bounds = [true, true]} : vector<8x8xf32>, tensor<8x8xf32>
//   CHECK-NOT:   linalg.generic
func.func @to_nhwc(%x: tensor<1x16x2x8xf16>) -> tensor<1x2x8x16xf32> {
  %e = tensor.empty() : tensor<1x2x8x16xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x16x2x8xf16>) outs(%e : tensor<1x2x8x16xf32>) {
  ^bb0(%in: f16, %out: f32):
    %f = arith.extf %in : f16 to f32
    linalg.yield %f : f32
  } -> tensor<1x2x8x16xf32>
  return %t : tensor<1x2x8x16xf32>
}

// -----

// 9 = 8 + 1: the 8x8 part is vectorized, the one-wide remainder stays a loop.

// CHECK-LABEL: func.func @remainder
//       CHECK:   vector.transfer_read {{.*}} : tensor<8x8xf32>, vector<8x8xf32>
//       CHECK:   vector.shuffle
//       CHECK:   vector.transfer_write {{.*}} : vector<8x8xf32>, tensor<8x8xf32>
//       CHECK:   linalg.generic
//  CHECK-SAME:     ins(%{{.*}} : tensor<1x8x1xf32>) outs(%{{.*}} : tensor<1x1x8xf32>)
func.func @remainder(%x: tensor<1x8x9xf32>) -> tensor<1x9x8xf32> {
  %e = tensor.empty() : tensor<1x9x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, w, c) -> (n, c, w)>, affine_map<(n, w, c) -> (n, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x9xf32>) outs(%e : tensor<1x9x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x9x8xf32>
  return %t : tensor<1x9x8xf32>
}

// -----

// A broadcast is not a transpose: left alone.

// CHECK-LABEL: func.func @broadcast
//   CHECK-NOT:   vector.
//       CHECK:   linalg.generic
func.func @broadcast(%b: tensor<16xf32>) -> tensor<1x2x8x16xf32> {
  %e = tensor.empty() : tensor<1x2x8x16xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (c)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%b : tensor<16xf32>) outs(%e : tensor<1x2x8x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x2x8x16xf32>
  return %t : tensor<1x2x8x16xf32>
}

// -----

// A plain linalg.transpose (what tosa.transpose lowers to) is a layout
// change too: the same 8x8 shuffled blocks, nothing left as loops.

// CHECK-LABEL: func.func @named_transpose(
//  CHECK-SAME:     %[[X:.*]]: tensor<16x8xf32>
//       CHECK:   scf.forall (%[[J:.*]]) = (0) to (16) step (8)
//       CHECK:     tensor.extract_slice %[[X]][%[[J]], 0] [8, 8] [1, 1]
//       CHECK:     vector.transfer_read {{.*}} : tensor<8x8xf32>, vector<8x8xf32>
//       CHECK:     vector.shuffle
//       CHECK:     vector.transfer_write %{{.*}} {in_bounds = [true, true]} : vector<8x8xf32>, tensor<8x8xf32>
//   CHECK-NOT:   linalg.transpose
//   CHECK-NOT:   linalg.generic
func.func @named_transpose(%x: tensor<16x8xf32>) -> tensor<8x16xf32> {
  %e = tensor.empty() : tensor<8x16xf32>
  %t = linalg.transpose ins(%x : tensor<16x8xf32>) outs(%e : tensor<8x16xf32>) permutation = [1, 0]
  return %t : tensor<8x16xf32>
}

// -----

// tile=16 (what --tconv-lower-to-llvm uses with AVX-512): 24 = 16 + 8. The
// 16x16 block is transposed by the unpack / 128-bit-lane network on 16-lane
// rows (4 stages of 16 two-input shuffles), not by one 256-lane shuffle; the
// 16x8 remainder block keeps the single shuffle.

// CHECK16-LABEL: func.func @avx512_blocks(
//  CHECK16-SAME:     %[[X:.*]]: tensor<16x24xf32>
//       CHECK16:   %[[WHOLE:.*]] = tensor.extract_slice %[[X]][0, 0] [16, 16] [1, 1]
//       CHECK16:   vector.transfer_read %[[WHOLE]]{{.*}} : tensor<16x16xf32>, vector<16x16xf32>
// CHECK16-COUNT-64:  vector.shuffle %{{.*}}, %{{.*}} [{{.*}}] : vector<16xf32>, vector<16xf32>
//   CHECK16-NOT:   vector.shuffle
//       CHECK16:   vector.transfer_write {{.*}} : vector<16x16xf32>, tensor<16x16xf32>
//       CHECK16:   %[[REST:.*]] = tensor.extract_slice %[[X]][0, 16] [16, 8] [1, 1]
//       CHECK16:   vector.transfer_read %[[REST]]{{.*}} : tensor<16x8xf32>, vector<16x8xf32>
//       CHECK16:   vector.shuffle %{{.*}}, %{{.*}} [0, 8, 16, 24,
//  CHECK16-SAME:     : vector<128xf32>, vector<128xf32>
//       CHECK16:   vector.transfer_write {{.*}} : vector<8x16xf32>, tensor<8x16xf32>
func.func @avx512_blocks(%x: tensor<16x24xf32>) -> tensor<24x16xf32> {
  %e = tensor.empty() : tensor<24x16xf32>
  %t = linalg.transpose ins(%x : tensor<16x24xf32>) outs(%e : tensor<24x16xf32>) permutation = [1, 0]
  return %t : tensor<24x16xf32>
}

// -----

// 6 = 4 + 2: blocks are powers of two wide (LLVM's x86 backend lost a lane
// of a 4x6 f64 block on AVX-512).

// CHECK-LABEL: func.func @power_of_two_blocks
//   CHECK-DAG:   vector.transfer_read {{.*}} : tensor<4x4xf64>, vector<4x4xf64>
//   CHECK-DAG:   vector.transfer_read {{.*}} : tensor<4x2xf64>, vector<4x2xf64>
//   CHECK-NOT:   vector<4x6xf64>
func.func @power_of_two_blocks(%x: tensor<1x4x6xf64>) -> tensor<1x6x4xf64> {
  %e = tensor.empty() : tensor<1x6x4xf64>
  %t = linalg.generic {indexing_maps = [affine_map<(n, w, c) -> (n, c, w)>, affine_map<(n, w, c) -> (n, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x4x6xf64>) outs(%e : tensor<1x6x4xf64>) {
  ^bb0(%in: f64, %out: f64):
    linalg.yield %in : f64
  } -> tensor<1x6x4xf64>
  return %t : tensor<1x6x4xf64>
}

// -----

// A filter's taps move together (kh, kw are adjacent and in the same order in
// both layouts), and so do its (c, f) when only the taps move: each pair
// merges into one loop, and the blocks span 16 taps (16x16 blocks instead of
// 4x16 ones) read from the collapsed filter. Not for returned results (an
// expand_shape is not built in the caller's buffer): this one feeds a slice.

// CHECK16-LABEL: func.func @merged_taps(
//  CHECK16-SAME:     %[[W:.*]]: tensor<8x32x4x4xf32>
//       CHECK16:   %[[FLAT:.*]] = tensor.collapse_shape %[[W]] {{\[}}[0, 1], [2, 3]] : tensor<8x32x4x4xf32> into tensor<256x16xf32>
//       CHECK16:   scf.forall (%[[CF:.*]]) = (0) to (256) step (16)
//       CHECK16:     tensor.extract_slice %[[FLAT]][%[[CF]], 0] [16, 16] [1, 1]
//       CHECK16:     vector.transfer_read {{.*}} : tensor<16x16xf32>, vector<16x16xf32>
//       CHECK16:     vector.transfer_write {{.*}} : vector<16x16xf32>, tensor<16x16xf32>
//       CHECK16:   tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2, 3]] output_shape [4, 4, 8, 32] : tensor<16x256xf32> into tensor<4x4x8x32xf32>
func.func @merged_taps(%w: tensor<8x32x4x4xf32>) -> tensor<1x1x8x32xf32> {
  %e = tensor.empty() : tensor<4x4x8x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(kh, kw, c, f) -> (c, f, kh, kw)>, affine_map<(kh, kw, c, f) -> (kh, kw, c, f)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<8x32x4x4xf32>) outs(%e : tensor<4x4x8x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x8x32xf32>
  %s = tensor.extract_slice %t[1, 2, 0, 0] [1, 1, 8, 32] [1, 1, 1, 1] : tensor<4x4x8x32xf32> to tensor<1x1x8x32xf32>
  return %s : tensor<1x1x8x32xf32>
}

// -----

// A chunk of a filter's output channels (a slice that keeps every tap): its
// taps still merge into a run of 16 (a view of the slice), its (c, f) do not
// (f is cut short: c steps over the channels left out).

// CHECK16-LABEL: func.func @chunk_taps(
//  CHECK16-SAME:     %[[W:.*]]: tensor<8x64x4x4xf32>, %[[I:.*]]: index
//       CHECK16:   %[[CHUNK:.*]] = tensor.extract_slice %[[W]][0, %[[I]], 0, 0] [8, 32, 4, 4] [1, 1, 1, 1]
//       CHECK16:   %[[TAPS:.*]] = tensor.collapse_shape %[[CHUNK]] {{\[}}[0], [1], [2, 3]] : tensor<8x32x4x4xf32> into tensor<8x32x16xf32>
//       CHECK16:   scf.forall (%[[C:.*]]) in (8)
//       CHECK16:     tensor.extract_slice %[[TAPS]][%[[C]], 0, 0] [1, 32, 16] [1, 1, 1]
//       CHECK16:     vector.transfer_read {{.*}} : tensor<16x16xf32>, vector<16x16xf32>
func.func @chunk_taps(%w: tensor<8x64x4x4xf32>, %i: index) -> tensor<1x1x8x32xf32> {
  %c = tensor.extract_slice %w[0, %i, 0, 0] [8, 32, 4, 4] [1, 1, 1, 1] : tensor<8x64x4x4xf32> to tensor<8x32x4x4xf32>
  %e = tensor.empty() : tensor<4x4x8x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(kh, kw, c, f) -> (c, f, kh, kw)>, affine_map<(kh, kw, c, f) -> (kh, kw, c, f)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<8x32x4x4xf32>) outs(%e : tensor<4x4x8x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x8x32xf32>
  %s = tensor.extract_slice %t[1, 2, 0, 0] [1, 1, 8, 32] [1, 1, 1, 1] : tensor<4x4x8x32xf32> to tensor<1x1x8x32xf32>
  return %s : tensor<1x1x8x32xf32>
}

// The same chunk of an entry point that tconv-compile built: its filter is
// the tensor of a memref argument, whole and contiguous as an argument
// tensor is, so the taps merge alike. A strided memref's do not.

// CHECK16-LABEL: func.func @chunk_taps_of_memref(
//  CHECK16-SAME:     %[[M:.*]]: memref<8x64x4x4xf32>, %[[I:.*]]: index
//       CHECK16:   %[[W:.*]] = bufferization.to_tensor %[[M]] restrict
//       CHECK16:   %[[CHUNK:.*]] = tensor.extract_slice %[[W]][0, %[[I]], 0, 0] [8, 32, 4, 4] [1, 1, 1, 1]
//       CHECK16:   tensor.collapse_shape %[[CHUNK]] {{\[}}[0], [1], [2, 3]] : tensor<8x32x4x4xf32> into tensor<8x32x16xf32>
//       CHECK16:   vector.transfer_read {{.*}} : tensor<16x16xf32>, vector<16x16xf32>
func.func @chunk_taps_of_memref(%m: memref<8x64x4x4xf32>, %i: index) -> tensor<1x1x8x32xf32> {
  %w = bufferization.to_tensor %m restrict : memref<8x64x4x4xf32> to tensor<8x64x4x4xf32>
  %c = tensor.extract_slice %w[0, %i, 0, 0] [8, 32, 4, 4] [1, 1, 1, 1] : tensor<8x64x4x4xf32> to tensor<8x32x4x4xf32>
  %e = tensor.empty() : tensor<4x4x8x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(kh, kw, c, f) -> (c, f, kh, kw)>, affine_map<(kh, kw, c, f) -> (kh, kw, c, f)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<8x32x4x4xf32>) outs(%e : tensor<4x4x8x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x8x32xf32>
  %s = tensor.extract_slice %t[1, 2, 0, 0] [1, 1, 8, 32] [1, 1, 1, 1] : tensor<4x4x8x32xf32> to tensor<1x1x8x32xf32>
  return %s : tensor<1x1x8x32xf32>
}

// CHECK16-LABEL: func.func @chunk_taps_of_strided_memref(
//   CHECK16-NOT:   tensor.collapse_shape
//       CHECK16:   return
func.func @chunk_taps_of_strided_memref(%m: memref<8x64x4x4xf32, strided<[2048, 32, 8, 1]>>, %i: index) -> tensor<1x1x8x32xf32> {
  %w = bufferization.to_tensor %m restrict : memref<8x64x4x4xf32, strided<[2048, 32, 8, 1]>> to tensor<8x64x4x4xf32>
  %c = tensor.extract_slice %w[0, %i, 0, 0] [8, 32, 4, 4] [1, 1, 1, 1] : tensor<8x64x4x4xf32> to tensor<8x32x4x4xf32>
  %e = tensor.empty() : tensor<4x4x8x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(kh, kw, c, f) -> (c, f, kh, kw)>, affine_map<(kh, kw, c, f) -> (kh, kw, c, f)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c : tensor<8x32x4x4xf32>) outs(%e : tensor<4x4x8x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x8x32xf32>
  %s = tensor.extract_slice %t[1, 2, 0, 0] [1, 1, 8, 32] [1, 1, 1, 1] : tensor<4x4x8x32xf32> to tensor<1x1x8x32xf32>
  return %s : tensor<1x1x8x32xf32>
}

// -----

// NHWC -> NCHW: the blocks would be shared out by channel, so each thread
// would read positions another thread's convolution wrote. The rows are cut
// into 8 chunks first (the threads' share, contiguous like the producer's);
// within a chunk the blocks go channel block by channel block.

// CHECK-LABEL: func.func @to_nchw_in_row_chunks(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x16x16x16xf32>
//       CHECK:   scf.forall (%[[H0:.*]]) = (0) to (16) step (2)
//       CHECK:     %[[CHUNK:.*]] = tensor.extract_slice %[[X]][0, %[[H0]], 0, 0] [1, 2, 16, 16] [1, 1, 1, 1]
//       CHECK:     scf.forall (%[[C:.*]], %[[H:.*]], %[[W:.*]]) = (0, 0, 0) to (16, 2, 16) step (8, 1, 8)
//       CHECK:       tensor.extract_slice %[[CHUNK]][0, %[[H]], %[[W]], %[[C]]] [1, 1, 8, 8] [1, 1, 1, 1]
//       CHECK:       vector.transfer_read {{.*}} : tensor<8x8xf32>, vector<8x8xf32>
//       CHECK:       vector.shuffle
//       CHECK:       vector.transfer_write {{.*}} : vector<8x8xf32>, tensor<8x8xf32>
//   CHECK-NOT:   linalg.generic
func.func @to_nchw_in_row_chunks(%x: tensor<1x16x16x16xf32>) -> tensor<1x16x16x16xf32> {
  %e = tensor.empty() : tensor<1x16x16x16xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, h, w, c)>, affine_map<(n, c, h, w) -> (n, c, h, w)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x16x16x16xf32>) outs(%e : tensor<1x16x16x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x16x16x16xf32>
  return %t : tensor<1x16x16x16xf32>
}

// -----

// Two images of 6 rows: chunks of two rows would make 6 in all, fewer than
// 8, so each image's row is a chunk (one 8x8 block).

// CHECK-LABEL: func.func @to_nchw_batch_chunks(
//  CHECK-SAME:     %[[X:.*]]: tensor<2x6x8x8xf32>
//       CHECK:   scf.forall (%[[N:.*]], %[[H:.*]]) in (2, 6)
//       CHECK:     tensor.extract_slice %[[X]][%[[N]], %[[H]], 0, 0] [1, 1, 8, 8] [1, 1, 1, 1]
//       CHECK:     vector.transfer_read {{.*}} : tensor<8x8xf32>, vector<8x8xf32>
//   CHECK-NOT:     scf.forall (
func.func @to_nchw_batch_chunks(%x: tensor<2x6x8x8xf32>) -> tensor<2x8x6x8xf32> {
  %e = tensor.empty() : tensor<2x8x6x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, h, w, c)>, affine_map<(n, c, h, w) -> (n, c, h, w)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<2x6x8x8xf32>) outs(%e : tensor<2x8x6x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<2x8x6x8xf32>
  return %t : tensor<2x8x6x8xf32>
}

// -----

// A 3x3 filter packed in blocks of 16 output channels (tconv-vectorize-convs'
// packing of an FCHW argument): kh and kw run in the same order on both
// sides, so they merge into 9 taps; blocks of 8 (16 with tile=16) taps by
// 8 (16) channels, then plain loops for the ninth tap.

// CHECK-LABEL: func.func @packed_filter(
//  CHECK-SAME:     %[[W:.*]]: tensor<32x16x3x3xf32>
//       CHECK:   %[[BLOCKS:.*]] = tensor.expand_shape %[[W]]
//       CHECK:   %[[TAPS:.*]] = tensor.collapse_shape %[[BLOCKS]] {{\[}}[0], [1], [2], [3, 4]] : tensor<2x16x16x3x3xf32> into tensor<2x16x16x9xf32>
//       CHECK:   tensor.extract_slice %[[TAPS]][0, 0, 0, 0] [2, 16, 16, 8]
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (2, 16, 16) step (1, 1, 8)
//       CHECK:     vector.transfer_read {{.*}} : tensor<8x8xf32>, vector<8x8xf32>
//       CHECK:   tensor.extract_slice %[[TAPS]][0, 0, 0, 8] [2, 16, 16, 1]
//       CHECK:   linalg.generic
// CHECK16-LABEL: func.func @packed_filter(
//       CHECK16:   scf.forall (%{{.*}}, %{{.*}}) in (2, 16)
//       CHECK16:     vector.transfer_read {{.*}} : tensor<16x8xf32>, vector<16x8xf32>
func.func @packed_filter(%w: tensor<32x16x3x3xf32>) -> tensor<3x3x16x16xf32> {
  %blocks = tensor.expand_shape %w [[0, 1], [2], [3], [4]] output_shape [2, 16, 16, 3, 3] : tensor<32x16x3x3xf32> into tensor<2x16x16x3x3xf32>
  %e = tensor.empty() : tensor<2x3x3x16x16xf32>
  %p = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d0, d4, d3, d1, d2)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel"]}
      ins(%blocks : tensor<2x16x16x3x3xf32>) outs(%e : tensor<2x3x3x16x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<2x3x3x16x16xf32>
  %first = tensor.extract_slice %p[0, 0, 0, 0, 0] [1, 3, 3, 16, 16] [1, 1, 1, 1, 1] : tensor<2x3x3x16x16xf32> to tensor<3x3x16x16xf32>
  return %first : tensor<3x3x16x16xf32>
}

// -----

// f32 accumulators to a bf16 result, transposed (the end of a bf16
// convolution): blocks of 16 read positions x 32 written ones, so that each
// written row is 32 bf16, a whole 64-byte line (which
// tconv-streaming-result-stores can stream; 16 would be half a line). The
// 32x16 transpose runs as two 16x16 shuffle networks (64 shuffles each),
// their rows joined before the truncation.

// CHECK16-LABEL: func.func @narrowing(
//       CHECK16:   vector.transfer_read {{.*}} : tensor<32x16xf32>, vector<32x16xf32>
// CHECK16-COUNT-64:   vector.shuffle
//       CHECK16:   %[[LO:.*]] = vector.insert_strided_slice %{{.*}}, %{{.*}} {offsets = [0, 0], strides = [1, 1]} : vector<16x16xf32> into vector<16x32xf32>
// CHECK16-COUNT-64:   vector.shuffle
//       CHECK16:   %[[BOTH:.*]] = vector.insert_strided_slice %{{.*}}, %[[LO]] {offsets = [0, 16], strides = [1, 1]} : vector<16x16xf32> into vector<16x32xf32>
//       CHECK16:   %[[T:.*]] = arith.truncf %[[BOTH]] : vector<16x32xf32> to vector<16x32xbf16>
//       CHECK16:   vector.transfer_write %[[T]], %{{.*}} : vector<16x32xbf16>, tensor<16x32xbf16>
func.func @narrowing(%x: tensor<1x32x16xf32>) -> tensor<1x16x32xbf16> {
  %e = tensor.empty() : tensor<1x16x32xbf16>
  %y = linalg.generic {indexing_maps = [affine_map<(n, c, w) -> (n, w, c)>, affine_map<(n, c, w) -> (n, c, w)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x32x16xf32>) outs(%e : tensor<1x16x32xbf16>) {
  ^bb0(%a: f32, %b: bf16):
    %t = arith.truncf %a : f32 to bf16
    linalg.yield %t : bf16
  } -> tensor<1x16x32xbf16>
  return %y : tensor<1x16x32xbf16>
}

// -----

// A filter's block of 32 output channels to taps-first (T1n1's copy per
// parallel step): a block's 16 rows are tap planes 64 KiB apart, all in one
// L1 set, so the planes grow by one row of 32 channels (128 bytes) and the
// copy writes the unpadded slice of the longer buffer (each tap's plane
// still one contiguous run), which its reader reads.

// CHECK-LABEL: func.func @tap_planes_apart(
//       CHECK:   %[[LONGER:.*]] = tensor.empty() : tensor<4x4x513x32xf32>
//       CHECK:   %[[PLANES:.*]] = tensor.extract_slice %[[LONGER]][0, 0, 0, 0] [4, 4, 512, 32] [1, 1, 1, 1]
//  CHECK-SAME:     to tensor<4x4x512x32xf32>
//       CHECK:   %[[TAPS:.*]] = tensor.collapse_shape %[[PLANES]] {{\[}}[0, 1], [2, 3]] : tensor<4x4x512x32xf32> into tensor<16x16384xf32>
//       CHECK:   scf.forall {{.*}} shared_outs(%{{.*}} = %[[TAPS]])
func.func @tap_planes_apart(%w: tensor<512x32x4x4xf32>) -> tensor<32xf32> {
  %e = tensor.empty() : tensor<4x4x512x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<512x32x4x4xf32>) outs(%e : tensor<4x4x512x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x512x32xf32>
  %row = tensor.extract_slice %t[1, 2, 3, 0] [1, 1, 1, 32] [1, 1, 1, 1] : tensor<4x4x512x32xf32> to tensor<32xf32>
  return %row : tensor<32xf32>
}

// -----

// The same change at 16 input channels (32 KiB; tap planes 2 KiB apart): it stays in the caches
// whatever its sets, and is not padded.

// CHECK-LABEL: func.func @small_tap_planes(
//   CHECK-NOT:   tensor<4x4x17x32xf32>
//       CHECK:   return
func.func @small_tap_planes(%w: tensor<16x32x4x4xf32>) -> tensor<32xf32> {
  %e = tensor.empty() : tensor<4x4x16x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<16x32x4x4xf32>) outs(%e : tensor<4x4x16x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x16x32xf32>
  %row = tensor.extract_slice %t[1, 2, 3, 0] [1, 1, 1, 32] [1, 1, 1, 1] : tensor<4x4x16x32xf32> to tensor<32xf32>
  return %row : tensor<32xf32>
}

// -----

// A returned change keeps the caller's layout.

// CHECK-LABEL: func.func @returned_tap_planes(
//   CHECK-NOT:   tensor<4x4x513x32xf32>
//       CHECK:   return
func.func @returned_tap_planes(%w: tensor<512x32x4x4xf32>) -> tensor<4x4x512x32xf32> {
  %e = tensor.empty() : tensor<4x4x512x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<512x32x4x4xf32>) outs(%e : tensor<4x4x512x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x512x32xf32>
  return %t : tensor<4x4x512x32xf32>
}

// -----

// A reshaped change keeps its rows together: vdpbf16ps tiles read the
// filter as pairs of input channels, merging taps and pairs, which a padded
// buffer would have to copy to merge.

// CHECK-LABEL: func.func @reshaped_tap_planes(
//   CHECK-NOT:   tensor<4x4x513x32xbf16>
//       CHECK:   return
func.func @reshaped_tap_planes(%w: tensor<512x32x4x4xbf16>) -> tensor<4096x2x2x16xbf16> {
  %e = tensor.empty() : tensor<4x4x512x32xbf16>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<512x32x4x4xbf16>) outs(%e : tensor<4x4x512x32xbf16>) {
  ^bb0(%in: bf16, %out: bf16):
    linalg.yield %in : bf16
  } -> tensor<4x4x512x32xbf16>
  %pairs = tensor.expand_shape %t [[0], [1], [2, 3], [4, 5]] output_shape [4, 4, 256, 2, 2, 16] : tensor<4x4x512x32xbf16> into tensor<4x4x256x2x2x16xbf16>
  %merged = tensor.collapse_shape %pairs [[0, 1, 2], [3], [4], [5]] : tensor<4x4x256x2x2x16xbf16> into tensor<4096x2x2x16xbf16>
  return %merged : tensor<4096x2x2x16xbf16>
}

// -----

// Pairs of input channels packed for vdpbf16ps: a block of two rows moves
// as one two-input shuffle that interleaves them, 16-bit floats as i16
// rows, instead of a 32-lane shuffle of the block built element by element.

// CHECK16-LABEL: func.func @pair_rows(
//       CHECK16:   %[[BLOCK:.*]] = vector.transfer_read {{.*}} : tensor<2x16xbf16>, vector<2x16xbf16>
//   CHECK16-DAG:   %[[FIRST:.*]] = vector.extract %[[BLOCK]][0] : vector<16xbf16> from vector<2x16xbf16>
//   CHECK16-DAG:   %[[SECOND:.*]] = vector.extract %[[BLOCK]][1] : vector<16xbf16> from vector<2x16xbf16>
//   CHECK16-DAG:   %[[FIRST_BITS:.*]] = vector.bitcast %[[FIRST]] : vector<16xbf16> to vector<16xi16>
//   CHECK16-DAG:   %[[SECOND_BITS:.*]] = vector.bitcast %[[SECOND]] : vector<16xbf16> to vector<16xi16>
//       CHECK16:   %[[PAIRS:.*]] = vector.interleave %[[FIRST_BITS]], %[[SECOND_BITS]] : vector<16xi16> -> vector<32xi16>
//       CHECK16:   %[[VALUES:.*]] = vector.bitcast %[[PAIRS]] : vector<32xi16> to vector<32xbf16>
//       CHECK16:   %[[ROWS:.*]] = vector.shape_cast %[[VALUES]] : vector<32xbf16> to vector<16x2xbf16>
//       CHECK16:   vector.transfer_write %[[ROWS]], {{.*}} : vector<16x2xbf16>, tensor<16x2xbf16>
//   CHECK16-NOT:   vector.shuffle
func.func @pair_rows(%w: tensor<8x2x16xbf16>) -> tensor<8x16x2xbf16> {
  %e = tensor.empty() : tensor<8x16x2xbf16>
  %r = linalg.generic {indexing_maps = [affine_map<(b, f, c) -> (b, c, f)>, affine_map<(b, f, c) -> (b, f, c)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%w : tensor<8x2x16xbf16>) outs(%e : tensor<8x16x2xbf16>) {
  ^bb0(%in: bf16, %out: bf16):
    linalg.yield %in : bf16
  } -> tensor<8x16x2xbf16>
  return %r : tensor<8x16x2xbf16>
}

// -----

// The same for f32 rows: no bitcasts.

// CHECK16-LABEL: func.func @f32_pair_rows(
//       CHECK16:   %[[BLOCK:.*]] = vector.transfer_read {{.*}} : tensor<2x16xf32>, vector<2x16xf32>
//   CHECK16-DAG:   %[[FIRST:.*]] = vector.extract %[[BLOCK]][0] : vector<16xf32> from vector<2x16xf32>
//   CHECK16-DAG:   %[[SECOND:.*]] = vector.extract %[[BLOCK]][1] : vector<16xf32> from vector<2x16xf32>
//       CHECK16:   %[[PAIRS:.*]] = vector.interleave %[[FIRST]], %[[SECOND]] : vector<16xf32> -> vector<32xf32>
//       CHECK16:   %[[ROWS:.*]] = vector.shape_cast %[[PAIRS]] : vector<32xf32> to vector<16x2xf32>
//       CHECK16:   vector.transfer_write %[[ROWS]], {{.*}} : vector<16x2xf32>, tensor<16x2xf32>
func.func @f32_pair_rows(%w: tensor<8x2x16xf32>) -> tensor<8x16x2xf32> {
  %e = tensor.empty() : tensor<8x16x2xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(b, f, c) -> (b, c, f)>, affine_map<(b, f, c) -> (b, f, c)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%w : tensor<8x2x16xf32>) outs(%e : tensor<8x16x2xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<8x16x2xf32>
  return %r : tensor<8x16x2xf32>
}

// -----

// In a batch's per-image function the planes keep their layout: the change
// may move to the batch loop, which passes its buffer as the function's
// argument. The function for a lone image (nothing moves out of it) pads
// them as a static function does.

// CHECK-LABEL: func.func @image_tap_planes(
//       CHECK:   tensor.empty() : tensor<4x4x512x32xf32>
//   CHECK-NOT:   tensor<4x4x513x32xf32>
// CHECK-LABEL: func.func @lone_image_tap_planes(
//       CHECK:   tensor.empty() : tensor<4x4x513x32xf32>
func.func @image_tap_planes(%w: tensor<512x32x4x4xf32>) -> tensor<32xf32> attributes {tconv.batch_image} {
  %e = tensor.empty() : tensor<4x4x512x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<512x32x4x4xf32>) outs(%e : tensor<4x4x512x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x512x32xf32>
  %row = tensor.extract_slice %t[1, 2, 3, 0] [1, 1, 1, 32] [1, 1, 1, 1] : tensor<4x4x512x32xf32> to tensor<32xf32>
  return %row : tensor<32xf32>
}
func.func @lone_image_tap_planes(%w: tensor<512x32x4x4xf32>) -> tensor<32xf32> attributes {tconv.batch_image, tconv.batch_single_image} {
  %e = tensor.empty() : tensor<4x4x512x32xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2, d3, d0, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<512x32x4x4xf32>) outs(%e : tensor<4x4x512x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x512x32xf32>
  %row = tensor.extract_slice %t[1, 2, 3, 0] [1, 1, 1, 32] [1, 1, 1, 1] : tensor<4x4x512x32xf32> to tensor<32xf32>
  return %row : tensor<32xf32>
}
