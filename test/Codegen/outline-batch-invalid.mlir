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

// -----

// The index of the batch loop differs from image to image.
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @batch_index(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x4xf32>
  %e = tensor.empty(%n) : tensor<?x4xf32>
  // expected-error @+1 {{cannot compile @batch_index for a dynamic batch: 'linalg.generic' is not known to compute each image separately}}
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%x : tensor<?x4xf32>) outs(%e : tensor<?x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i64
    %f = arith.sitofp %ii : i64 to f32
    %s = arith.addf %in, %f : f32
    linalg.yield %s : f32
  } -> tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}

// -----

// A sum over the images into a batch-free init.
#in = affine_map<(d0, d1) -> (d0, d1)>
#out = affine_map<(d0, d1) -> (d1)>
func.func @linalg_reduce_batch(%x: tensor<?x4xf32>, %acc: tensor<4xf32>) -> tensor<?x4xf32> {
  // expected-error @+1 {{cannot compile @linalg_reduce_batch for a dynamic batch: 'linalg.generic' is not known to compute each image separately}}
  %s = linalg.generic {indexing_maps = [#in, #out], iterator_types = ["reduction", "parallel"]} ins(%x : tensor<?x4xf32>) outs(%acc : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %a = arith.addf %in, %out : f32
    linalg.yield %a : f32
  } -> tensor<4xf32>
  return %x : tensor<?x4xf32>
}

// -----

// The batch size as a value: in the image function it would be 1.
func.func @batch_size_as_data(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?x4xf32>
  // expected-error @+1 {{cannot compile @batch_size_as_data for a dynamic batch: 'arith.index_cast' uses the batch size other than as the size of a tensor.empty, a reshape or a slice}}
  %i = arith.index_cast %n : index to i64
  %f = arith.sitofp %i : i64 to f32
  %s = tensor.splat %f : tensor<1x4xf32>
  %r = tosa.add %x, %s : (tensor<?x4xf32>, tensor<1x4xf32>) -> tensor<?x4xf32>
  return %r : tensor<?x4xf32>
}

// -----

// A flatten of the batch into the channels.
func.func @collapse_batch(%x: tensor<?x4xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{cannot compile @collapse_batch for a dynamic batch: 'tensor.collapse_shape' is not known to compute each image separately}}
  %flat = tensor.collapse_shape %x [[0, 1]] : tensor<?x4xf32> into tensor<?xf32>
  return %flat : tensor<?xf32>
}

// -----

// A pad of the batch adds images.
func.func @pad_batch(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %z = arith.constant 0.0 : f32
  // expected-error @+1 {{cannot compile @pad_batch for a dynamic batch: 'tensor.pad' is not known to compute each image separately}}
  %p = tensor.pad %x low[1, 0] high[0, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %z : f32
  } : tensor<?x4xf32> to tensor<?x4xf32>
  return %p : tensor<?x4xf32>
}

// -----

// A slice that drops the first image.
func.func @slice_batch(%x: tensor<?x4xf32>) -> tensor<?x4xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x4xf32>
  // expected-error @+1 {{cannot compile @slice_batch for a dynamic batch: 'arith.subi' uses the batch size other than as the size of a tensor.empty, a reshape or a slice}}
  %m = arith.subi %n, %c1 : index
  %s = tensor.extract_slice %x[1, 0] [%m, 4] [1, 1] : tensor<?x4xf32> to tensor<?x4xf32>
  return %s : tensor<?x4xf32>
}
