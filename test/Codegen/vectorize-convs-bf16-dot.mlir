// RUN: tconv-opt %s --tconv-vectorize-convs --canonicalize --cse -split-input-file | FileCheck %s

// A bf16 convolution with a vdpbf16ps schedule (dot_width = 2): the filter
// is packed as F/16 x KH x KW x C/2 x 32 (16 output channels times a pair of
// input channels per vector: a permutation of the filter with C and F split,
// which the layout-change vectorizer copies in vectors); each step broadcasts a pair of input channels
// as one 32-bit value and adds its dot products with a packed filter vector
// to f32 accumulators held in vector iter_args: 6 positions x 2 vectors x 3
// taps = 36 per step of one channel pair (6 channels: tiles of 2). The
// broadcast is the dot's last operand, the one vdpbf16ps can read from memory.

//   CHECK-DAG: #[[PACK:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d1, d2, d3, d5, d0, d4)>
// CHECK-LABEL: func.func @conv2d_bf16(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x4x14x6xbf16>, %[[W:.*]]: tensor<3x3x6x32xbf16>
//       CHECK:   %[[SPLIT:.*]] = tensor.expand_shape %[[W]] {{\[\[}}0], [1], [2, 3], [4, 5]] output_shape [3, 3, 3, 2, 2, 16]
//       CHECK:   %[[BLOCKED:.*]] = linalg.generic {indexing_maps = [#[[PACK]], {{.*}}]{{.*}} ins(%[[SPLIT]] : tensor<3x3x3x2x2x16xbf16>) outs(%{{.*}} : tensor<2x3x3x3x16x2xbf16>)
//       CHECK:   %[[PAIRS:.*]] = tensor.collapse_shape %[[BLOCKED]] {{\[\[}}0], [1], [2], [3], [4, 5]] : tensor<2x3x3x3x16x2xbf16> into tensor<2x3x3x3x32xbf16>
//       CHECK:   scf.forall ({{.*}}) = (0, 0) to (2, 12) step (1, 6)
//       CHECK:     scf.for %[[KH:.*]] = {{.*}} iter_args({{.*}}) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>)
//       CHECK:       scf.for %[[C:.*]] = %c0 to %c6 step %c2 iter_args({{.*}}) -> (vector<16xf32>,
//       CHECK:         %[[CP:.*]] = affine.apply #{{.*}}(%[[C]])
//       CHECK:         %[[W0:.*]] = vector.transfer_read %[[PAIRS]][%c0, %[[KH]], %c0, %[[CP]], %c0], %{{.*}} {in_bounds = [true]} : tensor<2x3x3x3x32xbf16>, vector<32xbf16>
//       CHECK:         %[[X0:.*]] = vector.transfer_read %{{.*}}[%c0, %c0, %c0], %{{.*}} {in_bounds = [true]} : tensor<1x8x2xbf16>, vector<2xbf16>
//       CHECK:         %[[I0:.*]] = vector.bitcast %[[X0]] : vector<2xbf16> to vector<1xi32>
//       CHECK:         %[[E0:.*]] = vector.extract %[[I0]][0] : i32 from vector<1xi32>
//       CHECK:         %[[S0:.*]] = vector.broadcast %[[E0]] : i32 to vector<16xi32>
//       CHECK:         %[[B0:.*]] = vector.bitcast %[[S0]] : vector<16xi32> to vector<32xbf16>
//       CHECK:         x86vector.avx512.dot %{{.*}}, %[[W0]], %[[B0]] : vector<32xbf16> -> vector<16xf32>
// CHECK-COUNT-35:      x86vector.avx512.dot
//   CHECK-NOT:         x86vector.avx512.dot
//   CHECK-NOT:         vector.fma
//   CHECK-NOT:         linalg.conv
//       CHECK:     scf.forall.in_parallel
func.func @conv2d_bf16(%x: tensor<1x4x14x6xbf16>, %w: tensor<3x3x6x32xbf16>, %init: tensor<1x2x12x32xf32>) -> tensor<1x2x12x32xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
                                 tconv.schedule = {c_tile = 4 : i64, dot_width = 2 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 6 : i64, vector_width = 16 : i64}}
      ins(%x, %w : tensor<1x4x14x6xbf16>, tensor<3x3x6x32xbf16>) outs(%init : tensor<1x2x12x32xf32>) -> tensor<1x2x12x32xf32>
  return %y : tensor<1x2x12x32xf32>
}

// -----

// A constant filter is packed into pairs now: w[kw][c][f] lands at
// [0][kw][c / 2][2 f + c mod 2], so (w[kw][0][f], w[kw][1][f]) sit side by
// side (f = 15 of kw = 0: 3 and 15).

