// RUN: tconv-opt %s -split-input-file --tconv-hoist-batch-invariants | FileCheck %s

// The filter's layout change reads only a batch-free argument: it runs once,
// before the loop, and the image function reads its result as an argument.
// The image's own layout change and the accumulator's fill (no argument
// read) stay.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<?x4x8xf32>, %[[W:[^:]+]]: tensor<4x16xf32>)
// CHECK:         %[[E:.+]] = tensor.empty() : tensor<16x4xf32>
// CHECK:         %[[T:.+]] = linalg.transpose ins(%[[W]] : tensor<4x16xf32>) outs(%[[E]] : tensor<16x4xf32>)
// CHECK:         scf.for
// CHECK:           func.call @main.image(%{{.+}}, %[[W]], %{{.+}}, %[[T]])
// CHECK-LABEL: func.func private @main.image(
// CHECK-SAME:      %[[XI:[^:]+]]: tensor<1x4x8xf32>, %{{[^:]+}}: tensor<4x16xf32>, %[[OUT:[^:]+]]: tensor<1x8x16xf32> {bufferization.writable = true}, %[[TI:[^:]+]]: tensor<16x4xf32>)
// CHECK-NOT:     linalg.transpose ins(%{{.+}} : tensor<4x16xf32>)
// CHECK:         %[[XT:.+]] = linalg.transpose ins(%{{.+}} : tensor<4x8xf32>)
// CHECK:         %[[F:.+]] = linalg.fill
// CHECK:         linalg.matmul {{.*}}ins(%[[XT]], %[[TI]] : tensor<8x4xf32>, tensor<16x4xf32>) outs(%[[F]] : tensor<8x16xf32>)
func.func @main(%x: tensor<?x4x8xf32>, %w: tensor<4x16xf32>) -> tensor<?x8x16xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x4x8xf32>
  %init = tensor.empty(%n) : tensor<?x8x16xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (tensor<?x8x16xf32>) {
    %xi = tensor.extract_slice %x[%i, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<?x4x8xf32> to tensor<1x4x8xf32>
    %oi = tensor.extract_slice %acc[%i, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<?x8x16xf32> to tensor<1x8x16xf32>
    %yi = func.call @main.image(%xi, %w, %oi) : (tensor<1x4x8xf32>, tensor<4x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<1x8x16xf32> into tensor<?x8x16xf32>
    scf.yield %next : tensor<?x8x16xf32>
  }
  return %r : tensor<?x8x16xf32>
}
func.func private @main.image(%x: tensor<1x4x8xf32>, %w: tensor<4x16xf32>, %out: tensor<1x8x16xf32> {bufferization.writable = true}) -> tensor<1x8x16xf32> attributes {tconv.batch_image} {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x4xf32>
  %t = linalg.transpose ins(%w : tensor<4x16xf32>) outs(%e : tensor<16x4xf32>) permutation = [1, 0]
  %x2 = tensor.collapse_shape %x [[0, 1], [2]] : tensor<1x4x8xf32> into tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %xt = linalg.transpose ins(%x2 : tensor<4x8xf32>) outs(%e2 : tensor<8x4xf32>) permutation = [1, 0]
  %e3 = tensor.empty() : tensor<8x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e3 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%xt, %t : tensor<8x4xf32>, tensor<16x4xf32>) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
  %y3 = tensor.expand_shape %y [[0, 1], [2]] output_shape [1, 8, 16] : tensor<8x16xf32> into tensor<1x8x16xf32>
  %r = bufferization.materialize_in_destination %y3 in %out : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %r : tensor<1x8x16xf32>
}

// -----

// Computations on constants alone stay: later passes fold them.
// CHECK-LABEL: func.func @constants(
// CHECK-NOT:     linalg.transpose
// CHECK:         scf.for
// CHECK-LABEL: func.func private @constants.image(
// CHECK:         linalg.transpose ins(%{{.+}} : tensor<2x2xf32>)
func.func @constants(%x: tensor<?x2x2xf32>) -> tensor<?x2x2xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x2x2xf32>
  %init = tensor.empty(%n) : tensor<?x2x2xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (tensor<?x2x2xf32>) {
    %xi = tensor.extract_slice %x[%i, 0, 0] [1, 2, 2] [1, 1, 1] : tensor<?x2x2xf32> to tensor<1x2x2xf32>
    %oi = tensor.extract_slice %acc[%i, 0, 0] [1, 2, 2] [1, 1, 1] : tensor<?x2x2xf32> to tensor<1x2x2xf32>
    %yi = func.call @constants.image(%xi, %oi) : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0, 0] [1, 2, 2] [1, 1, 1] : tensor<1x2x2xf32> into tensor<?x2x2xf32>
    scf.yield %next : tensor<?x2x2xf32>
  }
  return %r : tensor<?x2x2xf32>
}
func.func private @constants.image(%x: tensor<1x2x2xf32>, %out: tensor<1x2x2xf32> {bufferization.writable = true}) -> tensor<1x2x2xf32> attributes {tconv.batch_image} {
  %c = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %e = tensor.empty() : tensor<2x2xf32>
  %t = linalg.transpose ins(%c : tensor<2x2xf32>) outs(%e : tensor<2x2xf32>) permutation = [1, 0]
  %t3 = tensor.expand_shape %t [[0, 1], [2]] output_shape [1, 2, 2] : tensor<2x2xf32> into tensor<1x2x2xf32>
  %y = arith.addf %x, %t3 : tensor<1x2x2xf32>
  %r = bufferization.materialize_in_destination %y in %out : (tensor<1x2x2xf32>, tensor<1x2x2xf32>) -> tensor<1x2x2xf32>
  return %r : tensor<1x2x2xf32>
}

