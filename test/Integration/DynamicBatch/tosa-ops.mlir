// TOSA ops around a dynamic batch: clamp, sigmoid, transposes keeping dim 0
// in place, max pooling. Checked against the reference at N = 1 and 7, and
// the reference's loop over images against a static N = 3 copy (sed).

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x4x4x4xf32>

// RUN: sed 's/?x/3x/g' %s > %t.static.mlir
// RUN: tconv-run %s --random-inputs=4 --batch=3 --reference --output=%t.dynamic.npy
// RUN: tconv-run %t.static.mlir --random-inputs=4 --reference --output=%t.static.npy
// RUN: cmp %t.dynamic.npy %t.static.npy

func.func @main(%x: tensor<?x4x8x8xf32>) -> tensor<?x4x4x4xf32> {
  %c = tosa.clamp %x {min_val = 0.0 : f32, max_val = 6.0 : f32} : (tensor<?x4x8x8xf32>) -> tensor<?x4x8x8xf32>
  %s = tosa.sigmoid %c : (tensor<?x4x8x8xf32>) -> tensor<?x4x8x8xf32>
  %t = tosa.transpose %s {perms = array<i32: 0, 2, 3, 1>} : (tensor<?x4x8x8xf32>) -> tensor<?x8x8x4xf32>
  %p = tosa.max_pool2d %t {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pad = array<i64: 0, 0, 0, 0>} : (tensor<?x8x8x4xf32>) -> tensor<?x4x4x4xf32>
  %u = tosa.transpose %p {perms = array<i32: 0, 3, 1, 2>} : (tensor<?x4x4x4xf32>) -> tensor<?x4x4x4xf32>
  return %u : tensor<?x4x4x4xf32>
}
