// N comes from the --input values: a result written at N = 3 is read back
// as the input of N = 3. --batch must agree with the files, and every
// batched input must have the same N.

// RUN: tconv-run %s --random-inputs --batch=3 --output=%t.x3.npy
// RUN: tconv-run %s --random-inputs --batch=2 --output=%t.x2.npy
// RUN: tconv-run %s --input=%t.x3.npy --input=%t.x3.npy --verify --print | FileCheck %s
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<3x2x4xf32>
// RUN: not tconv-run %s --input=%t.x3.npy --random-inputs --batch=2 2>&1 | FileCheck %s --check-prefix=FLAG
// FLAG: tconv-run: {{.*}}x3.npy: batch 3 differs from --batch=2
// RUN: not tconv-run %s --input=%t.x3.npy --input=%t.x2.npy 2>&1 | FileCheck %s --check-prefix=MIXED
// MIXED: tconv-run: {{.*}}x2.npy: batch 2 differs from the batch 3 of the previous --input values
// Values on the command line give N too: (0.5 + 0.25) summed over 2 channels.
// RUN: tconv-run %s --input=2x2x4xf32=0.5 --input=2x2x4xf32=0.25 --print | FileCheck %s --check-prefix=LITERAL
// LITERAL: result #0: tensor<2x2x4xf32>
// LITERAL-NEXT: min 1.5  max 1.5  mean 1.5
// RUN: not tconv-run %s --input=200000000x2x4xf32=0.5 --input=1x2x4xf32=0 --max-memory=1000000 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: tconv-run: --input=200000000x2x4xf32=0.5: a tensor<200000000x2x4xf32> is larger than --max-memory (1000000 bytes)

func.func @main(%a: tensor<?x2x4xf32>, %b: tensor<?x2x4xf32>) -> tensor<?x2x4xf32> {
  %s = arith.addf %a, %b : tensor<?x2x4xf32>
  %w = arith.constant dense<1.0> : tensor<2x2x1xf32>
  %y = tconv.conv %s, %w : (tensor<?x2x4xf32>, tensor<2x2x1xf32>) -> tensor<?x2x4xf32>
  return %y : tensor<?x2x4xf32>
}
