// RUN: tconv-opt %s --tconv-convert-to-linalg=channels-last -split-input-file | FileCheck %s

// Two phases of a stride-2 transposed convolution, each inserted with a
// stride into the NCW output: both land in one NWC tensor (channels stay
// contiguous), each convolution starts from its own slice of it (written in
// place), and a single layout change produces the NCW result.

// CHECK-LABEL: func.func @two_phases
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x16x8xf32>
//       CHECK:   %[[S0:.*]] = tensor.extract_slice %[[EMPTY]][0, 0, 0] [1, 8, 8] [1, 2, 1] : tensor<1x16x8xf32> to tensor<1x8x8xf32>
//       CHECK:   %[[F0:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[S0]] : tensor<1x8x8xf32>)
//       CHECK:   %[[C0:.*]] = linalg.conv_1d_nwc_wcf {{.*}} outs(%[[F0]] : tensor<1x8x8xf32>)
//       CHECK:   %[[I0:.*]] = tensor.insert_slice %[[C0]] into %[[EMPTY]][0, 0, 0] [1, 8, 8] [1, 2, 1] : tensor<1x8x8xf32> into tensor<1x16x8xf32>
//       CHECK:   %[[S1:.*]] = tensor.extract_slice %[[I0]][0, 1, 0] [1, 8, 8] [1, 2, 1]
//       CHECK:   %[[F1:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[S1]] : tensor<1x8x8xf32>)
//       CHECK:   %[[C1:.*]] = linalg.conv_1d_nwc_wcf {{.*}} outs(%[[F1]] : tensor<1x8x8xf32>)
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %[[C1]] into %[[I0]][0, 1, 0] [1, 8, 8] [1, 2, 1] : tensor<1x8x8xf32> into tensor<1x16x8xf32>
//  CHECK-NEXT:   %[[E:.*]] = tensor.empty() : tensor<1x8x16xf32>
//  CHECK-NEXT:   %[[OUT:.*]] = linalg.generic {{.*}} ins(%[[I1]] : tensor<1x16x8xf32>) outs(%[[E]] : tensor<1x8x16xf32>)
//       CHECK:   return %[[OUT]] : tensor<1x8x16xf32>
func.func @two_phases(%x: tensor<1x4x8xf32>, %w0: tensor<8x4x1xf32>,
                      %w1: tensor<8x4x1xf32>) -> tensor<1x8x16xf32> {
  %empty = tensor.empty() : tensor<1x8x16xf32>
  %c0 = tconv.conv %x, %w0 : (tensor<1x4x8xf32>, tensor<8x4x1xf32>) -> tensor<1x8x8xf32>
  %i0 = tensor.insert_slice %c0 into %empty[0, 0, 0] [1, 8, 8] [1, 1, 2] : tensor<1x8x8xf32> into tensor<1x8x16xf32>
  %c1 = tconv.conv %x, %w1 : (tensor<1x4x8xf32>, tensor<8x4x1xf32>) -> tensor<1x8x8xf32>
  %i1 = tensor.insert_slice %c1 into %i0[0, 0, 1] [1, 8, 8] [1, 1, 2] : tensor<1x8x8xf32> into tensor<1x8x16xf32>
  return %i1 : tensor<1x8x16xf32>
}

// -----

// bf16 phases: the accumulators (f32) land in one NWC f32 tensor and the
// single layout change at the end also rounds to bf16.

