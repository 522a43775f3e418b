// RUN: tconv-opt %s -split-input-file --tconv-expand-bf16-conversions="native-truncations=true" | FileCheck %s

// With vcvtneps2bf16, a register-sized vector is truncated by LLVM.
// CHECK-LABEL: func.func @truncate_register
// CHECK: %[[B:.*]] = arith.truncf %{{.*}} : vector<16xf32> to vector<16xbf16>
// CHECK: return %[[B]]
func.func @truncate_register(%f: vector<16xf32>) -> vector<16xbf16> {
  %b = arith.truncf %f : vector<16xf32> to vector<16xbf16>
  return %b : vector<16xbf16>
}

// -----

// One LLVM would widen is still expanded.
// CHECK-LABEL: func.func @truncate_odd
// CHECK-NOT: arith.truncf
// CHECK: %[[R:.*]] = arith.bitcast %{{.*}} : vector<10xi16> to vector<10xbf16>
// CHECK: return %[[R]]
func.func @truncate_odd(%f: vector<10xf32>) -> vector<10xbf16> {
  %b = arith.truncf %f : vector<10xf32> to vector<10xbf16>
  return %b : vector<10xbf16>
}