// -----

// A batch-free value the image writes into (an accumulator initialized
// from a bias argument) stays per image.
// CHECK-LABEL: func.func @destination(
// CHECK-NOT:     linalg.broadcast
// CHECK:         scf.for
// CHECK-LABEL: func.func private @destination.image(
// CHECK:         %[[INIT:.+]] = linalg.broadcast
// CHECK:         linalg.add {{.*}}outs(%[[INIT]] : tensor<1x2xf32>)
func.func @destination(%x: tensor<?x2xf32>, %b: tensor<2xf32>) -> tensor<?x2xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x2xf32>
  %init = tensor.empty(%n) : tensor<?x2xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (tensor<?x2xf32>) {
    %xi = tensor.extract_slice %x[%i, 0] [1, 2] [1, 1] : tensor<?x2xf32> to tensor<1x2xf32>
    %oi = tensor.extract_slice %acc[%i, 0] [1, 2] [1, 1] : tensor<?x2xf32> to tensor<1x2xf32>
    %yi = func.call @destination.image(%xi, %b, %oi) : (tensor<1x2xf32>, tensor<2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0] [1, 2] [1, 1] : tensor<1x2xf32> into tensor<?x2xf32>
    scf.yield %next : tensor<?x2xf32>
  }
  return %r : tensor<?x2xf32>
}
func.func private @destination.image(%x: tensor<1x2xf32>, %b: tensor<2xf32>, %out: tensor<1x2xf32> {bufferization.writable = true}) -> tensor<1x2xf32> attributes {tconv.batch_image} {
  %e = tensor.empty() : tensor<1x2xf32>
  %init = linalg.broadcast ins(%b : tensor<2xf32>) outs(%e : tensor<1x2xf32>) dimensions = [0]
  %y = linalg.add ins(%x, %x : tensor<1x2xf32>, tensor<1x2xf32>) outs(%init : tensor<1x2xf32>) -> tensor<1x2xf32>
  %r = bufferization.materialize_in_destination %y in %out : (tensor<1x2xf32>, tensor<1x2xf32>) -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

// A tiled computation on tensors (an scf.forall into a new tensor, as a
// Winograd filter transform becomes) that reads only the filter runs once,
// before the loop, with its alloc_tensor; the forall reading the image stays.
// CHECK-LABEL: func.func @tiled(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<?x4xf32>, %[[W:[^:]+]]: tensor<4xf32>)
// CHECK:         %[[A:.+]] = bufferization.alloc_tensor() : tensor<4xf32>
// CHECK:         %[[U:.+]] = scf.forall (%{{.+}}) in (4) shared_outs(%{{.+}} = %[[A]])
// CHECK:           arith.mulf
// CHECK:         scf.for
// CHECK:           func.call @tiled.image(%{{.+}}, %[[W]], %{{.+}}, %[[U]])
// CHECK-LABEL: func.func private @tiled.image(
// CHECK-SAME:      %[[XI:[^:]+]]: tensor<1x4xf32>, %{{[^:]+}}: tensor<4xf32>, %{{[^:]+}}: tensor<1x4xf32> {bufferization.writable = true}, %[[UI:[^:]+]]: tensor<4xf32>)
// CHECK-NOT:     arith.mulf
// CHECK-NOT:     bufferization.alloc_tensor
// CHECK:         scf.forall (%{{.+}}) in (4)
// CHECK:           tensor.extract %[[UI]]
// CHECK:           arith.addf
func.func @tiled(%x: tensor<?x4xf32>, %w: tensor<4xf32>) -> tensor<?x4xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x4xf32>
  %init = tensor.empty(%n) : tensor<?x4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (tensor<?x4xf32>) {
    %xi = tensor.extract_slice %x[%i, 0] [1, 4] [1, 1] : tensor<?x4xf32> to tensor<1x4xf32>
    %oi = tensor.extract_slice %acc[%i, 0] [1, 4] [1, 1] : tensor<?x4xf32> to tensor<1x4xf32>
    %yi = func.call @tiled.image(%xi, %w, %oi) : (tensor<1x4xf32>, tensor<4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<?x4xf32>
    scf.yield %next : tensor<?x4xf32>
  }
  return %r : tensor<?x4xf32>
}
func.func private @tiled.image(%x: tensor<1x4xf32>, %w: tensor<4xf32>, %out: tensor<1x4xf32> {bufferization.writable = true}) -> tensor<1x4xf32> attributes {tconv.batch_image} {
  %a = bufferization.alloc_tensor() : tensor<4xf32>
  %u = scf.forall (%j) in (4) shared_outs(%s = %a) -> (tensor<4xf32>) {
    %wj = tensor.extract %w[%j] : tensor<4xf32>
    %twice = arith.mulf %wj, %wj : f32
    %t = tensor.from_elements %twice : tensor<1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %t into %s[%j] [1] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  %y = scf.forall (%j) in (4) shared_outs(%s = %out) -> (tensor<1x4xf32>) {
    %c0_i = arith.constant 0 : index
    %xj = tensor.extract %x[%c0_i, %j] : tensor<1x4xf32>
    %uj = tensor.extract %u[%j] : tensor<4xf32>
    %sum = arith.addf %xj, %uj : f32
    %t = tensor.from_elements %sum : tensor<1x1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %t into %s[0, %j] [1, 1] [1, 1] : tensor<1x1xf32> into tensor<1x4xf32>
    }
  }
  return %y : tensor<1x4xf32>
}

// -----

// The loop over single images after chunks runs under an scf.if: the
// filter's layout change moves before that loop, inside the if, so that it
// runs only when the loop does.
// CHECK-LABEL: func.func @under_if(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<?x4xf32>, %[[W:[^:]+]]: tensor<4x4xf32>, %[[ANY:[^:]+]]: i1)
// CHECK:         scf.if %[[ANY]]
// CHECK:           %[[T:.+]] = linalg.transpose ins(%[[W]] : tensor<4x4xf32>)
// CHECK:           scf.for
// CHECK:             func.call @under_if.image(%{{.+}}, %[[W]], %{{.+}}, %[[T]])
// CHECK-LABEL: func.func private @under_if.image(
// CHECK-NOT:     linalg.transpose
// CHECK:         linalg.matvec
func.func @under_if(%x: tensor<?x4xf32>, %w: tensor<4x4xf32>, %any: i1) -> tensor<?x4xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x4xf32>
  %init = tensor.empty(%n) : tensor<?x4xf32>
  %r = scf.if %any -> (tensor<?x4xf32>) {
    %l = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (tensor<?x4xf32>) {
      %xi = tensor.extract_slice %x[%i, 0] [1, 4] [1, 1] : tensor<?x4xf32> to tensor<1x4xf32>
      %oi = tensor.extract_slice %acc[%i, 0] [1, 4] [1, 1] : tensor<?x4xf32> to tensor<1x4xf32>
      %yi = func.call @under_if.image(%xi, %w, %oi) : (tensor<1x4xf32>, tensor<4x4xf32>, tensor<1x4xf32>) -> tensor<1x4xf32>
      %next = tensor.insert_slice %yi into %acc[%i, 0] [1, 4] [1, 1] : tensor<1x4xf32> into tensor<?x4xf32>
      scf.yield %next : tensor<?x4xf32>
    }
    scf.yield %l : tensor<?x4xf32>
  } else {
    scf.yield %init : tensor<?x4xf32>
  }
  return %r : tensor<?x4xf32>
}
func.func private @under_if.image(%x: tensor<1x4xf32>, %w: tensor<4x4xf32>, %out: tensor<1x4xf32> {bufferization.writable = true}) -> tensor<1x4xf32> attributes {tconv.batch_image} {
  %e = tensor.empty() : tensor<4x4xf32>
  %t = linalg.transpose ins(%w : tensor<4x4xf32>) outs(%e : tensor<4x4xf32>) permutation = [1, 0]
  %x1 = tensor.collapse_shape %x [[0, 1]] : tensor<1x4xf32> into tensor<4xf32>
  %o1 = tensor.collapse_shape %out [[0, 1]] : tensor<1x4xf32> into tensor<4xf32>
  %y = linalg.matvec ins(%t, %x1 : tensor<4x4xf32>, tensor<4xf32>) outs(%o1 : tensor<4xf32>) -> tensor<4xf32>
  %y1 = tensor.expand_shape %y [[0, 1]] output_shape [1, 4] : tensor<4xf32> into tensor<1x4xf32>
  return %y1 : tensor<1x4xf32>
}