// CHECK-LABEL: func.func @two_phases_bf16
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x16x8xf32>
//       CHECK:   %[[S0:.*]] = tensor.extract_slice %[[EMPTY]][0, 0, 0] [1, 8, 8] [1, 2, 1] : tensor<1x16x8xf32> to tensor<1x8x8xf32>
//       CHECK:   %[[I0:.*]] = tensor.insert_slice %{{.*}} into %[[EMPTY]][0, 0, 0] [1, 8, 8] [1, 2, 1] : tensor<1x8x8xf32> into tensor<1x16x8xf32>
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %{{.*}} into %[[I0]][0, 1, 0] [1, 8, 8] [1, 2, 1] : tensor<1x8x8xf32> into tensor<1x16x8xf32>
//  CHECK-NEXT:   %[[E:.*]] = tensor.empty() : tensor<1x8x16xbf16>
//  CHECK-NEXT:   %[[OUT:.*]] = linalg.generic {{.*}} ins(%[[I1]] : tensor<1x16x8xf32>) outs(%[[E]] : tensor<1x8x16xbf16>)
//       CHECK:     arith.truncf %{{.*}} : f32 to bf16
//       CHECK:   return %[[OUT]] : tensor<1x8x16xbf16>
func.func @two_phases_bf16(%x: tensor<1x4x8xbf16>, %w0: tensor<8x4x1xbf16>,
                           %w1: tensor<8x4x1xbf16>) -> tensor<1x8x16xbf16> {
  %empty = tensor.empty() : tensor<1x8x16xbf16>
  %c0 = tconv.conv %x, %w0 : (tensor<1x4x8xbf16>, tensor<8x4x1xbf16>) -> tensor<1x8x8xbf16>
  %i0 = tensor.insert_slice %c0 into %empty[0, 0, 0] [1, 8, 8] [1, 1, 2] : tensor<1x8x8xbf16> into tensor<1x8x16xbf16>
  %c1 = tconv.conv %x, %w1 : (tensor<1x4x8xbf16>, tensor<8x4x1xbf16>) -> tensor<1x8x8xbf16>
  %i1 = tensor.insert_slice %c1 into %i0[0, 0, 1] [1, 8, 8] [1, 1, 2] : tensor<1x8x8xbf16> into tensor<1x8x16xbf16>
  return %i1 : tensor<1x8x16xbf16>
}

// -----

// Phases without taps keep the bias: the broadcast is rebuilt channels-last
// (channel dim 3 of NHWC kept, the others broadcast).

// CHECK-LABEL: func.func @bias_dest
//  CHECK-SAME:   %[[B:[a-zA-Z0-9]+]]: tensor<8xf32>
//       CHECK:   %[[EMPTY:.*]] = tensor.empty() : tensor<1x6x6x8xf32>
//       CHECK:   %[[BIAS:.*]] = linalg.broadcast ins(%[[B]] : tensor<8xf32>) outs(%[[EMPTY]] : tensor<1x6x6x8xf32>) dimensions = [0, 1, 2]
//       CHECK:   %[[S:.*]] = tensor.extract_slice %[[BIAS]][0, 1, 0, 0] [1, 3, 3, 8] [1, 2, 2, 1]
//       CHECK:   %[[INIT:.*]] = linalg.generic {{.*}} ins(%[[B]] : tensor<8xf32>) outs(%[[S]] : tensor<1x3x3x8xf32>)
//       CHECK:   %[[C:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} outs(%[[INIT]] : tensor<1x3x3x8xf32>)
//       CHECK:   %[[I:.*]] = tensor.insert_slice %[[C]] into %[[BIAS]][0, 1, 0, 0] [1, 3, 3, 8] [1, 2, 2, 1]
//       CHECK:   %[[OUT:.*]] = linalg.generic {{.*}} ins(%[[I]] : tensor<1x6x6x8xf32>) outs(%{{.*}} : tensor<1x8x6x6xf32>)
//       CHECK:   return %[[OUT]]
func.func @bias_dest(%x: tensor<1x4x3x3xf32>, %w: tensor<8x4x1x1xf32>,
                     %b: tensor<8xf32>) -> tensor<1x8x6x6xf32> {
  %empty = tensor.empty() : tensor<1x8x6x6xf32>
  %bias = linalg.broadcast ins(%b : tensor<8xf32>) outs(%empty : tensor<1x8x6x6xf32>) dimensions = [0, 2, 3]
  %c = tconv.conv %x, %w, %b : (tensor<1x4x3x3xf32>, tensor<8x4x1x1xf32>, tensor<8xf32>) -> tensor<1x8x3x3xf32>
  %i = tensor.insert_slice %c into %bias[0, 0, 1, 0] [1, 8, 3, 3] [1, 1, 2, 2] : tensor<1x8x3x3xf32> into tensor<1x8x6x6xf32>
  return %i : tensor<1x8x6x6xf32>
}

