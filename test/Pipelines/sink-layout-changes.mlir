// RUN: tconv-opt %s --tconv-sink-layout-changes -split-input-file \
// RUN:   --mlir-print-local-scope | FileCheck %s

// Two phases of a stride-2 transposed convolution, computed channels-last
// (f32 accumulators) and changed back to NCHW f16: assembled channels-last
// with strided inserts (the channel dim contiguous), each convolution
// accumulating into its own slice of the assembled tensor, then one layout
// change (with the truncation) of the whole.

// CHECK-LABEL: func.func @phases
//  CHECK-SAME:     (%[[X:.*]]: tensor<1x4x4x3xf32>, %[[W:.*]]: tensor<1x1x3x8xf32>)
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<1x8x4x8xf32>
//       CHECK:   %[[S0:.*]] = tensor.extract_slice %[[E]][0, 0, 0, 0] [1, 4, 4, 8] [1, 2, 1, 1] : tensor<1x8x4x8xf32> to tensor<1x4x4x8xf32>
//       CHECK:   %[[Z0:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[S0]] : tensor<1x4x4x8xf32>)
//       CHECK:   %[[C0:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} outs(%[[Z0]] : tensor<1x4x4x8xf32>)
//       CHECK:   %[[I0:.*]] = tensor.insert_slice %[[C0]] into %[[E]][0, 0, 0, 0] [1, 4, 4, 8] [1, 2, 1, 1] : tensor<1x4x4x8xf32> into tensor<1x8x4x8xf32>
//       CHECK:   %[[S1:.*]] = tensor.extract_slice %[[I0]][0, 1, 0, 0] [1, 4, 4, 8] [1, 2, 1, 1]
//       CHECK:   %[[Z1:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[S1]] : tensor<1x4x4x8xf32>)
//       CHECK:   %[[C1:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} outs(%[[Z1]] : tensor<1x4x4x8xf32>)
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %[[C1]] into %[[I0]][0, 1, 0, 0] [1, 4, 4, 8] [1, 2, 1, 1]
//       CHECK:   %[[Y:.*]] = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d2, d3, d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>]
//  CHECK-SAME:       ins(%[[I1]] : tensor<1x8x4x8xf32>) outs(%{{.*}} : tensor<1x8x8x4xf16>)
//       CHECK:     arith.truncf
//   CHECK-NOT:   linalg.generic
//       CHECK:   return %[[Y]]
func.func @phases(%x: tensor<1x4x4x3xf32>, %w: tensor<1x1x3x8xf32>) -> tensor<1x8x8x4xf16> {
  %zero = arith.constant 0.0 : f32
  %out = tensor.empty() : tensor<1x8x8x4xf16>
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %e16 = tensor.empty() : tensor<1x8x4x4xf16>
  %c0 = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<1x4x4x3xf32>, tensor<1x1x3x8xf32>)
      outs(%z : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %t0 = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, h, w, c)>, affine_map<(n, c, h, w) -> (n, c, h, w)>],
                        iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c0 : tensor<1x4x4x8xf32>) outs(%e16 : tensor<1x8x4x4xf16>) {
  ^bb0(%in: f32, %o: f16):
    %t = arith.truncf %in : f32 to f16
    linalg.yield %t : f16
  } -> tensor<1x8x4x4xf16>
  %i0 = tensor.insert_slice %t0 into %out[0, 0, 0, 0] [1, 8, 4, 4] [1, 1, 2, 1] : tensor<1x8x4x4xf16> into tensor<1x8x8x4xf16>
  %c1 = linalg.conv_2d_nhwc_hwcf ins(%x, %w : tensor<1x4x4x3xf32>, tensor<1x1x3x8xf32>)
      outs(%z : tensor<1x4x4x8xf32>) -> tensor<1x4x4x8xf32>
  %t1 = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, h, w, c)>, affine_map<(n, c, h, w) -> (n, c, h, w)>],
                        iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%c1 : tensor<1x4x4x8xf32>) outs(%e16 : tensor<1x8x4x4xf16>) {
  ^bb0(%in: f32, %o: f16):
    %t = arith.truncf %in : f32 to f16
    linalg.yield %t : f16
  } -> tensor<1x8x4x4xf16>
  %i1 = tensor.insert_slice %t1 into %i0[0, 0, 1, 0] [1, 8, 4, 4] [1, 1, 2, 1] : tensor<1x8x4x4xf16> into tensor<1x8x8x4xf16>
  return %i1 : tensor<1x8x8x4xf16>
}

// -----

// Left alone: the inserts start from a fill (phases without taps keep the
// bias), and a chain whose sources change layout differently.

// CHECK-LABEL: func.func @unchanged
//   CHECK-COUNT-2: linalg.generic
//   CHECK-COUNT-2: tensor.insert_slice
//       CHECK:   linalg.generic
//       CHECK:   tensor.insert_slice
//       CHECK:   linalg.generic
//       CHECK:   tensor.insert_slice
func.func @unchanged(%a: tensor<2x3xf32>, %b: tensor<3x2xf32>) -> (tensor<3x4xf32>, tensor<3x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x4xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e : tensor<3x4xf32>) -> tensor<3x4xf32>
  %e2 = tensor.empty() : tensor<3x2xf32>
  %ta = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<2x3xf32>) outs(%e2 : tensor<3x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<3x2xf32>
  %tb = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<2x3xf32>) outs(%e2 : tensor<3x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<3x2xf32>
  %0 = tensor.insert_slice %ta into %f[0, 0] [3, 2] [1, 2] : tensor<3x2xf32> into tensor<3x4xf32>
  %1 = tensor.insert_slice %tb into %0[0, 1] [3, 2] [1, 2] : tensor<3x2xf32> into tensor<3x4xf32>
  %tc = linalg.generic {indexing_maps = [affine_map<(i, j) -> (j, i)>, affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}
      ins(%a : tensor<2x3xf32>) outs(%e2 : tensor<3x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<3x2xf32>
  %2 = tensor.insert_slice %tc into %e[0, 0] [3, 2] [1, 2] : tensor<3x2xf32> into tensor<3x4xf32>
  %td = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>],
                        iterator_types = ["parallel", "parallel"]}
      ins(%b : tensor<3x2xf32>) outs(%e2 : tensor<3x2xf32>) {
  ^bb0(%in: f32, %o: f32):
    linalg.yield %in : f32
  } -> tensor<3x2xf32>
  %3 = tensor.insert_slice %td into %2[0, 1] [3, 2] [1, 2] : tensor<3x2xf32> into tensor<3x4xf32>
  return %1, %3 : tensor<3x4xf32>, tensor<3x4xf32>
}
