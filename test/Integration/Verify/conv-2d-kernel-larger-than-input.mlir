// Convolution, 2-D, kernel 5x5 over a 3x4 input, pads [1, 1, 1, 0]: one
// output position per dim, mostly padding.

// RUN: tconv-run %s --random-inputs=37 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x2x3x4xf32>, %w: tensor<3x2x5x5xf32>, %b: tensor<3xf32>)
    -> tensor<1x3x1x1xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 0]
      : (tensor<1x2x3x4xf32>, tensor<3x2x5x5xf32>, tensor<3xf32>) -> tensor<1x3x1x1xf32>
  return %y : tensor<1x3x1x1xf32>
}
