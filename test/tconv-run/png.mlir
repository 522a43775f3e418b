// PNG images in and out. Inputs/rgb_3x2.png holds 3x2 pixels: red, green, blue
// over white, black and gray 51 (0.2).

// RUN: tconv-run %s --entry=rgb --input=%S/Inputs/rgb_3x2.png | FileCheck %s --check-prefix=RGB
// RGB:      result #0: tensor<1x3x2x3xf32>
// RGB-NEXT:   min 0  max 1  mean 0.366667
// RGB-NEXT:   first values: 1, 0, 0, 1, 0, 0.2, 0, 1, ... (18 in all)

// A 1-channel argument gets the luma (0.299 R + 0.587 G + 0.114 B), in the
// argument's element type.
// RUN: tconv-run %s --entry=gray --input=%S/Inputs/rgb_3x2.png | FileCheck %s --check-prefix=GRAY
// GRAY:      result #0: tensor<1x1x2x3xf16>
// GRAY-NEXT:   min 0  max 1  mean 0.366659
// GRAY-NEXT:   values: 0.299072, 0.586914, 0.114014, 1, 0, 0.199951

// Round trip through --output: values are clamped to [0, 1] and stored in
// 8 bits.
// RUN: tconv-run %s --entry=rgb --input=%S/Inputs/rgb_3x2.png --output=%t.png
// RUN: tconv-run %s --entry=rgb --input=%t.png | FileCheck %s --check-prefix=RGB
// RUN: tconv-run %s --entry=scaled --input=%S/Inputs/rgb_3x2.png --output=%t.scaled.png
// RUN: tconv-run %s --entry=rgb --input=%t.scaled.png | FileCheck %s --check-prefix=SCALED
// SCALED:      first values: 1, 0, 0, 1, 0, 0.4, 0, 1, ... (18 in all)

// RUN: not tconv-run %s --entry=small --input=%S/Inputs/rgb_3x2.png 2>&1 | FileCheck %s --check-prefix=SIZE
// SIZE: tconv-run: {{.*}}rgb_3x2.png: image is 1x3x2x3 but argument #0 of @small (tensor<1x3x4x4xf32>) is 1x3x4x4
// RUN: not tconv-run %s --entry=vector --input=%S/Inputs/rgb_3x2.png 2>&1 | FileCheck %s --check-prefix=FORM
// FORM: tconv-run: {{.*}}rgb_3x2.png: a PNG image gives a 1x3xHxW or 1x1xHxW tensor, but argument #0 of @vector (tensor<18xf32>) is not of that form
// RUN: not tconv-run %s --entry=vector --random-inputs --output=%t.vector.png 2>&1 | FileCheck %s --check-prefix=OUTFORM
// OUTFORM: tconv-run: {{.*}}.vector.png: a PNG image needs a 1x3xHxW or 1x1xHxW result, but result #0 of @vector (tensor<18xf32>) is not of that form
// RUN: not tconv-run %s --entry=rgb --input=%S/Inputs/seed_x.npy.png 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: tconv-run: {{.*}}seed_x.npy.png: cannot read: No such file or directory
// RUN: not tconv-run %s --entry=rgb --input=%S/Inputs/seed_x.npy --input=%S/Inputs/bad_magic.npy 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: tconv-run: 2 --input values given in order, but @rgb takes 1 argument

func.func @rgb(%x: tensor<1x3x2x3xf32>) -> tensor<1x3x2x3xf32> {
  return %x : tensor<1x3x2x3xf32>
}
func.func @gray(%x: tensor<1x1x2x3xf16>) -> tensor<1x1x2x3xf16> {
  return %x : tensor<1x1x2x3xf16>
}
// Doubles every value: 0.2 becomes 0.4, 1 is clamped back to 1.
func.func @scaled(%x: tensor<1x3x2x3xf32>) -> tensor<1x3x2x3xf32> {
  %y = arith.addf %x, %x : tensor<1x3x2x3xf32>
  return %y : tensor<1x3x2x3xf32>
}
func.func @small(%x: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
  return %x : tensor<1x3x4x4xf32>
}
func.func @vector(%x: tensor<18xf32>) -> tensor<18xf32> {
  return %x : tensor<18xf32>
}
