// 2-D depthwise upsampling with bias followed by a ReLU and a tanh: the
// elementwise epilogue is applied to the vectors the row schedule stores.

// RUN: tconv-run %s --random-inputs=49 --verify --threads=2 | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x7x12xf32>, %w: tensor<3x1x4x4xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x14x24xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1] group = 3
      : (tensor<1x3x7x12xf32>, tensor<3x1x4x4xf32>, tensor<3xf32>) -> tensor<1x3x14x24xf32>
  %zero = arith.constant dense<0.0> : tensor<1x3x14x24xf32>
  %r = arith.maximumf %y, %zero : tensor<1x3x14x24xf32>
  %t = math.tanh %r : tensor<1x3x14x24xf32>
  return %t : tensor<1x3x14x24xf32>
}
