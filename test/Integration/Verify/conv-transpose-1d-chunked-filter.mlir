// Transposed convolution, 1-D, bf16, like the vocoder's upsampling layer
// (T7): a 2 MiB runtime filter copied twice (layout change, vdpbf16ps's
// channel pairs) against 768 KiB of input and output runs as four chunks
// of 64 output channels (tconv-chunk-output-channels), checked against the
// f32 reference.

// RUN: tconv-run %s --random-inputs=23 --verify --dump-ir=decompose | FileCheck %s

// CHECK-LABEL: func.func @main(
//       CHECK:   scf.forall (%{{.*}}) in (4)
//       CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x512x256xbf16>, %w: tensor<512x256x8xbf16>)
    -> tensor<1x256x1024xbf16> {
  %y = tconv.conv_transpose %x, %w strides = [4] pads = [2, 2]
      : (tensor<1x512x256xbf16>, tensor<512x256x8xbf16>) -> tensor<1x256x1024xbf16>
  return %y : tensor<1x256x1024xbf16>
}
