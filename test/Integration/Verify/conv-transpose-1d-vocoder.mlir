// 1-D, vocoder-like upsampling: stride 8, kernel 16, pads [4, 4], bias.

// RUN: tconv-run %s --random-inputs=10 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=10 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=10 --verify --transpose-strategy=auto | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5xf32>, %w: tensor<4x2x16xf32>, %b: tensor<2xf32>)
    -> tensor<1x2x40xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [8] pads = [4, 4]
      : (tensor<1x4x5xf32>, tensor<4x2x16xf32>, tensor<2xf32>) -> tensor<1x2x40xf32>
  return %y : tensor<1x2x40xf32>
}
