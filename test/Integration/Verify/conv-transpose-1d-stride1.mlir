// 1-D, stride 1, no pads, bias.

// RUN: tconv-run %s --random-inputs=1 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=1 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=1 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x7xf32>, %w: tensor<2x3x3xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x9xf32> {
  %y = tconv.conv_transpose %x, %w, %b
      : (tensor<1x2x7xf32>, tensor<2x3x3xf32>, tensor<3xf32>) -> tensor<1x3x9xf32>
  return %y : tensor<1x3x9xf32>
}
