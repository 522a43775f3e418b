// RUN: tconv-opt %s --tconv-expand-bf16-conversions | FileCheck %s

// CHECK-LABEL: func.func @extend
// CHECK-SAME: (%[[B:.*]]: vector<9xbf16>)
// CHECK: %[[I:.*]] = arith.bitcast %[[B]] : vector<9xbf16> to vector<9xi16>
// CHECK: %[[W:.*]] = arith.extui %[[I]] : vector<9xi16> to vector<9xi32>
// CHECK-DAG: %[[C16:.*]] = arith.constant dense<16> : vector<9xi32>
// CHECK: %[[S:.*]] = arith.shli %[[W]], %[[C16]] : vector<9xi32>
// CHECK: %[[F:.*]] = arith.bitcast %[[S]] : vector<9xi32> to vector<9xf32>
// CHECK: return %[[F]]
func.func @extend(%b: vector<9xbf16>) -> vector<9xf32> {
  %f = arith.extf %b : vector<9xbf16> to vector<9xf32>
  return %f : vector<9xf32>
}

// CHECK-LABEL: func.func @truncate
// CHECK-NOT: arith.truncf
// CHECK: %[[R:.*]] = arith.bitcast %{{.*}} : vector<10xi16> to vector<10xbf16>
// CHECK: return %[[R]]
func.func @truncate(%f: vector<10xf32>) -> vector<10xbf16> {
  %b = arith.truncf %f : vector<10xf32> to vector<10xbf16>
  return %b : vector<10xbf16>
}

// Other conversions are LLVM's.
// CHECK-LABEL: func.func @f16
// CHECK: arith.extf %{{.*}} : vector<9xf16> to vector<9xf32>
func.func @f16(%h: vector<9xf16>) -> vector<9xf32> {
  %f = arith.extf %h : vector<9xf16> to vector<9xf32>
  return %f : vector<9xf32>
}

// A register-sized vector is truncated by LLVM.
// CHECK-LABEL: func.func @truncate_register
// CHECK: arith.truncf %{{.*}} : vector<16xf32> to vector<16xbf16>
func.func @truncate_register(%f: vector<16xf32>) -> vector<16xbf16> {
  %b = arith.truncf %f : vector<16xf32> to vector<16xbf16>
  return %b : vector<16xbf16>
}
