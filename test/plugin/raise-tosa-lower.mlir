// docs/embedding.md: the same TOSA model through tconv's whole lowering,
// which raises first.
// RUN: mlir-opt --load-dialect-plugin=%tconv_plugin --load-pass-plugin=%tconv_plugin --pass-pipeline='builtin.module(func.func(tosa-infer-shapes), tconv-lower-to-llvm{parallel=false})' %s | FileCheck %s

// CHECK-NOT: tosa.
// CHECK-LABEL: llvm.func @upsample(
// CHECK-NOT: tensor<
// CHECK: llvm.return
func.func @upsample(%x: tensor<1x8x8x4xf32>, %w: tensor<6x4x4x4xf32>, %b: tensor<6xf32>) -> tensor<1x16x16x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, -1, -1>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>, tensor<6x4x4x4xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16x6xf32>
  %r = tosa.clamp %y {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x16x16x6xf32>) -> tensor<1x16x16x6xf32>
  return %r : tensor<1x16x16x6xf32>
}
