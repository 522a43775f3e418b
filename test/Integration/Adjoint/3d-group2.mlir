// Adjoint identity <conv(x, w), y> == <x, conv_transpose(y, w)> (README.md):
// 3-D, f64, group 2 (4 -> 2 channels), stride 2, kernel 2, dilations
// [1, 2, 1], output_padding [1, 0, 1].
// @main returns 1.0 when |dot1 - dot2| < 1e-12 * |dot1|, then dot1 and dot2.

// RUN: tconv-run %s --random-inputs=12 --print --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=12 --print --transpose-strategy=zero-insert | FileCheck %s
// CHECK:      result #0: tensor<f64>
// CHECK-NEXT:   min 1  max 1  mean 1
// CHECK-NEXT:   values: 1{{$}}
// CHECK-NEXT: result #1: tensor<f64>
// CHECK:      result #2: tensor<f64>

#elem = affine_map<(i) -> (i)>
#sum = affine_map<(i) -> ()>

func.func @main(%x: tensor<1x4x5x5x5xf64>, %y: tensor<1x2x2x2x2xf64>,
                %w: tensor<2x2x2x2x2xf64>) -> (tensor<f64>, tensor<f64>, tensor<f64>) {
  %cx = tconv.conv %x, %w strides = [2, 2, 2] dilations = [1, 2, 1] group = 2
      : (tensor<1x4x5x5x5xf64>, tensor<2x2x2x2x2xf64>) -> tensor<1x2x2x2x2xf64>
  %ty = tconv.conv_transpose %y, %w strides = [2, 2, 2] dilations = [1, 2, 1]
      output_padding = [1, 0, 1] group = 2
      : (tensor<1x2x2x2x2xf64>, tensor<2x2x2x2x2xf64>) -> tensor<1x4x5x5x5xf64>
  %cxf = tensor.collapse_shape %cx [[0, 1, 2, 3, 4]] : tensor<1x2x2x2x2xf64> into tensor<16xf64>
  %yf = tensor.collapse_shape %y [[0, 1, 2, 3, 4]] : tensor<1x2x2x2x2xf64> into tensor<16xf64>
  %xf = tensor.collapse_shape %x [[0, 1, 2, 3, 4]] : tensor<1x4x5x5x5xf64> into tensor<500xf64>
  %tyf = tensor.collapse_shape %ty [[0, 1, 2, 3, 4]] : tensor<1x4x5x5x5xf64> into tensor<500xf64>
  %zero = arith.constant 0.0 : f64
  %empty = tensor.empty() : tensor<f64>
  %acc = linalg.fill ins(%zero : f64) outs(%empty : tensor<f64>) -> tensor<f64>
  %dot1 = linalg.generic {indexing_maps = [#elem, #elem, #sum], iterator_types = ["reduction"]}
      ins(%cxf, %yf : tensor<16xf64>, tensor<16xf64>) outs(%acc : tensor<f64>) {
  ^bb0(%a: f64, %b: f64, %s: f64):
    %p = arith.mulf %a, %b : f64
    %r = arith.addf %s, %p : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  %dot2 = linalg.generic {indexing_maps = [#elem, #elem, #sum], iterator_types = ["reduction"]}
      ins(%xf, %tyf : tensor<500xf64>, tensor<500xf64>) outs(%acc : tensor<f64>) {
  ^bb0(%a: f64, %b: f64, %s: f64):
    %p = arith.mulf %a, %b : f64
    %r = arith.addf %s, %p : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  %tol = arith.constant 1.0e-12 : f64
  %one = arith.constant 1.0 : f64
  %v1 = tensor.extract %dot1[] : tensor<f64>
  %v2 = tensor.extract %dot2[] : tensor<f64>
  %diff = arith.subf %v1, %v2 : f64
  %err = math.absf %diff : f64
  %mag = math.absf %v1 : f64
  %bound = arith.mulf %tol, %mag : f64
  %ok = arith.cmpf olt, %err, %bound : f64
  %value = arith.select %ok, %one, %zero : f64
  %flag = tensor.from_elements %value : tensor<f64>
  return %flag, %dot1, %dot2 : tensor<f64>, tensor<f64>, tensor<f64>
}
