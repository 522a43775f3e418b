// linalg form padded_nhwc, checked against upstream's lowering.
// The same in NHWC with a tensor.pad of the inserted tensor adding zeros at
// the start and a zero end beyond the kernel's reach: output_padding.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x4x2xf32>, %w: tensor<3x2x2x2xf32>) -> tensor<1x12x6x3xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x12x7x2xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x12x7x2xf32>) -> tensor<1x12x7x2xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 0, 0] [1, 4, 4, 2] [1, 3, 2, 1] : tensor<1x4x4x2xf32> into tensor<1x12x7x2xf32>
  %p = tensor.pad %i low[0, 1, 0, 0] high[0, 0, 0, 0] { ^bb0(%a: index, %b: index, %c: index, %d: index): tensor.yield %cst : f32 } : tensor<1x12x7x2xf32> to tensor<1x13x7x2xf32>
  %eo = tensor.empty() : tensor<1x12x6x3xf32>
  %fo = linalg.fill ins(%cst : f32) outs(%eo : tensor<1x12x6x3xf32>) -> tensor<1x12x6x3xf32>
  %y = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x13x7x2xf32>, tensor<3x2x2x2xf32>) outs(%fo : tensor<1x12x6x3xf32>) -> tensor<1x12x6x3xf32>
  return %y : tensor<1x12x6x3xf32>
}
