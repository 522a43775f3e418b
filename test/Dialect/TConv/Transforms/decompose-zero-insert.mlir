// RUN: tconv-opt %s -split-input-file -tconv-decompose-transpose=strategy=zero-insert -mlir-print-local-scope | FileCheck %s

// The seed's 1-D example: 2 -> 3 with k = 3, s = 2, p = 1.
// CHECK-LABEL: func.func @seed_1d(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x2xf32>, %[[W:.*]]: tensor<1x1x3xf32>)
// CHECK-DAG:     %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[EMPTY:.*]] = tensor.empty() : tensor<1x1x3xf32>
// CHECK:         %[[ZEROS:.*]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x1x3xf32>)
// CHECK:         %[[XZ:.*]] = tensor.insert_slice %[[X]] into %[[ZEROS]][0, 0, 0] [1, 1, 2] [1, 1, 2]
// CHECK-SAME:      : tensor<1x1x2xf32> into tensor<1x1x3xf32>
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d0, -d2 + 2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK-SAME:      ins(%[[W]] : tensor<1x1x3xf32>)
// CHECK-NEXT:    ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT:      linalg.yield %[[IN]] : f32
// CHECK:         %[[Y:.*]] = tconv.conv %[[XZ]], %[[WF]] pads = [1, 1]
// CHECK-SAME:      : (tensor<1x1x3xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
// CHECK-NOT:     tconv.conv_transpose
// CHECK:         return %[[Y]]
func.func @seed_1d(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// 2x2 -> 5x5 with k = 3, s = 2: zero-inserted to 3x3, padded by 2 all round.
// CHECK-LABEL: func.func @upsample_2d(
// CHECK-SAME:      %[[X:.*]]: tensor<1x3x2x2xf32>, %[[W:.*]]: tensor<3x4x3x3xf32>)
// CHECK:         %[[XZ:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 0, 0] [1, 3, 2, 2] [1, 1, 2, 2]
// CHECK-SAME:      : tensor<1x3x2x2xf32> into tensor<1x3x3x3xf32>
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 2, -d3 + 2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:      ins(%[[W]] : tensor<3x4x3x3xf32>) outs(%{{.*}} : tensor<4x3x3x3xf32>)
// CHECK:         %[[Y:.*]] = tconv.conv %[[XZ]], %[[WF]] pads = [2, 2, 2, 2]
// CHECK-SAME:      : (tensor<1x3x3x3xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x5xf32>
// CHECK:         return %[[Y]]
func.func @upsample_2d(%x: tensor<1x3x2x2xf32>, %w: tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2]
      : (tensor<1x3x2x2xf32>, tensor<3x4x3x3xf32>) -> tensor<1x4x5x5xf32>
  return %y : tensor<1x4x5x5xf32>
}

// -----

// CHECK-LABEL: func.func @dilated_3d(
// CHECK-SAME:      %[[X:.*]]: tensor<2x2x3x2x2xf32>, %[[W:.*]]: tensor<2x3x2x3x2xf32>)
// CHECK:         %[[XZ:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 0, 0, 0] [2, 2, 3, 2, 2] [1, 1, 2, 1, 3]
// CHECK-SAME:      : tensor<2x2x3x2x2xf32> into tensor<2x2x5x2x4xf32>
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3, d4) -> (d1, d0, -d2 + 1, -d3 + 2, -d4 + 1)>, affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>]
// CHECK-SAME:      outs(%{{.*}} : tensor<3x2x2x3x2xf32>)
// CHECK:         %[[Y:.*]] = tconv.conv %[[XZ]], %[[WF]] pads = [2, 2, 1, 2, 2, 1] dilations = [2, 1, 1]
// CHECK-SAME:      : (tensor<2x2x5x2x4xf32>, tensor<3x2x2x3x2xf32>) -> tensor<2x3x7x4x5xf32>
// CHECK:         return %[[Y]]
func.func @dilated_3d(%x: tensor<2x2x3x2x2xf32>, %w: tensor<2x3x2x3x2xf32>) -> tensor<2x3x7x4x5xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 1, 3] dilations = [2, 1, 1]
      : (tensor<2x2x3x2x2xf32>, tensor<2x3x2x3x2xf32>) -> tensor<2x3x7x4x5xf32>
  return %y : tensor<2x3x7x4x5xf32>
}

// -----

// The 4 x 3 x k filter (2 groups of 2 input channels, 3 outputs each) is
// regrouped to 6 x 2 x k inside each group, not transposed as a whole.
// CHECK-LABEL: func.func @grouped_bias(
// CHECK-SAME:      %[[X:.*]]: tensor<1x4x3xf32>, %[[W:.*]]: tensor<4x3x3xf32>, %[[B:.*]]: tensor<6xf32>)
// CHECK:         %[[XZ:.*]] = tensor.insert_slice %[[X]] into %{{.*}}[0, 0, 0] [1, 4, 3] [1, 1, 2]
// CHECK:         %[[WG:.*]] = tensor.expand_shape %[[W]] {{\[}}[0, 1], [2], [3]] output_shape [2, 2, 3, 3]
// CHECK-SAME:      : tensor<4x3x3xf32> into tensor<2x2x3x3xf32>
// CHECK:         %[[WT:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d2, d1, -d3 + 2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
// CHECK-SAME:      ins(%[[WG]] : tensor<2x2x3x3xf32>) outs(%{{.*}} : tensor<2x3x2x3xf32>)
// CHECK:         %[[WF:.*]] = tensor.collapse_shape %[[WT]] {{\[}}[0, 1], [2], [3]]
// CHECK-SAME:      : tensor<2x3x2x3xf32> into tensor<6x2x3xf32>
// CHECK:         %[[Y:.*]] = tconv.conv %[[XZ]], %[[WF]], %[[B]] pads = [1, 2] group = 2
// CHECK-SAME:      : (tensor<1x4x5xf32>, tensor<6x2x3xf32>, tensor<6xf32>) -> tensor<1x6x6xf32>
// CHECK:         return %[[Y]]
func.func @grouped_bias(%x: tensor<1x4x3xf32>, %w: tensor<4x3x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x6xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [1, 0] group = 2
      : (tensor<1x4x3xf32>, tensor<4x3x3xf32>, tensor<6xf32>) -> tensor<1x6x6xf32>
  return %y : tensor<1x6x6xf32>
}

