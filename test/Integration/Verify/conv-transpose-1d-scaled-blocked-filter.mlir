// As conv-transpose-1d-blocked-filter.mlir, with the filter scaled inside
// the model (as the vocoder example does): the scale fuses into the
// taps-first copy, and the blocked copy the phases read in place is made
// from both its inputs.

// RUN: tconv-run %s --random-inputs=64 --verify | FileCheck %s
// RUN: tconv-run %s --random-inputs=64 --dump-ir=bufferized | FileCheck %s --check-prefix=IR
// CHECK: verify result #0: max abs error {{.*}}: ok
// IR: memref.expand_shape %arg1
// IR-NOT: linalg.generic {{.*}} ins(%arg1

func.func @main(%x: tensor<1x6x5xf32>, %w: tensor<6x64x8xf32>, %b: tensor<64xf32>)
    -> tensor<1x64x22xf32> {
  %scale = arith.constant dense<0.37> : tensor<6x64x8xf32>
  %ws = arith.mulf %w, %scale : tensor<6x64x8xf32>
  %y = tconv.conv_transpose %x, %ws, %b strides = [4] pads = [2, 1]
      output_padding = [1]
      : (tensor<1x6x5xf32>, tensor<6x64x8xf32>, tensor<64xf32>) -> tensor<1x64x22xf32>
  return %y : tensor<1x64x22xf32>
}
