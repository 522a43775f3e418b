// RUN: tconv-opt %s -split-input-file --tconv-select-strategy="vector-width=16 f-tile=32 bf16-dot=true" | FileCheck %s --check-prefix=DOT
// RUN: tconv-opt %s -split-input-file --tconv-select-strategy="vector-width=16 f-tile=32" | FileCheck %s --check-prefix=FMA

// With AVX512_BF16 (bf16-dot), ungrouped bf16 convolutions whose input
// channels come in pairs and output channels in vectors of 16 get the
// vdpbf16ps schedule (dot_width = 2): four output-channel vectors by six
// positions per tile, up to 12 (tap, channel pair) steps unrolled. Others,
// and every convolution without bf16-dot, keep the FMA schedule.

// DOT-LABEL: func.func @c2_bf16(
//       DOT:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 8 : i64, dot_width = 2 : i64, f_tile = 64 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 6 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
// FMA-LABEL: func.func @c2_bf16(
//       FMA:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 4 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 3 : i64, ow_tile = 4 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @c2_bf16(%x: tensor<1x64x56x56xbf16>, %w: tensor<64x64x3x3xbf16>) -> tensor<1x64x56x56xbf16> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x64x56x56xbf16>, tensor<64x64x3x3xbf16>) -> tensor<1x64x56x56xbf16>
  return %y : tensor<1x64x56x56xbf16>
}

// -----

// A 9-wide kernel: one channel pair per step; 16 output channels: one vector.

// DOT-LABEL: func.func @wide_kernel(
//       DOT:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 9 : i64, ow_tile = 6 : i64, vector_width = 16 : i64}}
func.func @wide_kernel(%x: tensor<1x32x20x20xbf16>, %w: tensor<16x32x9x9xbf16>) -> tensor<1x16x12x12xbf16> {
  %y = tconv.conv %x, %w : (tensor<1x32x20x20xbf16>, tensor<16x32x9x9xbf16>) -> tensor<1x16x12x12xbf16>
  return %y : tensor<1x16x12x12xbf16>
}

// -----

// A 2-tap kernel (a stride-2 phase) with 16 output channels: 24 positions
// keep as many accumulators in flight as 6 x 4 vectors, one pair of input
// channels per step; with 32 channels, 6 positions and 4 pairs as for wider
// kernels.

// DOT-LABEL: func.func @narrow_kernel(
//       DOT:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 2 : i64, dot_width = 2 : i64, f_tile = 16 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 24 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
//       DOT:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 8 : i64, dot_width = 2 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 6 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @narrow_kernel(%x: tensor<1x32x16x17xbf16>, %w: tensor<16x32x2x2xbf16>, %v: tensor<32x32x2x2xbf16>)
    -> (tensor<1x16x15x16xbf16>, tensor<1x32x15x16xbf16>) {
  %a = tconv.conv %x, %w : (tensor<1x32x16x17xbf16>, tensor<16x32x2x2xbf16>) -> tensor<1x16x15x16xbf16>
  %b = tconv.conv %x, %v : (tensor<1x32x16x17xbf16>, tensor<32x32x2x2xbf16>) -> tensor<1x32x15x16xbf16>
  return %a, %b : tensor<1x16x15x16xbf16>, tensor<1x32x15x16xbf16>
}

// -----

// Three input channels (no pairs), 8 output channels (no whole vector), a
// grouped bf16 convolution and an f32 one: no vdpbf16ps.

// DOT-LABEL: func.func @not_dot(
//   DOT-NOT:   dot_width
//       DOT:   return
func.func @not_dot(%x: tensor<1x3x8x8xbf16>, %w: tensor<16x3x3x3xbf16>,
                   %u: tensor<1x4x8x8xbf16>, %v: tensor<8x4x3x3xbf16>,
                   %g: tensor<32x2x3x3xbf16>,
                   %p: tensor<1x4x8x8xf32>, %q: tensor<16x4x3x3xf32>)
    -> (tensor<1x16x6x6xbf16>, tensor<1x8x6x6xbf16>, tensor<1x32x6x6xbf16>, tensor<1x16x6x6xf32>) {
  %a = tconv.conv %x, %w : (tensor<1x3x8x8xbf16>, tensor<16x3x3x3xbf16>) -> tensor<1x16x6x6xbf16>
  %b = tconv.conv %u, %v : (tensor<1x4x8x8xbf16>, tensor<8x4x3x3xbf16>) -> tensor<1x8x6x6xbf16>
  %c = tconv.conv %u, %g group = 2 : (tensor<1x4x8x8xbf16>, tensor<32x2x3x3xbf16>) -> tensor<1x32x6x6xbf16>
  %d = tconv.conv %p, %q : (tensor<1x4x8x8xf32>, tensor<16x4x3x3xf32>) -> tensor<1x16x6x6xf32>
  return %a, %b, %c, %d : tensor<1x16x6x6xbf16>, tensor<1x8x6x6xbf16>, tensor<1x32x6x6xbf16>, tensor<1x16x6x6xf32>
}
