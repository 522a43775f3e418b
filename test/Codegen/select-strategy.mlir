// RUN: tconv-opt %s -split-input-file --tconv-select-strategy="vector-width=8 f-tile=16" | FileCheck %s --check-prefix=AVX2
// RUN: tconv-opt %s -split-input-file --tconv-select-strategy="vector-width=16 f-tile=32 ow-tile=14 c-tile=1" | FileCheck %s --check-prefix=AVX512

// The schedule each convolution gets on AVX2 (8 f32 lanes) and AVX-512 (16),
// with the tiles tconv-run and tconv-compile pick for each: two vectors of
// output channels; 4 output positions and 4 input channels per step with
// AVX2's 16 registers, up to 14 positions (28 accumulators) and 1 channel
// with AVX-512's 32. A direct convolution whose filter is at most 512 KiB
// and no larger than its input orders its tiles rows first (rows_outer).
// Only the recorded decisions are checked: the passes carrying them out
// have their own tests.

// C2: 64 -> 64 channels, 3x3: channels-last, two vectors of output
// channels per tile; with AVX2 4 input channels per step, the whole kernel row
// unrolled; with AVX-512 14 x 2 accumulators, one tap per step (the row's 16
// broadcasts and 6 filter vectors would not fit next to them).

// AVX2-LABEL: func.func @c2_3x3(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @c2_3x3(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @c2_3x3(%x: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}

// -----

// A phase of T1 (512 -> 256 channels, stride-2 4x4 transposed): kernels 2
// wide take one input channel per step; on AVX-512 the 8 outputs of a row
// x 2 vectors leave room for both taps. Its 2 MiB filter keeps channel
// blocks first.

// AVX2-LABEL: func.func @t1_phase(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @t1_phase(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 14 : i64, vector_width = 16 : i64}}
func.func @t1_phase(%x: tensor<8x512x9x9xf32>, %w: tensor<256x512x2x2xf32>) -> tensor<8x256x8x8xf32> {
  %y = tconv.conv %x, %w : (tensor<8x512x9x9xf32>, tensor<256x512x2x2xf32>) -> tensor<8x256x8x8xf32>
  return %y : tensor<8x256x8x8xf32>
}

// -----

// 3 output channels, stride 2 along the width: no width vectors; a tile
// holds one partly used channel vector, so twice the output positions.

// AVX2-LABEL: func.func @three_channels_strided(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 8 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @three_channels_strided(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 28 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @three_channels_strided(%x: tensor<1x16x33x33xf32>, %w: tensor<3x16x3x3xf32>) -> tensor<1x3x16x16xf32> {
  %y = tconv.conv %x, %w strides = [2, 2] : (tensor<1x16x33x33xf32>, tensor<3x16x3x3xf32>) -> tensor<1x3x16x16xf32>
  return %y : tensor<1x3x16x16xf32>
}

// -----

// 3 output channels, 16 outputs along the width: width vectors; 3 channels
// x 2 rows of accumulators on AVX2, 3 x 4 on AVX-512.

// AVX2-LABEL: func.func @three_channels_wide(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 3 : i64, kind = "width", row_tile = 2 : i64, vec_tile = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @three_channels_wide(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 3 : i64, kind = "width", row_tile = 4 : i64, vec_tile = 1 : i64, vector_width = 16 : i64}}
func.func @three_channels_wide(%x: tensor<1x16x18x18xf32>, %w: tensor<3x16x3x3xf32>) -> tensor<1x3x16x16xf32> {
  %y = tconv.conv %x, %w : (tensor<1x16x18x18xf32>, tensor<3x16x3x3xf32>) -> tensor<1x3x16x16xf32>
  return %y : tensor<1x3x16x16xf32>
}

// -----

// 16 output channels: two full vectors on AVX2, half of the 32-channel tile
// on AVX-512, which doubles the output positions instead.

// AVX2-LABEL: func.func @sixteen_channels_strided(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @sixteen_channels_strided(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 28 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @sixteen_channels_strided(%x: tensor<1x8x33x33xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32> {
  %y = tconv.conv %x, %w strides = [2, 2] : (tensor<1x8x33x33xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x16x16xf32>
  return %y : tensor<1x16x16x16xf32>
}

