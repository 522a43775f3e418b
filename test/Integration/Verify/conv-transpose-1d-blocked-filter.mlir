// 1-D, stride 4, 64 output channels: several blocks of output channels, so
// the four phases read one blocked taps-first copy of the filter in place
// (tconv-vectorize-convs); bias, asymmetric pads, output_padding.

// RUN: tconv-run %s --random-inputs=61 --verify | FileCheck %s
// RUN: tconv-run %s --random-inputs=61 --verify "--pipeline-options=vector-width=8 f-tile=16" | FileCheck %s
// RUN: tconv-run %s --random-inputs=61 --dump-ir=bufferized | FileCheck %s --check-prefix=IR
// CHECK: verify result #0: max abs error {{.*}}: ok
// IR: memref.expand_shape %arg1
// IR-NOT: linalg.generic {{.*}} ins(%arg1

func.func @main(%x: tensor<1x6x5xf32>, %w: tensor<6x64x8xf32>, %b: tensor<64xf32>)
    -> tensor<1x64x22xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [4] pads = [2, 1]
      output_padding = [1]
      : (tensor<1x6x5xf32>, tensor<6x64x8xf32>, tensor<64xf32>) -> tensor<1x64x22xf32>
  return %y : tensor<1x64x22xf32>
}
