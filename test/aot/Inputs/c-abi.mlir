// Signatures that exercise the generated C interface (see c-abi.test).
func.func @axpy(%a: f32, %x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %e = tensor.empty() : tensor<2x3xf32>
  %r = linalg.generic {
      indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>,
                       affine_map<(i, j) -> (i, j)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<2x3xf32>, tensor<2x3xf32>) outs(%e : tensor<2x3xf32>) {
  ^bb0(%xi: f32, %yi: f32, %o: f32):
    %m = arith.mulf %a, %xi : f32
    %s = arith.addf %m, %yi : f32
    linalg.yield %s : f32
  } -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}

// Two results, one of them an input passed through, and a scalar result.
func.func @split(%x: tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>, f64) {
  %c0 = arith.constant 0 : index
  %first = tensor.extract %x[%c0] : tensor<4xf64>
  %neg = arith.negf %x : tensor<4xf64>
  return %x, %neg, %first : tensor<4xf64>, tensor<4xf64>, f64
}

// A constant result and integer element types.
func.func @table() -> tensor<3xi32> {
  %c = arith.constant dense<[7, -8, 9]> : tensor<3xi32>
  return %c : tensor<3xi32>
}

// Calls another entry: the callee stays usable on its own.
func.func @twice(%x: tensor<4xf64>) -> tensor<4xf64> {
  %a:3 = call @split(%x) : (tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>, f64)
  %b:3 = call @split(%a#1) : (tensor<4xf64>) -> (tensor<4xf64>, tensor<4xf64>, f64)
  return %b#1 : tensor<4xf64>
}

// Bytes marked tconv.unsigned (as the ONNX importer marks UINT8) are
// uint8_t in C: 200 / 2 is 100, not -28 / 2.
func.func @halve(%x: tensor<4xi8> {tconv.unsigned}) -> (tensor<4xi8> {tconv.unsigned}) {
  %two = arith.constant dense<2> : tensor<4xi8>
  %y = arith.divui %x, %two : tensor<4xi8>
  return %y : tensor<4xi8>
}

// Not public: not exported unless named with --entry.
func.func private @hidden(%x: tensor<4xi8>) -> tensor<4xi8> {
  return %x : tensor<4xi8>
}

// A padded input is a temporary: it lives in the caller's workspace.
func.func @padded(%x: tensor<1x1x4xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x4xf32> {
  %y = tconv.conv %x, %w pads = [1, 1]
      : (tensor<1x1x4xf32>, tensor<1x1x3xf32>) -> tensor<1x1x4xf32>
  return %y : tensor<1x1x4xf32>
}
