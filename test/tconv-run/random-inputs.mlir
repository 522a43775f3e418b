// --random-inputs fills arguments with values uniform in [-1, 1),
// reproducibly for a seed (these exact values), differently for each
// argument and each seed; --input files take the first arguments.
// RUN: tconv-run %s --random-inputs | FileCheck %s --check-prefix=SEED0
// RUN: tconv-run %s --random-inputs=0 | FileCheck %s --check-prefix=SEED0
// RUN: tconv-run %s --random-inputs=42 | FileCheck %s --check-prefix=SEED42
// RUN: tconv-run %s --input=%S/Inputs/seed_w.npy --random-inputs | FileCheck %s --check-prefix=MIXED

// SEED0:      result #0: tensor<1x1x3xf32>
// SEED0:        values: 0.766622, -0.136944, -0.947132
// SEED0-NEXT: result #1: tensor<1x1x3xf32>
// SEED0:        values: 0.133123, 0.491564, 0.942006

// SEED42:      result #0: tensor<1x1x3xf32>
// SEED42:        values: -0.938581, -0.853513, 0.593956
// SEED42-NEXT: result #1: tensor<1x1x3xf32>
// SEED42:        values: -0.527279, 0.312471, 0.737818

// MIXED:      result #0: tensor<1x1x3xf32>
// MIXED:        values: 1, 2, 3
// MIXED-NEXT: result #1: tensor<1x1x3xf32>
// MIXED:        values: 0.133123, 0.491564, 0.942006

func.func @main(%a: tensor<1x1x3xf32>, %b: tensor<1x1x3xf32>) -> (tensor<1x1x3xf32>, tensor<1x1x3xf32>) {
  return %a, %b : tensor<1x1x3xf32>, tensor<1x1x3xf32>
}
