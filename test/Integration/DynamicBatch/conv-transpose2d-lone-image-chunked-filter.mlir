// Transposed convolution, 2-D, dynamic batch, a 2 MiB runtime filter against
// 48 KiB of one image's activations: a lone image runs @main.single, which
// copies the filter chunk by chunk like the static function; more images
// loop over @main.image with the filter's copy moved before the loop, and
// 8 at a time over @main.chunk. N = 1, 2 and 9 (8 + a lone one).

// RUN: tconv-run %s --random-inputs=3 --batch=1 --verify | FileCheck %s
// RUN: tconv-run %s --random-inputs=3 --batch=2 --verify | FileCheck %s
// RUN: tconv-run %s --random-inputs=3 --batch=9 --verify | FileCheck %s
// RUN: tconv-run %s --random-inputs --dump-ir=decompose 2>&1 | FileCheck %s --check-prefix=IR
// RUN: tconv-run %s --random-inputs --batch=1 --bench=1 | FileCheck %s --check-prefix=FLOPS1
// RUN: tconv-run %s --random-inputs --batch=2 --bench=1 | FileCheck %s --check-prefix=FLOPS2
// CHECK: verify result #0: max abs error {{.*}}: ok
// IR: func.call @main.single
// IR: func.call @main.image
// IR-LABEL: func.func private @main.single(
// IR: scf.forall

// The useful FLOPs count each image once (2 * 128 * 8 * 8 * 256 * 4 =
// 16777216: each output sums 2 x 2 taps of 256 channels), not once more for
// the lone image's copy of its function.
// FLOPS1: GFLOP/s: {{[0-9]+\.[0-9][0-9]}} (16.78 MFLOP per call)
// FLOPS2: GFLOP/s: {{[0-9]+\.[0-9][0-9]}} (33.55 MFLOP per call)

func.func @main(%x: tensor<?x256x4x4xf32>, %w: tensor<256x128x4x4xf32>)
    -> tensor<?x128x8x8xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x256x4x4xf32>, tensor<256x128x4x4xf32>) -> tensor<?x128x8x8xf32>
  return %y : tensor<?x128x8x8xf32>
}
