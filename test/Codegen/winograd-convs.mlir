// RUN: tconv-opt %s -split-input-file --tconv-winograd-convs --canonicalize --cse | FileCheck %s

// F(2x2, 3x3), stage by stage: U (16 x 128 x 128 floats, 1 MiB) and a
// block's V and M do not fit in half of L2 together (winogradFusedRows).
// The 16 filter transforms in an scf.forall over the input channels, each
// iteration writing its channel of every entry; the 16 input transforms of
// the 4x4 patches at stride 2 in an scf.forall over the tile rows, each
// iteration reading the 4 input rows under its tiles and writing its row of
// V for every entry; the 16 products as one 1x1 convolution in an
// scf.forall over (image, block of tile rows, product), a block's 2 rows of
// 8 tiles as one row of 16 (the schedule without winograd_tile; a single
// image's dim folds away); and the 4 output transforms, one per position of
// the 2x2 block, in an scf.forall over the tile rows, each writing its 2
// output rows at stride 2. The zero fill of the convolution's init is
// dropped: the outputs overwrite its destination.

// CHECK-DAG: #[[D00:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (0, 0, d2 * 2, d3)>
// CHECK-DAG: #[[D02:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (0, 0, d2 * 2 + 2, d3)>
// CHECK-DAG: #[[D20:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (0, 2, d2 * 2, d3)>
// CHECK-DAG: #[[D22:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (0, 2, d2 * 2 + 2, d3)>
// CHECK-LABEL: func.func @staged(
//  CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<1x18x18x128xf32>, %[[W:[a-z0-9]+]]: tensor<3x3x128x128xf32>)
//   CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<1x16x16x128xf32>
//       CHECK: %[[UA:.*]] = bufferization.alloc_tensor() : tensor<16x1x1x128x128xf32>
//       CHECK: %[[U:.*]] = scf.forall (%[[CU:.*]]) in (128) shared_outs(%[[UALL:.*]] = %[[UA]])
//       CHECK: %[[TAPS:.*]] = tensor.extract_slice %[[W]][0, 0, %[[CU]], 0] [3, 3, 1, 128] [1, 1, 1, 1]
//       CHECK: %[[UROW:.*]] = tensor.extract_slice %[[UALL]][0, 0, 0, %[[CU]], 0] [16, 1, 1, 1, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[U00:.*]] = tensor.extract_slice %[[UROW]][0, 0, 0, 0, 0] [1, 1, 1, 1, 128] [1, 1, 1, 1, 1]
//       CHECK: linalg.generic {{.*}} ins(%[[TAPS]] : tensor<3x3x1x128xf32>) outs(%[[U00]] : tensor<1x1x1x128xf32>)
//  CHECK-COUNT-15: linalg.generic {{.*}} ins(%[[TAPS]]
//       CHECK: tensor.parallel_insert_slice %{{.*}} into %[[UALL]][0, 0, 0, %[[CU]], 0] [16, 1, 1, 1, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[VA:.*]] = bufferization.alloc_tensor() : tensor<16x1x8x8x128xf32>
//       CHECK: %[[V:.*]] = scf.forall (%[[TYV:.*]]) in (8) shared_outs(%[[VALL:.*]] = %[[VA]])
//       CHECK: %[[VROW:.*]] = tensor.extract_slice %[[VALL]][0, 0, %[[TYV]], 0, 0] [16, 1, 1, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[Y0:.*]] = arith.muli %[[TYV]], %[[C2]]
//       CHECK: %[[ROWS:.*]] = tensor.extract_slice %[[X]][0, %[[Y0]], 0, 0] [1, 4, 18, 128] [1, 1, 1, 1]
//       CHECK: %[[V00:.*]] = tensor.extract_slice %[[VROW]][0, 0, 0, 0, 0] [1, 1, 1, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: linalg.generic {indexing_maps = [#[[D00]], #[[D02]], #[[D20]], #[[D22]], #{{map[0-9]*}}]{{.*}} ins(%[[ROWS]], %[[ROWS]], %[[ROWS]], %[[ROWS]] : {{.*}}) outs(%[[V00]] : tensor<1x1x8x128xf32>)
//  CHECK-NEXT: ^bb0(%[[A:[a-z0-9_]+]]: f32, %[[B:[a-z0-9_]+]]: f32, %[[C:[a-z0-9_]+]]: f32, %[[D:[a-z0-9_]+]]: f32, %{{.*}}: f32):
//  CHECK-NEXT: %[[S1:.*]] = arith.subf %[[A]], %[[B]]
//  CHECK-NEXT: %[[S2:.*]] = arith.subf %[[S1]], %[[C]]
//  CHECK-NEXT: %[[S3:.*]] = arith.addf %[[S2]], %[[D]]
//  CHECK-NEXT: linalg.yield %[[S3]]
//  CHECK-COUNT-15: linalg.generic {{.*}} ins(%[[ROWS]], %[[ROWS]], %[[ROWS]], %[[ROWS]] :
//       CHECK: %[[VDONE:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[15, 0, 0, 0, 0] [1, 1, 1, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: tensor.parallel_insert_slice %[[VDONE]] into %[[VALL]][0, 0, %[[TYV]], 0, 0] [16, 1, 1, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[MA:.*]] = bufferization.alloc_tensor() : tensor<16x1x8x8x128xf32>
//       CHECK: %[[M:.*]] = scf.forall (%[[B:.*]], %[[K:.*]]) in (4, 16) shared_outs(%[[ALL:.*]] = %[[MA]])
//       CHECK: %[[B0:.*]] = arith.muli %[[B]], %[[C2]]
//       CHECK: %[[MK:.*]] = tensor.extract_slice %[[ALL]][%[[K]], 0, %[[B0]], 0, 0] [1, 1, 2, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[MROWK:.*]] = tensor.collapse_shape %[[MK]] {{\[}}[0], [1], [2, 3], [4]] : tensor<1x1x2x8x128xf32> into tensor<1x1x16x128xf32>
//       CHECK: %[[VK:.*]] = tensor.extract_slice %[[V]][%[[K]], 0, %[[B0]], 0, 0] [1, 1, 2, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[VROWK:.*]] = tensor.collapse_shape %[[VK]] {{\[}}[0], [1], [2, 3], [4]] : tensor<1x1x2x8x128xf32> into tensor<1x1x16x128xf32>
//       CHECK: %[[UK:.*]] = tensor.extract_slice %[[U]][%[[K]], 0, 0, 0, 0] [1, 1, 1, 128, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[MROWK]] : tensor<1x1x16x128xf32>)
//       CHECK: %[[P:.*]] = linalg.conv_2d_nhwc_hwcf {{{.*}}tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}} ins(%[[VROWK]], %[[UK]] : tensor<1x1x16x128xf32>, tensor<1x1x128x128xf32>) outs(%[[Z]] : tensor<1x1x16x128xf32>)
//       CHECK: %[[PROWS:.*]] = tensor.expand_shape %[[P]] {{\[}}[0], [1], [2, 3], [4]] output_shape [1, 1, 2, 8, 128]
//       CHECK: tensor.parallel_insert_slice %[[PROWS]] into %[[ALL]][%[[K]], 0, %[[B0]], 0, 0] [1, 1, 2, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[Y:.*]] = scf.forall (%[[TYO:.*]]) in (8) shared_outs(%[[OUT:.*]] = %[[E]])
//       CHECK: %[[MROW:.*]] = tensor.extract_slice %[[M]][0, 0, %[[TYO]], 0, 0] [16, 1, 1, 8, 128] [1, 1, 1, 1, 1]
//       CHECK: %[[R0:.*]] = arith.muli %[[TYO]], %[[C2]]
//       CHECK: %[[OROWS:.*]] = tensor.extract_slice %[[OUT]][0, %[[R0]], 0, 0] [1, 2, 16, 128] [1, 1, 1, 1]
//       CHECK: %[[Y00:.*]] = tensor.extract_slice %[[OROWS]][0, 0, 0, 0] [1, 1, 8, 128] [1, 1, 2, 1]
//       CHECK: %[[R00:.*]] = linalg.generic {{.*}} ins(%[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]] : {{.*}}) outs(%[[Y00]] : tensor<1x1x8x128xf32>)
//       CHECK: %[[I00:.*]] = tensor.insert_slice %[[R00]] into %[[OROWS]][0, 0, 0, 0] [1, 1, 8, 128] [1, 1, 2, 1]
//       CHECK: %[[I01:.*]] = tensor.insert_slice %{{.*}} into %[[I00]][0, 0, 1, 0] [1, 1, 8, 128] [1, 1, 2, 1]
//       CHECK: %[[I10:.*]] = tensor.insert_slice %{{.*}} into %[[I01]][0, 1, 0, 0] [1, 1, 8, 128] [1, 1, 2, 1]
//       CHECK: %[[I11:.*]] = tensor.insert_slice %{{.*}} into %[[I10]][0, 1, 1, 0] [1, 1, 8, 128] [1, 1, 2, 1]
//       CHECK: tensor.parallel_insert_slice %[[I11]] into %[[OUT]][0, %[[R0]], 0, 0] [1, 2, 16, 128] [1, 1, 1, 1]
//       CHECK: return %[[Y]]
func.func @staged(%x: tensor<1x18x18x128xf32>, %w: tensor<3x3x128x128xf32>) -> tensor<1x16x16x128xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x16x128xf32>
  %i = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x16x128xf32>) -> tensor<1x16x16x128xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x18x18x128xf32>, tensor<3x3x128x128xf32>) outs(%i : tensor<1x16x16x128xf32>) -> tensor<1x16x16x128xf32>
  return %y : tensor<1x16x16x128xf32>
}

