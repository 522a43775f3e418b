// --profile with a dynamic batch: the entry loops over a per-image function
// (tconv-outline-batch). Its ops are timed inside that function, ran once
// per image (their GFLOP/s count every image); the loop itself has no
// bracket of its own, so nothing is counted twice.

// RUN: tconv-run %s --random-inputs --batch=3 --profile=2 | FileCheck %s
// CHECK:      profile: 2 calls (after 2 warm-up), median {{[0-9.]+}} ms per call
// CHECK-NOT:  scf.for
// CHECK:      linalg.conv_2d_nhwc_hwcf {{ *}}{{[0-9]+\.[0-9]+}} {{ *}}{{[0-9]+\.[0-9]+}} {{ *}}{{[0-9]+\.[0-9]}}% 1x28x28x16xf32, 5x5x16x16xf32, 1x24x24x16xf32 -> 1x24x24x16xf32; {{.*}}; ran 3 times per call
// CHECK-NOT:  scf.for
// CHECK:      (rest)

func.func @main(%x: tensor<?x16x24x24xf32>, %w: tensor<16x16x5x5xf32>) -> tensor<?x16x24x24xf32> {
  %y = tconv.conv %x, %w pads = [2, 2, 2, 2]
      : (tensor<?x16x24x24xf32>, tensor<16x16x5x5xf32>) -> tensor<?x16x24x24xf32>
  return %y : tensor<?x16x24x24xf32>
}
