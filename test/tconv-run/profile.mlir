// --profile: each convolution, fused group and layout change timed on its
// own (the code is compiled with timer calls around them), with its types,
// attributes, GFLOP/s, share of the call and source line.

// RUN: tconv-run %s --random-inputs --profile=3 --profile-json=%t.json | FileCheck %s
// CHECK:      profile: 3 calls (after 2 warm-up), median {{[0-9.]+}} ms per call
// CHECK-NEXT: # op {{ *}}median ms  GFLOP/s  % call  types; attributes; location
// CHECK:      linalg.conv_2d_nhwc_hwcf {{ *}}[[MS:[0-9]+\.[0-9]+]] {{ *}}[[GFLOPS:[0-9]+\.[0-9]+]] {{ *}}[[PCT:[0-9]+\.[0-9]]]% 1x10x10x8xf32, 3x3x8x16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32; dilations=[1, 1] strides=[1, 1] loops=1x8x8x16x3rx3rx8r; {{.*}}profile.mlir:[[# @LINE + 18]]:8
// CHECK:      linalg.generic {{.*}} 1x8x8x16xf32{{.*}}profile.mlir:[[# @LINE + 18]]:8
// CHECK:      (rest)

// RUN: FileCheck %s --check-prefix=JSON --input-file=%t.json
// JSON:      "calls": 3,
// JSON:      "op": "linalg.conv_2d_nhwc_hwcf",
// JSON-NEXT: "types": "1x10x10x8xf32, 3x3x8x16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32",
// JSON-NEXT: "attributes": "dilations=[1, 1] strides=[1, 1] loops=1x8x8x16x3rx3rx8r",
// JSON-NEXT: "location": "{{.*}}profile.mlir:{{[0-9]+}}:8",
// JSON-NEXT: "median_ms": {{[0-9.e-]+}},
// JSON-NEXT: "flops": 147456,

// Profiling stays out of the default pipeline.
// RUN: tconv-run %s --random-inputs --dump-ir=llvm | FileCheck %s --check-prefix=OFF
// OFF-NOT: tconv_profile

func.func @main(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x8x8xf32> {
  %y = tconv.conv %x, %w : (tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x8x8xf32>
  %z = math.tanh %y : tensor<1x16x8x8xf32>
  return %z : tensor<1x16x8x8xf32>
}
