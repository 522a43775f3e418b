// RUN: tconv-opt %s --tconv-split-groups -split-input-file | FileCheck %s

// Two groups of 3 input and 2 output channels, with a bias: one ungrouped
// conv per group on channel slices, inserted into the output.
// CHECK-LABEL: func.func @two_groups
// CHECK-SAME:    (%[[X:.*]]: tensor<1x6x5x7xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK:         %[[E:.*]] = tensor.empty() : tensor<1x4x3x5xf32>
// CHECK:         %[[X0:.*]] = tensor.extract_slice %[[X]][0, 0, 0, 0] [1, 3, 5, 7] [1, 1, 1, 1]
// CHECK:         %[[W0:.*]] = tensor.extract_slice %[[W]][0, 0, 0, 0] [2, 3, 3, 3] [1, 1, 1, 1]
// CHECK:         %[[B0:.*]] = tensor.extract_slice %[[B]][0] [2] [1]
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X0]], %[[W0]], %[[B0]] strides = [2, 1] pads = [1, 0, 1, 2] dilations = [1, 2] : (tensor<1x3x5x7xf32>, tensor<2x3x3x3xf32>, tensor<2xf32>) -> tensor<1x2x3x5xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[E]][0, 0, 0, 0] [1, 2, 3, 5] [1, 1, 1, 1]
// CHECK:         %[[X1:.*]] = tensor.extract_slice %[[X]][0, 3, 0, 0] [1, 3, 5, 7] [1, 1, 1, 1]
// CHECK:         %[[W1:.*]] = tensor.extract_slice %[[W]][2, 0, 0, 0] [2, 3, 3, 3] [1, 1, 1, 1]
// CHECK:         %[[B1:.*]] = tensor.extract_slice %[[B]][2] [2] [1]
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X1]], %[[W1]], %[[B1]]
// CHECK:         %[[R1:.*]] = tensor.insert_slice %[[Y1]] into %[[R0]][0, 2, 0, 0] [1, 2, 3, 5] [1, 1, 1, 1]
// CHECK:         return %[[R1]]
func.func @two_groups(%x: tensor<1x6x5x7xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x3x5xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 1] pads = [1, 0, 1, 2] dilations = [1, 2] group = 2 : (tensor<1x6x5x7xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x5xf32>
  return %y : tensor<1x4x3x5xf32>
}

// -----

// Depthwise (one input channel per group) and ungrouped convolutions have
// schedules of their own: left alone.
// CHECK-LABEL: func.func @left_alone
// CHECK-NOT:     tensor.extract_slice
// CHECK:         tconv.conv {{.*}} group = 4
// CHECK:         tconv.conv
// CHECK-NOT:     tensor.insert_slice
func.func @left_alone(%x: tensor<1x4x8x8xf32>, %dw: tensor<8x1x3x3xf32>, %w: tensor<2x8x1x1xf32>) -> tensor<1x2x6x6xf32> {
  %d = tconv.conv %x, %dw group = 4 : (tensor<1x4x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32>
  %y = tconv.conv %d, %w : (tensor<1x8x6x6xf32>, tensor<2x8x1x1xf32>) -> tensor<1x2x6x6xf32>
  return %y : tensor<1x2x6x6xf32>
}

// -----

// More than kMaxSplitGroups (32) groups: compile time would grow faster
// than their number, so the convolution stays grouped.
// CHECK-LABEL: func.func @many_groups
// CHECK-NOT:     tensor.extract_slice
// CHECK:         tconv.conv {{.*}} group = 33
func.func @many_groups(%x: tensor<1x66x3x3xf32>, %w: tensor<66x2x1x1xf32>) -> tensor<1x66x3x3xf32> {
  %y = tconv.conv %x, %w group = 33 : (tensor<1x66x3x3xf32>, tensor<66x2x1x1xf32>) -> tensor<1x66x3x3xf32>
  return %y : tensor<1x66x3x3xf32>
}
