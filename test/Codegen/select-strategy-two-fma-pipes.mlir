// RUN: tconv-opt %s -split-input-file --tconv-select-strategy="vector-width=16 f-tile=32 ow-tile=14 c-tile=1 bf16-dot=true winograd=true fma-pipes=2" | FileCheck %s

// A core with two full-width FMA pipes (Intel's AVX-512 server cores, Zen
// 5) runs direct products twice as fast, so a 2x2 kernel in bf16 needs
// twice the channels to run as Winograd F(2x2, 2x2): 128. In f32, whose
// Winograd blocks keep their transformed tensors in cache, 32 still pay.
// 3x3 kernels keep their 16.

// T3's phases: 2x2, 32 -> 32 channels: Winograd.
// CHECK-LABEL: func.func @phase_2x2_32(
//       CHECK:   tconv.conv {{.*}}winograd_tile = 2 : i64
func.func @phase_2x2_32(%x: tensor<1x32x33x33xf32>, %w: tensor<32x32x2x2xf32>) -> tensor<1x32x32x32xf32> {
  %y = tconv.conv %x, %w : (tensor<1x32x33x33xf32>, tensor<32x32x2x2xf32>) -> tensor<1x32x32x32xf32>
  return %y : tensor<1x32x32x32xf32>
}

// -----

// 2x2, 16 -> 32 channels: direct.
// CHECK-LABEL: func.func @phase_2x2_16(
//       CHECK:   tconv.conv {{.*}} {tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 14 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}}
func.func @phase_2x2_16(%x: tensor<1x16x33x33xf32>, %w: tensor<32x16x2x2xf32>) -> tensor<1x32x32x32xf32> {
  %y = tconv.conv %x, %w : (tensor<1x16x33x33xf32>, tensor<32x16x2x2xf32>) -> tensor<1x32x32x32xf32>
  return %y : tensor<1x32x32x32xf32>
}

// -----

// T2's phases: 2x2, 128 -> 64 channels: Winograd.
// CHECK-LABEL: func.func @phase_2x2_64(
//       CHECK:   tconv.conv {{.*}}winograd_tile = 2 : i64
func.func @phase_2x2_64(%x: tensor<4x128x9x9xf32>, %w: tensor<64x128x2x2xf32>) -> tensor<4x64x8x8xf32> {
  %y = tconv.conv %x, %w : (tensor<4x128x9x9xf32>, tensor<64x128x2x2xf32>) -> tensor<4x64x8x8xf32>
  return %y : tensor<4x64x8x8xf32>
}

// -----

// The same in bf16 on vdpbf16ps: direct below 128 channels.
// CHECK-LABEL: func.func @phase_2x2_64_bf16(
//       CHECK:   tconv.conv {{.*}}dot_width = 2 : i64
//   CHECK-NOT:   winograd_tile
//       CHECK:   return
func.func @phase_2x2_64_bf16(%x: tensor<4x128x9x9xbf16>, %w: tensor<64x128x2x2xbf16>) -> tensor<4x64x8x8xbf16> {
  %y = tconv.conv %x, %w : (tensor<4x128x9x9xbf16>, tensor<64x128x2x2xbf16>) -> tensor<4x64x8x8xbf16>
  return %y : tensor<4x64x8x8xbf16>
}

// -----

// C2: 3x3, 64 -> 64 channels: Winograd F(2x2, 3x3).
// CHECK-LABEL: func.func @c2_3x3(
//       CHECK:   tconv.conv {{.*}}winograd_tile = 2 : i64
func.func @c2_3x3(%x: tensor<1x64x56x56xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>) -> tensor<1x64x56x56xf32>
  return %y : tensor<1x64x56x56xf32>
}

// -----

// Between the caller's NCHW input and result, T4's pointwise phases stay
// channels-last on a two-pipe core (width vectors only with one pipe).
// CHECK-LABEL: func.func @t4_phase(
//       CHECK:   tconv.conv {{.*}}kind = "channels-last"
func.func @t4_phase(%x: tensor<1x256x32x32xf32>, %w: tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32> {
  %y = tconv.conv %x, %w : (tensor<1x256x32x32xf32>, tensor<128x256x1x1xf32>) -> tensor<1x128x32x32xf32>
  return %y : tensor<1x128x32x32xf32>
}