// -----

// Pads 2 - pad_begin before and 2 - pad_end + output_padding after:
// H (0, 1, +1) -> (2, 2), W (1, 2, +1) -> (1, 1).
// CHECK-LABEL: func.func @asymmetric_output_padding(
// CHECK:         %[[XZ:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 1, 4, 4] [1, 1, 2, 2]
// CHECK-SAME:      : tensor<1x1x4x4xf32> into tensor<1x1x7x7xf32>
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK:         tconv.conv %[[XZ]], %[[WF]] pads = [2, 1, 2, 1]
// CHECK-SAME:      : (tensor<1x1x7x7xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x7xf32>
func.func @asymmetric_output_padding(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x9x7xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [0, 1, 1, 2] output_padding = [1, 1]
      : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x7xf32>
  return %y : tensor<1x1x9x7xf32>
}

// -----

// pads > dilation * (k - 1): the direct convolution's padding is negative.
// H pads 1 - 3 = -2 on both sides, W 1 - 0 = 1 before and 1 - 2 = -1 after:
// crop the zero-inserted 9x5 input to 5x4 (never clamp), pad W by 1 before.
// CHECK-LABEL: func.func @crop(
// CHECK:         %[[XZ:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 1, 5, 5] [1, 1, 2, 1]
// CHECK-SAME:      : tensor<1x1x5x5xf32> into tensor<1x1x9x5xf32>
// CHECK:         %[[XC:.*]] = tensor.extract_slice %[[XZ]][0, 0, 2, 0] [1, 1, 5, 4] [1, 1, 1, 1]
// CHECK-SAME:      : tensor<1x1x9x5xf32> to tensor<1x1x5x4xf32>
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      affine_map<(d0, d1, d2, d3) -> (d1, d0, -d2 + 1, -d3 + 1)>
// CHECK:         tconv.conv %[[XC]], %[[WF]] pads = [0, 1, 0, 0]
// CHECK-SAME:      : (tensor<1x1x5x4xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
func.func @crop(%x: tensor<1x1x5x5xf32>, %w: tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 1] pads = [3, 0, 3, 2]
      : (tensor<1x1x5x5xf32>, tensor<1x1x2x2xf32>) -> tensor<1x1x4x4xf32>
  return %y : tensor<1x1x4x4xf32>
}

// -----

// The output lies entirely in the output_padding margin: bias only.
// CHECK-LABEL: func.func @bias_only(
// CHECK-SAME:      %{{.*}}: tensor<1x1x1xf32>, %{{.*}}: tensor<1x2x1xf32>, %[[B:.*]]: tensor<2xf32>)
// CHECK-NOT:     tconv.conv
// CHECK:         %[[EMPTY:.*]] = tensor.empty() : tensor<1x2x1xf32>
// CHECK:         %[[Y:.*]] = linalg.broadcast ins(%[[B]] : tensor<2xf32>) outs(%[[EMPTY]] : tensor<1x2x1xf32>) dimensions = [0, 2]
// CHECK-NOT:     tconv.conv
// CHECK:         return %[[Y]]
func.func @bias_only(%x: tensor<1x1x1xf32>, %w: tensor<1x2x1xf32>, %b: tensor<2xf32>) -> tensor<1x2x1xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [1, 0] output_padding = [1]
      : (tensor<1x1x1xf32>, tensor<1x2x1xf32>, tensor<2xf32>) -> tensor<1x2x1xf32>
  return %y : tensor<1x2x1xf32>
}

// -----

// Stride 1: nothing to insert, only the pads and the flipped kernel.
// CHECK-LABEL: func.func @stride_one_f16(
// CHECK-SAME:      %[[X:.*]]: tensor<1x2x4xf16>, %[[W:.*]]: tensor<2x2x3xf16>)
// CHECK-NOT:     tensor.insert_slice
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d0, -d2 + 2)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>]
// CHECK-SAME:      ins(%[[W]] : tensor<2x2x3xf16>) outs(%{{.*}} : tensor<2x2x3xf16>)
// CHECK:         %[[Y:.*]] = tconv.conv %[[X]], %[[WF]] pads = [1, 1]
// CHECK-SAME:      : (tensor<1x2x4xf16>, tensor<2x2x3xf16>) -> tensor<1x2x4xf16>
// CHECK:         return %[[Y]]
func.func @stride_one_f16(%x: tensor<1x2x4xf16>, %w: tensor<2x2x3xf16>) -> tensor<1x2x4xf16> {
  %y = tconv.conv_transpose %x, %w pads = [1, 1]
      : (tensor<1x2x4xf16>, tensor<2x2x3xf16>) -> tensor<1x2x4xf16>
  return %y : tensor<1x2x4xf16>
}
