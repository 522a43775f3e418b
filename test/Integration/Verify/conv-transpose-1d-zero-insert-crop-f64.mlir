// f64 chain ending in a stride-3 transposed convolution that crops (pads 2
// with kernel 1), zero-insert strategy: the row vectorizer writes the
// inserted rows, a 4x6 layout-change block reads the cropped part back.
// LLVM's x86 backend (AVX-512) lost a lane of that block: output 4 was the
// bias alone, the same wrong value on every run. Layout-change blocks are
// now powers of two wide. Inputs of ones make the lost lane -2.125 vs 0.

// RUN: tconv-run %s --transpose-strategy=zero-insert --input=1x4x6xf64=1 --input=4x1x1xf64=1 --input=4x1x1xf64=1 --input=1xf64=0 --output=- | FileCheck %s
// CHECK: {{^\[\[\[0, -2.125, 0, 0, -2.125, 0\]\]\]$}}
// RUN: tconv-run %s --transpose-strategy=zero-insert --random-inputs=49 --verify | FileCheck %s --check-prefix=VERIFY
// VERIFY: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x6xf64>, %w1: tensor<4x1x1xf64>, %w2: tensor<4x1x1xf64>, %b: tensor<1xf64>) -> tensor<1x1x6xf64> {
  %w0 = arith.constant dense<[[[-0.875]], [[-2.000]], [[0.500]], [[0.250]]]> : tensor<4x1x1xf64>
  %y0 = tconv.conv %x, %w0 strides = [2] pads = [0, 1] group = 4 : (tensor<1x4x6xf64>, tensor<4x1x1xf64>) -> tensor<1x4x4xf64>
  %y1 = tconv.conv %y0, %w1 group = 4 : (tensor<1x4x4xf64>, tensor<4x1x1xf64>) -> tensor<1x4x4xf64>
  %y2 = tconv.conv_transpose %y1, %w2, %b strides = [3] pads = [2, 2] : (tensor<1x4x4xf64>, tensor<4x1x1xf64>, tensor<1xf64>) -> tensor<1x1x6xf64>
  return %y2 : tensor<1x1x6xf64>
}
