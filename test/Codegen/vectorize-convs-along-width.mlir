// RUN: tconv-opt %s --tconv-vectorize-convs-along-width --canonicalize --cse -split-input-file | FileCheck %s

// 3 output channels, bias initializer, width 20 = 2 x 8 + 4: tiles of
// 3 channels x 2 rows of 8-lane vectors (6 accumulators), started from the
// bias; each input channel and kernel row reads 2 rows x 3 width taps of
// contiguous input and does 18 FMAs; the 4 last columns take a 4-lane tile.

// CHECK-LABEL: func.func @bias_remainder(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x4x6x22xf32>, %[[W:.*]]: tensor<3x4x3x3xf32>, %[[B:.*]]: tensor<3xf32>
//   CHECK-DAG:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x3x4x20xf32>
//       CHECK:   %[[FULL:.*]] = scf.forall (%[[RB:.*]], %[[WB:.*]]) in (2, 2) shared_outs(%[[O:.*]] = %[[EMPTY]])
//       CHECK:     %[[B0:.*]] = tensor.extract %[[B]][%{{.*}}] : tensor<3xf32>
//       CHECK:     %[[ACC0:.*]] = vector.broadcast %[[B0]] : f32 to vector<8xf32>
//       CHECK:     scf.for %[[C:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%{{.*}} = %[[ACC0]], %{{.*}} = %[[ACC0]],
//       CHECK:       scf.for %[[KH:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(
//       CHECK:         tensor.extract %[[W]][%{{.*}}, %[[C]], %[[KH]], %{{.*}}] : tensor<3x4x3x3xf32>
//       CHECK:         vector.transfer_read %[[X]][%{{.*}}, %[[C]], %{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<1x4x6x22xf32>, vector<8xf32>
// CHECK-COUNT-18:      vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:         vector.fma
//       CHECK:         scf.yield
//       CHECK:     %[[WIN:.*]] = tensor.extract_slice %[[O]][0, 0, %{{.*}}, %{{.*}}] [1, 3, 2, 8] [1, 1, 1, 1]
// CHECK-COUNT-6:   vector.transfer_write %{{.*}}, %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] {in_bounds = [true]} : vector<8xf32>, tensor<1x3x2x8xf32>
//       CHECK:     tensor.parallel_insert_slice %{{.*}} into %[[O]][0, 0, %{{.*}}, %{{.*}}] [1, 3, 2, 8] [1, 1, 1, 1]
//       CHECK:   %[[LAST:.*]] = scf.forall (%{{.*}}) in (2) shared_outs(%[[O2:.*]] = %[[FULL]])
//       CHECK:     vector.transfer_read %[[X]][%{{.*}}, %{{.*}}, %{{.*}}, %c16], %{{.*}} {in_bounds = [true]} : tensor<1x4x6x22xf32>, vector<4xf32>
//       CHECK:     tensor.extract_slice %[[O2]][0, 0, %{{.*}}, 16] [1, 3, 2, 4] [1, 1, 1, 1]
//       CHECK:   return %[[LAST]]
func.func @bias_remainder(%x: tensor<1x4x6x22xf32>, %w: tensor<3x4x3x3xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x20xf32> {
  %e = tensor.empty() : tensor<1x3x4x20xf32>
  %init = linalg.generic {indexing_maps = [affine_map<(n, f, h, w) -> (f)>, affine_map<(n, f, h, w) -> (n, f, h, w)>],
                          iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%b : tensor<3xf32>) outs(%e : tensor<1x3x4x20xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x3x4x20xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x6x22xf32>, tensor<3x4x3x3xf32>) outs(%init : tensor<1x3x4x20xf32>) -> tensor<1x3x4x20xf32>
  return %y : tensor<1x3x4x20xf32>
}

// -----

// A phase of a stride-2 transposed convolution, inserted into every other
// row and column of the output from (1, 1): the tiles write into the output
// directly, no phase tensor. A window of 2 rows (stride 2) x 15 columns;
// each 8-lane vector is spread over 15 lanes and stored with every other
// lane masked off. The zero fill becomes the accumulators' start.

// CHECK-LABEL: func.func @phase(
//  CHECK-SAME:     %[[OUT:[^:]*]]: tensor<1x4x8x17xf32>
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//   CHECK-DAG:   %[[EVERY_OTHER:.*]] = arith.constant dense<[true, false, true, false, true, false, true, false, true, false, true, false, true, false, true]> : vector<15xi1>
//   CHECK-NOT:   linalg.fill
//       CHECK:   %[[Y:.*]] = scf.forall (%{{.*}}) in (2) shared_outs(%[[O:.*]] = %[[OUT]])
//       CHECK:     scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]],
// CHECK-COUNT-16:      vector.fma
//       CHECK:     %[[WIN:.*]] = tensor.extract_slice %[[O]][0, 0, %{{.*}}, 1] [1, 4, 2, 15] [1, 1, 2, 1]
//       CHECK:     %[[SPREAD:.*]] = vector.shuffle %[[ACC:.*]], %[[ACC]] [0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7] : vector<8xf32>, vector<8xf32>
//       CHECK:     vector.transfer_write %[[SPREAD]], %[[WIN]][%{{.*}}], %[[EVERY_OTHER]] {in_bounds = [true]} : vector<15xf32>, tensor<1x4x2x15xf32>
//       CHECK:     tensor.parallel_insert_slice %{{.*}} into %[[O]][0, 0, %{{.*}}, 1] [1, 4, 2, 15] [1, 1, 2, 1]
//   CHECK-NOT:   tensor.insert_slice
//       CHECK:   return %[[Y]]
func.func @phase(%x: tensor<1x2x5x9xf32>, %w: tensor<4x2x2x2xf32>, %out: tensor<1x4x8x17xf32>) -> tensor<1x4x8x17xf32> {
  %zero = arith.constant 0.0 : f32
  %s = tensor.extract_slice %out[0, 0, 1, 1] [1, 4, 4, 8] [1, 1, 2, 2] : tensor<1x4x8x17xf32> to tensor<1x4x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%s : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %p = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x2x5x9xf32>, tensor<4x2x2x2xf32>) outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %y = tensor.insert_slice %p into %out[0, 0, 1, 1] [1, 4, 4, 8] [1, 1, 2, 2] : tensor<1x4x4x8xf32> into tensor<1x4x8x17xf32>
  return %y : tensor<1x4x8x17xf32>
}