// CHECK-LABEL: func.func @const_filter(
//       CHECK:   %[[PAIRS:.*]] = arith.constant dense<{{\[\[\[\[}}0.000000e+00, 4.000000e+00, 1.000000e+00, 5.000000e+00, {{.*}}, 1.500000e+01]], {{\[\[}}1.600000e+01, 2.000000e+01, {{.*}} : tensor<1x2x1x32xbf16>
//   CHECK-NOT:   linalg.generic
//       CHECK:   vector.transfer_read %[[PAIRS]]
//       CHECK:   x86vector.avx512.dot
func.func @const_filter(%x: tensor<1x5x2xbf16>, %init: tensor<1x4x16xf32>) -> tensor<1x4x16xf32> {
  %w = arith.constant dense<[[[0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0, 3.0],
                              [4.0, 5.0, 6.0, 7.0, 4.0, 5.0, 6.0, 7.0, 4.0, 5.0, 6.0, 7.0, 12.0, 13.0, 14.0, 15.0]],
                             [[16.0, 17.0, 18.0, 19.0, 16.0, 17.0, 18.0, 19.0, 16.0, 17.0, 18.0, 19.0, 16.0, 17.0, 18.0, 19.0],
                              [20.0, 21.0, 22.0, 23.0, 20.0, 21.0, 22.0, 23.0, 20.0, 21.0, 22.0, 23.0, 20.0, 21.0, 22.0, 23.0]]]> : tensor<2x2x16xbf16>
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                               tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%x, %w : tensor<1x5x2xbf16>, tensor<2x2x16xbf16>) outs(%init : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  return %y : tensor<1x4x16xf32>
}

// -----

// Two phases of a transposed convolution gather their taps from one
// taps-first filter (even: taps 3, 1; odd: taps 2, 0). The whole filter is
// packed into pairs once; each phase reads its taps from that copy, and
// neither gather is left.

// CHECK-LABEL: func.func @phases(
//  CHECK-SAME:     %{{.*}}: tensor<1x5x2xbf16>, %[[W:.*]]: tensor<4x2x16xbf16>
//       CHECK:   %[[SPLIT:.*]] = tensor.expand_shape %[[W]]
//       CHECK:   %[[BLOCKED:.*]] = linalg.generic {{.*}} ins(%[[SPLIT]] : tensor<4x1x2x1x16xbf16>) outs(%{{.*}} : tensor<1x4x1x16x2xbf16>)
//       CHECK:   %[[PAIRS:.*]] = tensor.collapse_shape %[[BLOCKED]] {{.*}} into tensor<1x4x1x32xbf16>
//   CHECK-NOT:   linalg.generic
//       CHECK:   vector.transfer_read %[[PAIRS]][%c0, %c3, %c0, %c0]
//       CHECK:   x86vector.avx512.dot
//       CHECK:   vector.transfer_read %[[PAIRS]][%c0, %c1, %c0, %c0]
//       CHECK:   vector.transfer_read %[[PAIRS]][%c0, %c2, %c0, %c0]
//       CHECK:   vector.transfer_read %[[PAIRS]][%c0, %c0, %c0, %c0]
//   CHECK-NOT:   linalg.generic
func.func @phases(%x: tensor<1x5x2xbf16>, %w: tensor<4x2x16xbf16>, %init: tensor<1x4x16xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x16xf32>) {
  %e = tensor.empty() : tensor<2x2x16xbf16>
  %even = linalg.generic {indexing_maps = [affine_map<(k, c, f) -> (3 - 2 * k, c, f)>, affine_map<(k, c, f) -> (k, c, f)>],
                          iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%w : tensor<4x2x16xbf16>) outs(%e : tensor<2x2x16xbf16>) {
  ^bb0(%a: bf16, %b: bf16):
    linalg.yield %a : bf16
  } -> tensor<2x2x16xbf16>
  %odd = linalg.generic {indexing_maps = [affine_map<(k, c, f) -> (2 - 2 * k, c, f)>, affine_map<(k, c, f) -> (k, c, f)>],
                         iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%w : tensor<4x2x16xbf16>) outs(%e : tensor<2x2x16xbf16>) {
  ^bb0(%a: bf16, %b: bf16):
    linalg.yield %a : bf16
  } -> tensor<2x2x16xbf16>
  %y0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                                tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%x, %even : tensor<1x5x2xbf16>, tensor<2x2x16xbf16>) outs(%init : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %y1 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                                tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%x, %odd : tensor<1x5x2xbf16>, tensor<2x2x16xbf16>) outs(%init : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  return %y0, %y1 : tensor<1x4x16xf32>, tensor<1x4x16xf32>
}

// -----

// The taps-first filter is itself a copy of the argument's C x F x K
// layout (a transposed convolution's filter): the pairs are packed from a
// copy of the argument as C x K x F instead, each input channel's taps in
// one block, and the taps-first copy is left unused. (It wrote its tap
// planes, 32 KiB apart in a chunk of DCGAN's filter, in rows that share an
// L1 set: bf16 T1n1 1.60 -> 1.42 ms.)

