// --bench=N: compile time and its phases, N timed calls after warm-up,
// GFLOP/s from the useful FLOPs of the tconv ops
// (2 * 1 * 4 * 3 * 3 * 3 * 4 * 4 = 3456 here), and the same numbers as JSON
// with --bench-json, with the workspace the call's temporaries share and
// the minor page faults per timed call.

// RUN: tconv-run %s --random-inputs --bench=5 --bench-json=%t.json --threads=1 | FileCheck %s
// CHECK:      compile: {{[0-9]+\.[0-9]}} ms (parse {{[0-9]+\.[0-9]}}, lower {{[0-9]+\.[0-9]}}, translate {{[0-9]+\.[0-9]}}, optimize {{[0-9]+\.[0-9]}}, codegen {{[0-9]+\.[0-9]}})
// CHECK-NEXT: runs: 5 (after 2 warm-up)
// CHECK-NEXT: median: {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ms  min: {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ms  max: {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ms
// CHECK-NEXT: GFLOP/s: {{[0-9]+\.[0-9][0-9]}} (0.003456 MFLOP per call)
// CHECK-NEXT: workspace: {{[1-9][0-9]*}} bytes for {{[1-9][0-9]*}} bytes of temporaries ({{[1-9][0-9]*}} live at most, the two largest live {{[1-9][0-9]*}}); {{[0-9]+\.[0-9]}} page faults per call
// CHECK-NOT:  result #0

// RUN: FileCheck %s --check-prefix=JSON < %t.json
// JSON: {"compile_ms":{{[0-9.e+-]+}},"compile_phases_ms":{"parse":{{[0-9.e+-]+}},"lower":{{[0-9.e+-]+}},"translate":{{[0-9.e+-]+}},"optimize":{{[0-9.e+-]+}},"codegen":{{[0-9.e+-]+}}},"median_ms":{{[0-9.e+-]+}},"min_ms":{{[0-9.e+-]+}},"max_ms":{{[0-9.e+-]+}},"gflops":{{[0-9.e+-]+}},"runs":5,"workspace_bytes":{{[1-9][0-9]*}},"temporary_bytes":{{[1-9][0-9]*}},"peak_live_bytes":{{[1-9][0-9]*}},"largest_live_pair_bytes":{{[1-9][0-9]*}},"minor_page_faults_per_call":{{[0-9.e+-]+}}}

// Without tconv ops there are no useful FLOPs to count.
// RUN: tconv-run %S/Inputs/identity-1x1x3.mlir --random-inputs --bench=1 --bench-json=%t.none.json | FileCheck %s --check-prefix=NOFLOPS
// RUN: FileCheck %s --check-prefix=NOFLOPS-JSON < %t.none.json
// NOFLOPS:      runs: 1 (after 2 warm-up)
// NOFLOPS:      GFLOP/s: n/a (no tconv ops)
// NOFLOPS-JSON: "gflops":null,"runs":1,"workspace_bytes":{{[0-9]+}},"temporary_bytes":{{[0-9]+}},"peak_live_bytes":{{[0-9]+}},"largest_live_pair_bytes":{{[0-9]+}},"minor_page_faults_per_call":{{[0-9.e+-]+}}}

// RUN: not tconv-run %s --random-inputs --bench=1 --bench-json=%t.no/such/dir.json 2>&1 | FileCheck %s --check-prefix=WRITE
// WRITE: tconv-run: {{.*}}.no/such/dir.json: cannot write: No such file or directory

func.func @main(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}