// -----

// F(2x2, 3x3) block by block: U (16 x 16 x 32 floats) and a block's V and
// M fit in half of L2. After the filter transforms (as above), one
// scf.forall over the blocks of 2 tile rows (16 tiles, the products' row)
// does all of a block: its V (a fresh tensor, in each thread's stack after
// bufferization) a tile row at a time, the 16 products one after the other
// in an scf.for, and the 4 output rows from its M. Nothing of the whole
// image but the output is materialized.

// CHECK-LABEL: func.func @fused(
//  CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<1x18x18x16xf32>, %[[W:[a-z0-9]+]]: tensor<3x3x16x32xf32>)
//   CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
//   CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
//   CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
//   CHECK-DAG: %[[C16:.*]] = arith.constant 16 : index
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<1x16x16x32xf32>
//       CHECK: %[[U:.*]] = scf.forall (%{{.*}}) in (16) shared_outs(%{{.*}}) -> (tensor<16x1x1x16x32xf32>)
//       CHECK: %[[Y:.*]] = scf.forall (%[[B:.*]]) in (4) shared_outs(%[[OUT:.*]] = %[[E]])
//       CHECK: %[[T0:.*]] = arith.muli %[[B]], %[[C2]]
//       CHECK: %[[VA:.*]] = bufferization.alloc_tensor() : tensor<16x1x2x8x16xf32>
//       CHECK: %[[V0:.*]] = tensor.extract_slice %[[VA]][0, 0, 0, 0, 0] [16, 1, 1, 8, 16] [1, 1, 1, 1, 1]
//       CHECK: %[[R0:.*]] = arith.muli %[[B]], %[[C4]]
//       CHECK: %[[ROWS0:.*]] = tensor.extract_slice %[[X]][0, %[[R0]], 0, 0] [1, 4, 18, 16] [1, 1, 1, 1]
//       CHECK: linalg.generic {{.*}} ins(%[[ROWS0]], %[[ROWS0]], %[[ROWS0]], %[[ROWS0]] : {{.*}}) outs(%{{.*}} : tensor<1x1x8x16xf32>)
//  CHECK-COUNT-15: linalg.generic {{.*}} ins(%[[ROWS0]], %[[ROWS0]], %[[ROWS0]], %[[ROWS0]] :
//       CHECK: %[[VH:.*]] = tensor.insert_slice %{{.*}} into %[[VA]][0, 0, 0, 0, 0] [16, 1, 1, 8, 16] [1, 1, 1, 1, 1]
//       CHECK: %[[T1:.*]] = arith.addi %[[T0]], %[[C1]]
//       CHECK: %[[R1:.*]] = arith.muli %[[T1]], %[[C2]]
//       CHECK: %[[ROWS1:.*]] = tensor.extract_slice %[[X]][0, %[[R1]], 0, 0] [1, 4, 18, 16] [1, 1, 1, 1]
//  CHECK-COUNT-16: linalg.generic {{.*}} ins(%[[ROWS1]], %[[ROWS1]], %[[ROWS1]], %[[ROWS1]] :
//       CHECK: %[[V:.*]] = tensor.insert_slice %{{.*}} into %[[VH]][0, 0, 1, 0, 0] [16, 1, 1, 8, 16] [1, 1, 1, 1, 1]
//       CHECK: %[[MA:.*]] = bufferization.alloc_tensor() : tensor<16x1x2x8x32xf32>
//       CHECK: %[[M:.*]] = scf.for %[[K:.*]] = %{{.*}} to %[[C16]] step %[[C1]] iter_args(%[[MALL:.*]] = %[[MA]])
//       CHECK: %[[MK:.*]] = tensor.extract_slice %[[MALL]][%[[K]], 0, 0, 0, 0] [1, 1, 2, 8, 32] [1, 1, 1, 1, 1]
//       CHECK: %[[MROWK:.*]] = tensor.collapse_shape %[[MK]] {{\[}}[0], [1], [2, 3], [4]] : tensor<1x1x2x8x32xf32> into tensor<1x1x16x32xf32>
//       CHECK: %[[VK:.*]] = tensor.extract_slice %[[V]][%[[K]], 0, 0, 0, 0] [1, 1, 2, 8, 16] [1, 1, 1, 1, 1]
//       CHECK: %[[VROWK:.*]] = tensor.collapse_shape %[[VK]] {{\[}}[0], [1], [2, 3], [4]] : tensor<1x1x2x8x16xf32> into tensor<1x1x16x16xf32>
//       CHECK: %[[UK:.*]] = tensor.extract_slice %[[U]][%[[K]], 0, 0, 0, 0] [1, 1, 1, 16, 32] [1, 1, 1, 1, 1]
//       CHECK: %[[Z:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[MROWK]] : tensor<1x1x16x32xf32>)
//       CHECK: %[[P:.*]] = linalg.conv_2d_nhwc_hwcf {{{.*}}tconv.schedule = {c_tile = 1 : i64, f_tile = 32 : i64, kind = "channels-last", kw_tile = 1 : i64, ow_tile = 4 : i64, vector_width = 16 : i64}} ins(%[[VROWK]], %[[UK]] : tensor<1x1x16x16xf32>, tensor<1x1x16x32xf32>) outs(%[[Z]] : tensor<1x1x16x32xf32>)
//       CHECK: %[[PROWS:.*]] = tensor.expand_shape %[[P]] {{\[}}[0], [1], [2, 3], [4]] output_shape [1, 1, 2, 8, 32]
//       CHECK: %[[MNEXT:.*]] = tensor.insert_slice %[[PROWS]] into %[[MALL]][%[[K]], 0, 0, 0, 0] [1, 1, 2, 8, 32] [1, 1, 1, 1, 1]
//       CHECK: scf.yield %[[MNEXT]]
//       CHECK: %[[OROWS:.*]] = tensor.extract_slice %[[OUT]][0, %[[R0]], 0, 0] [1, 4, 16, 32] [1, 1, 1, 1]
//       CHECK: %[[OROW0:.*]] = tensor.extract_slice %[[OROWS]][0, 0, 0, 0] [1, 2, 16, 32] [1, 1, 1, 1]
//       CHECK: %[[MROW0:.*]] = tensor.extract_slice %[[M]][0, 0, 0, 0, 0] [16, 1, 1, 8, 32] [1, 1, 1, 1, 1]
//       CHECK: %[[Y00:.*]] = tensor.extract_slice %[[OROW0]][0, 0, 0, 0] [1, 1, 8, 32] [1, 1, 2, 1]
//       CHECK: linalg.generic {{.*}} ins(%[[MROW0]], %[[MROW0]], %[[MROW0]], %[[MROW0]], %[[MROW0]], %[[MROW0]], %[[MROW0]], %[[MROW0]], %[[MROW0]] : {{.*}}) outs(%[[Y00]] : tensor<1x1x8x32xf32>)
//  CHECK-COUNT-3: linalg.generic {{.*}} ins(%[[MROW0]],
//       CHECK: %[[O0:.*]] = tensor.insert_slice %{{.*}} into %[[OROWS]][0, 0, 0, 0] [1, 2, 16, 32] [1, 1, 1, 1]
//       CHECK: %[[MROW1:.*]] = tensor.extract_slice %[[M]][0, 0, 1, 0, 0] [16, 1, 1, 8, 32] [1, 1, 1, 1, 1]
//  CHECK-COUNT-4: linalg.generic {{.*}} ins(%[[MROW1]],
//       CHECK: %[[O1:.*]] = tensor.insert_slice %{{.*}} into %[[O0]][0, 2, 0, 0] [1, 2, 16, 32] [1, 1, 1, 1]
//       CHECK: tensor.parallel_insert_slice %[[O1]] into %[[OUT]][0, %[[R0]], 0, 0] [1, 4, 16, 32] [1, 1, 1, 1]
//       CHECK: return %[[Y]]
func.func @fused(%x: tensor<1x18x18x16xf32>, %w: tensor<3x3x16x32xf32>) -> tensor<1x16x16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x16x32xf32>
  %i = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x18x18x16xf32>, tensor<3x3x16x32xf32>) outs(%i : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  return %y : tensor<1x16x16x32xf32>
}

