// RUN: tconv-opt %s -split-input-file --tconv-expand-bf16-conversions | FileCheck %s

// CHECK-LABEL: func.func @extend
// CHECK-SAME: (%[[B:.*]]: vector<9xbf16>)
// CHECK-DAG: %[[C16:.*]] = arith.constant dense<16> : vector<9xi32>
// CHECK-DAG: %[[I:.*]] = arith.bitcast %[[B]] : vector<9xbf16> to vector<9xi16>
// CHECK-DAG: %[[W:.*]] = arith.extui %[[I]] : vector<9xi16> to vector<9xi32>
// CHECK: %[[S:.*]] = arith.shli %[[W]], %[[C16]] : vector<9xi32>
// CHECK: %[[F:.*]] = arith.bitcast %[[S]] : vector<9xi32> to vector<9xf32>
// CHECK: return %[[F]]
func.func @extend(%b: vector<9xbf16>) -> vector<9xf32> {
  %f = arith.extf %b : vector<9xbf16> to vector<9xf32>
  return %f : vector<9xf32>
}

// -----

// To nearest even: x + 0x7fff + (bit 16 of x), upper half; a NaN gets its
// quiet bit (0x400000). The select is on i32, before the narrowing.
// CHECK-LABEL: func.func @truncate
// CHECK-SAME: (%[[F:.*]]: vector<16xf32>)
// CHECK-DAG: %[[C16:.*]] = arith.constant dense<16> : vector<16xi32>
// CHECK-DAG: %[[C1:.*]] = arith.constant dense<1> : vector<16xi32>
// CHECK-DAG: %[[HALF:.*]] = arith.constant dense<32767> : vector<16xi32>
// CHECK-DAG: %[[QUIET:.*]] = arith.constant dense<4194304> : vector<16xi32>
// CHECK-DAG: %[[X:.*]] = arith.bitcast %[[F]] : vector<16xf32> to vector<16xi32>
// CHECK-DAG: %[[UP:.*]] = arith.shrui %[[X]], %[[C16]]
// CHECK-DAG: %[[LSB:.*]] = arith.andi %[[UP]], %[[C1]]
// CHECK-DAG: %[[BIAS:.*]] = arith.addi %[[LSB]], %[[HALF]]
// CHECK-DAG: %[[ROUNDED:.*]] = arith.addi %[[X]], %[[BIAS]]
// CHECK-DAG: %[[QNAN:.*]] = arith.ori %[[X]], %[[QUIET]]
// CHECK: %[[ISNAN:.*]] = arith.cmpf uno, %[[F]], %[[F]]
// CHECK: %[[SEL:.*]] = arith.select %[[ISNAN]], %[[QNAN]], %[[ROUNDED]] : vector<16xi1>, vector<16xi32>
// CHECK: %[[HI:.*]] = arith.shrui %[[SEL]], %[[C16]]
// CHECK: %[[N:.*]] = arith.trunci %[[HI]] : vector<16xi32> to vector<16xi16>
// CHECK: %[[R:.*]] = arith.bitcast %[[N]] : vector<16xi16> to vector<16xbf16>
// CHECK: return %[[R]]
func.func @truncate(%f: vector<16xf32>) -> vector<16xbf16> {
  %b = arith.truncf %f : vector<16xf32> to vector<16xbf16>
  return %b : vector<16xbf16>
}

// -----

// CHECK-LABEL: func.func @truncate_scalar
// CHECK-NOT: arith.truncf
// CHECK: %[[R:.*]] = arith.bitcast %{{.*}} : i16 to bf16
// CHECK: return %[[R]]
func.func @truncate_scalar(%f: f32) -> bf16 {
  %b = arith.truncf %f : f32 to bf16
  return %b : bf16
}

// -----

// Another rounding mode is LLVM's.
// CHECK-LABEL: func.func @truncate_downward
// CHECK: arith.truncf %{{.*}} downward : vector<16xf32> to vector<16xbf16>
func.func @truncate_downward(%f: vector<16xf32>) -> vector<16xbf16> {
  %b = arith.truncf %f downward : vector<16xf32> to vector<16xbf16>
  return %b : vector<16xbf16>
}

// -----

// Other conversions are LLVM's.
// CHECK-LABEL: func.func @f16
// CHECK: arith.extf %{{.*}} : vector<9xf16> to vector<9xf32>
// CHECK: arith.truncf %{{.*}} : vector<9xf32> to vector<9xf16>
func.func @f16(%h: vector<9xf16>) -> vector<9xf16> {
  %f = arith.extf %h : vector<9xf16> to vector<9xf32>
  %t = arith.truncf %f : vector<9xf32> to vector<9xf16>
  return %t : vector<9xf16>
}
