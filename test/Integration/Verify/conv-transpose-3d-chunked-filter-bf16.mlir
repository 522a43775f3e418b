// Transposed convolution, 3-D, bf16, stride 1 on a 1x1x1 input (a
// generator's first layer): a 1.6 MB runtime filter in two chunks of 32
// output channels (tconv-chunk-output-channels).

// RUN: tconv-run %s --random-inputs=5 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x200x1x1x1xbf16>, %w: tensor<200x64x4x4x4xbf16>)
    -> tensor<1x64x4x4x4xbf16> {
  %y = tconv.conv_transpose %x, %w
      : (tensor<1x200x1x1x1xbf16>, tensor<200x64x4x4x4xbf16>) -> tensor<1x64x4x4x4xbf16>
  return %y : tensor<1x64x4x4x4xbf16>
}
