// 3-D transposed convolution, stride 2.
// Checked against the reference lowering at N = 1, 2, 3 and 7 (one
// compiled module); the results take the inputs' N.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x2x5x5x5xf32>

func.func @main(%x: tensor<?x3x2x2x2xf32>, %w: tensor<3x2x3x3x3xf32>) -> tensor<?x2x5x5x5xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2, 2]
      : (tensor<?x3x2x2x2xf32>, tensor<3x2x3x3x3xf32>) -> tensor<?x2x5x5x5xf32>
  return %y : tensor<?x2x5x5x5xf32>
}
