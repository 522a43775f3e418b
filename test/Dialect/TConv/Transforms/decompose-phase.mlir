// RUN: tconv-opt %s -split-input-file -tconv-decompose-transpose=strategy=phase -mlir-print-local-scope | FileCheck %s

// The seed's 1-D example (2 -> 3, k = 3, s = 2, p = 1): outputs 0 and 2 take
// tap 1 (x1*w2, x2*w2), output 1 takes taps 2 and 0 (x1*w3 + x2*w1).
// CHECK-LABEL: func.func @seed_1d(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x2xf32>, %[[W:.*]]: tensor<1x1x3xf32>)
// CHECK-NOT:     linalg.fill
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x3xf32>
// The filter is copied once with the taps first; each phase reads its taps
// from the copy as rows of output channels.
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d2, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK-SAME:      ins(%[[W]] : tensor<1x1x3xf32>) outs(%{{.*}} : tensor<3x1x1xf32>)
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 1, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK-SAME:      ins(%[[WT]] : tensor<3x1x1xf32>) outs(%{{.*}} : tensor<1x1x1xf32>)
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %[[W0]] : (tensor<1x1x2xf32>, tensor<1x1x1xf32>) -> tensor<1x1x2xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0] [1, 1, 2] [1, 1, 2]
// CHECK:         %[[W1:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 2, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK-SAME:      ins(%[[WT]] : tensor<3x1x1xf32>) outs(%{{.*}} : tensor<1x1x2xf32>)
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X]], %[[W1]] : (tensor<1x1x2xf32>, tensor<1x1x2xf32>) -> tensor<1x1x1xf32>
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 1, 1] [1, 1, 2]
// CHECK:         return %[[R1]]
func.func @seed_1d(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// 2x2 -> 5x5 with k = 3, s = 2: even rows/cols take taps {2, 0} (3 outputs,
// padded by 1), odd ones tap 1 (2 outputs).
// CHECK-LABEL: func.func @upsample_2d(
// CHECK-SAME:      %[[X:.*]]: tensor<1x3x2x2xf32>, %[[W:.*]]: tensor<3x4x3x3xf32>)
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x4x5x5xf32>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[W]] : tensor<3x4x3x3xf32>) outs(%{{.*}} : tensor<3x3x3x4xf32>)
// CHECK:         %[[W00:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2 * -2 + 2, d3 * -2 + 2, d1, d0)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:      ins(%[[WT]] : tensor<3x3x3x4xf32>) outs(%{{.*}} : tensor<4x3x2x2xf32>)
// CHECK:         %[[Y00:.*]] = tconv.conv %[[X]], %[[W00]] pads = [1, 1, 1, 1] : (tensor<1x3x2x2xf32>, tensor<4x3x2x2xf32>) -> tensor<1x4x3x3xf32>
// CHECK:         %[[R00:.*]] = tensor.insert_slice %[[Y00]] into %[[OUT]][0, 0, 0, 0] [1, 4, 3, 3] [1, 1, 2, 2]
// CHECK:         %[[W01:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2 * -2 + 2, d3 * -2 + 1, d1, d0)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK:         %[[Y01:.*]] = tconv.conv %[[X]], %[[W01]] pads = [1, 0, 1, 0] : (tensor<1x3x2x2xf32>, tensor<4x3x2x1xf32>) -> tensor<1x4x3x2xf32>
// CHECK:         %[[R01:.*]] = tensor.insert_slice %[[Y01]] into %[[R00]][0, 0, 0, 1] [1, 4, 3, 2] [1, 1, 2, 2]
// CHECK:         %[[W10:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2 * -2 + 1, d3 * -2 + 2, d1, d0)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK:         %[[Y10:.*]] = tconv.conv %[[X]], %[[W10]] pads = [0, 1, 0, 1] : (tensor<1x3x2x2xf32>, tensor<4x3x1x2xf32>) -> tensor<1x4x2x3xf32>
// CHECK:         %[[R10:.*]] = tensor.insert_slice %[[Y10]] into %[[R01]][0, 0, 1, 0] [1, 4, 2, 3] [1, 1, 2, 2]
// CHECK:         %[[W11:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d2 * -2 + 1, d3 * -2 + 1, d1, d0)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK:         %[[Y11:.*]] = tconv.conv %[[X]], %[[W11]] : (tensor<1x3x2x2xf32>, tensor<4x3x1x1xf32>) -> tensor<1x4x2x2xf32>
// CHECK:         %[[R11:.*]] = tensor.insert_slice %[[Y11]] into %[[R10]][0, 0, 1, 1] [1, 4, 2, 2] [1, 1, 2, 2]
// CHECK:         return %[[R11]]
func.func @upsample_2d(%x: tensor<1x3x2x2xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2]
      : (tensor<1x3x2x2xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}

