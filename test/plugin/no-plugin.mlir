// Without the plugin, Debian's mlir-opt does not know the dialect: the tests
// next to this one really exercise the plugin.
// RUN: not mlir-opt %s 2>&1 | FileCheck %s

// CHECK: Dialect `tconv' not found for custom op 'tconv.conv_transpose'
func.func @f(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
