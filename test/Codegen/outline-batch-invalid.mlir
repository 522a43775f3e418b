// RUN: tconv-opt %s -split-input-file --tconv-outline-batch -verify-diagnostics

// A reduction over the batch mixes images.
func.func @reduce_batch(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{cannot compile @reduce_batch for a dynamic batch: 'tosa.reduce_sum' is not known to compute each image separately}}
  %s = tosa.reduce_sum %x {axis = 0 : i32} : (tensor<?x4xf32>) -> tensor<1x4xf32>
  %y = tosa.add %x, %s : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
  return %y : tensor<?x4xf32>
}

// -----

// A transpose that moves the batch away from dim 0.
func.func @transpose_batch(%x: tensor<?x4xf32>) -> tensor<4x?xf32> {
  // expected-error @+1 {{cannot compile @transpose_batch for a dynamic batch: 'tosa.transpose' is not known to compute each image separately}}
  %t = tosa.transpose %x {perms = array<i32: 1, 0>} : (tensor<?x4xf32>) -> tensor<4x?xf32>
  return %t : tensor<4x?xf32>
}

// -----

// expected-error @+1 {{cannot compile @other_dynamic for a dynamic batch: argument #1 has type 'tensor<?x?xf32>'; only dim 0 (the batch) may be dynamic}}
func.func @other_dynamic(%x: tensor<?x4xf32>, %y: tensor<?x?xf32>) -> tensor<?x4xf32> {
  return %x : tensor<?x4xf32>
}

// -----

func.func @batch_free_result(%x: tensor<?x4xf32>, %w: tensor<4xf32>) -> (tensor<?x4xf32>, tensor<4xf32>) {
  // expected-error @+1 {{cannot compile @batch_free_result for a dynamic batch: result #1 ('tensor<4xf32>') does not have the batch as its dim 0}}
  return %x, %w : tensor<?x4xf32>, tensor<4xf32>
}

// -----

// A batch-free operand of an elementwise TOSA op must broadcast along dim 0.
func.func @no_broadcast(%x: tensor<?x4xf32>, %z: tensor<3x4xf32>) -> tensor<3x4xf32> {
  // expected-error @+1 {{cannot compile @no_broadcast for a dynamic batch: 'tosa.add' is not known to compute each image separately}}
  %y = tosa.add %x, %z : (tensor<?x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}
