// docs/embedding.md: inside Debian's mlir-opt, the pipeline's target-cpu
// schedules a bf16 phase convolution as tconv-compile does for Zen 5:
// AVX-512 tiles, pairs of input channels on vdpbf16ps, direct (two FMA
// pipes need 128 channels for Winograd F(2x2, 2x2)).
// RUN: mlir-opt --load-dialect-plugin=%tconv_plugin --load-pass-plugin=%tconv_plugin --pass-pipeline='builtin.module(tconv-lower-to-llvm{target-cpu=znver5 stop-after=decompose})' %s | FileCheck %s

// CHECK-LABEL: func.func @phase
//       CHECK:   tconv.conv
//  CHECK-SAME:   tconv.schedule = {c_tile = 8 : i64, dot_width = 2 : i64, f_tile = 64 : i64, kind = "channels-last", kw_tile = 2 : i64, ow_tile = 6 : i64, rows_outer = 1 : i64, vector_width = 16 : i64}
func.func @phase(%x: tensor<1x64x56x56xbf16>, %w: tensor<64x64x2x2xbf16>) -> tensor<1x64x56x56xbf16> {
  %y = tconv.conv %x, %w pads = [1, 1, 0, 0]
      : (tensor<1x64x56x56xbf16>, tensor<64x64x2x2xbf16>) -> tensor<1x64x56x56xbf16>
  return %y : tensor<1x64x56x56xbf16>
}
