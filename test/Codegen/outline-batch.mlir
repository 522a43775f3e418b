// RUN: tconv-opt %s -split-input-file --tconv-outline-batch | FileCheck %s

// A dynamic batch: the public function loops over images and calls the
// body, moved to a private function on batch-1 types. Batch-free arguments
// (filter, bias) pass through. Each image of the result is an extra,
// writable argument that the body's result materializes in: the image
// function computes it in the caller's output.
// CHECK-LABEL: func.func @conv(
// CHECK-SAME:      %[[X:.+]]: tensor<?x3x8x8xf32>, %[[W:.+]]: tensor<4x3x3x3xf32>, %[[B:.+]]: tensor<4xf32>) -> tensor<?x4x8x8xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK:         %[[N:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x3x8x8xf32>
// CHECK:         %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<?x4x8x8xf32>
// CHECK:         %[[R:.+]] = scf.for %[[I:.+]] = %[[C0]] to %[[N]] step %[[C1]] iter_args(%[[ACC:.+]] = %[[INIT]])
// CHECK:           %[[XI:.+]] = tensor.extract_slice %[[X]][%[[I]], 0, 0, 0] [1, 3, 8, 8] [1, 1, 1, 1] : tensor<?x3x8x8xf32> to tensor<1x3x8x8xf32>
// CHECK:           %[[OUTI:.+]] = tensor.extract_slice %[[ACC]][%[[I]], 0, 0, 0] [1, 4, 8, 8] [1, 1, 1, 1] : tensor<?x4x8x8xf32> to tensor<1x4x8x8xf32>
// CHECK:           %[[YI:.+]] = func.call @conv.image(%[[XI]], %[[W]], %[[B]], %[[OUTI]])
// CHECK:           %[[NEXT:.+]] = tensor.insert_slice %[[YI]] into %[[ACC]][%[[I]], 0, 0, 0] [1, 4, 8, 8] [1, 1, 1, 1] : tensor<1x4x8x8xf32> into tensor<?x4x8x8xf32>
// CHECK:           scf.yield %[[NEXT]]
// CHECK:         return %[[R]] : tensor<?x4x8x8xf32>
// CHECK-LABEL: func.func private @conv.image(
// CHECK-SAME:      %[[XI:[^:]+]]: tensor<1x3x8x8xf32>, %[[WI:[^:]+]]: tensor<4x3x3x3xf32>, %[[BI:[^:]+]]: tensor<4xf32>, %[[DST:[^:]+]]: tensor<1x4x8x8xf32> {bufferization.writable = true}) -> tensor<1x4x8x8xf32>
// CHECK-SAME:      attributes {tconv.batch_image}
// CHECK:         %[[Y:.+]] = tconv.conv %[[XI]], %[[WI]], %[[BI]] pads = [1, 1, 1, 1] : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
// CHECK:         %[[T:.+]] = math.tanh %[[Y]] : tensor<1x4x8x8xf32>
// CHECK:         %[[M:.+]] = bufferization.materialize_in_destination %[[T]] in %[[DST]]
// CHECK:         return %[[M]] : tensor<1x4x8x8xf32>
func.func @conv(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<?x4x8x8xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1] : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<?x4x8x8xf32>
  %t = math.tanh %y : tensor<?x4x8x8xf32>
  return %t : tensor<?x4x8x8xf32>
}

// -----