// -----

// A dest that would need its own pass over memory is left alone: the
// relayout stays before the insert.

// CHECK-LABEL: func.func @costly_dest
//  CHECK-SAME:   %[[D:[a-zA-Z0-9]+]]: tensor<1x8x8xf32>
//       CHECK:   %[[T:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x8x4xf32>)
//       CHECK:   %[[I:.*]] = tensor.insert_slice %[[T]] into %[[D]][0, 0, 0] [1, 8, 4] [1, 1, 2] : tensor<1x8x4xf32> into tensor<1x8x8xf32>
//       CHECK:   return %[[I]]
func.func @costly_dest(%x: tensor<1x4x4xf32>, %w: tensor<8x4x1xf32>,
                       %d: tensor<1x8x8xf32>) -> tensor<1x8x8xf32> {
  %c = tconv.conv %x, %w : (tensor<1x4x4xf32>, tensor<8x4x1xf32>) -> tensor<1x8x4xf32>
  %i = tensor.insert_slice %c into %d[0, 0, 0] [1, 8, 4] [1, 1, 2] : tensor<1x8x4xf32> into tensor<1x8x8xf32>
  return %i : tensor<1x8x8xf32>
}

// -----

// Phases pad the same input on different sides: one pad by the largest
// sides, each convolution reads a window of it.

// CHECK-LABEL: func.func @shared_pad
//       CHECK:   %[[X:.*]] = linalg.generic {{.*}} outs(%{{.*}} : tensor<1x8x4xf32>)
//       CHECK:   %[[PAD:.*]] = tensor.pad %[[X]] low[0, 1, 0] high[0, 1, 0]
//       CHECK:   } : tensor<1x8x4xf32> to tensor<1x10x4xf32>
//   CHECK-NOT:   tensor.pad
//       CHECK:   %[[W0:.*]] = tensor.extract_slice %[[PAD]][0, 0, 0] [1, 9, 4] [1, 1, 1]
//       CHECK:   linalg.conv_1d_nwc_wcf {{.*}} ins(%[[W0]], %{{.*}} : tensor<1x9x4xf32>, tensor<2x4x8xf32>)
//       CHECK:   %[[W1:.*]] = tensor.extract_slice %[[PAD]][0, 1, 0] [1, 9, 4] [1, 1, 1]
//       CHECK:   linalg.conv_1d_nwc_wcf {{.*}} ins(%[[W1]], %{{.*}} : tensor<1x9x4xf32>, tensor<2x4x8xf32>)
func.func @shared_pad(%x: tensor<1x4x8xf32>, %w0: tensor<8x4x2xf32>,
                      %w1: tensor<8x4x2xf32>) -> tensor<1x8x16xf32> {
  %empty = tensor.empty() : tensor<1x8x16xf32>
  %c0 = tconv.conv %x, %w0 pads = [1, 0] : (tensor<1x4x8xf32>, tensor<8x4x2xf32>) -> tensor<1x8x8xf32>
  %i0 = tensor.insert_slice %c0 into %empty[0, 0, 0] [1, 8, 8] [1, 1, 2] : tensor<1x8x8xf32> into tensor<1x8x16xf32>
  %c1 = tconv.conv %x, %w1 pads = [0, 1] : (tensor<1x4x8xf32>, tensor<8x4x2xf32>) -> tensor<1x8x8xf32>
  %i1 = tensor.insert_slice %c1 into %i0[0, 0, 1] [1, 8, 8] [1, 1, 2] : tensor<1x8x8xf32> into tensor<1x8x16xf32>
  return %i1 : tensor<1x8x16xf32>
}
