// tosa.transpose (linalg.transpose after tosa-to-linalg) with odd sizes: the
// layout-change schedule's 8x8 blocks plus remainder blocks, against the
// reference lowering's plain loops.

// RUN: tconv-run %s --random-inputs=63 --verify | FileCheck %s
// CHECK: verify result #0: max abs error 0, max rel error 0 {{.*}}: ok

func.func @main(%x: tensor<2x13x9x19xf32>) -> tensor<2x9x19x13xf32> {
  %y = tosa.transpose %x {perms = array<i32: 0, 2, 3, 1>}
      : (tensor<2x13x9x19xf32>) -> tensor<2x9x19x13xf32>
  return %y : tensor<2x9x19x13xf32>
}