// -----

// Two phases writing alternate columns of the same output rows (from (1, 0)
// and (1, 1), width stride 2; the second's kernel two taps wide, the
// first's one): one tile computes both, sharing the loops over channels and
// kernel rows, and interleaves their accumulators into whole rows of the
// output, stored unmasked. Half the rows per tile (1 instead of 2), so the
// pair keeps one phase's 8 accumulators. No insertion is left.

// CHECK-LABEL: func.func @phase_pair(
//  CHECK-SAME:     %[[X:[^:]*]]: tensor<1x2x5x9xf32>, %[[WA:[^:]*]]: tensor<4x2x2x1xf32>, %[[WB:[^:]*]]: tensor<4x2x2x2xf32>, %[[OUT:[^:]*]]: tensor<1x4x8x16xf32>
//       CHECK:   %[[XA:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 2, 5, 8]
//       CHECK:   %[[Y:.*]] = scf.forall (%{{.*}}) in (4) shared_outs(%[[O:.*]] = %[[OUT]])
//       CHECK:     %[[ACC:.*]]:8 = scf.for
//       CHECK:       scf.for
//       CHECK:         vector.transfer_read %[[XA]]
// CHECK-COUNT-4:       vector.fma
//       CHECK:         vector.transfer_read %[[X]]
// CHECK-COUNT-4:       vector.fma
//       CHECK:         vector.transfer_read %[[X]]
// CHECK-COUNT-4:       vector.fma
//       CHECK:     %[[WIN:.*]] = tensor.extract_slice %[[O]][0, 0, %{{.*}}, 0] [1, 4, 1, 16] [1, 1, 2, 1]
//       CHECK:     %[[ROW:.*]] = vector.interleave %[[ACC]]#0, %[[ACC]]#4 : vector<8xf32> -> vector<16xf32>
//       CHECK:     vector.transfer_write %[[ROW]], %[[WIN]][%{{.*}}] {in_bounds = [true]} : vector<16xf32>, tensor<1x4x1x16xf32>
//   CHECK-NOT:     vector.shuffle
//       CHECK:     tensor.parallel_insert_slice %{{.*}} into %[[O]][0, 0, %{{.*}}, 0] [1, 4, 1, 16] [1, 1, 2, 1]
//   CHECK-NOT:   tensor.insert_slice
//       CHECK:   return %[[Y]]
func.func @phase_pair(%x: tensor<1x2x5x9xf32>, %wa: tensor<4x2x2x1xf32>, %wb: tensor<4x2x2x2xf32>, %out: tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %xa = tensor.extract_slice %x[0, 0, 0, 0] [1, 2, 5, 8] [1, 1, 1, 1] : tensor<1x2x5x9xf32> to tensor<1x2x5x8xf32>
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %a = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%xa, %wa : tensor<1x2x5x8xf32>, tensor<4x2x2x1xf32>) outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %ya = tensor.insert_slice %a into %out[0, 0, 1, 0] [1, 4, 4, 8] [1, 1, 2, 2] : tensor<1x4x4x8xf32> into tensor<1x4x8x16xf32>
  %b = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %wb : tensor<1x2x5x9xf32>, tensor<4x2x2x2xf32>) outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %yb = tensor.insert_slice %b into %ya[0, 0, 1, 1] [1, 4, 4, 8] [1, 1, 2, 2] : tensor<1x4x4x8xf32> into tensor<1x4x8x16xf32>
  return %yb : tensor<1x4x8x16xf32>
}

