// RUN: tconv-opt %s --tconv-convert-to-linalg=channels-last -split-input-file | FileCheck %s

// Chunks of output channels (tconv-chunk-output-channels) that the next
// layer reads: the loop fills one NWC tensor with each chunk's NWC result,
// at the chunk's channels, and one layout change follows the loop (which
// the next layer's change back then cancels), instead of one per chunk
// into an NCW tensor.

// CHECK-LABEL: func.func @chunks_feed_a_layer
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x8x16xf32>
//       CHECK:   %[[LOOP:.*]] = scf.forall (%[[I:.*]]) in (2) shared_outs(%[[O:.*]] = %[[EMPTY]]) -> (tensor<1x8x16xf32>)
//       CHECK:     %[[FIRST:.*]] = affine.apply #{{.*}}(%[[I]])
//       CHECK:     %[[CHUNK:.*]] = linalg.conv_1d_nwc_wcf {{.*}} -> tensor<1x8x8xf32>
//       CHECK:     scf.forall.in_parallel
//  CHECK-NEXT:       tensor.parallel_insert_slice %[[CHUNK]] into %[[O]][0, 0, %[[FIRST]]] [1, 8, 8] [1, 1, 1] : tensor<1x8x8xf32> into tensor<1x8x16xf32>
//       CHECK:   %[[NCW:.*]] = linalg.generic {{.*}} ins(%[[LOOP]] : tensor<1x8x16xf32>) outs(%{{.*}} : tensor<1x16x8xf32>)
//       CHECK:   linalg.generic {{.*}} ins(%[[NCW]] : tensor<1x16x8xf32>) outs(%{{.*}} : tensor<1x8x16xf32>)
func.func @chunks_feed_a_layer(%x: tensor<1x4x8xf32>, %w: tensor<16x4x1xf32>,
                               %w2: tensor<8x16x1xf32>) -> tensor<1x8x8xf32> {
  %empty = tensor.empty() : tensor<1x16x8xf32>
  %r = scf.forall (%i) in (2) shared_outs(%o = %empty) -> (tensor<1x16x8xf32>) {
    %first = affine.apply affine_map<(d0) -> (d0 * 8)>(%i)
    %wc = tensor.extract_slice %w[%first, 0, 0] [8, 4, 1] [1, 1, 1]
        : tensor<16x4x1xf32> to tensor<8x4x1xf32>
    %c = tconv.conv %x, %wc : (tensor<1x4x8xf32>, tensor<8x4x1xf32>) -> tensor<1x8x8xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %c into %o[0, %first, 0] [1, 8, 8] [1, 1, 1]
          : tensor<1x8x8xf32> into tensor<1x16x8xf32>
    }
  }
  %y = tconv.conv %r, %w2 : (tensor<1x16x8xf32>, tensor<8x16x1xf32>) -> tensor<1x8x8xf32>
  return %y : tensor<1x8x8xf32>
}

// -----

// Chunks that are the function's result: each chunk changes its own layout
// while it is in cache, inserted at its channels of the NCW result.

// CHECK-LABEL: func.func @chunks_returned
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x16x8xf32>
//       CHECK:   %[[LOOP:.*]] = scf.forall (%{{.*}}) in (2) shared_outs(%[[O:.*]] = %[[EMPTY]]) -> (tensor<1x16x8xf32>)
//       CHECK:     %[[CHUNK:.*]] = linalg.conv_1d_nwc_wcf
//       CHECK:     %[[NCW:.*]] = linalg.generic {{.*}} ins(%[[CHUNK]] : tensor<1x8x8xf32>) outs(%{{.*}} : tensor<1x8x8xf32>)
//       CHECK:     scf.forall.in_parallel
//  CHECK-NEXT:       tensor.parallel_insert_slice %[[NCW]] into %[[O]][0, %{{.*}}, 0] [1, 8, 8] [1, 1, 1]
//       CHECK:   return %[[LOOP]] : tensor<1x16x8xf32>
func.func @chunks_returned(%x: tensor<1x4x8xf32>, %w: tensor<16x4x1xf32>)
    -> tensor<1x16x8xf32> {
  %empty = tensor.empty() : tensor<1x16x8xf32>
  %r = scf.forall (%i) in (2) shared_outs(%o = %empty) -> (tensor<1x16x8xf32>) {
    %first = affine.apply affine_map<(d0) -> (d0 * 8)>(%i)
    %wc = tensor.extract_slice %w[%first, 0, 0] [8, 4, 1] [1, 1, 1]
        : tensor<16x4x1xf32> to tensor<8x4x1xf32>
    %c = tconv.conv %x, %wc : (tensor<1x4x8xf32>, tensor<8x4x1xf32>) -> tensor<1x8x8xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %c into %o[0, %first, 0] [1, 8, 8] [1, 1, 1]
          : tensor<1x8x8xf32> into tensor<1x16x8xf32>
    }
  }
  return %r : tensor<1x16x8xf32>
}
