// --verify fails (exit 1) when a result differs from the reference. Here an
// infinite weight: the zero-insert strategy multiplies it by an inserted
// zero (NaN), the scatter definition never does; the phase strategy agrees.

// RUN: not tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w_inf.npy --verify --transpose-strategy=zero-insert --print 2>&1 | FileCheck %s
// CHECK:      verify result #0: max abs error 0, max rel error 0 (tolerance 1.73e-05): MISMATCH
// CHECK-NEXT:   NaN or infinity differs in 1 element, first at [0, 0, 1]: got nan, expected 5
// CHECK-NEXT: result #0: tensor<1x1x3xf32>
// CHECK-NEXT:   min inf  max inf  mean inf  (1 NaN)
// CHECK-NEXT:   values: inf, nan, inf
// CHECK-NEXT: tconv-run: verification failed: results differ from the reference lowering

// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w_inf.npy --verify --transpose-strategy=phase --print | FileCheck %s --check-prefix=PHASE
// PHASE:      verify result #0: max abs error 0, max rel error 0 (tolerance 1.73e-05): ok
// PHASE-NEXT: result #0: tensor<1x1x3xf32>
// PHASE-NEXT:   min 5  max inf  mean inf
// PHASE-NEXT:   values: inf, 5, inf

func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
