// --print: type, min/max/mean and the first values of every result.
// RUN: tconv-run %s --print | FileCheck %s

// CHECK:      result #0: tensor<3x4xf32>
// CHECK-NEXT:   min -3  max 8  mean 2.5
// CHECK-NEXT:   first values: -3, -2, -1, 0, 1, 2, 3, 4, ... (12 in all)
// CHECK-NEXT: result #1: tensor<2xf16>
// CHECK-NEXT:   min 0.333252  max 65504  mean 32752.2
// CHECK-NEXT:   values: 0.333252, 65504
// CHECK-NEXT: result #2: tensor<f64>
// CHECK-NEXT:   min 0.1  max 0.1  mean 0.1
// CHECK-NEXT:   values: 0.1
// CHECK-NEXT: result #3: tensor<3xf32>
// CHECK-NEXT:   min -inf  max 1  mean -inf  (1 NaN)
// CHECK-NEXT:   values: nan, -inf, 1
// CHECK-EMPTY:

// A result of NaNs only has no statistics.
// RUN: tconv-run %S/Inputs/nan.mlir | FileCheck %s --check-prefix=NAN
// NAN:      result #0: tensor<2xf64>
// NAN-NEXT:   no numbers  (2 NaN)
// NAN-NEXT:   values: nan, nan

func.func @main() -> (tensor<3x4xf32>, tensor<2xf16>, tensor<f64>, tensor<3xf32>) {
  %a = arith.constant dense<[[-3.0, -2.0, -1.0, 0.0], [1.0, 2.0, 3.0, 4.0],
                             [5.0, 6.0, 7.0, 8.0]]> : tensor<3x4xf32>
  %b = arith.constant dense<[0.3333, 65504.0]> : tensor<2xf16>
  %c = arith.constant dense<0.1> : tensor<f64>
  %d = arith.constant dense<[0x7FC00000, 0xFF800000, 1.0]> : tensor<3xf32>
  return %a, %b, %c, %d : tensor<3x4xf32>, tensor<2xf16>, tensor<f64>, tensor<3xf32>
}