//   CHECK-DAG: #[[CHANNELS_FIRST:.*]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
//   CHECK-DAG: #[[PACK:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d2, d4, d1, d0, d3)>
// CHECK-LABEL: func.func @phases_of_argument_layout(
//  CHECK-SAME:     %{{.*}}: tensor<1x5x2xbf16>, %[[ARG:.*]]: tensor<2x16x4xbf16>
//       CHECK:   %[[BLOCKS:.*]] = linalg.generic {indexing_maps = [#[[CHANNELS_FIRST]], {{.*}}]{{.*}} ins(%[[ARG]] : tensor<2x16x4xbf16>) outs(%{{.*}} : tensor<2x4x16xbf16>)
//       CHECK:   %[[SPLIT:.*]] = tensor.expand_shape %[[BLOCKS]] {{\[\[}}0, 1], [2], [3, 4]] output_shape [1, 2, 4, 1, 16]
//       CHECK:   %[[BLOCKED:.*]] = linalg.generic {indexing_maps = [#[[PACK]], {{.*}}]{{.*}} ins(%[[SPLIT]] : tensor<1x2x4x1x16xbf16>) outs(%{{.*}} : tensor<1x4x1x16x2xbf16>)
//       CHECK:   %[[PAIRS:.*]] = tensor.collapse_shape %[[BLOCKED]] {{.*}} into tensor<1x4x1x32xbf16>
//   CHECK-NOT:   linalg.generic
//       CHECK:   vector.transfer_read %[[PAIRS]][%c0, %c3, %c0, %c0]
//       CHECK:   x86vector.avx512.dot
//       CHECK:   vector.transfer_read %[[PAIRS]][%c0, %c0, %c0, %c0]
//   CHECK-NOT:   linalg.generic
func.func @phases_of_argument_layout(%x: tensor<1x5x2xbf16>, %arg: tensor<2x16x4xbf16>, %init: tensor<1x4x16xf32>) -> (tensor<1x4x16xf32>, tensor<1x4x16xf32>) {
  %tf = tensor.empty() : tensor<4x2x16xbf16>
  %w = linalg.generic {indexing_maps = [affine_map<(k, c, f) -> (c, f, k)>, affine_map<(k, c, f) -> (k, c, f)>],
                       iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%arg : tensor<2x16x4xbf16>) outs(%tf : tensor<4x2x16xbf16>) {
  ^bb0(%a: bf16, %b: bf16):
    linalg.yield %a : bf16
  } -> tensor<4x2x16xbf16>
  %e = tensor.empty() : tensor<2x2x16xbf16>
  %even = linalg.generic {indexing_maps = [affine_map<(k, c, f) -> (3 - 2 * k, c, f)>, affine_map<(k, c, f) -> (k, c, f)>],
                          iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%w : tensor<4x2x16xbf16>) outs(%e : tensor<2x2x16xbf16>) {
  ^bb0(%a: bf16, %b: bf16):
    linalg.yield %a : bf16
  } -> tensor<2x2x16xbf16>
  %odd = linalg.generic {indexing_maps = [affine_map<(k, c, f) -> (2 - 2 * k, c, f)>, affine_map<(k, c, f) -> (k, c, f)>],
                         iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%w : tensor<4x2x16xbf16>) outs(%e : tensor<2x2x16xbf16>) {
  ^bb0(%a: bf16, %b: bf16):
    linalg.yield %a : bf16
  } -> tensor<2x2x16xbf16>
  %y0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                                tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%x, %even : tensor<1x5x2xbf16>, tensor<2x2x16xbf16>) outs(%init : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  %y1 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                                tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%x, %odd : tensor<1x5x2xbf16>, tensor<2x2x16xbf16>) outs(%init : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  return %y0, %y1 : tensor<1x4x16xf32>, tensor<1x4x16xf32>
}

// -----

// Winograd's products in a parallel loop, each reading one entry of U made
// before it: U is packed in pairs once, outside the loop, and each product
// reads its entry of the packed copy; no copy is made in the loop.

