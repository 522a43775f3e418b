// 1-D transposed convolution, 2 groups, stride 2, output_padding 1, bias.
// Checked against the reference lowering at N = 1, 2, 3 and 7 (one
// compiled module); the results take the inputs' N.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x6x13xf32>

func.func @main(%x: tensor<?x4x6xf32>, %w: tensor<4x3x3xf32>, %b: tensor<6xf32>) -> tensor<?x6x13xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [1, 0] output_padding = [1] group = 2
      : (tensor<?x4x6xf32>, tensor<4x3x3xf32>, tensor<6xf32>) -> tensor<?x6x13xf32>
  return %y : tensor<?x6x13xf32>
}
