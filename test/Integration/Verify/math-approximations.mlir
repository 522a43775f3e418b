// tanh, exp, log, expm1, log1p and erf run as polynomial approximations
// (tconv-approximate-math); the reference lowering calls libm. Each is
// checked on a convolution's output, where tanh fuses into the stores as a
// vector, and over a wide range: the convolution's values scaled by 8 reach
// tanh's saturation and exp's growth, log and log1p get |x| * 100.

// RUN: tconv-run %s --random-inputs=7 --verify | FileCheck %s
// CHECK:      verify result #0: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #1: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #2: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #3: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #4: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #5: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x16x12x12xf32>, %w: tensor<16x16x3x3xf32>)
    -> (tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>,
        tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>) {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
      : (tensor<1x16x12x12xf32>, tensor<16x16x3x3xf32>) -> tensor<1x16x12x12xf32>
  %eight = arith.constant dense<8.0> : tensor<1x16x12x12xf32>
  %wide = arith.mulf %y, %eight : tensor<1x16x12x12xf32>
  %tanh = math.tanh %wide : tensor<1x16x12x12xf32>
  %exp = math.exp %wide : tensor<1x16x12x12xf32>
  %expm1 = math.expm1 %y : tensor<1x16x12x12xf32>
  %erf = math.erf %y : tensor<1x16x12x12xf32>
  %hundred = arith.constant dense<100.0> : tensor<1x16x12x12xf32>
  %abs = math.absf %y : tensor<1x16x12x12xf32>
  %big = arith.mulf %abs, %hundred : tensor<1x16x12x12xf32>
  %log = math.log %big : tensor<1x16x12x12xf32>
  %log1p = math.log1p %big : tensor<1x16x12x12xf32>
  return %tanh, %exp, %expm1, %erf, %log, %log1p
      : tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>,
        tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>, tensor<1x16x12x12xf32>
}
