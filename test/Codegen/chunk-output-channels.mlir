// RUN: tconv-opt %s -split-input-file --tconv-chunk-output-channels | FileCheck %s

// A runtime filter of 8 MB against 0.4 MB of input and output (T1n1): 8
// chunks of 32 output channels (1 MiB of filter each), filter and bias
// sliced alike, each chunk inserted at its channels.

// CHECK-LABEL: func.func @runtime_filter(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x512x8x8xf32>, %[[W:.*]]: tensor<512x256x4x4xf32>, %[[B:.*]]: tensor<256xf32>)
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x256x16x16xf32>
//       CHECK:   %[[R:.*]] = scf.forall (%[[I:.*]]) in (8) shared_outs(%[[O:.*]] = %[[E]])
//   CHECK-DAG:     %[[C32:.*]] = arith.constant 32 : index
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]], %[[C32]] : index
//       CHECK:     %[[WC:.*]] = tensor.extract_slice %[[W]][0, %[[FIRST]], 0, 0] [512, 32, 4, 4] [1, 1, 1, 1] : tensor<512x256x4x4xf32> to tensor<512x32x4x4xf32>
//       CHECK:     %[[BC:.*]] = tensor.extract_slice %[[B]][%[[FIRST]]] [32] [1] : tensor<256xf32> to tensor<32xf32>
//       CHECK:     %[[Y:.*]] = tconv.conv_transpose %[[X]], %[[WC]], %[[BC]] strides = [2, 2] pads = [1, 1, 1, 1]
//  CHECK-SAME:       -> tensor<1x32x16x16xf32>
//       CHECK:     scf.forall.in_parallel
//       CHECK:       tensor.parallel_insert_slice %[[Y]] into %[[O]][0, %[[FIRST]], 0, 0] [1, 32, 16, 16] [1, 1, 1, 1]
//       CHECK:   return %[[R]]
func.func @runtime_filter(%x: tensor<1x512x8x8xf32>, %w: tensor<512x256x4x4xf32>,
                          %b: tensor<256xf32>) -> tensor<1x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>, tensor<256xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// The same filter in bf16 (4 MB): 64 channels would be 1 MiB of filter,
// but a bf16 chunk's two copies (layout change, channel pairs) and its f32
// result would take 2 MiB + 64 KiB of its thread's stack scratch (2 MiB):
// 8 chunks of 32.

// CHECK-LABEL: func.func @runtime_filter_bf16(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x512x8x8xbf16>, %[[W:.*]]: tensor<512x256x4x4xbf16>)
//       CHECK:   scf.forall (%[[I:.*]]) in (8)
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]]
//       CHECK:     %[[WC:.*]] = tensor.extract_slice %[[W]][0, %[[FIRST]], 0, 0] [512, 32, 4, 4] [1, 1, 1, 1] : tensor<512x256x4x4xbf16> to tensor<512x32x4x4xbf16>
//       CHECK:     tconv.conv_transpose %[[X]], %[[WC]] strides = [2, 2]
func.func @runtime_filter_bf16(%x: tensor<1x512x8x8xbf16>, %w: tensor<512x256x4x4xbf16>)
    -> tensor<1x256x16x16xbf16> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xbf16>, tensor<512x256x4x4xbf16>) -> tensor<1x256x16x16xbf16>
  return %y : tensor<1x256x16x16xbf16>
}

// The same filter as tconv-compile's entry points see it, the tensor of a
// memref argument: chunked alike. A strided memref's is not whole.

