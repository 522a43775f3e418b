// RUN: not tconv-opt %s -tconv-decompose-transpose=strategy=fractional 2>&1 | FileCheck %s

// CHECK: error: tconv-decompose-transpose: unknown strategy 'fractional'; expected auto, phase or zero-insert
func.func @f(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