// -----

// The function for a lone image (tconv.batch_single_image) runs once per
// call: its filter's layout change stays in it, where the image's
// schedule copies the filter chunk by chunk.
// CHECK-LABEL: func.func @lone(
// CHECK-NOT:     linalg.transpose
// CHECK:         scf.for
// CHECK:           func.call @lone.single(%{{[^,]+}}, %{{[^,]+}}, %{{[^,]+}}) :
// CHECK-LABEL: func.func private @lone.single(
// CHECK:         linalg.transpose ins(%{{.+}} : tensor<4x16xf32>)
func.func @lone(%x: tensor<?x4x8xf32>, %w: tensor<4x16xf32>) -> tensor<?x8x16xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = tensor.dim %x, %c0 : tensor<?x4x8xf32>
  %last = arith.subi %n, %c1 : index
  %init = tensor.empty(%n) : tensor<?x8x16xf32>
  %r = scf.for %i = %last to %n step %c1 iter_args(%acc = %init) -> (tensor<?x8x16xf32>) {
    %xi = tensor.extract_slice %x[%i, 0, 0] [1, 4, 8] [1, 1, 1] : tensor<?x4x8xf32> to tensor<1x4x8xf32>
    %oi = tensor.extract_slice %acc[%i, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<?x8x16xf32> to tensor<1x8x16xf32>
    %yi = func.call @lone.single(%xi, %w, %oi) : (tensor<1x4x8xf32>, tensor<4x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0, 0] [1, 8, 16] [1, 1, 1] : tensor<1x8x16xf32> into tensor<?x8x16xf32>
    scf.yield %next : tensor<?x8x16xf32>
  }
  return %r : tensor<?x8x16xf32>
}
func.func private @lone.single(%x: tensor<1x4x8xf32>, %w: tensor<4x16xf32>, %out: tensor<1x8x16xf32> {bufferization.writable = true}) -> tensor<1x8x16xf32> attributes {tconv.batch_image, tconv.batch_single_image} {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<16x4xf32>
  %t = linalg.transpose ins(%w : tensor<4x16xf32>) outs(%e : tensor<16x4xf32>) permutation = [1, 0]
  %x2 = tensor.collapse_shape %x [[0, 1], [2]] : tensor<1x4x8xf32> into tensor<4x8xf32>
  %e2 = tensor.empty() : tensor<8x4xf32>
  %xt = linalg.transpose ins(%x2 : tensor<4x8xf32>) outs(%e2 : tensor<8x4xf32>) permutation = [1, 0]
  %e3 = tensor.empty() : tensor<8x16xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e3 : tensor<8x16xf32>) -> tensor<8x16xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%xt, %t : tensor<8x4xf32>, tensor<16x4xf32>) outs(%f : tensor<8x16xf32>) -> tensor<8x16xf32>
  %y3 = tensor.expand_shape %y [[0, 1], [2]] output_shape [1, 8, 16] : tensor<8x16xf32> into tensor<1x8x16xf32>
  %r = bufferization.materialize_in_destination %y3 in %out : (tensor<1x8x16xf32>, tensor<1x8x16xf32>) -> tensor<1x8x16xf32>
  return %r : tensor<1x8x16xf32>
}

