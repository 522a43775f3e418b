// A small generator with a dynamic batch: conv (stride 2) + bias + ReLU,
// a depthwise conv, a conv_transpose back up + tanh, then a residual add
// with the input. Checked against the reference lowering at N = 1, 2, 3,
// 7 and 9 (a chunk of 8 images and a single one); the weights are
// batch-free constants and arguments.
//
// --verify's reference loops over images too, so the last RUN lines check
// that loop against a static N = 3 copy of the model (sed), bit for bit.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// RUN: tconv-run %s --random-inputs --batch=9 --verify --print | FileCheck %s -DN=9
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x8x16x16xf32>

// RUN: sed 's/?x/3x/g' %s > %t.static.mlir
// RUN: tconv-run %s --random-inputs=9 --batch=3 --reference --output=%t.dynamic.npy
// RUN: tconv-run %t.static.mlir --random-inputs=9 --reference --output=%t.static.npy
// RUN: cmp %t.dynamic.npy %t.static.npy

func.func @main(%x: tensor<?x8x16x16xf32>, %w1: tensor<16x8x3x3xf32>, %b1: tensor<16xf32>,
                %w3: tensor<16x8x4x4xf32>) -> tensor<?x8x16x16xf32> {
  %h = tconv.conv %x, %w1, %b1 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x8x16x16xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<?x16x8x8xf32>
  %zero = arith.constant dense<0.0> : tensor<1x16x8x8xf32>
  %r = tosa.maximum %h, %zero : (tensor<?x16x8x8xf32>, tensor<1x16x8x8xf32>) -> tensor<?x16x8x8xf32>
  %w2 = arith.constant dense<0.125> : tensor<16x1x3x3xf32>
  %d = tconv.conv %r, %w2 pads = [1, 1, 1, 1] group = 16
      : (tensor<?x16x8x8xf32>, tensor<16x1x3x3xf32>) -> tensor<?x16x8x8xf32>
  %u = tconv.conv_transpose %d, %w3 strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x16x8x8xf32>, tensor<16x8x4x4xf32>) -> tensor<?x8x16x16xf32>
  %t = math.tanh %u : tensor<?x8x16x16xf32>
  %y = arith.addf %t, %x : tensor<?x8x16x16xf32>
  return %y : tensor<?x8x16x16xf32>
}
