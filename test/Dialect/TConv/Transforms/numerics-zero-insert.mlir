// RUN: tconv-run %S/Inputs/numerics-cases.mlir --random-inputs --verify --transpose-strategy=zero-insert | FileCheck %s

// Every case of Inputs/numerics-cases.mlir, compiled by --tconv-lower-to-llvm
// with --transpose-strategy=zero-insert (one stride-1 convolution over the
// zero-inserted input), matches the reference lowering of
// the original tconv.conv_transpose.

// #0: seed 1-D: 2 -> 3, k 3, s 2, p 1
// CHECK: verify result #0: {{.*}}: ok
// #1: 2-D 2x2 -> 5x5, k 3, s 2
// CHECK: verify result #1: {{.*}}: ok
// #2: 2-D channels and bias, k 4, s 2, p 1 (DCGAN)
// CHECK: verify result #2: {{.*}}: ok
// #3: 1-D stride 1, k 5, p 2
// CHECK: verify result #3: {{.*}}: ok
// #4: 1-D stride 3 > k 2: tap-less phase, bias
// CHECK: verify result #4: {{.*}}: ok
// #5: 1-D stride 3 > k 2: tap-less phase, no bias
// CHECK: verify result #5: {{.*}}: ok
// #6: 1-D large stride, k 2s (vocoder-like)
// CHECK: verify result #6: {{.*}}: ok
// #7: 1-D dilation 2, stride 4 (gcd 2)
// CHECK: verify result #7: {{.*}}: ok
// #8: 1-D dilation 3, stride 2 (coprime)
// CHECK: verify result #8: {{.*}}: ok
// #9: 1-D output_padding 1, asymmetric pads
// CHECK: verify result #9: {{.*}}: ok
// #10: 1-D pads > dilation*(k-1): crop
// CHECK: verify result #10: {{.*}}: ok
// #11: 1-D crop everything: bias only
// CHECK: verify result #11: {{.*}}: ok
// #12: 1-D kernel larger than input
// CHECK: verify result #12: {{.*}}: ok
// #13: 2-D group 2, bias
// CHECK: verify result #13: {{.*}}: ok
// #14: 2-D depthwise (group = C, 1 output per group)
// CHECK: verify result #14: {{.*}}: ok
// #15: 2-D group 3, 2 outputs per group, dilation 2
// CHECK: verify result #15: {{.*}}: ok
// #16: 2-D asymmetric pads, output_padding, strides 2x3
// CHECK: verify result #16: {{.*}}: ok
// #17: 2-D crop in one dim, pad in the other
// CHECK: verify result #17: {{.*}}: ok
// #18: 2-D stride 4, k 3, dilation 2
// CHECK: verify result #18: {{.*}}: ok
// #19: 2-D 1x1 kernel, stride 2: 3 of 4 phases bias only
// CHECK: verify result #19: {{.*}}: ok
// #20: 3-D stride 2, k 3, p 1
// CHECK: verify result #20: {{.*}}: ok
// #21: 3-D mixed strides, dilations, group 2
// CHECK: verify result #21: {{.*}}: ok
// #22: f64 2-D
// CHECK: verify result #22: {{.*}}: ok
// #23: f16 1-D
// CHECK: verify result #23: {{.*}}: ok
// #24: f16 2-D group 2
// CHECK: verify result #24: {{.*}}: ok
// #25: bf16 1-D stride 3 > k 2
// CHECK: verify result #25: {{.*}}: ok
// #26: bf16 2-D
// CHECK: verify result #26: {{.*}}: ok
// CHECK-NOT: MISMATCH
