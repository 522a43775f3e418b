// 1-D bf16, k 4, pads 1 + 1 (cropped taps): the row vectorizer reads the
// 9-element input row whole and without its last element; LLVM forwarded
// one read into the other as a bitcast of a <9 x bfloat> load and aborted
// in the x86 backend ("Do not know how to soft promote this operator's
// operand"). bf16 conversions now reach LLVM as i16 bit operations.

// RUN: tconv-run %s --random-inputs=7 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x1x9xbf16>, %w: tensor<1x1x4xbf16>) -> tensor<1x1x10xbf16> {
  %y = tconv.conv_transpose %x, %w pads = [1, 1]
      : (tensor<1x1x9xbf16>, tensor<1x1x4xbf16>) -> tensor<1x1x10xbf16>
  return %y : tensor<1x1x10xbf16>
}
