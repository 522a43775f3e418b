// Adjoint identity <conv(x, w), y> == <x, conv_transpose(y, w)> (README.md):
// 1-D, f64, stride 3 > kernel 2: one output phase of the transposed
// convolution has no taps (zeros); output_padding 2.
// @main returns 1.0 when |dot1 - dot2| < 1e-12 * |dot1|, then dot1 and dot2.

// RUN: tconv-run %s --random-inputs=2 --print --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=2 --print --transpose-strategy=zero-insert | FileCheck %s
// CHECK:      result #0: tensor<f64>
// CHECK-NEXT:   min 1  max 1  mean 1
// CHECK-NEXT:   values: 1{{$}}
// CHECK-NEXT: result #1: tensor<f64>
// CHECK:      result #2: tensor<f64>

#elem = affine_map<(i) -> (i)>
#sum = affine_map<(i) -> ()>

func.func @main(%x: tensor<1x2x10xf64>, %y: tensor<1x3x3xf64>, %w: tensor<3x2x2xf64>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>) {
  %cx = tconv.conv %x, %w strides = [3]
      : (tensor<1x2x10xf64>, tensor<3x2x2xf64>) -> tensor<1x3x3xf64>
  %ty = tconv.conv_transpose %y, %w strides = [3] output_padding = [2]
      : (tensor<1x3x3xf64>, tensor<3x2x2xf64>) -> tensor<1x2x10xf64>
  %cxf = tensor.collapse_shape %cx [[0, 1, 2]] : tensor<1x3x3xf64> into tensor<9xf64>
  %yf = tensor.collapse_shape %y [[0, 1, 2]] : tensor<1x3x3xf64> into tensor<9xf64>
  %xf = tensor.collapse_shape %x [[0, 1, 2]] : tensor<1x2x10xf64> into tensor<20xf64>
  %tyf = tensor.collapse_shape %ty [[0, 1, 2]] : tensor<1x2x10xf64> into tensor<20xf64>
  %zero = arith.constant 0.0 : f64
  %empty = tensor.empty() : tensor<f64>
  %acc = linalg.fill ins(%zero : f64) outs(%empty : tensor<f64>) -> tensor<f64>
  %dot1 = linalg.generic {indexing_maps = [#elem, #elem, #sum], iterator_types = ["reduction"]}
      ins(%cxf, %yf : tensor<9xf64>, tensor<9xf64>) outs(%acc : tensor<f64>) {
  ^bb0(%a: f64, %b: f64, %s: f64):
    %p = arith.mulf %a, %b : f64
    %r = arith.addf %s, %p : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  %dot2 = linalg.generic {indexing_maps = [#elem, #elem, #sum], iterator_types = ["reduction"]}
      ins(%xf, %tyf : tensor<20xf64>, tensor<20xf64>) outs(%acc : tensor<f64>) {
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
