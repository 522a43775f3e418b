// 2-D depthwise convolution (group = channels), stride 2, dilation 2.
// Checked against the reference lowering at N = 1, 2, 3 and 7 (one
// compiled module); the results take the inputs' N.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x8x4x4xf32>

func.func @main(%x: tensor<?x8x9x9xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<?x8x4x4xf32> {
  %y = tconv.conv %x, %w strides = [2, 2] pads = [1, 1, 1, 1] dilations = [2, 2] group = 8
      : (tensor<?x8x9x9xf32>, tensor<8x1x3x3xf32>) -> tensor<?x8x4x4xf32>
  return %y : tensor<?x8x4x4xf32>
}
