// A convolution that --tconv-raise-convolutions leaves to upstream's
// lowering is named with the reason; --verify says it compared it with
// itself (the reference lowers it the same way).

// RUN: tconv-run %s --random-inputs --verify 2>&1 | FileCheck %s
// CHECK-DAG: tconv-run: note: {{.*}}not-raised-note.mlir:[[@LINE+8]]:8: not raised to tconv: needs static shapes of one float element type
// CHECK-DAG: verified 0 tconv ops, 0 raised upstream convolutions (1 not raised: lowered by upstream like the reference)
// CHECK-DAG: verify result #0: max abs error {{.*}}: ok

func.func @main(%x: tensor<1x3x9xf16>, %w: tensor<4x3x3xf16>) -> tensor<1x4x7xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x7xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x7xf32>) -> tensor<1x4x7xf32>
  %y = linalg.conv_1d_ncw_fcw {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>} ins(%x, %w : tensor<1x3x9xf16>, tensor<4x3x3xf16>) outs(%f : tensor<1x4x7xf32>) -> tensor<1x4x7xf32>
  return %y : tensor<1x4x7xf32>
}