// -----

// Stride 3 > kernel 2: phase 2 has no taps and keeps the broadcast bias.
// CHECK-LABEL: func.func @bias_only_phase(
// CHECK-SAME:      %[[X:.*]]: tensor<1x2x3xf32>, %[[W:.*]]: tensor<2x3x2xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<1x3x8xf32>
// CHECK:         %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<3xf32>) outs(%[[EMPTY]] : tensor<1x3x8xf32>) dimensions = [0, 2]
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -3, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %[[W0]], %[[B]] : (tensor<1x2x3xf32>, tensor<3x2x1xf32>, tensor<3xf32>) -> tensor<1x3x3xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[INIT]][0, 0, 0] [1, 3, 3] [1, 1, 3]
// CHECK:         %[[W1:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -3 + 1, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X]], %[[W1]], %[[B]] : (tensor<1x2x3xf32>, tensor<3x2x1xf32>, tensor<3xf32>) -> tensor<1x3x3xf32>
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 3, 3] [1, 1, 3]
// CHECK-NOT:     tconv.conv
// CHECK:         return %[[R1]]
func.func @bias_only_phase(%x: tensor<1x2x3xf32>, %w: tensor<2x3x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x8xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3]
      : (tensor<1x2x3xf32>, tensor<2x3x2xf32>, tensor<3xf32>) -> tensor<1x3x8xf32>
  return %y : tensor<1x3x8xf32>
}

// -----

// Without bias the tap-less phases (H phase 2, W phase 1) keep zeros.
// CHECK-LABEL: func.func @zero_phases_2d(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x2x2xf32>
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[EMPTY:.*]] = tensor.empty() : tensor<1x1x6x4xf32>
// CHECK:         %[[INIT:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x1x6x4xf32>)
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %{{.*}} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[INIT]][0, 0, 0, 0] [1, 1, 2, 2] [1, 1, 3, 2]
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X]], %{{.*}} : (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x2x2xf32>
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1, 0] [1, 1, 2, 2] [1, 1, 3, 2]
// CHECK-NOT:     tconv.conv
// CHECK:         return %[[R1]]
func.func @zero_phases_2d(%x: tensor<1x1x2x2xf32>, %w: tensor<1x1x2x1xf32>) -> tensor<1x1x6x4xf32> {
  %y = tconv.conv_transpose %x, %w strides = [3, 2] output_padding = [1, 1]
      : (tensor<1x1x2x2xf32>, tensor<1x1x2x1xf32>) -> tensor<1x1x6x4xf32>
  return %y : tensor<1x1x6x4xf32>
}

// -----

// s = 4, d = 2: only even phases have taps; phase 0 takes taps {2, 0}
// (s/gcd = 2 apart) at dilation d/gcd = 1, phase 2 tap 1.
// CHECK-LABEL: func.func @dilation_gcd(
// CHECK:         %[[INIT:.*]] = linalg.fill
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 2, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y0:.*]] = tconv.conv %{{.*}}, %[[W0]] pads = [1, 1] : (tensor<1x1x3xf32>, tensor<1x1x2xf32>) -> tensor<1x1x4xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[INIT]][0, 0, 0] [1, 1, 4] [1, 1, 4]
// CHECK:         %[[W2:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 1, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y2:.*]] = tconv.conv %{{.*}}, %[[W2]] : (tensor<1x1x3xf32>, tensor<1x1x1xf32>) -> tensor<1x1x3xf32>
// CHECK:         %[[R2:.*]] = tensor.insert_slice %[[Y2]] into %[[R0]][0, 0, 2] [1, 1, 3] [1, 1, 4]
// CHECK-NOT:     tconv.conv
// CHECK:         return %[[R2]]
func.func @dilation_gcd(%x: tensor<1x1x3xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x13xf32> {
  %y = tconv.conv_transpose %x, %w strides = [4] dilations = [2]
      : (tensor<1x1x3xf32>, tensor<1x1x3xf32>) -> tensor<1x1x13xf32>
  return %y : tensor<1x1x13xf32>
}

// -----

// s = 2, d = 3: phase 0 takes taps {2, 0} at dilation 3, phase 1 tap 1.
// CHECK-LABEL: func.func @dilation_coprime(
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x11xf32>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 2, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y0:.*]] = tconv.conv %{{.*}}, %[[W0]] pads = [3, 3] dilations = [3] : (tensor<1x1x3xf32>, tensor<1x1x2xf32>) -> tensor<1x1x6xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0] [1, 1, 6] [1, 1, 2]
// CHECK:         %[[W1:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 1, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y1:.*]] = tconv.conv %{{.*}}, %[[W1]] pads = [1, 1] dilations = [3] : (tensor<1x1x3xf32>, tensor<1x1x1xf32>) -> tensor<1x1x5xf32>
// CHECK:         tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 1, 5] [1, 1, 2]
func.func @dilation_coprime(%x: tensor<1x1x3xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x11xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] dilations = [3]
      : (tensor<1x1x3xf32>, tensor<1x1x3xf32>) -> tensor<1x1x11xf32>
  return %y : tensor<1x1x11xf32>
}

