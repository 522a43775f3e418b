// Tiles skip the kernel rows (and depths) that read only zero padding:
// pads beyond the kernel's reach (rows with no real tap at all), a dilated
// and strided kernel (the first real tap rounds up), 3-D pads in depth and
// height, bf16 on vdpbf16ps tiles where the host has them, and the phases
// of a transposed convolution, each against the reference lowering.

// RUN: tconv-run %s --random-inputs=7 --verify | FileCheck %s
// CHECK:      verify result #0: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #1: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #2: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #3: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #4: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x8x5x9xf32>, %w: tensor<16x8x3x3xf32>, %b: tensor<16xf32>,
                %u: tensor<1x4x11x6xf32>, %v: tensor<8x4x3x2xf32>,
                %p: tensor<1x3x4x5x6xf32>, %q: tensor<8x3x3x3x2xf32>,
                %s: tensor<1x4x6x7xbf16>, %t: tensor<16x4x5x3xbf16>,
                %y: tensor<1x8x5x5xf32>, %z: tensor<8x8x4x4xf32>)
    -> (tensor<1x16x10x7xf32>, tensor<1x8x6x5xf32>, tensor<1x8x5x6x5xf32>,
        tensor<1x16x6x5xbf16>, tensor<1x8x10x10xf32>) {
  %r0 = tconv.conv %x, %w, %b pads = [3, 0, 4, 0]
      : (tensor<1x8x5x9xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x10x7xf32>
  %r1 = tconv.conv %u, %v strides = [2, 1] pads = [3, 0, 2, 0] dilations = [2, 1]
      : (tensor<1x4x11x6xf32>, tensor<8x4x3x2xf32>) -> tensor<1x8x6x5xf32>
  %r2 = tconv.conv %p, %q pads = [2, 1, 0, 1, 2, 0]
      : (tensor<1x3x4x5x6xf32>, tensor<8x3x3x3x2xf32>) -> tensor<1x8x5x6x5xf32>
  %r3 = tconv.conv %s, %t pads = [2, 0, 2, 0]
      : (tensor<1x4x6x7xbf16>, tensor<16x4x5x3xbf16>) -> tensor<1x16x6x5xbf16>
  %r4 = tconv.conv_transpose %y, %z strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x8x5x5xf32>, tensor<8x8x4x4xf32>) -> tensor<1x8x10x10xf32>
  return %r0, %r1, %r2, %r3, %r4
      : tensor<1x16x10x7xf32>, tensor<1x8x6x5xf32>, tensor<1x8x5x6x5xf32>,
        tensor<1x16x6x5xbf16>, tensor<1x8x10x10xf32>
}
