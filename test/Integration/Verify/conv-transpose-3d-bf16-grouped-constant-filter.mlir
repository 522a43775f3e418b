// Found by tconv-difftest (seed 1796476944): a grouped bf16 transposed
// convolution with a constant filter, whose relayout is a 4x4 block
// transpose. LLVM 22's x86 backend aborted on its shuffles of bf16 vectors
// ("Cannot select: v16bf16 = X86ISD::VPERM2X128"); 16-bit floats are now
// shuffled as i16.

// RUN: tconv-run %s --random-inputs=3 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x4x1x5x4xbf16>) -> tensor<1x12x1x8x20xbf16> {
  %w = arith.constant dense<[[[[[0.875]], [[-0.750]], [[1.875]], [[1.125]]], [[[1.750]], [[0.125]], [[0.250]], [[1.000]]], [[[-0.875]], [[2.000]], [[-1.375]], [[1.875]]]], [[[[0.500]], [[-0.125]], [[-0.250]], [[-1.500]]], [[[1.875]], [[0.875]], [[-0.750]], [[-0.625]]], [[[-0.375]], [[1.875]], [[-2.000]], [[-0.250]]]], [[[[-0.125]], [[-0.500]], [[-1.750]], [[-1.000]]], [[[1.375]], [[0.875]], [[0.250]], [[-1.750]]], [[[-1.500]], [[0.125]], [[1.375]], [[-0.500]]]], [[[[-1.875]], [[0.625]], [[-0.500]], [[-0.750]]], [[[0.125]], [[-0.500]], [[-1.000]], [[-2.000]]], [[[1.500]], [[-0.125]], [[1.750]], [[-1.000]]]]]> : tensor<4x3x4x1x1xbf16>
  %y = tconv.conv_transpose %x, %w strides = [3, 2, 6] pads = [0, 2, 0, 3, 0, 0]
      output_padding = [0, 1, 1] group = 4
      : (tensor<1x4x1x5x4xbf16>, tensor<4x3x4x1x1xbf16>) -> tensor<1x12x1x8x20xbf16>
  return %y : tensor<1x12x1x8x20xbf16>
}
