// --input in iree-run-module's syntax: SHAPExTYPE=V (every element),
// SHAPExTYPE=V,V,... (all of them), @FILE, and #N=... for argument N alone;
// --function is --entry; --output=- prints a whole result.

// RUN: tconv-run %s --function=affine --input=2x3xf32=0.5 "--input=3xf32=[1 2 3]" --output=- | FileCheck %s --check-prefix=SPLAT
// SPLAT:      result #0: tensor<2x3xf32>
// SPLAT-NEXT: {{^\[\[}}1.5, 2.5, 3.5],
// SPLAT-NEXT: {{^}} {{\[}}1.5, 2.5, 3.5]]

// #1= sets the second argument; the first takes the next value in order.
// RUN: tconv-run %s --function=affine --input=#1=3xf32=10,20,30 --input=2x3xf32=1,2,3,4,5,6 --output=- | FileCheck %s --check-prefix=INDEX
// INDEX:      {{^\[\[}}11, 22, 33],
// INDEX-NEXT: {{^}} {{\[}}14, 25, 36]]

// Files with @ (or bare paths); #N= with --random-inputs for the others.
// RUN: tconv-run %s --input=@%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --output=- | FileCheck %s --check-prefix=FILES
// FILES: [{{\[}}[2, 5, 4]]]
// RUN: tconv-run %s --input=#1=@%S/Inputs/seed_w.npy --random-inputs --output=- | FileCheck %s --check-prefix=MIXED
// MIXED: result #0: tensor<1x1x3xf32>

// A scalar (rank-0) tensor.
// RUN: tconv-run %s --entry=scalar --input=f32=2.5 --output=- | FileCheck %s --check-prefix=SCALAR
// SCALAR:      result #0: tensor<f32>
// SCALAR-NEXT: {{^}}5{{$}}

// Errors name the flag.
// RUN: not tconv-run %s --function=affine --input=2x3xf32=1,2 --input=3xf32=0 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: tconv-run: --input=2x3xf32=1,2: 2 values for 6 elements; give one (every element) or 6
// RUN: not tconv-run %s --function=affine --input=3x2xf32=1 --input=3xf32=0 2>&1 | FileCheck %s --check-prefix=TYPE
// TYPE: tconv-run: --input=3x2xf32=1: a tensor<3x2xf32> for argument #0 of @affine (tensor<2x3xf32>)
// RUN: not tconv-run %s --function=affine --input=2x3xf32=x --input=3xf32=0 2>&1 | FileCheck %s --check-prefix=NUMBER
// NUMBER: tconv-run: --input=2x3xf32=x: 'x' is not a number
// RUN: not tconv-run %s --function=affine --input=2x3xf32= --input=3xf32=0 2>&1 | FileCheck %s --check-prefix=EMPTY
// EMPTY: tconv-run: --input=2x3xf32=: no values after '='
// RUN: not tconv-run %s --function=affine --input=#2=3xf32=0 --random-inputs 2>&1 | FileCheck %s --check-prefix=RANGE
// RANGE: tconv-run: --input=#2=3xf32=0: @affine takes 2 arguments (#0 to #1)
// RUN: not tconv-run %s --function=affine --input=#x=1 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: tconv-run: --input=#x=1: expected #N=VALUE, N an argument index from 0
// RUN: not tconv-run %s --function=affine --input=2x3xf32=0 --input=#0=2x3xf32=1 2>&1 | FileCheck %s --check-prefix=TWICE
// TWICE: tconv-run: argument #0 of @affine is given twice: --input=2x3xf32=0 and --input=#0=2x3xf32=1
// RUN: not tconv-run %s --function=affine --input=#1=3xf32=0 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: tconv-run: @affine takes 2 arguments but 1 --input value given; no value for #0 (add --input or --random-inputs)

func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

func.func @affine(%x: tensor<2x3xf32>, %b: tensor<3xf32>) -> tensor<2x3xf32> {
  %e = tensor.empty() : tensor<2x3xf32>
  %bb = linalg.broadcast ins(%b : tensor<3xf32>) outs(%e : tensor<2x3xf32>) dimensions = [0]
  %y = arith.addf %x, %bb : tensor<2x3xf32>
  return %y : tensor<2x3xf32>
}

func.func @scalar(%x: tensor<f32>) -> tensor<f32> {
  %y = arith.addf %x, %x : tensor<f32>
  return %y : tensor<f32>
}
