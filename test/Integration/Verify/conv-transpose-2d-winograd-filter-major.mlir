// Transposed convolution, 2-D, 4x4, stride 2, pads 1, N = 4, 256 -> 128
// channels, 8x8 inputs (T1's shape with fewer channels): four 2x2 phases,
// each Winograd F(2x2, 2x2) over 4 images of 4x4 tiles. A product's filter
// (256 x 128) outweighs its tiles (64 x 384 channels): the products' loop
// runs product by product, (product, image).

// RUN: tconv-run %s --random-inputs=64 --verify --dump-ir=fused | FileCheck %s
// CHECK-COUNT-4: scf.forall (%{{.*}}, %{{.*}}) in (9, 4)
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<4x256x8x8xf32>, %w: tensor<256x128x4x4xf32>)
    -> tensor<4x128x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<4x256x8x8xf32>, tensor<256x128x4x4xf32>) -> tensor<4x128x16x16xf32>
  return %y : tensor<4x128x16x16xf32>
}
