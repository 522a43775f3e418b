// --profile: each convolution, fused group and layout change timed on its
// own (the code is compiled with timer calls around the loops made of
// each), with its types, attributes, GFLOP/s, share of the call and source
// line. Ops whose work went into another op's loops (a bias added inside
// the convolution's tiles) say so instead of showing a time. Which loops
// each bracket holds is checked in test/Pipelines/profile-brackets.mlir;
// times are not (they are not reproducible).

// RUN: tconv-run %s --random-inputs --profile=3 --profile-json=%t.json | FileCheck %s
// CHECK:      profile: 3 calls (after 2 warm-up), median {{[0-9.]+}} ms per call
// CHECK-NEXT: # op {{ *}}median ms  GFLOP/s  % call  types; attributes; location
// CHECK:      linalg.generic {{ *}}- {{ *}}- {{ *}}- 16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32; loops=1x8x8x16; {{.*}}profile.mlir:[[# @LINE + 49]]:8; no loops of its own: computed inside another op's
// CHECK:      linalg.conv_2d_nhwc_hwcf {{ *}}[[MS:[0-9]+\.[0-9]+]] {{ *}}[[GFLOPS:[0-9]+\.[0-9]+]] {{ *}}[[PCT:[0-9]+\.[0-9]]]% 1x10x10x8xf32, 3x3x8x16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32; dilations=[1, 1] strides=[1, 1] loops=1x8x8x16x3rx3rx8r; {{.*}}profile.mlir:[[# @LINE + 48]]:8
// CHECK:      tensor.pad {{ *}}{{[0-9]+\.[0-9]+}} {{ *}}- {{ *}}{{[0-9]+\.[0-9]}}% {{.*}}profile.mlir:[[# @LINE + 50]]:8
// The four phases of the transposed convolution (GFLOP/s "-" under 1 us).
// CHECK-COUNT-4: linalg.conv_2d_{{n[a-z]+}}_{{[a-z]+}} {{ *}}{{[0-9]+\.[0-9]+}} {{ *}}{{[0-9]+\.[0-9]+|-}} {{ *}}{{[0-9]+\.[0-9]}}% 1x{{9x9x16|16x9x9}}xf32, {{.*}}; dilations=[1, 1] strides=[1, 1] loops={{.*}}; {{.*}}profile.mlir:[[# @LINE + 48]]:8
// Not the ops of a function that does not run.
// CHECK-NOT:  1x2x5x5xf32
// CHECK:      (rest) {{ *}}{{[0-9]+\.[0-9]+}} {{ *}}- {{ *}}{{[0-9]+\.[0-9]}}% outside the ops above: entering and leaving the call

// RUN: FileCheck %s --check-prefix=JSON --input-file=%t.json
// JSON:      "calls": 3,
// JSON-NEXT: "call_median_ms": {{[0-9.e-]+}},
// JSON-NEXT: "rest_median_ms": {{[0-9.e-]+}},
// JSON:      "id": 1,
// JSON-NEXT: "op": "linalg.generic",
// JSON-NEXT: "types": "16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32",
// JSON-NEXT: "attributes": "loops=1x8x8x16",
// JSON-NEXT: "location": "{{.*}}profile.mlir:{{[0-9]+}}:8",
// JSON-NEXT: "timed": false,
// JSON:      "op": "linalg.conv_2d_nhwc_hwcf",
// JSON-NEXT: "types": "1x10x10x8xf32, 3x3x8x16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32",
// JSON-NEXT: "attributes": "dilations=[1, 1] strides=[1, 1] loops=1x8x8x16x3rx3rx8r",
// JSON-NEXT: "location": "{{.*}}profile.mlir:{{[0-9]+}}:8",
// JSON-NEXT: "timed": true,
// JSON-NEXT: "runs_per_call": 1,
// JSON-NEXT: "median_ms": {{[0-9.e-]+}},
// JSON-NEXT: "flops": 147456,
// JSON-NOT:  1x2x5x5xf32

// A pad moved before the layout change of the input (NCHW argument) is
// listed with the NCHW types it runs on.
// RUN: tconv-run %s --entry=upsample --random-inputs --profile=1 | FileCheck %s --check-prefix=MOVED
// MOVED: tensor.pad {{.*}} 1x16x8x8xf32 -> 1x16x10x10xf32; static_high=[0, 0, 1, 1] static_low=[0, 0, 1, 1];

// A Winograd convolution: its filter transforms and its blocks (input
// transforms, products and output transforms of 2 tile rows each) are
// parallel loops of the same source op, each timed on its own row (with the
// tensor it writes), not as one run. The blocks' transformed inputs and
// products are not tensors of the function: no rows of their own.
// RUN: tconv-run %s --entry=winograd --random-inputs --profile=1 | FileCheck %s --check-prefix=WINO
// WINO:      scf.forall {{ *}}{{[0-9]+\.[0-9]+}} {{ *}}- {{ *}}{{[0-9]+\.[0-9]}}% 16x1x1x16x32xf32 -> 16x1x1x16x32xf32; {{.*}}profile.mlir:[[# @LINE + 29]]:8
// WINO-NEXT: scf.forall {{.*}} 1x16x16x32xf32 -> 1x16x16x32xf32;

// Profiling stays out of the default pipeline.
// RUN: tconv-run %s --random-inputs --dump-ir=llvm | FileCheck %s --check-prefix=OFF
// OFF-NOT: tconv_profile

func.func @main(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>, %b: tensor<16xf32>,
                %t: tensor<16x8x4x4xf32>) -> tensor<1x8x16x16xf32> {
  %y = tconv.conv %x, %w, %b
      : (tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %r = math.tanh %y : tensor<1x16x8x8xf32>
  %u = tconv.conv_transpose %r, %t strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x8x8xf32>, tensor<16x8x4x4xf32>) -> tensor<1x8x16x16xf32>
  return %u : tensor<1x8x16x16xf32>
}

func.func @other(%x: tensor<1x2x5x5xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x3x3xf32> {
  %y = tconv.conv %x, %w : (tensor<1x2x5x5xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x3x3xf32>
  return %y : tensor<1x4x3x3xf32>
}

func.func @upsample(%x: tensor<1x16x8x8xf32>, %t: tensor<16x8x4x4xf32>) -> tensor<1x8x16x16xf32> {
  %u = tconv.conv_transpose %x, %t strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x8x8xf32>, tensor<16x8x4x4xf32>) -> tensor<1x8x16x16xf32>
  return %u : tensor<1x8x16x16xf32>
}

func.func @winograd(%x: tensor<1x16x16x16xf32>, %w: tensor<32x16x3x3xf32>) -> tensor<1x32x16x16xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1] : (tensor<1x16x16x16xf32>, tensor<32x16x3x3xf32>) -> tensor<1x32x16x16xf32>
  return %y : tensor<1x32x16x16xf32>
}
