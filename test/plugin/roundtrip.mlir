// Debian's own mlir-opt parses, verifies and prints tconv ops once the
// plugin is loaded; the printed form parses again.
// RUN: mlir-opt --load-dialect-plugin=%tconv_plugin %s | mlir-opt --load-dialect-plugin=%tconv_plugin | FileCheck %s

// CHECK-LABEL: func.func @transpose_1d
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x2xf32>, %[[W:.*]]: tensor<1x1x3xf32>)
// CHECK: %[[Y:.*]] = tconv.conv_transpose %[[X]], %[[W]] strides = [2] pads = [1, 1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
// CHECK: return %[[Y]]
func.func @transpose_1d(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// CHECK-LABEL: func.func @conv_2d_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<16x3x3x3xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: tconv.conv %[[X]], %[[W]], %[[B]] strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>) -> tensor<1x16x4x4xf32>
func.func @conv_2d_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<16x3x3x3xf32>,
                        %b: tensor<16xf32>) -> tensor<1x16x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
      -> tensor<1x16x4x4xf32>
  return %y : tensor<1x16x4x4xf32>
}
