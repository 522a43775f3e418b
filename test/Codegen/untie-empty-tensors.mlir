// RUN: tconv-opt %s --tconv-untie-empty-tensors -split-input-file | FileCheck %s

// The returned value's destination gets its own tensor.empty; the other use
// keeps the original.

// CHECK-LABEL: func.func @returned(
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<4xf32>
//       CHECK:   %[[A:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<4xf32>)
//       CHECK:   %[[OWN:.*]] = tensor.empty() : tensor<4xf32>
//       CHECK:   %[[B:.*]] = linalg.add ins(%[[A]], %[[A]] : tensor<4xf32>, tensor<4xf32>) outs(%[[OWN]] : tensor<4xf32>)
//       CHECK:   return %[[B]]
func.func @returned(%x: f32) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %a = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %b = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>)
                  outs(%e : tensor<4xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}

// -----

// A tensor.empty with one use, and empties shared by values that are not
// returned, stay as they are.

// CHECK-LABEL: func.func @untouched(
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<4xf32>
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<4xf32>)
//       CHECK:   linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<4xf32>)
//   CHECK-NOT:   tensor.empty
//       CHECK:   return
func.func @untouched(%x: f32, %y: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %e = tensor.empty() : tensor<4xf32>
  %a = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %b = linalg.fill ins(%y : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %va = tensor.extract %a[%c0] : tensor<4xf32>
  %vb = tensor.extract %b[%c0] : tensor<4xf32>
  %s = arith.addf %va, %vb : f32
  return %s : f32
}

// -----

// A value returned twice: the repetition is a copy, so that each result
// gets an out-param of its own.
// CHECK-LABEL: func.func @returned_twice(
//  CHECK-SAME:     %[[X:.*]]: tensor<?x4xf32>
//       CHECK:   %[[T:.*]] = math.tanh %[[X]]
//       CHECK:   %[[COPY:.*]] = bufferization.alloc_tensor() copy(%[[T]]) : tensor<?x4xf32>
//       CHECK:   return %[[T]], %[[COPY]], %[[X]]
func.func @returned_twice(%x: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>) {
  %t = math.tanh %x : tensor<?x4xf32>
  return %t, %t, %x : tensor<?x4xf32>, tensor<?x4xf32>, tensor<?x4xf32>
}
