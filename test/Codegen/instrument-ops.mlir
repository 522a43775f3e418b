// RUN: tconv-opt %s --tconv-instrument-ops --split-input-file --verify-diagnostics --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s

// After bufferization: one bracket per run of top-level ops that take time
// and carry the same id (views and constants neither open nor break a run);
// work without an id gets a table entry of its own; the table counts each
// id's brackets (0: no code of its own); the ids leave the locations.

#p0 = loc(fused<{tconv.profile_id = 0 : i64}>["m.mlir":3:8])
#p1 = loc(fused<{tconv.profile_id = 1 : i64}>["m.mlir":5:8])
#both = loc(fused["m.mlir":7:8, #p1, #p0])

// CHECK-LABEL: module attributes {tconv.profiled_ops = [
// CHECK-SAME:    {brackets = 1 : i64, name = "linalg.generic"},
// CHECK-SAME:    {brackets = 2 : i64, name = "linalg.conv_2d_nhwc_hwcf"},
// CHECK-SAME:    {brackets = 0 : i64, name = "linalg.generic"},
// CHECK-SAME:    {attributes = "", brackets = 1 : i64, flops = 0.000000e+00 : f64, function = "f", location = "m.mlir:9:3", name = "memref.copy", types = "4xf32, 4xf32"},
// CHECK-SAME:    {attributes = "loops=4", brackets = 1 : i64, flops = 0.000000e+00 : f64, function = "callee", location = "m.mlir:11:3", name = "linalg.fill", types = "f32, 4xf32"}]}
// CHECK-LABEL: func.func @f(
// CHECK-SAME:      %[[A:[^:]*]]: memref<4xf32>{{.*}}, %[[B:[^:]*]]: memref<4xf32>{{.*}}, %[[WS:[^:]*]]: memref<64xi8>
// CHECK:         %[[ID0:.*]] = arith.constant 0 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID0]]) : (i64) -> ()
// CHECK-NEXT:    linalg.fill
// CHECK-NEXT:    %[[VIEW:.*]] = memref.view %[[WS]]
// CHECK-NEXT:    scf.forall
// CHECK:         } loc("m.mlir":3:8)
// CHECK-NEXT:    call @tconv_profile_end(%[[ID0]]) : (i64) -> ()
// CHECK-NEXT:    %[[ID1:.*]] = arith.constant 1 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID1]]) : (i64) -> ()
// CHECK-NEXT:    memref.copy %[[VIEW]], %[[B]] {{.*}} loc(fused["m.mlir":7:8, "m.mlir":5:8, "m.mlir":3:8])
// CHECK-NEXT:    call @tconv_profile_end(%[[ID1]]) : (i64) -> ()
// CHECK-NEXT:    %[[ID3:.*]] = arith.constant 3 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID3]]) : (i64) -> ()
// CHECK-NEXT:    memref.copy %[[A]], %[[B]]
// CHECK-NEXT:    call @tconv_profile_end(%[[ID3]]) : (i64) -> ()
// CHECK-NEXT:    %[[ID1_AGAIN:.*]] = arith.constant 1 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID1_AGAIN]]) : (i64) -> ()
// CHECK-NEXT:    linalg.fill
// CHECK-NEXT:    call @tconv_profile_end(%[[ID1_AGAIN]]) : (i64) -> ()
// A loop calling a function of the module: timed by the callee's brackets.
// CHECK-NOT:     call @tconv_profile
// CHECK:         scf.for
// CHECK-NEXT:      func.call @callee
// CHECK-NEXT:    } loc("m.mlir":3:8)
// CHECK-NEXT:    return
// CHECK-LABEL: func.func private @callee(
// CHECK:         %[[ID4:.*]] = arith.constant 4 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID4]])
// CHECK-NEXT:    linalg.fill
// CHECK-NEXT:    call @tconv_profile_end
// CHECK-NEXT:    return
// CHECK:       func.func private @tconv_profile_begin(i64)
// CHECK:       func.func private @tconv_profile_end(i64)
// CHECK-NOT:   profile_id
module attributes {tconv.profiled_ops = [{name = "linalg.generic"},
                                         {name = "linalg.conv_2d_nhwc_hwcf"},
                                         {name = "linalg.generic"}]} {
  func.func @f(%a: memref<4xf32>, %b: memref<4xf32>, %ws: memref<64xi8>) {
    %zero = arith.constant 0.0 : f32
    %c0 = arith.constant 0 : index
    linalg.fill ins(%zero : f32) outs(%a : memref<4xf32>) loc(#p0)
    %v = memref.view %ws[%c0][] : memref<64xi8> to memref<4xf32> loc(#p1)
    scf.forall (%i) in (4) {
      %x = memref.load %a[%i] : memref<4xf32>
      memref.store %x, %v[%i] : memref<4xf32>
    } loc(#p0)
    memref.copy %v, %b : memref<4xf32> to memref<4xf32> loc(#both)
    memref.copy %a, %b : memref<4xf32> to memref<4xf32> loc("m.mlir":9:3)
    linalg.fill ins(%zero : f32) outs(%b : memref<4xf32>) loc(#p1)
    %c2 = arith.constant 2 : index
    %c1 = arith.constant 1 : index
    scf.for %i = %c0 to %c2 step %c1 {
      func.call @callee(%a) : (memref<4xf32>) -> ()
    } loc(#p0)
    return
  }
  func.func private @callee(%a: memref<4xf32>) {
    %zero = arith.constant 0.0 : f32
    linalg.fill ins(%zero : f32) outs(%a : memref<4xf32>) loc("m.mlir":11:3)
    return
  }
}

// -----

// The module must not define the profiling functions itself.
// expected-error @+1 {{@tconv_profile_begin is already defined}}
module {
  func.func private @tconv_profile_begin(i64)
}

// -----

// Loops made of two ops (two phases computed by one tile): one bracket, the
// first id's, whose FLOPs are both ops'; the second op has no bracket and
// keeps its own FLOPs in its entry.

#p0 = loc(fused<{tconv.profile_id = 0 : i64}>["m.mlir":3:8])
#p1 = loc(fused<{tconv.profile_id = 1 : i64}>["m.mlir":5:8])
#pair = loc(fused[#p0, #p1])

// CHECK-LABEL: module attributes {tconv.profiled_ops = [
// CHECK-SAME:    {brackets = 1 : i64, flops = 1.500000e+02 : f64, name = "linalg.conv_2d_nchw_fchw"},
// CHECK-SAME:    {brackets = 0 : i64, flops = 5.000000e+01 : f64, name = "linalg.conv_2d_nchw_fchw"}]}
// CHECK-LABEL: func.func @pair(
// CHECK:         %[[ID0:.*]] = arith.constant 0 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID0]]) : (i64) -> ()
// CHECK-NEXT:    scf.forall
// CHECK:         call @tconv_profile_end(%[[ID0]]) : (i64) -> ()
// CHECK-NEXT:    return
module attributes {tconv.profiled_ops = [{name = "linalg.conv_2d_nchw_fchw", flops = 100.0 : f64},
                                         {name = "linalg.conv_2d_nchw_fchw", flops = 50.0 : f64}]} {
  func.func @pair(%a: memref<4xf32>) {
    scf.forall (%i) in (4) {
      %x = memref.load %a[%i] : memref<4xf32>
      memref.store %x, %a[%i] : memref<4xf32>
    } loc(#pair)
    return
  }
}