// CHECK-LABEL: func.func @runtime_filter_of_memref(
//  CHECK-SAME:     %{{.*}}: tensor<1x512x8x8xf32>, %[[M:[^:]*]]: memref<512x256x4x4xf32>
//       CHECK:   %[[W:.*]] = bufferization.to_tensor %[[M]] restrict
//       CHECK:   scf.forall (%[[I:.*]]) in (8)
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]]
//       CHECK:     %[[WC:.*]] = tensor.extract_slice %[[W]][0, %[[FIRST]], 0, 0] [512, 32, 4, 4]
//       CHECK:     tconv.conv_transpose %{{.*}}, %[[WC]] strides = [2, 2]
func.func @runtime_filter_of_memref(%x: tensor<1x512x8x8xf32>, %m: memref<512x256x4x4xf32>)
    -> tensor<1x256x16x16xf32> {
  %w = bufferization.to_tensor %m restrict : memref<512x256x4x4xf32> to tensor<512x256x4x4xf32>
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// CHECK-LABEL: func.func @runtime_filter_of_strided_memref(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x256x16x16xf32>
func.func @runtime_filter_of_strided_memref(%x: tensor<1x512x8x8xf32>,
    %m: memref<512x256x4x4xf32, strided<[8192, 16, 4, 1]>>) -> tensor<1x256x16x16xf32> {
  %w = bufferization.to_tensor %m restrict : memref<512x256x4x4xf32, strided<[8192, 16, 4, 1]>> to tensor<512x256x4x4xf32>
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// -----

// A filter scaled by a folded batch norm: the scale is sliced with it, and
// the whole product is no longer computed.

// CHECK-LABEL: func.func @scaled_filter(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x512x8x8xf32>, %[[W:.*]]: tensor<512x256x4x4xf32>, %[[S:.*]]: tensor<512x256x4x4xf32>)
//   CHECK-NOT:   arith.mulf
//       CHECK:   scf.forall (%[[I:.*]]) in (8)
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]]
//   CHECK-DAG:     %[[WC:.*]] = tensor.extract_slice %[[W]][0, %[[FIRST]], 0, 0] [512, 32, 4, 4]
//   CHECK-DAG:     %[[SC:.*]] = tensor.extract_slice %[[S]][0, %[[FIRST]], 0, 0] [512, 32, 4, 4]
//       CHECK:     %[[F:.*]] = arith.mulf %[[WC]], %[[SC]] : tensor<512x32x4x4xf32>
//       CHECK:     tconv.conv_transpose %[[X]], %[[F]]
func.func @scaled_filter(%x: tensor<1x512x8x8xf32>, %w: tensor<512x256x4x4xf32>,
                         %s: tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32> {
  %f = arith.mulf %w, %s : tensor<512x256x4x4xf32>
  %y = tconv.conv_transpose %x, %f strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// -----

// A direct convolution, 512 -> 512 channels 3x3 on 8x8 (9 MB of filter):
// its filter (M x C x k..) is sliced along dim 0, 16 chunks of 32 channels
// (0.6 MB each).

// CHECK-LABEL: func.func @conv_runtime_filter(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x512x8x8xf32>, %[[W:.*]]: tensor<512x512x3x3xf32>)
//       CHECK:   scf.forall (%[[I:.*]]) in (16)
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]]
//       CHECK:     %[[WC:.*]] = tensor.extract_slice %[[W]][%[[FIRST]], 0, 0, 0] [32, 512, 3, 3] [1, 1, 1, 1]
//       CHECK:     %[[Y:.*]] = tconv.conv %[[X]], %[[WC]] pads = [1, 1, 1, 1]
//  CHECK-SAME:       -> tensor<1x32x8x8xf32>
//       CHECK:       tensor.parallel_insert_slice %[[Y]] into %{{.*}}[0, %[[FIRST]], 0, 0] [1, 32, 8, 8]
func.func @conv_runtime_filter(%x: tensor<1x512x8x8xf32>, %w: tensor<512x512x3x3xf32>)
    -> tensor<1x512x8x8xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x512x3x3xf32>) -> tensor<1x512x8x8xf32>
  return %y : tensor<1x512x8x8xf32>
}

// -----

// TOSA's OHWI weights moved to C x M x k.. (what tconv-raise-convolutions
// makes of tosa.transpose_conv2d): the chunk's output channels are dim 0 of
// the weights, sliced there and moved alone.

