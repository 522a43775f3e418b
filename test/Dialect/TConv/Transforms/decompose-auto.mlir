// RUN: tconv-opt %s -split-input-file -tconv-decompose-transpose -mlir-print-local-scope | FileCheck %s

// The default strategy is auto: a stride > 1 gives phases (no zero-inserted
// tensor), unit strides a single padded convolution.

// CHECK-LABEL: func.func @strided(
// CHECK-SAME:      %[[X:.*]]: tensor<1x1x2xf32>
// CHECK-NOT:     linalg.fill
// CHECK:         %[[OUT:.*]] = tensor.empty() : tensor<1x1x3xf32>
// CHECK:         %[[Y0:.*]] = tconv.conv %[[X]], %{{.*}} : (tensor<1x1x2xf32>, tensor<1x1x1xf32>) -> tensor<1x1x2xf32>
// CHECK:         %[[R0:.*]] = tensor.insert_slice %[[Y0]] into %[[OUT]][0, 0, 0] [1, 1, 2] [1, 1, 2]
// CHECK:         %[[Y1:.*]] = tconv.conv %[[X]], %{{.*}} : (tensor<1x1x2xf32>, tensor<1x1x2xf32>) -> tensor<1x1x1xf32>
// CHECK:         tensor.insert_slice %[[Y1]] into %[[R0]][0, 0, 1] [1, 1, 1] [1, 1, 2]
func.func @strided(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// Unit strides, pads 3 > k - 1 = 1 before: crop 2 from the input, pad 1 after.
// CHECK-LABEL: func.func @unit_stride(
// CHECK-SAME:      %[[X:.*]]: tensor<1x2x6xf32>
// CHECK-NOT:     tensor.insert_slice
// CHECK:         %[[XC:.*]] = tensor.extract_slice %[[X]][0, 0, 2] [1, 2, 4] [1, 1, 1] : tensor<1x2x6xf32> to tensor<1x2x4xf32>
// CHECK:         %[[WF:.*]] = linalg.generic
// CHECK-SAME:      affine_map<(d0, d1, d2) -> (d1, d0, -d2 + 1)>
// CHECK:         tconv.conv %[[XC]], %[[WF]] pads = [0, 1] : (tensor<1x2x4xf32>, tensor<3x2x2xf32>) -> tensor<1x3x4xf32>
// CHECK-NOT:     tensor.insert_slice
func.func @unit_stride(%x: tensor<1x2x6xf32>, %w: tensor<2x3x2xf32>) -> tensor<1x3x4xf32> {
  %y = tconv.conv_transpose %x, %w pads = [3, 0]
      : (tensor<1x2x6xf32>, tensor<2x3x2xf32>) -> tensor<1x3x4xf32>
  return %y : tensor<1x3x4xf32>
}
