// linalg form conv_2d_cropped, checked against upstream's lowering.
// No batch, no channels: unit dims are added. An input end the outputs do
// not read is cropped.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<10x8xf32>, %w: tensor<3x2xf32>) -> tensor<7x7xf32> {
  %e = tensor.empty() : tensor<7x7xf32>
  %cst = arith.constant 0.0 : f32
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<7x7xf32>) -> tensor<7x7xf32>
  %y = linalg.conv_2d ins(%x, %w : tensor<10x8xf32>, tensor<3x2xf32>) outs(%f : tensor<7x7xf32>) -> tensor<7x7xf32>
  return %y : tensor<7x7xf32>
}