// -----

// F(2x2, 2x2) (the phases of a stride-2 4x4 transposed convolution): 9
// products; an initial value that is a tensor (a bias) is accumulated in
// place: each output transform adds to the element it overwrites.

// CHECK-LABEL: func.func @f2x2_bias(
//  CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<1x5x5x16xf32>, %[[W:[a-z0-9]+]]: tensor<2x2x16x32xf32>, %[[I:[a-z0-9]+]]: tensor<1x4x4x32xf32>)
//       CHECK: bufferization.alloc_tensor() : tensor<9x1x1x16x32xf32>
//       CHECK: scf.forall (%{{.*}}) in (16)
//       CHECK: %[[TAPS:.*]] = tensor.extract_slice %[[W]]
//  CHECK-COUNT-9: linalg.generic {{.*}} ins(%[[TAPS]]
//       CHECK: bufferization.alloc_tensor() : tensor<9x1x2x2x16xf32>
//       CHECK: scf.forall (%{{.*}}) in (2)
//       CHECK: %[[ROWS:.*]] = tensor.extract_slice %[[X]][0, %{{.*}}, 0, 0] [1, 3, 5, 16] [1, 1, 1, 1]
//  CHECK-COUNT-9: linalg.generic {{.*}} ins(%[[ROWS]]
//       CHECK: %[[M:.*]] = scf.forall (%{{.*}}) in (9)
//       CHECK: scf.forall (%[[TY:.*]]) in (2) shared_outs(%[[OUT:.*]] = %[[I]])
//       CHECK: %[[MROW:.*]] = tensor.extract_slice %[[M]][0, 0, %[[TY]], 0, 0] [9, 1, 1, 2, 32] [1, 1, 1, 1, 1]
//       CHECK: %[[OROWS:.*]] = tensor.extract_slice %[[OUT]][0, %{{.*}}, 0, 0] [1, 2, 4, 32] [1, 1, 1, 1]
//       CHECK: %[[S:.*]] = tensor.extract_slice %[[OROWS]][0, 0, 0, 0] [1, 1, 2, 32] [1, 1, 2, 1]
//       CHECK: linalg.generic {{.*}} ins(%[[MROW]], %[[MROW]], %[[MROW]], %[[MROW]] : {{.*}}) outs(%[[S]] : tensor<1x1x2x32xf32>)
//  CHECK-NEXT: ^bb0(%[[A:[a-z0-9_]+]]: f32, %{{[a-z0-9_]+}}: f32, %{{[a-z0-9_]+}}: f32, %{{[a-z0-9_]+}}: f32, %[[ACC:[a-z0-9_]+]]: f32):
//  CHECK-NEXT: arith.addf %[[ACC]], %[[A]]
//       CHECK: tensor.insert_slice %{{.*}} into %[[OROWS]][0, 0, 0, 0] [1, 1, 2, 32] [1, 1, 2, 1]
func.func @f2x2_bias(%x: tensor<1x5x5x16xf32>, %w: tensor<2x2x16x32xf32>, %i: tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x5x5x16xf32>, tensor<2x2x16x32xf32>) outs(%i : tensor<1x4x4x32xf32>) -> tensor<1x4x4x32xf32>
  return %y : tensor<1x4x4x32xf32>
}