// -----

// 3-D, 8 output channels, 18 along the width: a whole vector of channels,
// channels-last, on AVX2; width vectors on AVX-512 (fewer than 16 channels).

// AVX2-LABEL: func.func @eight_channels_3d(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 8 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @eight_channels_3d(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 4 : i64, kind = "width", row_tile = 4 : i64, vec_tile = 1 : i64, vector_width = 16 : i64}}
func.func @eight_channels_3d(%x: tensor<1x8x6x6x20xf32>, %w: tensor<8x8x3x3x3xf32>) -> tensor<1x8x4x4x18xf32> {
  %y = tconv.conv %x, %w : (tensor<1x8x6x6x20xf32>, tensor<8x8x3x3x3xf32>) -> tensor<1x8x4x4x18xf32>
  return %y : tensor<1x8x4x4x18xf32>
}

// -----

// 16 output channels: a whole vector on AVX-512 too, channels-last there,
// the positions scaled up to keep the accumulators of two vectors.

// AVX2-LABEL: func.func @sixteen_channels_3d(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @sixteen_channels_3d(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 28 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @sixteen_channels_3d(%x: tensor<1x8x6x6x20xf32>, %w: tensor<16x8x3x3x3xf32>) -> tensor<1x16x4x4x18xf32> {
  %y = tconv.conv %x, %w : (tensor<1x8x6x6x20xf32>, tensor<16x8x3x3x3xf32>) -> tensor<1x16x4x4x18xf32>
  return %y : tensor<1x16x4x4x18xf32>
}

// -----

// 1-D, 4 output channels, 64 along the width: width vectors, several along
// the width per tile (8 accumulators on AVX2, 16 on AVX-512).

// AVX2-LABEL: func.func @four_channels_1d(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 4 : i64, kind = "width", row_tile = 1 : i64, vec_tile = 2 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @four_channels_1d(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 4 : i64, kind = "width", row_tile = 1 : i64, vec_tile = 4 : i64, vector_width = 16 : i64}}
func.func @four_channels_1d(%x: tensor<1x8x66xf32>, %w: tensor<4x8x3xf32>) -> tensor<1x4x64xf32> {
  %y = tconv.conv %x, %w : (tensor<1x8x66xf32>, tensor<4x8x3xf32>) -> tensor<1x4x64xf32>
  return %y : tensor<1x4x64xf32>
}

// -----

// 1-D, wide kernels (vocoder-like): on AVX2 16 taps are unrolled with 3
// input channels per step (at most 48 products), 17 taps one at a time;
// AVX-512's 28 accumulators take one tap at a time.

// AVX2-LABEL: func.func @wide_kernel_1d(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 3 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 16 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}}
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @wide_kernel_1d(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, vector_width = 16 : i64}}
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, vector_width = 16 : i64}}
func.func @wide_kernel_1d(%x: tensor<1x64x115xf32>, %w: tensor<100x64x16xf32>, %w17: tensor<100x64x17xf32>) -> (tensor<1x100x100xf32>, tensor<1x100x99xf32>) {
  %a = tconv.conv %x, %w : (tensor<1x64x115xf32>, tensor<100x64x16xf32>) -> tensor<1x100x100xf32>
  %b = tconv.conv %x, %w17 : (tensor<1x64x115xf32>, tensor<100x64x17xf32>) -> tensor<1x100x99xf32>
  return %a, %b : tensor<1x100x100xf32>, tensor<1x100x99xf32>
}

// -----

// Depthwise: channels-last without an input-channel tile (on AVX-512 one
// tap per step: each tap's input vectors are its own); with a channel
// multiplier: channels-last loops.

// AVX2-LABEL: func.func @depthwise(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {kind = "channels-last-loops"}}
// AVX512-LABEL: func.func @depthwise(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {kind = "channels-last-loops"}}
func.func @depthwise(%x: tensor<1x32x16x16xf32>, %w: tensor<32x1x3x3xf32>, %wm: tensor<64x1x3x3xf32>) -> (tensor<1x32x14x14xf32>, tensor<1x64x14x14xf32>) {
  %a = tconv.conv %x, %w group = 32 : (tensor<1x32x16x16xf32>, tensor<32x1x3x3xf32>) -> tensor<1x32x14x14xf32>
  %b = tconv.conv %x, %wm group = 32 : (tensor<1x32x16x16xf32>, tensor<64x1x3x3xf32>) -> tensor<1x64x14x14xf32>
  return %a, %b : tensor<1x32x14x14xf32>, tensor<1x64x14x14xf32>
}