// -----

// The same phases, but the first one's insertion is also returned (read
// before the second phase is inserted): no pair, each phase its own tiles
// and spread, masked stores.

// CHECK-LABEL: func.func @phase_pair_read_between(
//       CHECK:   scf.forall
//       CHECK:     vector.transfer_write %{{.*}}, %{{.*}}, %{{.*}} {in_bounds = [true]} : vector<15xf32>
//       CHECK:   scf.forall
//       CHECK:     vector.transfer_write %{{.*}}, %{{.*}}, %{{.*}} {in_bounds = [true]} : vector<15xf32>
//   CHECK-NOT:   vector.interleave
func.func @phase_pair_read_between(%x: tensor<1x2x5x9xf32>, %wa: tensor<4x2x2x1xf32>, %wb: tensor<4x2x2x2xf32>, %out: tensor<1x4x8x16xf32>) -> (tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>) {
  %zero = arith.constant 0.0 : f32
  %xa = tensor.extract_slice %x[0, 0, 0, 0] [1, 2, 5, 8] [1, 1, 1, 1] : tensor<1x2x5x9xf32> to tensor<1x2x5x8xf32>
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %a = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%xa, %wa : tensor<1x2x5x8xf32>, tensor<4x2x2x1xf32>) outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %ya = tensor.insert_slice %a into %out[0, 0, 1, 0] [1, 4, 4, 8] [1, 1, 2, 2] : tensor<1x4x4x8xf32> into tensor<1x4x8x16xf32>
  %b = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %wb : tensor<1x2x5x9xf32>, tensor<4x2x2x2xf32>) outs(%init : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %yb = tensor.insert_slice %b into %ya[0, 0, 1, 1] [1, 4, 4, 8] [1, 1, 2, 2] : tensor<1x4x4x8xf32> into tensor<1x4x8x16xf32>
  return %ya, %yb : tensor<1x4x8x16xf32>, tensor<1x4x8x16xf32>
}

// -----

