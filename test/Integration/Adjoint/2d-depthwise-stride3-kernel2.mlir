// Adjoint identity <conv(x, w), y> == <x, conv_transpose(y, w)> (README.md):
// 2-D, depthwise, stride 3 > kernel 2 in both dims (phases without taps),
// output_padding [2, 0].
// @main returns 1.0 when |dot1 - dot2| < 1e-4 * |dot1|, then dot1 and dot2.

// RUN: tconv-run %s --random-inputs=10 --print --transpose-strategy=phase | FileCheck %s
// RUN: tconv-run %s --random-inputs=10 --print --transpose-strategy=zero-insert | FileCheck %s
// CHECK:      result #0: tensor<f64>
// CHECK-NEXT:   min 1  max 1  mean 1
// CHECK-NEXT:   values: 1{{$}}
// CHECK-NEXT: result #1: tensor<f64>
// CHECK:      result #2: tensor<f64>

#elem = affine_map<(i) -> (i)>
#sum = affine_map<(i) -> ()>

func.func @main(%x: tensor<1x3x7x8xf32>, %y: tensor<1x3x2x3xf32>, %w: tensor<3x1x2x2xf32>)
    -> (tensor<f64>, tensor<f64>, tensor<f64>) {
  %cx = tconv.conv %x, %w strides = [3, 3] group = 3
      : (tensor<1x3x7x8xf32>, tensor<3x1x2x2xf32>) -> tensor<1x3x2x3xf32>
  %ty = tconv.conv_transpose %y, %w strides = [3, 3] output_padding = [2, 0] group = 3
      : (tensor<1x3x2x3xf32>, tensor<3x1x2x2xf32>) -> tensor<1x3x7x8xf32>
  %cxf = tensor.collapse_shape %cx [[0, 1, 2, 3]] : tensor<1x3x2x3xf32> into tensor<18xf32>
  %yf = tensor.collapse_shape %y [[0, 1, 2, 3]] : tensor<1x3x2x3xf32> into tensor<18xf32>
  %xf = tensor.collapse_shape %x [[0, 1, 2, 3]] : tensor<1x3x7x8xf32> into tensor<168xf32>
  %tyf = tensor.collapse_shape %ty [[0, 1, 2, 3]] : tensor<1x3x7x8xf32> into tensor<168xf32>
  %zero = arith.constant 0.0 : f64
  %empty = tensor.empty() : tensor<f64>
  %acc = linalg.fill ins(%zero : f64) outs(%empty : tensor<f64>) -> tensor<f64>
  %dot1 = linalg.generic {indexing_maps = [#elem, #elem, #sum], iterator_types = ["reduction"]}
      ins(%cxf, %yf : tensor<18xf32>, tensor<18xf32>) outs(%acc : tensor<f64>) {
  ^bb0(%a: f32, %b: f32, %s: f64):
    %a64 = arith.extf %a : f32 to f64
    %b64 = arith.extf %b : f32 to f64
    %p = arith.mulf %a64, %b64 : f64
    %r = arith.addf %s, %p : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  %dot2 = linalg.generic {indexing_maps = [#elem, #elem, #sum], iterator_types = ["reduction"]}
      ins(%xf, %tyf : tensor<168xf32>, tensor<168xf32>) outs(%acc : tensor<f64>) {
  ^bb0(%a: f32, %b: f32, %s: f64):
    %a64 = arith.extf %a : f32 to f64
    %b64 = arith.extf %b : f32 to f64
    %p = arith.mulf %a64, %b64 : f64
    %r = arith.addf %s, %p : f64
    linalg.yield %r : f64
  } -> tensor<f64>
  %tol = arith.constant 1.0e-04 : f64
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