// -----

// Only D is strided: 2 phases, each a 3-D convolution written with step 2.
// CHECK-LABEL: func.func @strided_3d(
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x5x2x2xf32>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d2 * -2 + 2, -d3, -d4, d1, d0)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>]
// CHECK:         %[[Y0:.*]] = tconv.conv %{{.*}}, %[[W0]] pads = [1, 0, 0, 1, 0, 0] : (tensor<1x2x2x2x2xf32>, tensor<1x2x2x1x1xf32>) -> tensor<1x1x3x2x2xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0, 0, 0] [1, 1, 3, 2, 2] [1, 1, 2, 1, 1]
// CHECK:         %[[W1:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d2 * -2 + 1, -d3, -d4, d1, d0)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>]
// CHECK:         %[[Y1:.*]] = tconv.conv %{{.*}}, %[[W1]] : (tensor<1x2x2x2x2xf32>, tensor<1x2x1x1x1xf32>) -> tensor<1x1x2x2x2xf32>
// CHECK:         tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1, 0, 0] [1, 1, 2, 2, 2] [1, 1, 2, 1, 1]
func.func @strided_3d(%x: tensor<1x2x2x2x2xf32>, %w: tensor<2x1x3x1x1xf32>) -> tensor<1x1x5x2x2xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 1, 1]
      : (tensor<1x2x2x2x2xf32>, tensor<2x1x3x1x1xf32>) -> tensor<1x1x5x2x2xf32>
  return %y : tensor<1x1x5x2x2xf32>
}

// -----

// 3 groups of 2 input and 2 output channels: the 6x2xk filter is regrouped
// inside each group (expand, taps-first copy, swap, collapse; the expand and
// the copy are shared by the phases), every phase carries the bias.
// CHECK-LABEL: func.func @grouped_bias(
// CHECK-SAME:      %[[X:.*]]: tensor<1x6x3xf32>, %[[W:.*]]: tensor<6x2x3xf32>, %[[B:.*]]: tensor<6xf32>)
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x6x7xf32>
// CHECK:         %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3]] output_shape [3, 2, 2, 3]
// CHECK-SAME:      : tensor<6x2x3xf32> into tensor<3x2x2x3xf32>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:      ins(%[[WG]] : tensor<3x2x2x3xf32>) outs(%{{.*}} : tensor<3x3x2x2xf32>)
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d3 * -2 + 2, d2, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:      ins(%[[WT]] : tensor<3x3x2x2xf32>) outs(%{{.*}} : tensor<3x2x2x2xf32>)
// CHECK:         %[[F0:.*]] = tensor.collapse_shape %[[W0]] {{\[}}[0, 1], [2], [3]] : tensor<3x2x2x2xf32> into tensor<6x2x2xf32>
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %[[F0]], %[[B]] pads = [1, 1] group = 3
// CHECK-SAME:      : (tensor<1x6x3xf32>, tensor<6x2x2xf32>, tensor<6xf32>) -> tensor<1x6x4xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0] [1, 6, 4] [1, 1, 2]
// CHECK-NOT:     tensor.expand_shape
// CHECK:         %[[W1:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d3 * -2 + 1, d2, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:      ins(%[[WT]] : tensor<3x3x2x2xf32>) outs(%{{.*}} : tensor<3x2x2x1xf32>)
// CHECK:         %[[F1:.*]] = tensor.collapse_shape %[[W1]] {{\[}}[0, 1], [2], [3]] : tensor<3x2x2x1xf32> into tensor<6x2x1xf32>
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X]], %[[F1]], %[[B]] group = 3
// CHECK-SAME:      : (tensor<1x6x3xf32>, tensor<6x2x1xf32>, tensor<6xf32>) -> tensor<1x6x3xf32>
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 6, 3] [1, 1, 2]
// CHECK:         return %[[R1]]
func.func @grouped_bias(%x: tensor<1x6x3xf32>, %w: tensor<6x2x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x7xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] group = 3
      : (tensor<1x6x3xf32>, tensor<6x2x3xf32>, tensor<6xf32>) -> tensor<1x6x7xf32>
  return %y : tensor<1x6x7xf32>
}

