// RUN: tconv-opt %s --tconv-lower-to-llvm | mlir-translate --mlir-to-llvmir | FileCheck %s

// The pipeline output translates to LLVM IR; the convolution's inner loops,
// outlined for OpenMP (26 MFLOP: enough work to share), are FMAs on
// <8 x float> (AVX2 registers).

// CHECK-LABEL: define void @conv(
//       CHECK:   call void {{.*}}@__kmpc_fork_call({{.*}}@conv..omp_par
//       CHECK: define internal void @conv..omp_par
//       CHECK:   call void @__kmpc_for_static_init_8u(
//       CHECK:   call <8 x float> @llvm.fmuladd.v8f32(<8 x float> %{{.*}}, <8 x float> %{{.*}}, <8 x float> %{{.*}})
// CHECK-LABEL: define void @_mlir_ciface_conv(ptr %{{.*}}, ptr %{{.*}}, ptr %{{.*}})
func.func @conv(%x: tensor<1x16x32x32xf32>, %w: tensor<32x16x5x5xf32>) -> tensor<1x32x32x32xf32> {
  %y = tconv.conv %x, %w pads = [2, 2, 2, 2]
      : (tensor<1x16x32x32xf32>, tensor<32x16x5x5xf32>) -> tensor<1x32x32x32xf32>
  return %y : tensor<1x32x32x32xf32>
}