// Two batched arguments and two results; batch-free ops (a constant, a
// TOSA op broadcasting along dim 0) move along.
// CHECK-LABEL: func.func @two(
// CHECK-SAME:      %[[A:.+]]: tensor<?x2x4xf32>, %[[B:.+]]: tensor<?x2x4xf32>)
// CHECK:         %[[N:.+]] = tensor.dim %[[A]], %{{.+}} : tensor<?x2x4xf32>
// CHECK-DAG:     %[[E0:.+]] = tensor.empty(%[[N]]) : tensor<?x2x4xf32>
// CHECK-DAG:     %[[E1:.+]] = tensor.empty(%[[N]]) : tensor<?x2x4xf32>
// CHECK:         scf.for {{.+}} iter_args(%[[ACC0:.+]] = %[[E0]], %[[ACC1:.+]] = %[[E1]])
// CHECK:           %[[AI:.+]] = tensor.extract_slice %[[A]]
// CHECK:           %[[BI:.+]] = tensor.extract_slice %[[B]]
// CHECK:           %[[OUT0:.+]] = tensor.extract_slice %[[ACC0]]
// CHECK:           %[[OUT1:.+]] = tensor.extract_slice %[[ACC1]]
// CHECK:           %[[R:.+]]:2 = func.call @two.image(%[[AI]], %[[BI]], %[[OUT0]], %[[OUT1]])
// CHECK:           tensor.insert_slice %[[R]]#0 into %[[ACC0]]
// CHECK:           tensor.insert_slice %[[R]]#1 into %[[ACC1]]
// CHECK-LABEL: func.func private @two.image(
// CHECK-SAME:      %{{[^:]+}}: tensor<1x2x4xf32>, %{{[^:]+}}: tensor<1x2x4xf32>, %[[DST0:[^:]+]]: tensor<1x2x4xf32> {bufferization.writable = true}, %[[DST1:[^:]+]]: tensor<1x2x4xf32> {bufferization.writable = true})
// CHECK:         %[[C:.+]] = arith.constant dense<2.000000e+00> : tensor<1x2x4xf32>
// CHECK:         %[[S:.+]] = tosa.add %{{.+}}, %[[C]] : (tensor<1x2x4xf32>, tensor<1x2x4xf32>) -> tensor<1x2x4xf32>
// CHECK:         %[[P:.+]] = arith.mulf %{{.+}}, %{{.+}} : tensor<1x2x4xf32>
// CHECK:         %[[M0:.+]] = bufferization.materialize_in_destination %[[S]] in %[[DST0]]
// CHECK:         %[[M1:.+]] = bufferization.materialize_in_destination %[[P]] in %[[DST1]]
// CHECK:         return %[[M0]], %[[M1]]
func.func @two(%a: tensor<?x2x4xf32>, %b: tensor<?x2x4xf32>) -> (tensor<?x2x4xf32>, tensor<?x2x4xf32>) {
  %c = arith.constant dense<2.0> : tensor<1x2x4xf32>
  %s = tosa.add %a, %c : (tensor<?x2x4xf32>, tensor<1x2x4xf32>) -> tensor<?x2x4xf32>
  %p = arith.mulf %a, %b : tensor<?x2x4xf32>
  return %s, %p : tensor<?x2x4xf32>, tensor<?x2x4xf32>
}

// -----

