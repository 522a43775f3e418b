// Convolution, 1-D, f64, 24 -> 20 channels, 23 positions, kernel 5,
// stride 2, pads [2, 1], bias.

// RUN: tconv-run %s --random-inputs=47 --verify | FileCheck %s
// CHECK: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x24x23xf64>, %w: tensor<20x24x5xf64>, %b: tensor<20xf64>)
    -> tensor<1x20x11xf64> {
  %y = tconv.conv %x, %w, %b strides = [2] pads = [2, 1]
      : (tensor<1x24x23xf64>, tensor<20x24x5xf64>, tensor<20xf64>) -> tensor<1x20x11xf64>
  return %y : tensor<1x20x11xf64>
}