// CHECK-LABEL: func.func @stack_entries(
//  CHECK-SAME:     %{{.*}}: tensor<4x1x4x2xbf16>, %[[U:.*]]: tensor<4x1x2x16xbf16>
//       CHECK:   %[[SPLIT:.*]] = tensor.expand_shape %[[U]]
//       CHECK:   %[[BLOCKED:.*]] = linalg.generic {{.*}} ins(%[[SPLIT]] : tensor<4x1x1x2x1x16xbf16>) outs(%{{.*}} : tensor<1x4x1x1x16x2xbf16>)
//       CHECK:   %[[PAIRS:.*]] = tensor.collapse_shape %[[BLOCKED]] {{.*}} into tensor<1x4x1x1x32xbf16>
//       CHECK:   scf.forall (%[[K:.*]]) in (4)
//   CHECK-NOT:     linalg.generic
//       CHECK:     %[[UK:.*]] = tensor.extract_slice %[[PAIRS]][0, %[[K]], 0, 0, 0] [1, 1, 1, 1, 32] [1, 1, 1, 1, 1] : tensor<1x4x1x1x32xbf16> to tensor<1x1x1x32xbf16>
//       CHECK:     %[[W0:.*]] = vector.transfer_read %[[UK]][%c0, %c0, %c0, %c0]
//       CHECK:     x86vector.avx512.dot %{{.*}}, %[[W0]], %{{.*}} : vector<32xbf16> -> vector<16xf32>
// CHECK-COUNT-3:   x86vector.avx512.dot %{{.*}}, %[[W0]], %{{.*}} : vector<32xbf16> -> vector<16xf32>
//   CHECK-NOT:     linalg.generic
func.func @stack_entries(%v: tensor<4x1x4x2xbf16>, %u: tensor<4x1x2x16xbf16>, %init: tensor<4x1x4x16xf32>) -> tensor<4x1x4x16xf32> {
  %m = scf.forall (%k) in (4) shared_outs(%out = %init) -> (tensor<4x1x4x16xf32>) {
    %vk = tensor.extract_slice %v[%k, 0, 0, 0] [1, 1, 4, 2] [1, 1, 1, 1] : tensor<4x1x4x2xbf16> to tensor<1x4x2xbf16>
    %uk = tensor.extract_slice %u[%k, 0, 0, 0] [1, 1, 2, 16] [1, 1, 1, 1] : tensor<4x1x2x16xbf16> to tensor<1x2x16xbf16>
    %mk = tensor.extract_slice %out[%k, 0, 0, 0] [1, 1, 4, 16] [1, 1, 1, 1] : tensor<4x1x4x16xf32> to tensor<1x4x16xf32>
    %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                                 tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
        ins(%vk, %uk : tensor<1x4x2xbf16>, tensor<1x2x16xbf16>) outs(%mk : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %y into %out[%k, 0, 0, 0] [1, 1, 4, 16] [1, 1, 1, 1] : tensor<1x4x16xf32> into tensor<4x1x4x16xf32>
    }
  }
  return %m : tensor<4x1x4x16xf32>
}

// -----

// Zero columns around the input: the first and last tiles along the width
// are split off (they leave out the taps that read them), each part with
// its own fill of the initial value, which its tiles fuse: the accumulators
// start from zero in registers; no fill of the whole output is left to be
// written and read back.

// CHECK-LABEL: func.func @border_tiles(
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<16xf32>
//   CHECK-NOT:   linalg.fill
//       CHECK:   x86vector.avx512.dot %[[ZERO]],
//       CHECK:   scf.forall
//       CHECK:     x86vector.avx512.dot %[[ZERO]],
//       CHECK:   x86vector.avx512.dot %[[ZERO]],
//   CHECK-NOT:   linalg.fill
func.func @border_tiles(%x: tensor<1x14x2xbf16>, %w: tensor<3x2x16xbf16>) -> tensor<1x14x16xf32> {
  %zb = arith.constant 0.0 : bf16
  %zf = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 1, 0] high[0, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index):
    tensor.yield %zb : bf16
  } : tensor<1x14x2xbf16> to tensor<1x16x2xbf16>
  %e = tensor.empty() : tensor<1x14x16xf32>
  %init = linalg.fill ins(%zf : f32) outs(%e : tensor<1x14x16xf32>) -> tensor<1x14x16xf32>
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                               tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%p, %w : tensor<1x16x2xbf16>, tensor<3x2x16xbf16>) outs(%init : tensor<1x14x16xf32>) -> tensor<1x14x16xf32>
  return %y : tensor<1x14x16xf32>
}

// -----

// bf16 operands into f32 accumulators without dot_width: not this pass's
// (tconv-convert-to-linalg extends them to f32 for the FMA schedule).

// CHECK-LABEL: func.func @no_dot_width(
//       CHECK:   linalg.conv_1d_nwc_wcf
//   CHECK-NOT:   x86vector
func.func @no_dot_width(%x: tensor<1x5x2xbf16>, %w: tensor<2x2x16xbf16>, %init: tensor<1x4x16xf32>) -> tensor<1x4x16xf32> {
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>,
                               tconv.schedule = {c_tile = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}}
      ins(%x, %w : tensor<1x5x2xbf16>, tensor<2x2x16xbf16>) outs(%init : tensor<1x4x16xf32>) -> tensor<1x4x16xf32>
  return %y : tensor<1x4x16xf32>
}
