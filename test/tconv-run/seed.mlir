// The seed's 1-D example: x = [1, 2], w = [1, 2, 3], stride 2, pad 1 gives
// [x1*w2, x1*w3 + x2*w1, x2*w2] = [2, 3 + 2, 4] = [2, 5, 4], exactly, through
// the pipeline (each transpose strategy) and through the reference lowering.

// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --print | FileCheck %s
// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --print --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --print --transpose-strategy=zero-insert | FileCheck %s
// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --print "--pipeline-options=ow-tile=1 f-tile=4 c-tile=1 vector-width=4" | FileCheck %s
// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --print --reference | FileCheck %s
// RUN: cat %s | tconv-run - --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy | FileCheck %s

// CHECK:      result #0: tensor<1x1x3xf32>
// CHECK-NEXT:   min 2  max 5  mean 3.66667
// CHECK-NEXT:   values: 2, 5, 4
// CHECK-EMPTY:

// The .npy written by --output holds the same values: read it back through
// a function that returns its argument.
// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --output=%t.npy
// RUN: tconv-run %S/Inputs/identity-1x1x3.mlir --input=%t.npy | FileCheck %s

// --verify passes, and prints nothing else unless --print is given.
// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --verify | FileCheck %s --check-prefix=VERIFY
// VERIFY:     verified 1 tconv op, 0 raised upstream convolutions
// VERIFY-NEXT: verify result #0: max abs error 0, max rel error 0 (tolerance 1.73e-05): ok
// VERIFY-NOT: result #0: tensor

func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
