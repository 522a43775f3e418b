// RUN: tconv-opt %s --tconv-approximate-math -split-input-file | FileCheck %s

// A fused epilogue's tanh on a vector stays a vector: a ratio of two
// polynomials, no call.

// CHECK-LABEL: func.func @tanh_vector(
//  CHECK-SAME:     %[[X:.*]]: vector<16xf32>
//   CHECK-NOT:   math.tanh
//       CHECK:   %[[P:.*]] = math.fma %{{.*}}, %{{.*}}, %{{.*}} : vector<16xf32>
//       CHECK:   arith.divf %{{.*}}, %{{.*}} : vector<16xf32>
//       CHECK:   return
func.func @tanh_vector(%x: vector<16xf32>) -> vector<16xf32> {
  %y = math.tanh %x : vector<16xf32>
  return %y : vector<16xf32>
}

// -----

// Scalars in the loops of leftover elementwise ops (which LLVM vectorizes
// once they are arith ops): exp, log, expm1, log1p and erf too.

// CHECK-LABEL: func.func @scalars(
//   CHECK-NOT:   math.exp
//   CHECK-NOT:   math.log
//   CHECK-NOT:   math.expm1
//   CHECK-NOT:   math.log1p
//   CHECK-NOT:   math.erf
//       CHECK:   return
func.func @scalars(%x: f32) -> (f32, f32, f32, f32, f32) {
  %e = math.exp %x : f32
  %l = math.log %x : f32
  %em = math.expm1 %x : f32
  %lp = math.log1p %x : f32
  %erf = math.erf %x : f32
  return %e, %l, %em, %lp, %erf : f32, f32, f32, f32, f32
}

// -----

// f16 is computed in f32 and rounded back once.

// CHECK-LABEL: func.func @tanh_f16(
//  CHECK-SAME:     %[[X:.*]]: vector<8xf16>
//       CHECK:   %[[WIDE:.*]] = arith.extf %[[X]] : vector<8xf16> to vector<8xf32>
//   CHECK-NOT:   math.tanh
//       CHECK:   %[[Y:.*]] = arith.truncf %{{.*}} : vector<8xf32> to vector<8xf16>
//       CHECK:   return %[[Y]]
func.func @tanh_f16(%x: vector<8xf16>) -> vector<8xf16> {
  %y = math.tanh %x : vector<8xf16>
  return %y : vector<8xf16>
}

// -----

// Functions LLVM lowers to instructions are left alone.

// CHECK-LABEL: func.func @untouched(
//  CHECK-SAME:     %[[X:.*]]: vector<16xf32>
//       CHECK:   %[[S:.*]] = math.sqrt %[[X]] : vector<16xf32>
//       CHECK:   %[[A:.*]] = math.absf %[[S]] : vector<16xf32>
//       CHECK:   return %[[A]]
func.func @untouched(%x: vector<16xf32>) -> vector<16xf32> {
  %s = math.sqrt %x : vector<16xf32>
  %a = math.absf %s : vector<16xf32>
  return %a : vector<16xf32>
}