// -----

// What the chunks would share is too large (the transposed filter: 4096 x
// 1040 f32, 16.25 MiB, read back from memory by every chunk): when the loop
// has one iteration, a copy of it calls a copy of the chunk function
// (`.once`, run once per call) that transposes the filter itself; with more,
// the transpose runs once before the loop as below the limit.
// CHECK-LABEL: func.func @large(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<?x4x1040xf32>, %[[W:[^:]+]]: tensor<1040x4096xf32>)
// CHECK:         %[[CHUNKS:.+]] = arith.subi
// CHECK:         %[[TRIP:.+]] = arith.subi %[[CHUNKS]], %[[C0:[^ ]+]] : index
// CHECK:         %[[ONCE:.+]] = arith.cmpi ule, %[[TRIP]], %[[C2:[^ ]+]] : index
// CHECK:         %[[R:.+]] = scf.if %[[ONCE]] -> (tensor<?x4x4096xf32>) {
// CHECK-NOT:       linalg.transpose
// CHECK:           %[[ONE:.+]] = scf.for %{{.+}} = %[[C0]] to %[[CHUNKS]] step %[[C2]]
// CHECK:             func.call @large.chunk.once(%{{[^,]+}}, %[[W]], %{{[^,]+}}) :
// CHECK:           scf.yield %[[ONE]]
// CHECK:         } else {
// CHECK:           %[[T:.+]] = linalg.transpose ins(%[[W]] : tensor<1040x4096xf32>)
// CHECK:           %[[ALL:.+]] = scf.for %{{.+}} = %[[C0]] to %[[CHUNKS]] step %[[C2]]
// CHECK:             func.call @large.chunk(%{{[^,]+}}, %[[W]], %{{[^,]+}}, %[[T]]) :
// CHECK:           scf.yield %[[ALL]]
// CHECK:         return %[[R]]
// CHECK-LABEL: func.func private @large.chunk(
// CHECK-SAME:      %{{[^:]+}}: tensor<4096x1040xf32>)
// CHECK-NOT:     linalg.transpose
// CHECK:         linalg.matmul
// CHECK-LABEL: func.func private @large.chunk.once(
// CHECK-SAME:      %{{[^:]+}}: tensor<2x4x4096xf32> {bufferization.writable = true}) -> tensor<2x4x4096xf32>
// CHECK-SAME:      attributes {tconv.batch_image, tconv.batch_single_image}
// CHECK:         linalg.transpose ins(%{{.+}} : tensor<1040x4096xf32>)
// CHECK:         linalg.matmul
func.func @large(%x: tensor<?x4x1040xf32>, %w: tensor<1040x4096xf32>) -> tensor<?x4x4096xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %n = tensor.dim %x, %c0 : tensor<?x4x1040xf32>
  %odd = arith.remui %n, %c2 : index
  %chunks = arith.subi %n, %odd : index
  %init = tensor.empty(%n) : tensor<?x4x4096xf32>
  %r = scf.for %i = %c0 to %chunks step %c2 iter_args(%acc = %init) -> (tensor<?x4x4096xf32>) {
    %xi = tensor.extract_slice %x[%i, 0, 0] [2, 4, 1040] [1, 1, 1] : tensor<?x4x1040xf32> to tensor<2x4x1040xf32>
    %oi = tensor.extract_slice %acc[%i, 0, 0] [2, 4, 4096] [1, 1, 1] : tensor<?x4x4096xf32> to tensor<2x4x4096xf32>
    %yi = func.call @large.chunk(%xi, %w, %oi) : (tensor<2x4x1040xf32>, tensor<1040x4096xf32>, tensor<2x4x4096xf32>) -> tensor<2x4x4096xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0, 0] [2, 4, 4096] [1, 1, 1] : tensor<2x4x4096xf32> into tensor<?x4x4096xf32>
    scf.yield %next : tensor<?x4x4096xf32>
  }
  return %r : tensor<?x4x4096xf32>
}
func.func private @large.chunk(%x: tensor<2x4x1040xf32>, %w: tensor<1040x4096xf32>, %out: tensor<2x4x4096xf32> {bufferization.writable = true}) -> tensor<2x4x4096xf32> attributes {tconv.batch_image} {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4096x1040xf32>
  %t = linalg.transpose ins(%w : tensor<1040x4096xf32>) outs(%e : tensor<4096x1040xf32>) permutation = [1, 0]
  %x2 = tensor.collapse_shape %x [[0, 1], [2]] : tensor<2x4x1040xf32> into tensor<8x1040xf32>
  %e3 = tensor.empty() : tensor<8x4096xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e3 : tensor<8x4096xf32>) -> tensor<8x4096xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%x2, %t : tensor<8x1040xf32>, tensor<4096x1040xf32>) outs(%f : tensor<8x4096xf32>) -> tensor<8x4096xf32>
  %y3 = tensor.expand_shape %y [[0, 1], [2]] output_shape [2, 4, 4096] : tensor<8x4096xf32> into tensor<2x4x4096xf32>
  %r = bufferization.materialize_in_destination %y3 in %out : (tensor<2x4x4096xf32>, tensor<2x4x4096xf32>) -> tensor<2x4x4096xf32>
  return %r : tensor<2x4x4096xf32>
}

