// RUN: tconv-opt %s --tconv-lower-to-llvm=stop-after=vectorized -split-input-file | FileCheck %s

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

// -----

// Four phases of a full transposed convolution: the input is padded once
// (high 1, 1: what the phases with two taps read), each phase accumulates
// in its slice of the channels-last output (strides 2, 2 on the spatial
// dims, channels contiguous), and one layout change (tiled 8 x 8) makes
// the NCHW result.

// CHECK-LABEL: func.func @phases
//       CHECK:   %[[PADDED:.*]] = linalg.fill {{.*}} -> tensor<1x5x9x16xf32>
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x8x16x8xf32>
//       CHECK:   %[[S0:.*]] = tensor.extract_slice %[[E]][0, 0, 0, 0] [1, 4, 8, 8] [1, 2, 2, 1]
//       CHECK:   %[[Z0:.*]] = linalg.fill {{.*}} outs(%[[S0]] : tensor<1x4x8x8xf32>)
//       CHECK:   %[[P0:.*]] = scf.forall {{.*}} shared_outs(%{{.*}} = %[[Z0]])
//       CHECK:   %[[I0:.*]] = tensor.insert_slice %[[P0]] into %[[E]][0, 0, 0, 0] [1, 4, 8, 8] [1, 2, 2, 1]
//       CHECK:   tensor.insert_slice %{{.*}} into %[[PADDED]]
//       CHECK:   %[[S1:.*]] = tensor.extract_slice %[[I0]][0, 0, 1, 0] [1, 4, 8, 8] [1, 2, 2, 1]
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %{{.*}} into %[[I0]][0, 0, 1, 0] [1, 4, 8, 8] [1, 2, 2, 1]
//       CHECK:   %[[I2:.*]] = tensor.insert_slice %{{.*}} into %[[I1]][0, 1, 0, 0] [1, 4, 8, 8] [1, 2, 2, 1]
//       CHECK:   %[[I3:.*]] = tensor.insert_slice %{{.*}} into %[[I2]][0, 1, 1, 0] [1, 4, 8, 8] [1, 2, 2, 1]
//       CHECK:   %[[Y:.*]] = scf.forall {{.*}} -> (tensor<1x8x8x16xf32>)
//       CHECK:     tensor.extract_slice %[[I3]]
//       CHECK:     vector.transfer_read {{.*}} vector<8x8xf32>
//       CHECK:   return %[[Y]]
func.func @phases(%x: tensor<1x16x4x8xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x8x8x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] output_padding = [1, 1]
      : (tensor<1x16x4x8xf32>, tensor<16x8x3x3xf32>) -> tensor<1x8x8x16xf32>
  return %y : tensor<1x8x8x16xf32>
}