// -----

// A bias broadcast along the channels as the initial value: each output
// transform adds the bias, read as F values (map (d3)), and writes the
// broadcast's destination; the broadcast itself is not computed.

//   CHECK-DAG: #[[CH:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func.func @bias_broadcast(
//  CHECK-SAME: %{{[a-z0-9]+}}: tensor<1x18x18x16xf32>, %{{[a-z0-9]+}}: tensor<3x3x16x32xf32>, %[[B:[a-z0-9]+]]: tensor<32xf32>)
//       CHECK: %[[E:.*]] = tensor.empty() : tensor<1x16x16x32xf32>
//   CHECK-NOT: ins(%[[B]] : tensor<32xf32>) outs(%[[E]]
//       CHECK: scf.forall (%{{.*}}) in (4) shared_outs(%{{.*}} = %[[E]])
//       CHECK: linalg.generic {indexing_maps = [{{.*}}, #[[CH]], #{{map[0-9]*}}]{{.*}} ins({{.*}}, %[[B]] : {{.*}}, tensor<32xf32>) outs(%{{.*}} : tensor<1x1x8x32xf32>)
//  CHECK-NEXT: ^bb0(%[[M0:[a-z0-9_]+]]: f32, {{.*}}, %[[BIAS:[a-z0-9_]+]]: f32, %{{[a-z0-9_]+}}: f32):
//  CHECK-NEXT: arith.addf %[[M0]],
//  CHECK-COUNT-7: arith.addf
//  CHECK-NEXT: %[[SUM:.*]] = arith.addf %{{.*}}, %[[BIAS]]
//  CHECK-NEXT: linalg.yield %[[SUM]]
func.func @bias_broadcast(%x: tensor<1x18x18x16xf32>, %w: tensor<3x3x16x32xf32>, %b: tensor<32xf32>) -> tensor<1x16x16x32xf32> {
  %e = tensor.empty() : tensor<1x16x16x32xf32>
  %i = linalg.generic {indexing_maps = [affine_map<(n, h, w, f) -> (f)>, affine_map<(n, h, w, f) -> (n, h, w, f)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%b : tensor<32xf32>) outs(%e : tensor<1x16x16x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<1x16x16x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x18x18x16xf32>, tensor<3x3x16x32xf32>) outs(%i : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  return %y : tensor<1x16x16x32xf32>
}

// -----

// A constant filter is transformed at compile time: U = G g GT for
// g = [[1, 2, 3], [4, 5, 6], [7, 8, 9]] (numpy: G @ g @ G.T), row by row.

// CHECK-LABEL: func.func @constant_filter(
//       CHECK: %[[U:.*]] = arith.constant dense<{{.*}}1.000000e+00{{.*}}3.000000e+00{{.*}}1.000000e+00{{.*}}3.000000e+00{{.*}}6.000000e+00{{.*}}1.125000e+01{{.*}}3.750000e+00{{.*}}9.000000e+00{{.*}}2.000000e+00{{.*}}3.750000e+00{{.*}}1.250000e+00{{.*}}3.000000e+00{{.*}}7.000000e+00{{.*}}1.200000e+01{{.*}}4.000000e+00{{.*}}9.000000e+00{{.*}}> : tensor<16x1x1x1x1xf32>
//   CHECK-NOT: linalg.generic {{.*}} ins({{.*}} : tensor<3x3x1x1xf32>
//       CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(
//       CHECK: tensor.extract_slice %[[U]][%[[K]], 0, 0, 0, 0] [1, 1, 1, 1, 1]
func.func @constant_filter(%x: tensor<1x6x6x1xf32>) -> tensor<1x4x4x1xf32> {
  %w = arith.constant dense<[[[[1.0]], [[2.0]], [[3.0]]], [[[4.0]], [[5.0]], [[6.0]]], [[[7.0]], [[8.0]], [[9.0]]]]> : tensor<3x3x1x1xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x1xf32>
  %i = linalg.fill ins(%zero : f32) outs(%e : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<1x6x6x1xf32>, tensor<3x3x1x1xf32>) outs(%i : tensor<1x4x4x1xf32>) -> tensor<1x4x4x1xf32>
  return %y : tensor<1x4x4x1xf32>
}

// -----

// 4 images whose transformed inputs and products (33 MB) would not stay in
// cache: stage by stage (U of 256 x 256 channels outgrows half of L2), the
// filter is transformed once, then a loop computes one image at a time. A
// non-zero fill becomes a scalar each output transform adds.

// CHECK-LABEL: func.func @per_image(
//  CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<4x34x34x256xf32>, %[[W:[a-z0-9]+]]: tensor<3x3x256x256xf32>)
//   CHECK-DAG: %[[HALF:.*]] = arith.constant 5.000000e-01 : f32
//       CHECK: %[[TAPS:.*]] = tensor.extract_slice %[[W]]
//  CHECK-COUNT-16: linalg.generic {{.*}} ins(%[[TAPS]]
//       CHECK: %[[R:.*]] = scf.for %[[N:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %{{.*}}) -> (tensor<4x32x32x256xf32>)
//       CHECK: %[[IMG:.*]] = tensor.extract_slice %[[X]][%[[N]], 0, 0, 0] [1, 34, 34, 256] [1, 1, 1, 1]
//       CHECK: scf.forall (%{{.*}}) in (16)
//       CHECK: %[[ROWS:.*]] = tensor.extract_slice %[[IMG]][0, %{{.*}}, 0, 0] [1, 4, 34, 256] [1, 1, 1, 1]
//       CHECK: linalg.generic {{.*}} ins(%[[ROWS]], %[[ROWS]], %[[ROWS]], %[[ROWS]] :
//       CHECK: scf.forall (%{{.*}}, %{{.*}}) in (16, 16)
//       CHECK: ^bb0(
//  CHECK-NEXT: arith.addf %{{.*}}, %[[HALF]]
//       CHECK: tensor.insert_slice %{{.*}} into %[[ACC]][%[[N]], 0, 0, 0] [1, 32, 32, 256] [1, 1, 1, 1]
//       CHECK: return %[[R]]
func.func @per_image(%x: tensor<4x34x34x256xf32>, %w: tensor<3x3x256x256xf32>) -> tensor<4x32x32x256xf32> {
  %half = arith.constant 0.5 : f32
  %e = tensor.empty() : tensor<4x32x32x256xf32>
  %i = linalg.fill ins(%half : f32) outs(%e : tensor<4x32x32x256xf32>) -> tensor<4x32x32x256xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 14, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<4x34x34x256xf32>, tensor<3x3x256x256xf32>) outs(%i : tensor<4x32x32x256xf32>) -> tensor<4x32x32x256xf32>
  return %y : tensor<4x32x32x256xf32>
}

// -----

// A batch of small images, block by block: one scf.forall over (image,
// block of 2 tile rows), no loop over the images.

// CHECK-LABEL: func.func @whole_batch(
//   CHECK-NOT: -> (tensor<2x16x16x16xf32>) {
//       CHECK: scf.forall (%{{.*}}, %{{.*}}) in (2, 4) shared_outs(%{{.*}}) -> (tensor<2x16x16x16xf32>)
//       CHECK: bufferization.alloc_tensor() : tensor<16x1x2x8x16xf32>
//       CHECK: scf.for
//   CHECK-NOT: -> (tensor<2x16x16x16xf32>) {
func.func @whole_batch(%x: tensor<2x18x18x16xf32>, %w: tensor<3x3x16x16xf32>, %i: tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 16, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<2x18x18x16xf32>, tensor<3x3x16x16xf32>) outs(%i : tensor<2x16x16x16xf32>) -> tensor<2x16x16x16xf32>
  return %y : tensor<2x16x16x16xf32>
}

