// Integer and bool tensors as arguments and results (tosa.argmax, a
// comparison, a select on i8, i64 arithmetic): from the command line and
// .npy files, printed whole, checked against the reference lowering (exact
// for integers).

// RUN: rm -rf %t && mkdir -p %t
// RUN: tconv-run %s --input=2x4xf32=1,5,2,-1,0,-3,7,7.5 --input=4xi8=-128,5,127,3 --input=4xi1=1,0,true,false "--input=2xi64=4000000000000 -7" --verify --output=- --output=- --output=%t/sel.npy --output=%t/big.npy | FileCheck %s
// CHECK:      verify result #0: max abs error 0, max rel error 0 (tolerance 0): ok
// CHECK-NEXT: verify result #1: max abs error 0, max rel error 0 (tolerance 0): ok
// CHECK-NEXT: verify result #2: max abs error 0, max rel error 0 (tolerance 0): ok
// CHECK-NEXT: verify result #3: max abs error 0, max rel error 0 (tolerance 0): ok
// CHECK-NEXT: result #0: tensor<2xi32>
// CHECK-NEXT: [1, 3]
// CHECK-NEXT: result #1: tensor<2x4xi1>
// CHECK-NEXT: {{^\[\[}}1, 1, 1, 0],
// CHECK-NEXT: {{^}} {{\[}}0, 0, 1, 1]]

// The .npy results ('|i1', '<i8') read back as arguments of the same types.
// RUN: tconv-run %s --entry=echo --input=@%t/sel.npy --input=@%t/big.npy --output=- --output=- | FileCheck %s --check-prefix=NPY
// NPY:      result #0: tensor<4xi8>
// NPY-NEXT: [-128, 0, 127, 0]
// NPY-NEXT: result #1: tensor<2xi64>
// NPY-NEXT: [8000000000000, -14]

// Random integers are small and of both signs, bools 0 or 1.
// RUN: tconv-run %s --random-inputs --verify --print | FileCheck %s --check-prefix=RANDOM
// RANDOM-COUNT-4: ok
// RANDOM: result #1: tensor<2x4xi1>
// RANDOM-NEXT: min {{[01]}}  max {{[01]}}

// Values out of an integer type's range or not of its kind are errors.
// RUN: not tconv-run %s --entry=echo --input=4xi8=1,2,3,128 --input=2xi64=0 2>&1 | FileCheck %s --check-prefix=RANGE
// RANGE: tconv-run: --input=4xi8=1,2,3,128: '128' is not an integer in the range of i8
// RUN: not tconv-run %s --entry=echo --input=4xi8=1.5 --input=2xi64=0 2>&1 | FileCheck %s --check-prefix=FRACTION
// FRACTION: tconv-run: --input=4xi8=1.5: '1.5' is not an integer in the range of i8
// RUN: not tconv-run %s --input=2x4xf32=0 --input=4xi8=0 --input=4xi1=2 --input=2xi64=0 2>&1 | FileCheck %s --check-prefix=BOOL
// BOOL: tconv-run: --input=4xi1=2: '2' is not a bool (0, 1, true, false)

// A {tconv.unsigned} i8 argument or result is a ui8 tensor: 200 is 200,
// not -56, and prints so.
// RUN: tconv-run %s --entry=halve --input=3xui8=200,255,7 --verify --output=- | FileCheck %s --check-prefix=UNSIGNED
// UNSIGNED:      verify result #0: max abs error 0, {{.*}}: ok
// UNSIGNED-NEXT: result #0: tensor<3xui8>
// UNSIGNED-NEXT: [100, 127, 3]

func.func @main(%x: tensor<2x4xf32>, %q: tensor<4xi8>, %mask: tensor<4xi1>, %big: tensor<2xi64>)
    -> (tensor<2xi32>, tensor<2x4xi1>, tensor<4xi8>, tensor<2xi64>) {
  %idx = tosa.argmax %x {axis = 1 : i32} : (tensor<2x4xf32>) -> tensor<2xi32>
  %zero = arith.constant dense<0.0> : tensor<2x4xf32>
  %pos = arith.cmpf ogt, %x, %zero : tensor<2x4xf32>
  %zq = arith.constant dense<0> : tensor<4xi8>
  %sel = arith.select %mask, %q, %zq : tensor<4xi1>, tensor<4xi8>
  %twice = arith.addi %big, %big : tensor<2xi64>
  return %idx, %pos, %sel, %twice : tensor<2xi32>, tensor<2x4xi1>, tensor<4xi8>, tensor<2xi64>
}

func.func @echo(%q: tensor<4xi8>, %big: tensor<2xi64>) -> (tensor<4xi8>, tensor<2xi64>) {
  return %q, %big : tensor<4xi8>, tensor<2xi64>
}

func.func @halve(%x: tensor<3xi8> {tconv.unsigned})
    -> (tensor<3xi8> {tconv.unsigned}) {
  %two = arith.constant dense<2> : tensor<3xi8>
  %y = arith.divui %x, %two : tensor<3xi8>
  return %y : tensor<3xi8>
}
