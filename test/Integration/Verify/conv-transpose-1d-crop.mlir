// 1-D, f64, stride 3, pads [3, 5] larger than dilation * (k - 1) = 2: the
// equivalent direct convolution has negative pads (crop, not clamp).

// RUN: tconv-run %s --random-inputs=3 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=3 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=3 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x9xf64>, %w: tensor<2x3x3xf64>) -> tensor<1x3x19xf64> {
  %y = tconv.conv_transpose %x, %w strides = [3] pads = [3, 5]
      : (tensor<1x2x9xf64>, tensor<2x3x3xf64>) -> tensor<1x3x19xf64>
  return %y : tensor<1x3x19xf64>
}
