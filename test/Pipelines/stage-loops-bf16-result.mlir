// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=loops vector-width=16 streaming-stores=true" -split-input-file | FileCheck %s

// A bf16 result of 1 MiB (f32 accumulators, truncated by the layout change
// back to NCHW): the layout change writes whole 64-byte lines of 32 bf16,
// each a non-temporal store when the result is aligned (16 channel rows of
// each 16 x 32 block); with rows of 16 bf16 (half lines) it streamed none.

// CHECK-LABEL: func.func @bf16_result(
// CHECK-COUNT-16: vector.store %{{.*}}, %{{.*}} {alignment = 64 : i64, nontemporal = true} : memref<1x16x128x256xbf16>, vector<32xbf16>
//   CHECK-NOT:   vector<16xbf16>, memref<1x16x128x256xbf16>
func.func @bf16_result(%x: tensor<1x16x128x256xbf16>, %w: tensor<16x16x1x1xbf16>) -> tensor<1x16x128x256xbf16> {
  %y = tconv.conv %x, %w : (tensor<1x16x128x256xbf16>, tensor<16x16x1x1xbf16>) -> tensor<1x16x128x256xbf16>
  return %y : tensor<1x16x128x256xbf16>
}
