// Pooling ops left to the loops stage run with their window loops outside
// the output row (tconv-innermost-output-loops): an NCHW 2x2 max-pool of
// stride 2 on odd sizes, a 3x3 NHWC sum-pool of stride 1, a 3x3 NCHW
// max-pool of stride 2 with a 7-wide row (vector remainders), and TOSA's
// average pooling with pads. Each is compared with the reference lowering.

// RUN: tconv-run %s --random-inputs=3 --verify | FileCheck %s
// CHECK:      verify result #0: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #1: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #2: max abs error {{.*}}: ok
// CHECK-NEXT: verify result #3: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x5x34x35xf32>, %h: tensor<2x9x11x24xf32>)
    -> (tensor<1x5x17x17xf32>, tensor<2x7x9x24xf32>, tensor<1x5x16x17xf32>,
        tensor<2x5x6x24xf32>) {
  %zp = "tosa.const"() <{values = dense<0.0> : tensor<1xf32>}> : () -> tensor<1xf32>
  %lowest = arith.constant -3.4e38 : f32
  %zero = arith.constant 0.0 : f32
  %w2 = tensor.empty() : tensor<2x2xf32>
  %w3 = tensor.empty() : tensor<3x3xf32>

  %e0 = tensor.empty() : tensor<1x5x17x17xf32>
  %f0 = linalg.fill ins(%lowest : f32) outs(%e0 : tensor<1x5x17x17xf32>) -> tensor<1x5x17x17xf32>
  %max2 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w2 : tensor<1x5x34x35xf32>, tensor<2x2xf32>) outs(%f0 : tensor<1x5x17x17xf32>) -> tensor<1x5x17x17xf32>

  %e1 = tensor.empty() : tensor<2x7x9x24xf32>
  %f1 = linalg.fill ins(%zero : f32) outs(%e1 : tensor<2x7x9x24xf32>) -> tensor<2x7x9x24xf32>
  %sum3 = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%h, %w3 : tensor<2x9x11x24xf32>, tensor<3x3xf32>) outs(%f1 : tensor<2x7x9x24xf32>) -> tensor<2x7x9x24xf32>

  %e2 = tensor.empty() : tensor<1x5x16x17xf32>
  %f2 = linalg.fill ins(%lowest : f32) outs(%e2 : tensor<1x5x16x17xf32>) -> tensor<1x5x16x17xf32>
  %max3 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%x, %w3 : tensor<1x5x34x35xf32>, tensor<3x3xf32>) outs(%f2 : tensor<1x5x16x17xf32>) -> tensor<1x5x16x17xf32>

  %avg = tosa.avg_pool2d %h, %zp, %zp {acc_type = f32, kernel = array<i64: 3, 3>, stride = array<i64: 2, 2>, pad = array<i64: 1, 1, 1, 1>}
      : (tensor<2x9x11x24xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<2x5x6x24xf32>
  return %max2, %sum3, %max3, %avg
      : tensor<1x5x17x17xf32>, tensor<2x7x9x24xf32>, tensor<1x5x16x17xf32>, tensor<2x5x6x24xf32>
}