// CHECK-LABEL: func.func @transposed_filter(
//  CHECK-SAME:     %[[X:.*]]: tensor<1x512x8x8xf32>, %[[W:.*]]: tensor<256x4x4x512xf32>)
//   CHECK-NOT:   linalg.transpose
//       CHECK:   scf.forall (%[[I:.*]]) in (8)
//       CHECK:     %[[FIRST:.*]] = arith.muli %[[I]]
//       CHECK:     %[[WC:.*]] = tensor.extract_slice %[[W]][%[[FIRST]], 0, 0, 0] [32, 4, 4, 512] [1, 1, 1, 1]
//       CHECK:     %[[E:.*]] = tensor.empty() : tensor<512x32x4x4xf32>
//       CHECK:     %[[F:.*]] = linalg.transpose ins(%[[WC]] : tensor<32x4x4x512xf32>) outs(%[[E]] : tensor<512x32x4x4xf32>) permutation = [3, 0, 1, 2]
//       CHECK:     tconv.conv_transpose %[[X]], %[[F]]
func.func @transposed_filter(%x: tensor<1x512x8x8xf32>, %w: tensor<256x4x4x512xf32>)
    -> tensor<1x256x16x16xf32> {
  %e = tensor.empty() : tensor<512x256x4x4xf32>
  %f = linalg.transpose ins(%w : tensor<256x4x4x512xf32>) outs(%e : tensor<512x256x4x4xf32>)
      permutation = [3, 0, 1, 2]
  %y = tconv.conv_transpose %x, %f strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// -----

// 3-D, stride 1 (a generator's first layer on a 1x1x1 input): 100 x 64
// channels of 4x4x4 taps, 1.6 MB; chunks of 32 channels (0.8 MB).

// CHECK-LABEL: func.func @first_layer_3d(
//       CHECK:   scf.forall (%{{.*}}) in (2)
//       CHECK:     tensor.extract_slice %{{.*}}[0, %{{.*}}, 0, 0, 0] [100, 32, 4, 4, 4] [1, 1, 1, 1, 1]
//       CHECK:     tconv.conv_transpose {{.*}} -> tensor<1x32x4x4x4xf32>
func.func @first_layer_3d(%x: tensor<1x100x1x1x1xf32>, %w: tensor<100x64x4x4x4xf32>)
    -> tensor<1x64x4x4x4xf32> {
  %y = tconv.conv_transpose %x, %w
      : (tensor<1x100x1x1x1xf32>, tensor<100x64x4x4x4xf32>) -> tensor<1x64x4x4x4xf32>
  return %y : tensor<1x64x4x4x4xf32>
}

// -----

// A 1-D f32 layer like the vocoder's (T7): 2 MiB of filter, 3.2x its input
// and output: 2 chunks of 64 output channels.

// CHECK-LABEL: func.func @filter_3x_activations(
//       CHECK:   scf.forall (%{{.*}}) in (2)
//       CHECK:     tconv.conv_transpose {{.*}} -> tensor<1x64x640xf32>
func.func @filter_3x_activations(%x: tensor<1x512x160xf32>, %w: tensor<512x128x8xf32>)
    -> tensor<1x128x640xf32> {
  %y = tconv.conv_transpose %x, %w strides = [4] pads = [2, 2]
      : (tensor<1x512x160xf32>, tensor<512x128x8xf32>) -> tensor<1x128x640xf32>
  return %y : tensor<1x128x640xf32>
}

// -----

// A bf16 layer of that kind with 2.7x the activations: 2 MiB of filter, but
// copied twice (the layout change and vdpbf16ps's channel pairs): 4 chunks
// of 64 output channels.

// CHECK-LABEL: func.func @bf16_filter_copies_outweigh(
//       CHECK:   scf.forall (%{{.*}}) in (4)
//       CHECK:     tconv.conv_transpose {{.*}} -> tensor<1x64x1024xbf16>
func.func @bf16_filter_copies_outweigh(%x: tensor<1x512x256xbf16>, %w: tensor<512x256x8xbf16>)
    -> tensor<1x256x1024xbf16> {
  %y = tconv.conv_transpose %x, %w strides = [4] pads = [2, 2]
      : (tensor<1x512x256xbf16>, tensor<512x256x8xbf16>) -> tensor<1x256x1024xbf16>
  return %y : tensor<1x256x1024xbf16>
}

// -----

// Left whole: a constant filter (copied at compile time), a filter of at
// most 1 MiB (T2's 0.5 MB), activations more than a third of the filter
// copies (T1: 8 images, 3 MB against 8 MB; the bf16 layer above in f32, one
// 4 MB copy against 1.5 MB), phases that run as Winograd (T1 in bf16: two
// 4 MB copies against 1.5 MB, 128 tiles per phase), a grouped convolution,
// and output channels that no multiple of 32 with at most 1 MiB of filter
// divides; a filter computed otherwise than elementwise or by a transpose
// (a fill), or used by another op too, whose producer the decomposition
// fuses into the whole filter's copy; a Winograd convolution (3x3 at
// 16x16: 64 tiles), which would transform its input for every chunk; an
// image of a batch loop, whose filter copy moves out of the loop over
// images.

// CHECK-LABEL: func.func @constant_filter(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x256x16x16xf32>
func.func @constant_filter(%x: tensor<1x512x8x8xf32>) -> tensor<1x256x16x16xf32> {
  %w = arith.constant dense<0.5> : tensor<512x256x4x4xf32>
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// CHECK-LABEL: func.func @small_filter(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x64x16x16xf32>
func.func @small_filter(%x: tensor<1x128x8x8xf32>, %w: tensor<128x64x4x4xf32>)
    -> tensor<1x64x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x128x8x8xf32>, tensor<128x64x4x4xf32>) -> tensor<1x64x16x16xf32>
  return %y : tensor<1x64x16x16xf32>
}