// -----

// Grouped (2 groups of 4 channels): NCHW loops.

// AVX2-LABEL: func.func @grouped(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {kind = "plain"}}
// AVX512-LABEL: func.func @grouped(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {kind = "plain"}}
func.func @grouped(%x: tensor<1x8x16x16xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x8x14x14xf32> {
  %y = tconv.conv %x, %w group = 2 : (tensor<1x8x16x16xf32>, tensor<8x4x3x3xf32>) -> tensor<1x8x14x14xf32>
  return %y : tensor<1x8x14x14xf32>
}

// -----

// f16 and bf16 accumulate in f32: f32 tiles; never width vectors.

// AVX2-LABEL: func.func @half(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 8 : i64, rows_outer = 1 : i64, vector_width = 8 : i64}}
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @half(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 28 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 14 : i64, vector_width = 16 : i64}}
func.func @half(%x: tensor<1x16x18x18xf16>, %w: tensor<3x16x3x3xf16>, %xb: tensor<1x16x18x18xbf16>, %wb: tensor<64x16x3x3xbf16>) -> (tensor<1x3x16x16xf16>, tensor<1x64x16x16xbf16>) {
  %a = tconv.conv %x, %w : (tensor<1x16x18x18xf16>, tensor<3x16x3x3xf16>) -> tensor<1x3x16x16xf16>
  %b = tconv.conv %xb, %wb : (tensor<1x16x18x18xbf16>, tensor<64x16x3x3xbf16>) -> tensor<1x64x16x16xbf16>
  return %a, %b : tensor<1x3x16x16xf16>, tensor<1x64x16x16xbf16>
}

// -----

// f64: half the lanes, the same bytes per tile.

// AVX2-LABEL: func.func @double(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 8 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, vector_width = 4 : i64}}
// AVX512-LABEL: func.func @double(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 14 : i64, vector_width = 8 : i64}}
func.func @double(%x: tensor<1x16x18x18xf64>, %w: tensor<64x16x3x3xf64>) -> tensor<1x64x16x16xf64> {
  %y = tconv.conv %x, %w : (tensor<1x16x18x18xf64>, tensor<64x16x3x3xf64>) -> tensor<1x64x16x16xf64>
  return %y : tensor<1x64x16x16xf64>
}

// -----

// Depthwise transposed convolutions that tconv-lower-depthwise-transpose
// takes: vectors along output rows, in lanes of the accumulator type. Other
// transposed ones get no schedule: their direct convolutions get one once
// decomposed.

