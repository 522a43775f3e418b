// 2-D transposed convolutions: k4 s2 p1 (every phase has taps) and k2 s3
// (stride > kernel: a phase with no taps gives the bias only).
// Checked against the reference lowering at N = 1, 2, 3 and 7 (one
// compiled module); the results take the inputs' N. Its images are small:
// 8 at a time go to the chunk function, so N = 8 runs one chunk and N = 17
// two chunks and a single image.

// RUN: tconv-run %s --random-inputs --batch=1 --verify --print | FileCheck %s -DN=1
// RUN: tconv-run %s --random-inputs --batch=2 --verify --print | FileCheck %s -DN=2
// RUN: tconv-run %s --random-inputs --batch=3 --verify --print | FileCheck %s -DN=3
// RUN: tconv-run %s --random-inputs --batch=7 --verify --print | FileCheck %s -DN=7
// RUN: tconv-run %s --random-inputs --batch=8 --verify --print | FileCheck %s -DN=8
// RUN: tconv-run %s --random-inputs --batch=17 --verify --print | FileCheck %s -DN=17
// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x16x16x16xf32>

// RUN: tconv-run %s --entry=no_taps --random-inputs --batch=1 --verify --print | FileCheck %s --check-prefix=NOTAPS -DN=1
// RUN: tconv-run %s --entry=no_taps --random-inputs --batch=3 --verify --print | FileCheck %s --check-prefix=NOTAPS -DN=3
// RUN: tconv-run %s --entry=no_taps --random-inputs --batch=7 --verify --print | FileCheck %s --check-prefix=NOTAPS -DN=7
// RUN: tconv-run %s --entry=no_taps --random-inputs --batch=9 --verify --print | FileCheck %s --check-prefix=NOTAPS -DN=9
// NOTAPS: verify result #0: {{.*}}: ok
// NOTAPS: result #0: tensor<[[N]]x2x11x11xf32>

func.func @main(%x: tensor<?x32x8x8xf32>, %w: tensor<32x16x4x4xf32>, %b: tensor<16xf32>) -> tensor<?x16x16x16xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x32x8x8xf32>, tensor<32x16x4x4xf32>, tensor<16xf32>) -> tensor<?x16x16x16xf32>
  return %y : tensor<?x16x16x16xf32>
}

func.func @no_taps(%x: tensor<?x3x4x4xf32>, %w: tensor<3x2x2x2xf32>, %b: tensor<2xf32>) -> tensor<?x2x11x11xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [3, 3]
      : (tensor<?x3x4x4xf32>, tensor<3x2x2x2xf32>, tensor<2xf32>) -> tensor<?x2x11x11xf32>
  return %y : tensor<?x2x11x11xf32>
}
