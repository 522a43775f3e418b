// tosa form transpose_conv2d, checked against upstream's lowering.
// A negative out_pad crops (ONNX pads), a positive end one is
// output_padding; OHWI weights become I x O x H x W.

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verified 0 tconv ops, 1 raised upstream convolution
// CHECK-NOT: not raised
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x5x8xf32>, %w: tensor<6x4x3x8xf32>, %b: tensor<6xf32>) -> tensor<1x8x17x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, 0, 2>, stride = array<i64: 2, 3>} : (tensor<1x4x5x8xf32>, tensor<6x4x3x8xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x17x6xf32>
  return %y : tensor<1x8x17x6xf32>
}
