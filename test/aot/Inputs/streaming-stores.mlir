// A 1 MiB result (16 x 128 x 128 floats) written by the layout change at
// the end of the call: on x86 with streaming stores where the caller's
// buffer starts on a cache line.
func.func @net(%x: tensor<1x16x128x128xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>) -> tensor<1x16x128x128xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x16x128x128xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x128x128xf32>
  %t = math.tanh %y : tensor<1x16x128x128xf32>
  return %t : tensor<1x16x128x128xf32>
}