// Static functions are left alone.
// CHECK-LABEL: func.func @static(
// CHECK-NEXT:    tconv.conv
// CHECK-NOT:   func.func private
func.func @static(%x: tensor<2x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<2x1x2xf32> {
  %y = tconv.conv %x, %w : (tensor<2x1x4xf32>, tensor<1x1x3xf32>) -> tensor<2x1x2xf32>
  return %y : tensor<2x1x2xf32>
}

// -----

// Upstream linalg sizes its results with tensor.dim of the batch: the
// image function's empties are static, the fill, convolution and ReLU run
// on one image (the batch loop of each is their parallel dim 0).
// CHECK-LABEL: func.func @upstream(
// CHECK-SAME:      %[[X:.+]]: tensor<?x3x8x8xf32>, %[[W:.+]]: tensor<4x3x3x3xf32>) -> tensor<?x4x6x6xf32>
// CHECK:         scf.for
// CHECK:           func.call @upstream.image(
// CHECK-LABEL: func.func private @upstream.image(
// CHECK-SAME:      %[[XI:[^:]+]]: tensor<1x3x8x8xf32>, %[[WI:[^:]+]]: tensor<4x3x3x3xf32>, %[[DST:[^:]+]]: tensor<1x4x6x6xf32> {bufferization.writable = true})
// CHECK-DAG:     %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// CHECK-DAG:     %[[E:.+]] = tensor.empty() : tensor<1x4x6x6xf32>
// CHECK:         %[[F:.+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[E]] : tensor<1x4x6x6xf32>)
// CHECK:         %[[Y:.+]] = linalg.conv_2d_nchw_fchw {{.*}} ins(%[[XI]], %[[WI]] : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%[[F]] : tensor<1x4x6x6xf32>)
// CHECK:         %[[R:.+]] = linalg.generic {{.*}} ins(%[[Y]] : tensor<1x4x6x6xf32>) outs(%[[E]] : tensor<1x4x6x6xf32>)
// CHECK:         bufferization.materialize_in_destination %[[R]] in %[[DST]]
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @upstream(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x6x6xf32> {
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x3x8x8xf32>
  %e = tensor.empty(%n) : tensor<?x4x6x6xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<?x4x6x6xf32>) -> tensor<?x4x6x6xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%f : tensor<?x4x6x6xf32>) -> tensor<?x4x6x6xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%y : tensor<?x4x6x6xf32>) outs(%e : tensor<?x4x6x6xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %z : f32
    linalg.yield %m : f32
  } -> tensor<?x4x6x6xf32>
  return %r : tensor<?x4x6x6xf32>
}

// -----

// Reshapes that keep dim 0 a group of their own are per image; an
// expand_shape sized by the batch gets the image's static size.
// CHECK-LABEL: func.func private @reshapes.image(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x4x2xf32>
// CHECK:         %[[FLAT:.+]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2]] : tensor<1x4x2xf32> into tensor<1x8xf32>
// CHECK:         %[[BACK:.+]] = tensor.expand_shape %[[FLAT]] {{\[}}[0], [1, 2]] output_shape [1, 2, 4] : tensor<1x8xf32> into tensor<1x2x4xf32>
// CHECK:         bufferization.materialize_in_destination %[[BACK]]
func.func @reshapes(%x: tensor<?x4x2xf32>) -> tensor<?x2x4xf32> {
  %c0 = arith.constant 0 : index
  %flat = tensor.collapse_shape %x [[0], [1, 2]] : tensor<?x4x2xf32> into tensor<?x8xf32>
  %n = tensor.dim %flat, %c0 : tensor<?x8xf32>
  %back = tensor.expand_shape %flat [[0], [1, 2]] output_shape [%n, 2, 4] : tensor<?x8xf32> into tensor<?x2x4xf32>
  return %back : tensor<?x2x4xf32>
}

// -----

// Slices of the other dims, dim 0 whole and sized by the batch, are per
// image: the image's sizes are static.
// CHECK-LABEL: func.func private @slices.image(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x2x3xf32>
// CHECK:         %[[Z:.+]] = linalg.fill {{.*}} -> tensor<1x2x7xf32>
// CHECK:         %[[IN:.+]] = tensor.insert_slice %[[X]] into %[[Z]][0, 0, 1] [1, 2, 3] [1, 1, 2] : tensor<1x2x3xf32> into tensor<1x2x7xf32>
// CHECK:         %[[OUT:.+]] = tensor.extract_slice %[[IN]][0, 0, 1] [1, 2, 5] [1, 1, 1] : tensor<1x2x7xf32> to tensor<1x2x5xf32>
// CHECK:         bufferization.materialize_in_destination %[[OUT]]
func.func @slices(%x: tensor<?x2x3xf32>) -> tensor<?x2x5xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %n = tensor.dim %x, %c0 : tensor<?x2x3xf32>
  %e = tensor.empty(%n) : tensor<?x2x7xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<?x2x7xf32>) -> tensor<?x2x7xf32>
  %in = tensor.insert_slice %x into %z[0, 0, 1] [%n, 2, 3] [1, 1, 2] : tensor<?x2x3xf32> into tensor<?x2x7xf32>
  %out = tensor.extract_slice %in[0, 0, 1] [%n, 2, 5] [1, 1, 1] : tensor<?x2x7xf32> to tensor<?x2x5xf32>
  return %out : tensor<?x2x5xf32>
}