// CHECK-LABEL: func.func @large_activations(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<8x256x16x16xf32>
func.func @large_activations(%x: tensor<8x512x8x8xf32>, %w: tensor<512x256x4x4xf32>)
    -> tensor<8x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<8x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<8x256x16x16xf32>
  return %y : tensor<8x256x16x16xf32>
}

// CHECK-LABEL: func.func @f32_filter_copy_under_3x(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x256x1024xf32>
func.func @f32_filter_copy_under_3x(%x: tensor<1x512x256xf32>, %w: tensor<512x256x8xf32>)
    -> tensor<1x256x1024xf32> {
  %y = tconv.conv_transpose %x, %w strides = [4] pads = [2, 2]
      : (tensor<1x512x256xf32>, tensor<512x256x8xf32>) -> tensor<1x256x1024xf32>
  return %y : tensor<1x256x1024xf32>
}

// CHECK-LABEL: func.func @winograd_phases_bf16(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<8x256x16x16xbf16>
func.func @winograd_phases_bf16(%x: tensor<8x512x8x8xbf16>, %w: tensor<512x256x4x4xbf16>)
    -> tensor<8x256x16x16xbf16> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<8x512x8x8xbf16>, tensor<512x256x4x4xbf16>) -> tensor<8x256x16x16xbf16>
  return %y : tensor<8x256x16x16xbf16>
}

// CHECK-LABEL: func.func @grouped(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} group = 2
func.func @grouped(%x: tensor<1x512x8x8xf32>, %w: tensor<512x128x4x4xf32>)
    -> tensor<1x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 2
      : (tensor<1x512x8x8xf32>, tensor<512x128x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// CHECK-LABEL: func.func @no_chunk_fits(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x48x16x16xf32>
func.func @no_chunk_fits(%x: tensor<1x4096x8x8xf32>, %w: tensor<4096x48x4x4xf32>)
    -> tensor<1x48x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x4096x8x8xf32>, tensor<4096x48x4x4xf32>) -> tensor<1x48x16x16xf32>
  return %y : tensor<1x48x16x16xf32>
}

// CHECK-LABEL: func.func @filled_filter(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x256x16x16xf32>
func.func @filled_filter(%x: tensor<1x512x8x8xf32>, %v: f32) -> tensor<1x256x16x16xf32> {
  %e = tensor.empty() : tensor<512x256x4x4xf32>
  %f = linalg.fill ins(%v : f32) outs(%e : tensor<512x256x4x4xf32>) -> tensor<512x256x4x4xf32>
  %y = tconv.conv_transpose %x, %f strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// CHECK-LABEL: func.func @shared_scaled_filter(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x256x16x16xf32>
func.func @shared_scaled_filter(%x: tensor<1x512x8x8xf32>, %w: tensor<512x256x4x4xf32>,
                                %s: tensor<512x256x4x4xf32>)
    -> (tensor<1x256x16x16xf32>, tensor<512x256x4x4xf32>) {
  %f = arith.mulf %w, %s : tensor<512x256x4x4xf32>
  %y = tconv.conv_transpose %x, %f strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y, %f : tensor<1x256x16x16xf32>, tensor<512x256x4x4xf32>
}

// CHECK-LABEL: func.func @conv_winograd(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv {{.*}} -> tensor<1x512x16x16xf32>
func.func @conv_winograd(%x: tensor<1x512x16x16xf32>, %w: tensor<512x512x3x3xf32>)
    -> tensor<1x512x16x16xf32> {
  %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
      : (tensor<1x512x16x16xf32>, tensor<512x512x3x3xf32>) -> tensor<1x512x16x16xf32>
  return %y : tensor<1x512x16x16xf32>
}

// CHECK-LABEL: func.func @batch_image(
//   CHECK-NOT:   scf.forall
//       CHECK:   tconv.conv_transpose {{.*}} -> tensor<1x256x16x16xf32>
func.func @batch_image(%x: tensor<1x512x8x8xf32>, %w: tensor<512x256x4x4xf32>)
    -> tensor<1x256x16x16xf32> attributes {tconv.batch_image} {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}

// The function a dynamic batch calls for a lone image runs once per call:
// nothing moves out of it, and its filter is copied chunk by chunk.
// CHECK-LABEL: func.func @single_image(
//       CHECK:   scf.forall (%{{.*}}) in (8)
//       CHECK:     tconv.conv_transpose {{.*}} -> tensor<1x32x16x16xf32>
func.func @single_image(%x: tensor<1x512x8x8xf32>, %w: tensor<512x256x4x4xf32>)
    -> tensor<1x256x16x16xf32> attributes {tconv.batch_image, tconv.batch_single_image} {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
  return %y : tensor<1x256x16x16xf32>
}
