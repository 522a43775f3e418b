// docs/embedding.md: Debian's mlir-opt raises the convolutions of a TOSA
// model inside its own TOSA pipeline, then lowers the rest itself.
// RUN: mlir-opt --load-dialect-plugin=%tconv_plugin --load-pass-plugin=%tconv_plugin --pass-pipeline='builtin.module(func.func(tosa-infer-shapes, tconv-raise-convolutions, tconv-decompose-transpose, tconv-convert-to-linalg, tosa-to-linalg-named, tosa-to-linalg, canonicalize))' %s | FileCheck %s

// CHECK-LABEL: func.func @upsample
// CHECK-NOT: tosa.
// CHECK-NOT: tconv.
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-NOT: tosa.
// CHECK-NOT: tconv.
// CHECK: return
func.func @upsample(%x: tensor<1x8x8x4xf32>, %w: tensor<6x4x4x4xf32>, %b: tensor<6xf32>) -> tensor<1x16x16x6xf32> {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %y = tosa.transpose_conv2d %x, %w, %b, %zp, %zp {acc_type = f32, out_pad = array<i64: -1, -1, -1, -1>, stride = array<i64: 2, 2>} : (tensor<1x8x8x4xf32>, tensor<6x4x4x4xf32>, tensor<6xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x16x16x6xf32>
  %r = tosa.clamp %y {max_val = 3.40282347E+38 : f32, min_val = 0.000000e+00 : f32} : (tensor<1x16x16x6xf32>) -> tensor<1x16x16x6xf32>
  return %r : tensor<1x16x16x6xf32>
}
