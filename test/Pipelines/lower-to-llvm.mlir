// RUN: tconv-opt %s --tconv-lower-to-llvm | FileCheck %s \
// RUN:   --implicit-check-not=tconv.conv --implicit-check-not=tosa. \
// RUN:   --implicit-check-not=linalg. --implicit-check-not=tensor. \
// RUN:   --implicit-check-not=memref. --implicit-check-not=vector. \
// RUN:   --implicit-check-not=scf. --implicit-check-not=affine. \
// RUN:   --implicit-check-not=arith. --implicit-check-not=math. \
// RUN:   --implicit-check-not=bufferization. --implicit-check-not=cf. \
// RUN:   --implicit-check-not=unrealized_conversion_cast \
// RUN:   --implicit-check-not=llvm.intr.tanh --implicit-check-not=omp.

// The whole model reaches the LLVM dialect. Its loops are too small to
// share among threads (tconv-outer-parallel-loops): no OpenMP, which
// test/Pipelines/llvmir-fma.mlir checks on a larger convolution. tanh is a
// polynomial (tconv-approximate-math), not a call per element. The C
// interface takes one descriptor pointer per input, one for the result and
// one for the workspace, all of which the caller allocates.

// CHECK-LABEL: llvm.func @model(
//       CHECK:   llvm.intr.fmuladd({{.*}}) : (vector<8xf32>, vector<8xf32>, vector<8xf32>) -> vector<8xf32>
//       CHECK:       llvm.fdiv
// CHECK-LABEL: llvm.func @_mlir_ciface_model(
//  CHECK-SAME:     %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
//  CHECK-SAME:     attributes {llvm.emit_c_interface, tconv.largest_live_pair_bytes = {{[0-9]+}} : i64, tconv.peak_live_bytes = {{[0-9]+}} : i64, tconv.temporary_bytes = {{[0-9]+}} : i64, tconv.workspace_size = {{[0-9]+}} : i64}
func.func @model(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x8x8xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x8x8x8xf32>, tensor<8x8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8x8xf32>
  %zero = arith.constant dense<0.0> : tensor<1x8x8x8xf32>
  %relu = arith.maximumf %y, %zero : tensor<1x8x8x8xf32>
  %c = tosa.clamp %relu {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<1x8x8x8xf32>) -> tensor<1x8x8x8xf32>
  %t = math.tanh %c : tensor<1x8x8x8xf32>
  return %t : tensor<1x8x8x8xf32>
}

// A transposed convolution is decomposed and lowered like the rest.

// CHECK-LABEL: llvm.func @upsample(
// CHECK-LABEL: llvm.func @_mlir_ciface_upsample(
//  CHECK-SAME:     %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
func.func @upsample(%x: tensor<1x8x4x4xf32>, %w: tensor<8x8x4x4xf32>) -> tensor<1x8x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x4x4xf32>, tensor<8x8x4x4xf32>) -> tensor<1x8x8x8xf32>
  return %y : tensor<1x8x8x8xf32>
}
