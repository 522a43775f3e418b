// Debian's mlir-opt runs the whole tconv lowering from the plugin. Upstream
// mlir-opt builds its pass flags before loading plugins, so the pipeline is
// named in --pass-pipeline (a bare --tconv-lower-to-llvm is rejected).
// RUN: mlir-opt --load-dialect-plugin=%tconv_plugin --load-pass-plugin=%tconv_plugin --pass-pipeline='builtin.module(tconv-lower-to-llvm{parallel=false})' %s | FileCheck %s

// CHECK-NOT: tconv.
// CHECK-LABEL: llvm.func @transpose_1d(
// CHECK-NOT: tensor<
// CHECK: llvm.return
func.func @transpose_1d(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