// 1-D, one output channel, an init tensor that is neither a fill nor a
// broadcast (accumulated into): 4 vectors along the width per tile, started
// from the init's values.

// CHECK-LABEL: func.func @one_channel_1d(
//  CHECK-SAME:     %[[X:.*]]: tensor<2x3x34xf32>, %[[W:.*]]: tensor<1x3x3xf32>, %[[INIT:.*]]: tensor<2x1x32xf32>
//       CHECK:   scf.forall (%[[N:.*]]) in (2) shared_outs(%[[O:.*]] = %[[INIT]])
// CHECK-COUNT-4:   vector.transfer_read %[[INIT]][%[[N]], %{{.*}}, %{{.*}}], %{{.*}} {in_bounds = [true]} : tensor<2x1x32xf32>, vector<8xf32>
//       CHECK:     scf.for
// CHECK-COUNT-12:    vector.fma
// CHECK-COUNT-4:   vector.transfer_write {{.*}} : vector<8xf32>, tensor<1x1x32xf32>
func.func @one_channel_1d(%x: tensor<2x3x34xf32>, %w: tensor<1x3x3xf32>, %init: tensor<2x1x32xf32>) -> tensor<2x1x32xf32> {
  %y = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
      ins(%x, %w : tensor<2x3x34xf32>, tensor<1x3x3xf32>) outs(%init : tensor<2x1x32xf32>) -> tensor<2x1x32xf32>
  return %y : tensor<2x1x32xf32>
}

// -----

// A recorded schedule (tconv-select-strategy) wins over the options: vectors
// of 16 lanes, one per tile, so two width tiles of one accumulator each.

// CHECK-LABEL: func.func @recorded_schedule(
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
//       CHECK:     vector.transfer_read {{.*}} : tensor<2x1x32xf32>, vector<16xf32>
//       CHECK:     scf.for {{.*}} -> (vector<16xf32>)
// CHECK-COUNT-3:     vector.fma {{.*}} : vector<16xf32>
//   CHECK-NOT:     vector.fma
//       CHECK:     vector.transfer_write {{.*}} : vector<16xf32>, tensor<1x1x16xf32>
func.func @recorded_schedule(%x: tensor<2x3x34xf32>, %w: tensor<1x3x3xf32>, %init: tensor<2x1x32xf32>) -> tensor<2x1x32xf32> {
  %y = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                              tconv.schedule = {kind = "width", vector_width = 16, f_tile = 1, row_tile = 1, vec_tile = 1}}
      ins(%x, %w : tensor<2x3x34xf32>, tensor<1x3x3xf32>) outs(%init : tensor<2x1x32xf32>) -> tensor<2x1x32xf32>
  return %y : tensor<2x1x32xf32>
}

// -----

// Strided along the width (input vectors would not be contiguous) or not
// f32: left alone.

// CHECK-LABEL: func.func @not_handled
//   CHECK-NOT:   scf.forall
//       CHECK:   linalg.conv_2d_nchw_fchw
//       CHECK:   linalg.conv_2d_nchw_fchw
func.func @not_handled(%x: tensor<1x2x4x17xf32>, %w: tensor<2x2x1x1xf32>, %i: tensor<1x2x4x9xf32>,
                       %xh: tensor<1x2x4x8xf16>, %wh: tensor<2x2x1x1xf16>, %ih: tensor<1x2x4x8xf16>)
    -> (tensor<1x2x4x9xf32>, tensor<1x2x4x8xf16>) {
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}
      ins(%x, %w : tensor<1x2x4x17xf32>, tensor<2x2x1x1xf32>) outs(%i : tensor<1x2x4x9xf32>) -> tensor<1x2x4x9xf32>
  %z = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%xh, %wh : tensor<1x2x4x8xf16>, tensor<2x2x1x1xf16>) outs(%ih : tensor<1x2x4x8xf16>) -> tensor<1x2x4x8xf16>
  return %y, %z : tensor<1x2x4x9xf32>, tensor<1x2x4x8xf16>
}
