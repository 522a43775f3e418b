// RUN: tconv-opt %s --tconv-fold-layout-changes-into-reads --canonicalize -split-input-file | FileCheck %s

// Element reads of an NCHW -> NHWC copy, through a tile slice and a
// rank-reducing one, read the NCHW input at the permuted indices; the copy
// is gone.

// CHECK-LABEL: func.func @element_reads(
//  CHECK-SAME:     %[[X:[a-z0-9]+]]: tensor<1x8x4x4xf32>, %[[H:[a-z0-9]+]]: index, %[[W:[a-z0-9]+]]: index, %[[I:[a-z0-9]+]]: index, %[[C:[a-z0-9]+]]: index
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant 0 : index
//       CHECK:   %[[WI:.*]] = affine.apply #{{.*}}()[%[[W]], %[[I]]]
//       CHECK:   %[[V:.*]] = tensor.extract %[[X]][%[[ZERO]], %[[C]], %[[H]], %[[WI]]] : tensor<1x8x4x4xf32>
//       CHECK:   return %[[V]]
//   CHECK-NOT:   linalg.generic
func.func @element_reads(%x: tensor<1x8x4x4xf32>, %h: index, %w: index, %i: index, %c: index) -> f32 {
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x4x4x8xf32>
  %tile = tensor.extract_slice %t[0, %h, %w, 0] [1, 1, 2, 8] [1, 1, 1, 1] : tensor<1x4x4x8xf32> to tensor<1x1x2x8xf32>
  %row = tensor.extract_slice %tile[0, 0, 0, 0] [1, 1, 2, 8] [1, 1, 1, 1] : tensor<1x1x2x8xf32> to tensor<2x8xf32>
  %v = tensor.extract %row[%i, %c] : tensor<2x8xf32>
  return %v : f32
}

// -----

// A vector read needs the copy: it stays, and so do the element reads of it.

// CHECK-LABEL: func.func @vector_read(
//       CHECK:   %[[T:.*]] = linalg.generic
//       CHECK:   tensor.extract %[[T]]
//       CHECK:   vector.transfer_read %[[T]]
func.func @vector_read(%x: tensor<1x8x4x4xf32>, %i: index) -> (f32, vector<8xf32>) {
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %pad = arith.constant 0.0 : f32
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x4x4x8xf32>
  %v = tensor.extract %t[%i, %i, %i, %i] : tensor<1x4x4x8xf32>
  %r = vector.transfer_read %t[%i, %i, %i, %i], %pad : tensor<1x4x4x8xf32>, vector<8xf32>
  return %v, %r : f32, vector<8xf32>
}

// -----

// A copy that computes (here an f16 -> f32 extension) is not a plain
// permutation: kept.

// CHECK-LABEL: func.func @extension(
//       CHECK:   %[[T:.*]] = linalg.generic
//       CHECK:   tensor.extract %[[T]]
func.func @extension(%x: tensor<1x8x4x4xf16>, %i: index) -> f32 {
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x4x4xf16>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%in: f16, %out: f32):
    %f = arith.extf %in : f16 to f32
    linalg.yield %f : f32
  } -> tensor<1x4x4x8xf32>
  %v = tensor.extract %t[%i, %i, %i, %i] : tensor<1x4x4x8xf32>
  return %v : f32
}

// -----

// 256 channels of 32x32 planes: read through the copy, every channel's
// element lies 4 KiB from the last, all in one L1 set, and a reduction over
// them would miss on each read (more channels than the 8 ways the pass
// assumes): the layout change stays.

// CHECK-LABEL: func.func @channels_alias_in_l1(
//       CHECK:   %[[T:.*]] = linalg.generic
//       CHECK:   tensor.extract %[[T]]
func.func @channels_alias_in_l1(%x: tensor<1x256x32x32xf32>, %i: index) -> f32 {
  %e = tensor.empty() : tensor<1x32x32x256xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x256x32x32xf32>) outs(%e : tensor<1x32x32x256xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x32x32x256xf32>
  %v = tensor.extract %t[%i, %i, %i, %i] : tensor<1x32x32x256xf32>
  return %v : f32
}

// -----

// 8 channels of 32x32 planes share one set too, but fit its ways: folded.

// CHECK-LABEL: func.func @few_channels_fit_l1(
//  CHECK-SAME:     %[[X:[a-z0-9]+]]: tensor<1x8x32x32xf32>, %[[I:[a-z0-9]+]]: index
//       CHECK:   %[[V:.*]] = tensor.extract %[[X]][%[[I]], %[[I]], %[[I]], %[[I]]] : tensor<1x8x32x32xf32>
//       CHECK:   return %[[V]]
func.func @few_channels_fit_l1(%x: tensor<1x8x32x32xf32>, %i: index) -> f32 {
  %e = tensor.empty() : tensor<1x32x32x8xf32>
  %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>, affine_map<(n, h, w, c) -> (n, h, w, c)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x8x32x32xf32>) outs(%e : tensor<1x32x32x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x32x32x8xf32>
  %v = tensor.extract %t[%i, %i, %i, %i] : tensor<1x32x32x8xf32>
  return %v : f32
}

// -----

// A phase of a transposed convolution reads its sub-kernel, a gather of the
// filter's layout change (taps reversed, every other one): both fold into
// the element reads, which read the filter argument itself; no copy is left.

//       CHECK: #[[$REVERSE:.*]] = affine_map<()[s0] -> (s0 * -2 + 2)>
//       CHECK: #[[$REVERSE_ODD:.*]] = affine_map<()[s0] -> (s0 * -2 + 3)>
// CHECK-LABEL: func.func @phase_filter_gather(
//  CHECK-SAME:     %[[T:[a-z0-9]+]]: tensor<16x4x4x4xf32>, %[[F:[a-z0-9]+]]: index, %[[C:[a-z0-9]+]]: index, %[[A:[a-z0-9]+]]: index, %[[B:[a-z0-9]+]]: index
//   CHECK-DAG:   %[[KH:.*]] = affine.apply #[[$REVERSE:.*]]()[%[[A]]]
//   CHECK-DAG:   %[[KW:.*]] = affine.apply #[[$REVERSE_ODD:.*]]()[%[[B]]]
//       CHECK:   %[[V:.*]] = tensor.extract %[[T]][%[[C]], %[[F]], %[[KH]], %[[KW]]] : tensor<16x4x4x4xf32>
//       CHECK:   return %[[V]]
//   CHECK-NOT:   linalg.generic
func.func @phase_filter_gather(%t: tensor<16x4x4x4xf32>, %f: index, %c: index, %a: index, %b: index) -> f32 {
  %e = tensor.empty() : tensor<4x4x16x4xf32>
  %hwcf = linalg.generic {indexing_maps = [affine_map<(h, w, c, f) -> (c, f, h, w)>, affine_map<(h, w, c, f) -> (h, w, c, f)>],
                          iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%t : tensor<16x4x4x4xf32>) outs(%e : tensor<4x4x16x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x4x16x4xf32>
  %e2 = tensor.empty() : tensor<4x16x2x2xf32>
  %sub = linalg.generic {indexing_maps = [affine_map<(f, c, a, b) -> (a * -2 + 2, b * -2 + 3, c, f)>, affine_map<(f, c, a, b) -> (f, c, a, b)>],
                         iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%hwcf : tensor<4x4x16x4xf32>) outs(%e2 : tensor<4x16x2x2xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x16x2x2xf32>
  %v = tensor.extract %sub[%f, %c, %a, %b] : tensor<4x16x2x2xf32>
  return %v : f32
}
