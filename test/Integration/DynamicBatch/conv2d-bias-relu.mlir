// 2-D 3x3 convolution, pads 1, bias, then a ReLU (elementwise arith).
// Checked against the reference lowering at N = 1, 2, 3 and 7 (one
// compiled module); the results take the inputs' N.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x32x12x12xf32>

func.func @main(%x: tensor<?x16x12x12xf32>, %w: tensor<32x16x3x3xf32>, %b: tensor<32xf32>) -> tensor<?x32x12x12xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<?x16x12x12xf32>, tensor<32x16x3x3xf32>, tensor<32xf32>) -> tensor<?x32x12x12xf32>
  %zero = arith.constant dense<0.0> : tensor<1x32x12x12xf32>
  %r = tosa.maximum %y, %zero : (tensor<?x32x12x12xf32>, tensor<1x32x12x12xf32>) -> tensor<?x32x12x12xf32>
  return %r : tensor<?x32x12x12xf32>
}