// -----

// A runtime filter that outweighs the activations (8 MiB against 0.4 MiB of
// one image) is copied chunk by chunk on one image: a lone image (N = 1)
// calls @generator.single, which tconv-hoist-batch-invariants leaves whole;
// more images loop over @generator.image, out of which the filter's copy
// moves, once per call.
// CHECK-LABEL: func.func @generator(
// CHECK-SAME:      %[[X:.+]]: tensor<?x512x8x8xf32>, %[[W:.+]]: tensor<512x256x4x4xf32>) -> tensor<?x256x16x16xf32>
// CHECK-DAG:     %[[C0:.+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:.+]] = arith.constant 1 : index
// CHECK:         %[[N:.+]] = tensor.dim %[[X]], %{{.+}} : tensor<?x512x8x8xf32>
// CHECK:         %[[INIT:.+]] = tensor.empty(%[[N]]) : tensor<?x256x16x16xf32>
// CHECK:         %[[ANY:.+]] = arith.cmpi ult, %[[C0]], %[[N]] : index
// CHECK:         %[[LAST:.+]] = arith.subi %[[N]], %[[C1]] : index
// CHECK:         %[[LONE:.+]] = arith.cmpi eq, %[[C0]], %[[LAST]] : index
// CHECK:         %[[R:.+]] = scf.if %[[LONE]] -> (tensor<?x256x16x16xf32>) {
// CHECK:           scf.for %{{.+}} = %[[C0]] to %[[N]] step %[[C1]] iter_args(%{{.+}} = %[[INIT]])
// CHECK:             func.call @generator.single(%{{.+}}, %[[W]], %{{.+}})
// CHECK:         } else {
// CHECK:           scf.if %[[ANY]] -> (tensor<?x256x16x16xf32>) {
// CHECK:             scf.for %{{.+}} = %[[C0]] to %[[N]] step %[[C1]] iter_args(%{{.+}} = %[[INIT]])
// CHECK:               func.call @generator.image(%{{.+}}, %[[W]], %{{.+}})
// CHECK:           } else {
// CHECK:             scf.yield %[[INIT]]
// CHECK:         return %[[R]] : tensor<?x256x16x16xf32>
// CHECK-LABEL: func.func private @generator.image(
// CHECK-SAME:      attributes {tconv.batch_image}
// CHECK-LABEL: func.func private @generator.single(
// CHECK-SAME:      %{{[^:]+}}: tensor<1x512x8x8xf32>, %{{[^:]+}}: tensor<512x256x4x4xf32>, %[[DST:[^:]+]]: tensor<1x256x16x16xf32> {bufferization.writable = true}) -> tensor<1x256x16x16xf32>
// CHECK-SAME:      attributes {tconv.batch_image, tconv.batch_single_image}
// CHECK:         %[[Y:.+]] = tconv.conv_transpose {{.+}} -> tensor<1x256x16x16xf32>
// CHECK:         bufferization.materialize_in_destination %[[Y]] in %[[DST]]
func.func @generator(%x: tensor<?x512x8x8xf32>, %w: tensor<512x256x4x4xf32>) -> tensor<?x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<?x256x16x16xf32>
  return %y : tensor<?x256x16x16xf32>
}

// -----

// A 128 KiB filter is copied whole on one image: no function for a lone
// image.
// CHECK-LABEL: func.func @small_filter(
// CHECK-NOT:     .single
// CHECK-LABEL: func.func private @small_filter.image(
// CHECK-NOT:     func.func private @small_filter.single
func.func @small_filter(%x: tensor<?x64x8x8xf32>, %w: tensor<64x32x4x4xf32>) -> tensor<?x32x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x64x8x8xf32>, tensor<64x32x4x4xf32>) -> tensor<?x32x16x16xf32>
  return %y : tensor<?x32x16x16xf32>
}