// AVX2-LABEL: func.func @transposed(
//       AVX2:   tconv.conv_transpose {{.*}} {tconv.schedule = {kind = "depthwise-rows", vector_width = 8 : i64}} : {{.*}} -> tensor<1x8x32x32xf32>
//       AVX2:   tconv.conv_transpose {{.*}} pads = [1, 1, 1, 1] : (tensor<1x8x16x16xf32>, tensor<8x4x4x4xf32>) -> tensor<1x4x32x32xf32>
//       AVX2:   tconv.conv_transpose {{.*}} {tconv.schedule = {kind = "depthwise-rows", vector_width = 8 : i64}} : {{.*}} -> tensor<1x8x32x32xf16>
//       AVX2:   tconv.conv_transpose {{.*}} {tconv.schedule = {kind = "depthwise-rows", vector_width = 4 : i64}} : {{.*}} -> tensor<1x8x32x32xf64>
// AVX512-LABEL: func.func @transposed(
//       AVX512:   tconv.conv_transpose {{.*}} {tconv.schedule = {kind = "depthwise-rows", vector_width = 16 : i64}} : {{.*}} -> tensor<1x8x32x32xf32>
//       AVX512:   tconv.conv_transpose {{.*}} pads = [1, 1, 1, 1] : (tensor<1x8x16x16xf32>, tensor<8x4x4x4xf32>) -> tensor<1x4x32x32xf32>
//       AVX512:   tconv.conv_transpose {{.*}} {tconv.schedule = {kind = "depthwise-rows", vector_width = 16 : i64}} : {{.*}} -> tensor<1x8x32x32xf16>
//       AVX512:   tconv.conv_transpose {{.*}} {tconv.schedule = {kind = "depthwise-rows", vector_width = 8 : i64}} : {{.*}} -> tensor<1x8x32x32xf64>
func.func @transposed(%x: tensor<1x8x16x16xf32>, %w: tensor<8x1x4x4xf32>, %wf: tensor<8x4x4x4xf32>,
                      %xh: tensor<1x8x16x16xf16>, %wh: tensor<8x1x4x4xf16>,
                      %xd: tensor<1x8x16x16xf64>, %wd: tensor<8x1x4x4xf64>)
    -> (tensor<1x8x32x32xf32>, tensor<1x4x32x32xf32>, tensor<1x8x32x32xf16>, tensor<1x8x32x32xf64>) {
  %a = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 8
      : (tensor<1x8x16x16xf32>, tensor<8x1x4x4xf32>) -> tensor<1x8x32x32xf32>
  %b = tconv.conv_transpose %x, %wf strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x16x16xf32>, tensor<8x4x4x4xf32>) -> tensor<1x4x32x32xf32>
  %c = tconv.conv_transpose %xh, %wh strides = [2, 2] pads = [1, 1, 1, 1] group = 8
      : (tensor<1x8x16x16xf16>, tensor<8x1x4x4xf16>) -> tensor<1x8x32x32xf16>
  %d = tconv.conv_transpose %xd, %wd strides = [2, 2] pads = [1, 1, 1, 1] group = 8
      : (tensor<1x8x16x16xf64>, tensor<8x1x4x4xf64>) -> tensor<1x8x32x32xf64>
  return %a, %b, %c, %d : tensor<1x8x32x32xf32>, tensor<1x4x32x32xf32>, tensor<1x8x32x32xf16>, tensor<1x8x32x32xf64>
}

// -----

// A 256 KiB filter, within the limit, but on a 16 KiB input: each thread
// would read the whole filter to save re-reading a small input, so channel
// blocks stay first. With the same filter on a 1 MiB input (a phase of T4),
// rows first.

// AVX512-LABEL: func.func @filter_larger_than_input(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, vector_width = 16 : i64}}
func.func @filter_larger_than_input(%x: tensor<1x256x4x4xf32>, %w: tensor<256x256x1x1xf32>) -> tensor<1x256x4x4xf32> {
  %y = tconv.conv %x, %w : (tensor<1x256x4x4xf32>, tensor<256x256x1x1xf32>) -> tensor<1x256x4x4xf32>
  return %y : tensor<1x256x4x4xf32>
}

// AVX512-LABEL: func.func @t4_phase_inside(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 14 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @t4_phase_inside(%x: tensor<1x256x32x32xf32>, %w: tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x128x32x32xf32>
  %y = tconv.conv %x, %w : (tensor<1x256x32x32xf32>, tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32>
  %r = arith.maximumf %y, %zero : tensor<1x128x32x32xf32>
  return %r : tensor<1x128x32x32xf32>
}

// -----

// Between the caller's NCHW input and its NCHW result, a pointwise
// convolution (T4's phases) stays NCHW with width vectors, on AVX2 too:
// channels-last tiles would reuse no input value across taps and cost two
// layout changes. With taps (the 3-D T6's phases, one vector of output
// channels) it stays channels-last, and so does a pointwise one reading
// another op's result or sharing its input with one that has taps (T6's
// 1x1x1 phase, which takes the others' layout change).