// -----

// A stride-2 transposed convolution's phase: its 2x2 sub-kernel is gathered
// (flipped) from the 4x4 filter by a generic. The filter transforms read the
// taps from the 4x4 filter through the gather's map, (3 - 2i, 3 - 2j): the
// 8 MB copy of T1's four sub-kernels is not made.

//   CHECK-DAG: #[[T33:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (3, 3, d2, d3)>
//   CHECK-DAG: #[[T31:map[0-9]*]] = affine_map<(d0, d1, d2, d3) -> (3, 1, d2, d3)>
// CHECK-LABEL: func.func @phase_taps(
//  CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<1x9x9x32xf32>, %[[W:[a-z0-9]+]]: tensor<4x4x32x32xf32>)
//       CHECK: scf.forall (%[[C:.*]]) in (32)
//       CHECK: %[[TAPS:.*]] = tensor.extract_slice %[[W]][0, 0, %[[C]], 0] [4, 4, 1, 32] [1, 1, 1, 1]
//       CHECK: linalg.generic {indexing_maps = [#[[T33]], #{{map[0-9]*}}]{{.*}} ins(%[[TAPS]] : tensor<4x4x1x32xf32>)
//       CHECK: linalg.generic {indexing_maps = [#[[T33]], #[[T31]], #{{map[0-9]*}}]{{.*}} ins(%[[TAPS]], %[[TAPS]] :
//   CHECK-NOT: tensor<2x2x32x32xf32>
func.func @phase_taps(%x: tensor<1x9x9x32xf32>, %w: tensor<4x4x32x32xf32>) -> tensor<1x8x8x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x2x32x32xf32>
  %taps = linalg.generic {indexing_maps = [affine_map<(i, j, c, f) -> (i * -2 + 3, j * -2 + 3, c, f)>, affine_map<(i, j, c, f) -> (i, j, c, f)>],
                          iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%w : tensor<4x4x32x32xf32>) outs(%e : tensor<2x2x32x32xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<2x2x32x32xf32>
  %o = tensor.empty() : tensor<1x8x8x32xf32>
  %i = linalg.fill ins(%zero : f32) outs(%o : tensor<1x8x8x32xf32>) -> tensor<1x8x8x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %taps : tensor<1x9x9x32xf32>, tensor<2x2x32x32xf32>) outs(%i : tensor<1x8x8x32xf32>) -> tensor<1x8x8x32xf32>
  return %y : tensor<1x8x8x32xf32>
}

