// RUN: tconv-opt %s --tconv-vectorize-convs --canonicalize --cse -split-input-file | FileCheck %s

// 1-D, stride 2: output tiles of 2 positions x 16 channels, distributed by
// scf.forall; the reduction takes 2 steps of 4 channels with the 3 taps
// unrolled, 3 x 4 x 2 x 2 = 48 FMAs per step, the 4 accumulators in vector
// iter_args (the strided output tile is written through slices).

// CHECK-LABEL: func.func @conv1d
//       CHECK:   scf.forall (%[[N:.*]], %[[OW:.*]]) = (0, 0) to (2, 10) step (1, 2)
//       CHECK:     %[[IW:.*]] = affine.apply #{{.*}}(%[[OW]])
//       CHECK:     tensor.extract_slice %{{.*}}[%[[N]], %[[IW]], 0] [1, 5, 8] [1, 1, 1] : tensor<2x21x8xf32> to tensor<1x5x8xf32>
//       CHECK:     scf.for %{{.*}} = %c0 to %c8 step %c4 iter_args({{.*}}) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
// CHECK-COUNT-48:  vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:     vector.fma
//   CHECK-NOT:     linalg.conv
//       CHECK:     scf.forall.in_parallel
func.func @conv1d(%x: tensor<2x21x8xf32>, %w: tensor<3x8x16xf32>, %init: tensor<2x10x16xf32>) -> tensor<2x10x16xf32> {
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>}
      ins(%x, %w : tensor<2x21x8xf32>, tensor<3x8x16xf32>) outs(%init : tensor<2x10x16xf32>) -> tensor<2x10x16xf32>
  return %y : tensor<2x10x16xf32>
}

// -----

// 3-D f64: vectors of 4 lanes; loops over kernel depth and height carry the
// 4 x 2 accumulators; each step is 3 x 4 x 4 x 2 = 96 FMAs.

// CHECK-LABEL: func.func @conv3d_f64
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}) in (3, 3)
//       CHECK:     scf.for %{{.*}} = %c0 to %c2 step %c1 iter_args({{.*}}) -> (vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>)
//       CHECK:       scf.for %{{.*}} = %c0 to %c2 step %c1 iter_args({{.*}}) -> (vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>, vector<4xf64>)
// CHECK-COUNT-96:    vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<4xf64>
//   CHECK-NOT:     vector.fma
//   CHECK-NOT:     linalg.conv
func.func @conv3d_f64(%x: tensor<1x4x4x6x4xf64>, %w: tensor<2x2x3x4x8xf64>, %init: tensor<1x3x3x4x8xf64>) -> tensor<1x3x3x4x8xf64> {
  %y = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
      ins(%x, %w : tensor<1x4x4x6x4xf64>, tensor<2x2x3x4x8xf64>) outs(%init : tensor<1x3x3x4x8xf64>) -> tensor<1x3x3x4x8xf64>
  return %y : tensor<1x3x3x4x8xf64>
}

// -----

// Only static channels-last f32/f64 convolutions (full or depthwise) are
// scheduled.

// CHECK-LABEL: func.func @not_scheduled
//       CHECK:   linalg.conv_2d_nchw_fchw
//       CHECK:   linalg.conv_2d_nhwc_hwcf {{.*}} -> tensor<1x4x4x8xf16>
//       CHECK:   linalg.conv_2d_nhwc_hwcf {{.*}} -> tensor<?x4x4x8xf32>
//   CHECK-NOT:   vector.
func.func @not_scheduled(%a: tensor<1x3x6x6xf32>, %b: tensor<8x3x3x3xf32>, %c: tensor<1x8x4x4xf32>,
                         %d: tensor<1x6x6x3xf16>, %e: tensor<3x3x3x8xf16>, %f: tensor<1x4x4x8xf16>,
                         %g: tensor<?x6x6x3xf32>, %h: tensor<3x3x3x8xf32>, %i: tensor<?x4x4x8xf32>)
    -> (tensor<1x8x4x4xf32>, tensor<1x4x4x8xf16>, tensor<?x4x4x8xf32>) {
  %0 = linalg.conv_2d_nchw_fchw ins(%a, %b : tensor<1x3x6x6xf32>, tensor<8x3x3x3xf32>) outs(%c : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %1 = linalg.conv_2d_nhwc_hwcf ins(%d, %e : tensor<1x6x6x3xf16>, tensor<3x3x3x8xf16>) outs(%f : tensor<1x4x4x8xf16>) -> tensor<1x4x4x8xf16>
  %2 = linalg.conv_2d_nhwc_hwcf ins(%g, %h : tensor<?x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<?x4x4x8xf32>) -> tensor<?x4x4x8xf32>
  return %0, %1, %2 : tensor<1x8x4x4xf32>, tensor<1x4x4x8xf16>, tensor<?x4x4x8xf32>
}

// -----

// Depthwise: channels are the vector dim; each kernel row is one step of
// 3 (kw) x 4 (ow) x 2 (vectors) = 24 FMAs on register accumulators.

// CHECK-LABEL: func.func @depthwise2d
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (32, 4, 8) step (16, 1, 4)
//       CHECK:     scf.for %{{.*}} = %c0 to %c3 step %c1 iter_args({{.*}}) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
// CHECK-COUNT-24:  vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:     vector.fma
//   CHECK-NOT:     linalg.depthwise
func.func @depthwise2d(%x: tensor<1x6x10x32xf32>, %w: tensor<3x3x32xf32>, %init: tensor<1x4x8x32xf32>) -> tensor<1x4x8x32xf32> {
  %y = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x6x10x32xf32>, tensor<3x3x32xf32>) outs(%init : tensor<1x4x8x32xf32>) -> tensor<1x4x8x32xf32>
  return %y : tensor<1x4x8x32xf32>
}