// AVX2-LABEL: func.func @t4_phase(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 4 : i64, kind = "width", row_tile = 2 : i64, vec_tile = 1 : i64, vector_width = 8 : i64}}
// AVX512-LABEL: func.func @t4_phase(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {f_tile = 4 : i64, kind = "width", row_tile = 4 : i64, vec_tile = 1 : i64, vector_width = 16 : i64}}
func.func @t4_phase(%x: tensor<1x256x32x32xf32>, %w: tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32> {
  %y = tconv.conv %x, %w : (tensor<1x256x32x32xf32>, tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32>
  return %y : tensor<1x128x32x32xf32>
}

// AVX2-LABEL: func.func @t6_phase(
//       AVX2:   tconv.conv {{.*}} {tconv.schedule = {{{.*}}kind = "channels-last"
// AVX512-LABEL: func.func @t6_phase(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {{{.*}}kind = "channels-last"
func.func @t6_phase(%x: tensor<1x32x16x16x16xf32>, %w: tensor<16x32x1x1x2xf32>) -> tensor<1x16x32x32x32xf32> {
  %empty = tensor.empty() : tensor<1x16x32x32x32xf32>
  %y = tconv.conv %x, %w pads = [0, 0, 0, 0, 0, 1] : (tensor<1x32x16x16x16xf32>, tensor<16x32x1x1x2xf32>) -> tensor<1x16x16x16x16xf32>
  %phase = tensor.insert_slice %y into %empty[0, 0, 0, 0, 1] [1, 16, 16, 16, 16] [1, 1, 2, 2, 2] : tensor<1x16x16x16x16xf32> into tensor<1x16x32x32x32xf32>
  return %phase : tensor<1x16x32x32x32xf32>
}

// AVX512-LABEL: func.func @pointwise_and_taps(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {{{.*}}kind = "channels-last"
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {{{.*}}kind = "channels-last"
func.func @pointwise_and_taps(%x: tensor<1x32x16x16x16xf32>, %w: tensor<16x32x1x1x1xf32>, %w2: tensor<16x32x1x1x2xf32>) -> tensor<1x16x32x32x32xf32> {
  %empty = tensor.empty() : tensor<1x16x32x32x32xf32>
  %y = tconv.conv %x, %w : (tensor<1x32x16x16x16xf32>, tensor<16x32x1x1x1xf32>) -> tensor<1x16x16x16x16xf32>
  %p0 = tensor.insert_slice %y into %empty[0, 0, 0, 0, 0] [1, 16, 16, 16, 16] [1, 1, 2, 2, 2] : tensor<1x16x16x16x16xf32> into tensor<1x16x32x32x32xf32>
  %y2 = tconv.conv %x, %w2 pads = [0, 0, 0, 0, 0, 1] : (tensor<1x32x16x16x16xf32>, tensor<16x32x1x1x2xf32>) -> tensor<1x16x16x16x16xf32>
  %p1 = tensor.insert_slice %y2 into %p0[0, 0, 0, 0, 1] [1, 16, 16, 16, 16] [1, 1, 2, 2, 2] : tensor<1x16x16x16x16xf32> into tensor<1x16x32x32x32xf32>
  return %p1 : tensor<1x16x32x32x32xf32>
}

// AVX512-LABEL: func.func @pointwise_of_a_result(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {{{.*}}kind = "channels-last"
func.func @pointwise_of_a_result(%x: tensor<1x256x32x32xf32>, %w: tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32> {
  %s = arith.addf %x, %x : tensor<1x256x32x32xf32>
  %y = tconv.conv %s, %w : (tensor<1x256x32x32xf32>, tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32>
  return %y : tensor<1x128x32x32xf32>
}

// -----

// C1: 32 -> 64 channels, 9x9, 64 outputs along the width: 8 positions x 2
// vectors of accumulators per tile (64 = 8 x 8), which leaves registers for
// 3 of the 9 taps per step (16 accumulators, 10 broadcasts, 6 filter
// vectors), not for all 9; its 663 KiB filter keeps channel blocks first.

// AVX512-LABEL: func.func @c1_9x9(
//       AVX512:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 14 : i64, vector_width = 16 : i64}}
func.func @c1_9x9(%x: tensor<1x32x64x64xf32>, %w: tensor<64x32x9x9xf32>) -> tensor<1x64x64x64xf32> {
  %y = tconv.conv %x, %w pads = [4, 4, 4, 4] : (tensor<1x32x64x64xf32>, tensor<64x32x9x9xf32>) -> tensor<1x64x64x64xf32>
  return %y : tensor<1x64x64x64xf32>
}
