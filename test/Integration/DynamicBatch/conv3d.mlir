// 3-D convolution with bias.
// Checked against the reference lowering at N = 1, 2, 3 and 7 (one
// compiled module); the results take the inputs' N.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x4x3x4x4xf32>

func.func @main(%x: tensor<?x3x5x6x6xf32>, %w: tensor<4x3x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<?x4x3x4x4xf32> {
  %y = tconv.conv %x, %w, %b
      : (tensor<?x3x5x6x6xf32>, tensor<4x3x3x3x3xf32>, tensor<4xf32>) -> tensor<?x4x3x4x4xf32>
  return %y : tensor<?x4x3x4x4xf32>
}