// -----

// The 3-D depthwise op orders its loops (n, od, oh, ow, kd, kh, kw, c):
// channels are still found and vectorized.

// CHECK-LABEL: func.func @depthwise3d
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
//       CHECK:     scf.for %{{.*}} = %c0 to %c2 step %c1
//       CHECK:       scf.for %{{.*}} = %c0 to %c2 step %c1
// CHECK-COUNT-12:    vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:     vector.fma
func.func @depthwise3d(%x: tensor<1x3x3x6x8xf32>, %w: tensor<2x2x3x8xf32>, %init: tensor<1x2x2x4x8xf32>) -> tensor<1x2x2x4x8xf32> {
  %y = linalg.depthwise_conv_3d_ndhwc_dhwc {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
      ins(%x, %w : tensor<1x3x3x6x8xf32>, tensor<2x2x3x8xf32>) outs(%init : tensor<1x2x2x4x8xf32>) -> tensor<1x2x2x4x8xf32>
  return %y : tensor<1x2x2x4x8xf32>
}

// -----

// A kernel wider than 16 taps is not unrolled: one tap per step of a loop
// over the kernel width. 8 output channels are one vector where f-tile asks
// for two: tiles take 8 output positions instead of 4, so 4 (c) x 8 (ow) =
// 32 FMAs per step into 8 accumulators.

// CHECK-LABEL: func.func @wide_kernel
//       CHECK:   scf.forall (%{{.*}}) = (0) to (24) step (8)
//       CHECK:     scf.for %{{.*}} = %c0 to %c20 step %c1 iter_args({{.*}}) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
//       CHECK:       scf.for %{{.*}} = %c0 to %c8 step %c4 iter_args
// CHECK-COUNT-32:  vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:     vector.fma
func.func @wide_kernel(%x: tensor<1x43x8xf32>, %w: tensor<20x8x8xf32>, %init: tensor<1x24x8xf32>) -> tensor<1x24x8xf32> {
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
      ins(%x, %w : tensor<1x43x8xf32>, tensor<20x8x8xf32>) outs(%init : tensor<1x24x8xf32>) -> tensor<1x24x8xf32>
  return %y : tensor<1x24x8xf32>
}

// -----

// A fill initializing the output is fused into the output tiles: the
// accumulators start from the fill value in registers, the output starts
// as a tensor.empty and each element is written once.

// CHECK-LABEL: func.func @fill_init
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//   CHECK-DAG:   %[[OUT:.*]] = tensor.empty() : tensor<1x8x16xf32>
//   CHECK-NOT:   linalg.fill
//       CHECK:   scf.forall {{.*}} shared_outs(%{{.*}} = %[[OUT]])
//   CHECK-NOT:     vector.transfer_write %[[ZERO]]
//       CHECK:     scf.for %{{.*}} iter_args(%{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]])
//       CHECK:       vector.fma
//   CHECK-NOT:   linalg.fill
func.func @fill_init(%x: tensor<1x10x8xf32>, %w: tensor<3x8x16xf32>) -> tensor<1x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
      ins(%x, %w : tensor<1x10x8xf32>, tensor<3x8x16xf32>) outs(%init : tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %y : tensor<1x8x16xf32>
}

// -----

// In 2-D the accumulators are read through a rank-reducing slice of the
// output tile: they still start from the fill value, not from loads of
// the zeros written to the tile, and the zeros, all overwritten by the
// accumulators, are not written.

// CHECK-LABEL: func.func @fill_init_2d
//   CHECK-DAG:   %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8xf32>
//       CHECK:   scf.forall
//   CHECK-NOT:     vector.transfer_write %[[ZERO]]
//   CHECK-NOT:     vector.transfer_read %{{.*}} : tensor<1x4x16xf32>
//       CHECK:     scf.for %{{.*}} iter_args(%{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]], %{{.*}} = %[[ZERO]])
//       CHECK:       vector.fma
//       CHECK:     vector.transfer_write %{{.*}} : vector<8xf32>, tensor<1x4x16xf32>
func.func @fill_init_2d(%x: tensor<1x4x10x8xf32>, %w: tensor<2x3x8x16xf32>) -> tensor<1x3x8x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x3x8x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x3x8x16xf32>) -> tensor<1x3x8x16xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%x, %w : tensor<1x4x10x8xf32>, tensor<2x3x8x16xf32>) outs(%init : tensor<1x3x8x16xf32>) -> tensor<1x3x8x16xf32>
  return %y : tensor<1x3x8x16xf32>
}

