// 1-D, stride 2, dilation 3, output_padding 2: not < stride but < dilation,
// which is allowed (PyTorch's rule).

// RUN: tconv-run %s --random-inputs=5 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=5 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=5 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x6xf32>, %w: tensor<2x2x3xf32>) -> tensor<1x2x18xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [0, 1] dilations = [3]
      output_padding = [2]
      : (tensor<1x2x6xf32>, tensor<2x2x3xf32>) -> tensor<1x2x18xf32>
  return %y : tensor<1x2x18xf32>
}