// -----

// Convolutions without winograd_tile are left alone.

// CHECK-LABEL: func.func @direct(
//       CHECK: linalg.conv_2d_nhwc_hwcf
//   CHECK-NOT: scf.forall
func.func @direct(%x: tensor<1x10x10x16xf32>, %w: tensor<3x3x16x32xf32>, %i: tensor<1x8x8x32xf32>) -> tensor<1x8x8x32xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 3}}
      ins(%x, %w : tensor<1x10x10x16xf32>, tensor<3x3x16x32xf32>) outs(%i : tensor<1x8x8x32xf32>) -> tensor<1x8x8x32xf32>
  return %y : tensor<1x8x8x32xf32>
}

// -----

// bf16 operands into f32 accumulators (vdpbf16ps products): the transforms
// compute in f32 and round V and U to bf16; the products run as f32 ones do,
// here block by block in the one parallel loop, each product reading its
// entry of U (tconv-vectorize-convs packs U in pairs of channels once).

// CHECK-LABEL: func.func @bf16_dot(
//  CHECK-SAME: %[[X:[a-z0-9]+]]: tensor<1x18x18x16xbf16>, %[[W:[a-z0-9]+]]: tensor<3x3x16x32xbf16>
//       CHECK: bufferization.alloc_tensor() : tensor<16x1x1x16x32xbf16>
//       CHECK: %[[U:.*]] = scf.forall (%{{.*}}) in (16) shared_outs(%{{.*}}) -> (tensor<16x1x1x16x32xbf16>)
//       CHECK: scf.forall (%{{.*}}) in (4) shared_outs(%{{.*}}) -> (tensor<1x16x16x32xf32>)
//       CHECK: bufferization.alloc_tensor() : tensor<16x1x2x8x16xbf16>
//       CHECK: %[[ROWS:.*]] = tensor.extract_slice %[[X]][0, %{{.*}}, 0, 0] [1, 4, 18, 16] [1, 1, 1, 1]
//       CHECK: linalg.generic {{.*}} ins(%[[ROWS]], %[[ROWS]], %[[ROWS]], %[[ROWS]] :
//  CHECK-NEXT: ^bb0(
//  CHECK-COUNT-4: arith.extf {{.*}} : bf16 to f32
//       CHECK: arith.truncf {{.*}} : f32 to bf16
//       CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(
//       CHECK: %[[UK:.*]] = tensor.extract_slice %[[U]][%[[K]], 0, 0, 0, 0] [1, 1, 1, 16, 32] [1, 1, 1, 1, 1]
//       CHECK: linalg.conv_2d_nhwc_hwcf {{.*}}dot_width = 2{{.*}} ins(%{{.*}}, %[[UK]] : tensor<1x1x16x16xbf16>, tensor<1x1x16x32xbf16>) outs(%{{.*}} : tensor<1x1x16x32xf32>)
//       CHECK: scf.yield
//       CHECK: tensor.parallel_insert_slice
//   CHECK-NOT: scf.forall
//       CHECK: return
func.func @bf16_dot(%x: tensor<1x18x18x16xbf16>, %w: tensor<3x3x16x32xbf16>) -> tensor<1x16x16x32xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x16x32xf32>
  %i = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 6, f_tile = 32, c_tile = 8, kw_tile = 1, dot_width = 2, winograd_tile = 2}}
      ins(%x, %w : tensor<1x18x18x16xbf16>, tensor<3x3x16x32xbf16>) outs(%i : tensor<1x16x16x32xf32>) -> tensor<1x16x16x32xf32>
  return %y : tensor<1x16x16x32xf32>
}