// -----

// A kernel 2 taps wide (a phase of a stride-2 transposed convolution) takes
// one input channel per step: 2 (kw) x 4 (ow) x 2 (vectors) = 16 FMAs.

// CHECK-LABEL: func.func @narrow_kernel
//       CHECK:   scf.forall (%{{.*}}) = (0) to (8) step (4)
//       CHECK:     scf.for %{{.*}} = %c0 to %c8 step %c1 iter_args({{.*}}) -> (vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>, vector<8xf32>)
// CHECK-COUNT-16:  vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:     vector.fma
func.func @narrow_kernel(%x: tensor<1x9x8xf32>, %w: tensor<2x8x16xf32>, %init: tensor<1x8x16xf32>) -> tensor<1x8x16xf32> {
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
      ins(%x, %w : tensor<1x9x8xf32>, tensor<2x8x16xf32>) outs(%init : tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %y : tensor<1x8x16xf32>
}

// -----

// A recorded schedule (tconv-select-strategy) wins over the options: tiles
// of 5 positions x 8 channels, all 8 input channels and 3 taps in one step,
// 5 x 8 x 3 = 120 FMAs, no reduction loop.

// CHECK-LABEL: func.func @recorded_schedule
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) = (0, 0, 0) to (16, 2, 10) step (8, 1, 5)
//   CHECK-NOT:     scf.for
// CHECK-COUNT-120: vector.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<8xf32>
//   CHECK-NOT:     vector.fma
func.func @recorded_schedule(%x: tensor<2x21x8xf32>, %w: tensor<3x8x16xf32>, %init: tensor<2x10x16xf32>) -> tensor<2x10x16xf32> {
  %y = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<2> : tensor<1xi64>,
                               tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 5, f_tile = 8, c_tile = 8, kw_tile = 3}}
      ins(%x, %w : tensor<2x21x8xf32>, tensor<3x8x16xf32>) outs(%init : tensor<2x10x16xf32>) -> tensor<2x10x16xf32>
  return %y : tensor<2x10x16xf32>
}

// -----

// The same 2-D convolution in both tile orders: channel blocks outermost,
// or (rows_outer) output rows first, the two blocks of 8 channels inside
// each row; the tiles themselves are the same: per kernel row, 3 taps x 3
// input channels x 4 positions = 36 FMAs.

// CHECK-LABEL: func.func @channel_blocks_first
//       CHECK:   scf.forall (%[[F:.*]], %[[OH:.*]], %[[OW:.*]]) = (0, 0, 0) to (16, 4, 8) step (8, 1, 4)
//       CHECK:     tensor.extract_slice %{{.*}}[0, %[[OH]], %[[OW]], 0] [1, 3, 6, 3]
//       CHECK:     tensor.extract_slice %{{.*}}[0, %[[OH]], %[[OW]], %[[F]]] [1, 1, 4, 8]
// CHECK-COUNT-36:  vector.fma
//   CHECK-NOT:     vector.fma
func.func @channel_blocks_first(%x: tensor<1x6x10x3xf32>, %w: tensor<3x3x3x16xf32>, %init: tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
                                 tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 4, f_tile = 8, c_tile = 3, kw_tile = 3}}
      ins(%x, %w : tensor<1x6x10x3xf32>, tensor<3x3x3x16xf32>) outs(%init : tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32>
  return %y : tensor<1x4x8x16xf32>
}

// CHECK-LABEL: func.func @rows_first
//       CHECK:   scf.forall (%[[OH:.*]], %[[F:.*]], %[[OW:.*]]) = (0, 0, 0) to (4, 16, 8) step (1, 8, 4)
//       CHECK:     tensor.extract_slice %{{.*}}[0, %[[OH]], %[[OW]], 0] [1, 3, 6, 3]
//       CHECK:     tensor.extract_slice %{{.*}}[0, %[[OH]], %[[OW]], %[[F]]] [1, 1, 4, 8]
// CHECK-COUNT-36:  vector.fma
//   CHECK-NOT:     vector.fma
func.func @rows_first(%x: tensor<1x6x10x3xf32>, %w: tensor<3x3x3x16xf32>, %init: tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
                                 tconv.schedule = {kind = "channels-last", vector_width = 8, ow_tile = 4, f_tile = 8, c_tile = 3, kw_tile = 3, rows_outer = 1}}
      ins(%x, %w : tensor<1x6x10x3xf32>, tensor<3x3x3x16xf32>) outs(%init : tensor<1x4x8x16xf32>) -> tensor<1x4x8x16xf32>
  return %y : tensor<1x4x8x16xf32>
}

// -----

// A convolution recorded for another schedule is left alone.

// CHECK-LABEL: func.func @other_kind
//       CHECK:   linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "plain"}}
//   CHECK-NOT:   vector.
func.func @other_kind(%x: tensor<1x6x6x3xf32>, %w: tensor<3x3x3x8xf32>, %i: tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "plain"}}
      ins(%x, %w : tensor<1x6x6x3xf32>, tensor<3x3x3x8xf32>) outs(%i : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  return %y : tensor<1x4x4x8xf32>
}