// -----

// The same chunk function in a loop of a static batch (4 images, 2 at a
// time): it runs twice on every call, so the transpose moves before the
// loop and no copy is made.
// CHECK-LABEL: func.func @large_static(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<4x4x1040xf32>, %[[W:[^:]+]]: tensor<1040x4096xf32>)
// CHECK-NOT:     scf.if
// CHECK:         %[[T:.+]] = linalg.transpose ins(%[[W]] : tensor<1040x4096xf32>)
// CHECK:         scf.for
// CHECK:           func.call @large_static.chunk(%{{[^,]+}}, %[[W]], %{{[^,]+}}, %[[T]]) :
// CHECK-NOT:   func.func private @large_static.chunk.once(
func.func @large_static(%x: tensor<4x4x1040xf32>, %w: tensor<1040x4096xf32>) -> tensor<4x4x4096xf32> attributes {tconv.batch_loop} {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %init = tensor.empty() : tensor<4x4x4096xf32>
  %r = scf.for %i = %c0 to %c4 step %c2 iter_args(%acc = %init) -> (tensor<4x4x4096xf32>) {
    %xi = tensor.extract_slice %x[%i, 0, 0] [2, 4, 1040] [1, 1, 1] : tensor<4x4x1040xf32> to tensor<2x4x1040xf32>
    %oi = tensor.extract_slice %acc[%i, 0, 0] [2, 4, 4096] [1, 1, 1] : tensor<4x4x4096xf32> to tensor<2x4x4096xf32>
    %yi = func.call @large_static.chunk(%xi, %w, %oi) : (tensor<2x4x1040xf32>, tensor<1040x4096xf32>, tensor<2x4x4096xf32>) -> tensor<2x4x4096xf32>
    %next = tensor.insert_slice %yi into %acc[%i, 0, 0] [2, 4, 4096] [1, 1, 1] : tensor<2x4x4096xf32> into tensor<4x4x4096xf32>
    scf.yield %next : tensor<4x4x4096xf32>
  }
  return %r : tensor<4x4x4096xf32>
}
func.func private @large_static.chunk(%x: tensor<2x4x1040xf32>, %w: tensor<1040x4096xf32>, %out: tensor<2x4x4096xf32> {bufferization.writable = true}) -> tensor<2x4x4096xf32> attributes {tconv.batch_image} {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4096x1040xf32>
  %t = linalg.transpose ins(%w : tensor<1040x4096xf32>) outs(%e : tensor<4096x1040xf32>) permutation = [1, 0]
  %x2 = tensor.collapse_shape %x [[0, 1], [2]] : tensor<2x4x1040xf32> into tensor<8x1040xf32>
  %e3 = tensor.empty() : tensor<8x4096xf32>
  %f = linalg.fill ins(%zero : f32) outs(%e3 : tensor<8x4096xf32>) -> tensor<8x4096xf32>
  %y = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>] ins(%x2, %t : tensor<8x1040xf32>, tensor<4096x1040xf32>) outs(%f : tensor<8x4096xf32>) -> tensor<8x4096xf32>
  %y3 = tensor.expand_shape %y [[0, 1], [2]] output_shape [2, 4, 4096] : tensor<8x4096xf32> into tensor<2x4x4096xf32>
  %r = bufferization.materialize_in_destination %y3 in %out : (tensor<2x4x4096xf32>, tensor<2x4x4096xf32>) -> tensor<2x4x4096xf32>
  return %r : tensor<2x4x4096xf32>
}
