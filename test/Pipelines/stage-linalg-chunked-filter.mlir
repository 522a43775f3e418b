// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=linalg | FileCheck %s

// A 2 MiB runtime filter against 48 KB of activations runs as a loop over
// two chunks of 64 output channels (tconv-chunk-output-channels). The input's
// layout change and pad, the same in every chunk, are computed once before
// the loop (loop-invariant code motion); each chunk copies its filter slice
// taps first and runs the four phases.

// CHECK-LABEL: func.func @main(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x256x4x4xf32>, %[[W:.*]]: tensor<256x128x4x4xf32>)
//       CHECK:   %[[NHWC:.*]] = linalg.generic {{.*}} ins(%[[X]] : tensor<1x256x4x4xf32>)
//       CHECK:   %[[PADDED:.*]] = tensor.pad %[[NHWC]] low[0, 1, 1, 0] high[0, 1, 1, 0]
//       CHECK:   scf.forall (%[[I:.*]]) in (2)
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]]
//       CHECK:     %[[CHUNK:.*]] = tensor.extract_slice %[[W]][0, %[[FIRST]], 0, 0] [256, 64, 4, 4]
//       CHECK:     linalg.generic {{.*}} ins(%[[CHUNK]] : tensor<256x64x4x4xf32>) outs(%{{.*}} : tensor<4x4x256x64xf32>)
//   CHECK-NOT:     tensor.pad
//       CHECK:     linalg.conv_2d_nhwc_hwcf
//       CHECK:     linalg.conv_2d_nhwc_hwcf
//       CHECK:     linalg.conv_2d_nhwc_hwcf
//       CHECK:     linalg.conv_2d_nhwc_hwcf
//       CHECK:     tensor.parallel_insert_slice %{{.*}}[0, %[[FIRST]], 0, 0] [1, 64, 8, 8]
func.func @main(%x: tensor<1x256x4x4xf32>, %w: tensor<256x128x4x4xf32>) -> tensor<1x128x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x256x4x4xf32>, tensor<256x128x4x4xf32>) -> tensor<1x128x8x8xf32>
  return %y : tensor<1x128x8x8xf32>
}
