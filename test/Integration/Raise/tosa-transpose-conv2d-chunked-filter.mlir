// tosa.transpose_conv2d with a 2 MiB runtime filter against 48 KB of input
// and output: raised to tconv, its OHWI weights moved to C x M x k.. chunk
// by chunk of 64 output channels (tconv-chunk-output-channels), each chunk
// sliced from the weights' dim 0.

// RUN: tconv-run %s --random-inputs=29 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x4x256xf32>, %w: tensor<128x4x4x256xf32>) -> tensor<1x8x8x128xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %b = "tosa.const"() <{values = dense<0.5> : tensor<128xf32>}> : () -> tensor<128xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, -1, -1>, stride = array<i64: 2, 2>}
      : (tensor<1x4x4x256xf32>, tensor<128x4x4x256xf32>, tensor<128xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x128xf32>
  return %y : tensor<1x8x8x128xf32>
}