// -----

// pads 3 > dilation*(k-1) = 1: each phase crops the input, never clamps.
// Phase 0 (tap 1) reads inputs 1..2, phase 1 (tap 0) inputs 2..3.
// CHECK-LABEL: func.func @crop(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x5xf32>, %[[W:.*]]: tensor<1x1x2xf32>)
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x4xf32>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[W]] : tensor<1x1x2xf32>) outs(%{{.*}} : tensor<2x1x1xf32>)
// CHECK:         %[[X0:.*]] = tensor.extract_slice %[[X]][0, 0, 1] [1, 1, 2] [1, 1, 1] : tensor<1x1x5xf32> to tensor<1x1x2xf32>
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2 + 1, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X0]], %[[W0]] : (tensor<1x1x2xf32>, tensor<1x1x1xf32>) -> tensor<1x1x2xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0] [1, 1, 2] [1, 1, 2]
// CHECK:         %[[X1:.*]] = tensor.extract_slice %[[X]][0, 0, 2] [1, 1, 2] [1, 1, 1] : tensor<1x1x5xf32> to tensor<1x1x2xf32>
// CHECK:         %[[W1:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d2 * -2, d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X1]], %[[W1]] : (tensor<1x1x2xf32>, tensor<1x1x1xf32>) -> tensor<1x1x2xf32>
// CHECK:         tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 1, 2] [1, 1, 2]
func.func @crop(%x: tensor<1x1x5xf32>, %w: tensor<1x1x2xf32>) -> tensor<1x1x4xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [3, 3]
      : (tensor<1x1x5xf32>, tensor<1x1x2xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}

// -----

// Asymmetric pads and output_padding: H pads (1, 0) + 1, W (0, 2) + 2.
// CHECK-LABEL: func.func @asymmetric_output_padding(
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x7x9xf32>
// CHECK:         tconv.conv {{.*}} pads = [0, 0, 1, 0] : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x4x3xf32>
// CHECK:         %[[R00:.*]] = tensor.insert_slice %{{.*}} into %[[OUT]][0, 0, 0, 0] [1, 1, 4, 3] [1, 1, 2, 3]
// CHECK:         tconv.conv {{.*}} pads = [0, 0, 1, 0] : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x4x3xf32>
// CHECK:         %[[R01:.*]] = tensor.insert_slice %{{.*}} into %[[R00]][0, 0, 0, 1] [1, 1, 4, 3] [1, 1, 2, 3]
// CHECK:         tconv.conv {{.*}} pads = [0, 0, 1, 0] : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x4x3xf32>
// CHECK:         %[[R02:.*]] = tensor.insert_slice %{{.*}} into %[[R01]][0, 0, 0, 2] [1, 1, 4, 3] [1, 1, 2, 3]
// CHECK:         linalg.generic
// CHECK-SAME:      affine_map<(d0, d1, d2, d3) -> (d2 * -2 + 2, d3 * -3, d1, d0)>
// CHECK:         tconv.conv {{.*}} pads = [0, 0, 1, 0] : (tensor<1x1x3x3xf32>, tensor<1x1x2x1xf32>) -> tensor<1x1x3x3xf32>
// CHECK:         %[[R10:.*]] = tensor.insert_slice %{{.*}} into %[[R02]][0, 0, 1, 0] [1, 1, 3, 3] [1, 1, 2, 3]
// CHECK:         %[[R11:.*]] = tensor.insert_slice %{{.*}} into %[[R10]][0, 0, 1, 1] [1, 1, 3, 3] [1, 1, 2, 3]
// CHECK:         %[[R12:.*]] = tensor.insert_slice %{{.*}} into %[[R11]][0, 0, 1, 2] [1, 1, 3, 3] [1, 1, 2, 3]
// CHECK:         return %[[R12]]
func.func @asymmetric_output_padding(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x7x9xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 3] pads = [1, 0, 0, 2] output_padding = [1, 2]
      : (tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x7x9xf32>
  return %y : tensor<1x1x7x9xf32>
}

