// RUN: tconv-opt %s -split-input-file --tconv-outline-batch=static-batches=true | FileCheck %s

// A static batch whose largest tensor (the 16 MiB result) outgrows the
// caches runs image by image: the same loop as a dynamic batch, over N = 8.
// CHECK-LABEL: func.func @large(
// CHECK-SAME:      %[[X:.+]]: tensor<8x32x64x64xf32>, %[[W:.+]]: tensor<32x32x4x4xf32>) -> tensor<8x32x128x128xf32>
// CHECK-SAME:      attributes {tconv.batch_loop}
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK:         %[[N:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<8x32x64x64xf32>
// CHECK:         %[[INIT:.+]] = tensor.empty() : tensor<8x32x128x128xf32>
// CHECK:         %[[R:.+]] = scf.for %[[I:.+]] = %[[C0]] to %[[N]] step %[[C1]] iter_args(%[[ACC:.+]] = %[[INIT]])
// CHECK:           %[[XI:.+]] = tensor.extract_slice %[[X]][%[[I]], 0, 0, 0] [1, 32, 64, 64] [1, 1, 1, 1] : tensor<8x32x64x64xf32> to tensor<1x32x64x64xf32>
// CHECK:           %[[OUTI:.+]] = tensor.extract_slice %[[ACC]][%[[I]], 0, 0, 0] [1, 32, 128, 128] [1, 1, 1, 1] : tensor<8x32x128x128xf32> to tensor<1x32x128x128xf32>
// CHECK:           %[[YI:.+]] = func.call @large.image(%[[XI]], %[[W]], %[[OUTI]])
// CHECK:           %[[NEXT:.+]] = tensor.insert_slice %[[YI]] into %[[ACC]][%[[I]], 0, 0, 0] [1, 32, 128, 128] [1, 1, 1, 1] : tensor<1x32x128x128xf32> into tensor<8x32x128x128xf32>
// CHECK:           scf.yield %[[NEXT]]
// CHECK:         return %[[R]] : tensor<8x32x128x128xf32>
// CHECK-LABEL: func.func private @large.image(
// CHECK-SAME:      %[[XI:[^:]+]]: tensor<1x32x64x64xf32>, %[[WI:[^:]+]]: tensor<32x32x4x4xf32>, %[[DST:[^:]+]]: tensor<1x32x128x128xf32> {bufferization.writable = true}) -> tensor<1x32x128x128xf32>
// CHECK-SAME:      attributes {tconv.batch_image}
// CHECK:         %[[Y:.+]] = tconv.conv_transpose %[[XI]], %[[WI]] strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<1x32x64x64xf32>, tensor<32x32x4x4xf32>) -> tensor<1x32x128x128xf32>
// CHECK:         %[[M:.+]] = bufferization.materialize_in_destination %[[Y]] in %[[DST]]
// CHECK:         return %[[M]]
func.func @large(%x: tensor<8x32x64x64xf32>, %w: tensor<32x32x4x4xf32>) -> tensor<8x32x128x128xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<8x32x64x64xf32>, tensor<32x32x4x4xf32>) -> tensor<8x32x128x128xf32>
  return %y : tensor<8x32x128x128xf32>
}

// -----

// A batch that fits the caches (2 MiB at most) is computed whole.
// CHECK-LABEL: func.func @small(
// CHECK-NEXT:    tconv.conv_transpose
// CHECK-NOT:   func.func private
func.func @small(%x: tensor<8x512x8x8xf32>, %w: tensor<512x256x4x4xf32>) -> tensor<8x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] : (tensor<8x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<8x256x16x16xf32>
  return %y : tensor<8x256x16x16xf32>
}

// -----

// One image is no batch.
// CHECK-LABEL: func.func @one_image(
// CHECK-NEXT:    tconv.conv
// CHECK-NOT:   func.func private
func.func @one_image(%x: tensor<1x64x128x128xf32>, %w: tensor<64x64x1x1xf32>) -> tensor<1x64x128x128xf32> {
  %y = tconv.conv %x, %w : (tensor<1x64x128x128xf32>, tensor<64x64x1x1xf32>) -> tensor<1x64x128x128xf32>
  return %y : tensor<1x64x128x128xf32>
}

// -----

// A filter with N output channels looks batched but is read by every
// image: the function is not per image and compiles whole, undiagnosed.
// CHECK-LABEL: func.func @filter_of_n(
// CHECK-NEXT:    tconv.conv
// CHECK-NOT:   func.func private
func.func @filter_of_n(%x: tensor<8x16x128x128xf32>, %w: tensor<8x16x1x1xf32>) -> tensor<8x8x128x128xf32> {
  %y = tconv.conv %x, %w : (tensor<8x16x128x128xf32>, tensor<8x16x1x1xf32>) -> tensor<8x8x128x128xf32>
  return %y : tensor<8x8x128x128xf32>
}

// -----

// Reversing the batch mixes images: compiled whole, undiagnosed (a dynamic
// batch would be an error, outline-batch-invalid.mlir).
// CHECK-LABEL: func.func @reverse_batch(
// CHECK-NEXT:    tosa.reverse
// CHECK-NOT:   func.func private
func.func @reverse_batch(%x: tensor<8x1024x1024xf32>) -> tensor<8x1024x1024xf32> {
  %r = tosa.reverse %x {axis = 0 : i32} : (tensor<8x1024x1024xf32>) -> tensor<8x1024x1024xf32>
  return %r : tensor<8x1024x1024xf32>
}

// -----

// A splat constant of the batch's shape (a ReLU's bound) is the same splat
// on each image.
// CHECK-LABEL: func.func @relu_splat(
// CHECK:         func.call @relu_splat.image
// CHECK-LABEL: func.func private @relu_splat.image(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x1024x1024xf32>
// CHECK:         %[[ZERO:.+]] = arith.constant dense<0.000000e+00> : tensor<1x1024x1024xf32>
// CHECK:         %[[R:.+]] = arith.maximumf %[[X]], %[[ZERO]] : tensor<1x1024x1024xf32>
// CHECK:         bufferization.materialize_in_destination %[[R]]
func.func @relu_splat(%x: tensor<8x1024x1024xf32>) -> tensor<8x1024x1024xf32> {
  %zero = arith.constant dense<0.0> : tensor<8x1024x1024xf32>
  %r = arith.maximumf %x, %zero : tensor<8x1024x1024xf32>
  return %r : tensor<8x1024x1024xf32>
}
