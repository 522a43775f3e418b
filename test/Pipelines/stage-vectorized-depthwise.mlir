// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=vectorized | FileCheck %s

// A depthwise transposed convolution takes the row schedule: no pad, no
// layout change, no strided insert; one forall over output rows (c, qh, rh)
// writing the NCHW result, phases interleaved along each row.

// CHECK-LABEL: func.func @depthwise
//   CHECK-NOT:   tensor.pad
//   CHECK-NOT:   tensor.insert_slice
//       CHECK:   %[[Y:.*]] = scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) in (3, 8, 2) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<1x3x16x32xf32>)
//       CHECK:     vector.interleave %{{.*}}, %{{.*}} : vector<8xf32> -> vector<16xf32>
//   CHECK-NOT:   linalg.depthwise
//       CHECK:   return %[[Y]]
func.func @depthwise(%x: tensor<1x3x8x16xf32>, %w: tensor<3x1x4x4xf32>) -> tensor<1x3x16x32xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 3
      : (tensor<1x3x8x16xf32>, tensor<3x1x4x4xf32>) -> tensor<1x3x16x32xf32>
  return %y : tensor<1x3x16x32xf32>
}

