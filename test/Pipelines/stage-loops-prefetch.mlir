// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=loops vector-width=16 parallel=true" -split-input-file | FileCheck %s

// A transposed convolution with a 4 MiB filter from the caller: the
// parallel steps (blocks of 32 output channels) each copy their block of
// the filter, and prefetch the next step's block in the innermost loop of
// their first phase.

// CHECK-LABEL: func.func @main
//  CHECK-SAME:   %[[FILTER:[a-z0-9]+]]: memref<512x128x4x4xf32>
//       CHECK:   omp.loop_nest (%[[BLOCK:.*]]) : index
//       CHECK:     %[[NEXT:.*]] = arith.addi %[[BLOCK]], %{{.*}} : index
//       CHECK:     %[[CLAMPED:.*]] = arith.minsi %[[NEXT]], %{{.*}} : index
//       CHECK:     %[[OFFSET:.*]] = arith.muli %[[CLAMPED]], %{{.*}} : index
//       CHECK:     %[[SLICE:.*]] = memref.subview %[[FILTER]][0, %[[OFFSET]], 0, 0] [512, 32, 4, 4]
//       CHECK:     %[[LINES:.*]] = memref.collapse_shape %[[SLICE]]
//       CHECK:     memref.prefetch %[[LINES]]
//       CHECK:     vector.fma
func.func @main(%x: tensor<1x512x4x4xf32>, %w: tensor<512x128x4x4xf32>) -> tensor<1x128x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x4x4xf32>, tensor<512x128x4x4xf32>) -> tensor<1x128x8x8xf32>
  return %y : tensor<1x128x8x8xf32>
}