// -----

// CHECK-LABEL: func.func @f16(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x2xf16>, %[[W:.*]]: tensor<1x1x3xf16>)
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x3xf16>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      ins(%[[W]] : tensor<1x1x3xf16>) outs(%{{.*}} : tensor<3x1x1xf16>)
// CHECK:         %[[W0:.*]] = linalg.generic
// CHECK-SAME:      outs(%{{.*}} : tensor<1x1x1xf16>)
// CHECK-NEXT:    ^bb0(%[[IN:.*]]: f16, %{{.*}}: f16):
// CHECK-NEXT:      linalg.yield %[[IN]] : f16
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %[[W0]] : (tensor<1x1x2xf16>, tensor<1x1x1xf16>) -> tensor<1x1x2xf16>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0] [1, 1, 2] [1, 1, 2] : tensor<1x1x2xf16> into tensor<1x1x3xf16>
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X]], %{{.*}} : (tensor<1x1x2xf16>, tensor<1x1x2xf16>) -> tensor<1x1x1xf16>
// CHECK:         tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 1, 1] [1, 1, 2] : tensor<1x1x1xf16> into tensor<1x1x3xf16>
func.func @f16(%x: tensor<1x1x2xf16>, %w: tensor<1x1x3xf16>) -> tensor<1x1x3xf16> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf16>, tensor<1x1x3xf16>) -> tensor<1x1x3xf16>
  return %y : tensor<1x1x3xf16>
}

// -----

// 1x1 kernel, stride 2: the odd phase is bias only.
// CHECK-LABEL: func.func @bf16_bias_only_phase(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x2xbf16>, %[[W:.*]]: tensor<1x1x1xbf16>, %[[B:.*]]: tensor<1xbf16>)
// CHECK:         %[[INIT:.*]] = linalg.broadcast ins(%[[B]] : tensor<1xbf16>) outs(%{{.*}} : tensor<1x1x3xbf16>) dimensions = [0, 2]
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %{{.*}}, %[[B]] : (tensor<1x1x2xbf16>, tensor<1x1x1xbf16>, tensor<1xbf16>) -> tensor<1x1x2xbf16>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[INIT]][0, 0, 0] [1, 1, 2] [1, 1, 2]
// CHECK-NOT:     tconv.conv
// CHECK:         return %[[R0]]
func.func @bf16_bias_only_phase(%x: tensor<1x1x2xbf16>, %w: tensor<1x1x1xbf16>, %b: tensor<1xbf16>) -> tensor<1x1x3xbf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2]
      : (tensor<1x1x2xbf16>, tensor<1x1x1xbf16>, tensor<1xbf16>) -> tensor<1x1x3xbf16>
  return %y : tensor<1x1x3xbf16>
}

// -----

// Unit strides: one phase covering the whole output, no insert_slice.
// CHECK-LABEL: func.func @stride_one(
// CHECK-SAME:      %[[X:.*]]: tensor<1x2x4x4xf64>, %[[W:.*]]: tensor<2x2x3x3xf64>)
// CHECK-NOT:     tensor.insert_slice
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 2, -d3 + 2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK:         %[[Y:.*]] = tconv.conv %[[X]], %[[WF]] pads = [1, 1, 1, 1] : (tensor<1x2x4x4xf64>, tensor<2x2x3x3xf64>) -> tensor<1x2x4x4xf64>
// CHECK-NOT:     tensor.insert_slice
// CHECK:         return %[[Y]]
func.func @stride_one(%x: tensor<1x2x4x4xf64>, %w: tensor<2x2x3x3xf64>) -> tensor<1x2x4x4xf64> {
  %y = tconv.conv_transpose %x, %w pads = [1, 1, 1, 1]
      : (tensor<1x2x4x4xf64>, tensor<2x2x3x3xf64>) -> tensor<1x2x4x4xf64>
  return %y : tensor<1x2x4x4xf64>
}