// -----

// Few tiles and many channels (2 images of 2x2 tiles, 32 -> 32): U (32 x 32
// per product) outweighs V and M (8 tiles x 64 channels), so the products'
// loop runs product by product, (product, image): each thread reads its
// share of U once.

// CHECK-LABEL: func.func @filter_major(
//       CHECK: %[[U:.*]] = scf.forall (%{{.*}}) in (32)
//       CHECK: %[[V:.*]] = scf.forall (%{{.*}}, %{{.*}}) in (2, 2)
//       CHECK: scf.forall (%[[K:.*]], %[[N:.*]]) in (9, 2) shared_outs(%[[ALL:.*]] = %{{.*}})
//       CHECK: tensor.extract_slice %[[ALL]][%[[K]], %[[N]], 0, 0, 0] [1, 1, 2, 2, 32] [1, 1, 1, 1, 1]
//       CHECK: tensor.extract_slice %[[V]][%[[K]], %[[N]], 0, 0, 0] [1, 1, 2, 2, 32] [1, 1, 1, 1, 1]
//       CHECK: tensor.extract_slice %[[U]][%[[K]], 0, 0, 0, 0] [1, 1, 1, 32, 32] [1, 1, 1, 1, 1]
//       CHECK: linalg.conv_2d_nhwc_hwcf
//       CHECK: tensor.parallel_insert_slice %{{.*}} into %[[ALL]][%[[K]], %[[N]], 0, 0, 0] [1, 1, 2, 2, 32] [1, 1, 1, 1, 1]
func.func @filter_major(%x: tensor<2x5x5x32xf32>, %w: tensor<2x2x32x32xf32>, %i: tensor<2x4x4x32xf32>) -> tensor<2x4x4x32xf32> {
  %y = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>,
      tconv.schedule = {kind = "channels-last", vector_width = 16, ow_tile = 4, f_tile = 32, c_tile = 1, kw_tile = 1, winograd_tile = 2}}
      ins(%x, %w : tensor<2x5x5x32xf32>, tensor<2x2x32x32xf32>) outs(%i : tensor<2x4x4x32xf32>) -> tensor<2x4x4x32xf32>
  return %y : tensor<2x4x4x32xf32>
}
