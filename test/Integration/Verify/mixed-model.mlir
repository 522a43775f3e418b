// A decoder block: tconv mixed with upstream ops on tensors. Upsampling
// conv_transpose with bias (stride 2, kernel 4, pads 1), ReLU as
// arith.maximumf, tosa.clamp, a skip connection added with tosa.add, a 3x3
// conv, then math.tanh of a quarter of it (mostly unsaturated). Both results
// are compared with the reference lowering.

// RUN: tconv-run %s --random-inputs=50 --verify --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=50 --verify --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --random-inputs=50 --verify --transpose-strategy=auto | FileCheck %s
// CHECK:      verify result #0: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #1: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x6x5x6xf32>, %wt: tensor<6x4x4x4xf32>, %bt: tensor<4xf32>,
                %skip: tensor<1x4x10x12xf32>, %w: tensor<3x4x3x3xf32>, %b: tensor<3xf32>)
    -> (tensor<1x4x10x12xf32>, tensor<1x3x10x12xf32>) {
  %up = tconv.conv_transpose %x, %wt, %bt strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x6x5x6xf32>, tensor<6x4x4x4xf32>, tensor<4xf32>) -> tensor<1x4x10x12xf32>
  %zero = arith.constant dense<0.0> : tensor<1x4x10x12xf32>
  %relu = arith.maximumf %up, %zero : tensor<1x4x10x12xf32>
  %clamp = tosa.clamp %relu {min_val = 0.0 : f32, max_val = 1.5 : f32}
      : (tensor<1x4x10x12xf32>) -> tensor<1x4x10x12xf32>
  %sum = tosa.add %clamp, %skip
      : (tensor<1x4x10x12xf32>, tensor<1x4x10x12xf32>) -> tensor<1x4x10x12xf32>
  %conv = tconv.conv %sum, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x4x10x12xf32>, tensor<3x4x3x3xf32>, tensor<3xf32>)
      -> tensor<1x3x10x12xf32>
  %scale = arith.constant dense<0.25> : tensor<1x3x10x12xf32>
  %scaled = arith.mulf %conv, %scale : tensor<1x3x10x12xf32>
  %out = math.tanh %scaled : tensor<1x3x10x12xf32>
  return %sum, %out : tensor<1x4x10x12xf32>, tensor<1x3x10x12xf32>
}
