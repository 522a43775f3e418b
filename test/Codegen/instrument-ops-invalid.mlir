// RUN: tconv-opt %s --tconv-instrument-ops --split-input-file --verify-diagnostics

// The table and the ids come from the input: checked, not trusted.

// expected-error @+1 {{'tconv.profiled_ops' must be an array of dictionaries}}
module attributes {tconv.profiled_ops = [1]} {
  func.func @f(%a: memref<4xf32>, %b: memref<4xf32>) {
    memref.copy %a, %b : memref<4xf32> to memref<4xf32>
    return
  }
}

// -----

#p5 = loc(fused<{tconv.profile_id = 5 : i64}>["m.mlir":3:8])
// expected-error @+1 {{'memref.copy' at loc(fused<{tconv.profile_id = 5 : i64}>["m.mlir":3:8]) has profile id 5, which has no entry in 'tconv.profiled_ops' (1 entries)}}
module attributes {tconv.profiled_ops = [{name = "memref.copy"}]} {
  func.func @f(%a: memref<4xf32>, %b: memref<4xf32>) {
    memref.copy %a, %b : memref<4xf32> to memref<4xf32> loc(#p5)
    return
  }
}
