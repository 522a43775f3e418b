func.func @main(%x: tensor<1x1x64x56x56xf32>, %w: tensor<1x64x64x3x3xf32>) -> tensor<1x1x64x56x56xf32> {
  %cst = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 0, 1, 1] high[0, 0, 0, 1, 1] { ^bb0(%a: index, %b: index, %c: index, %d: index, %g: index): tensor.yield %cst : f32 } : tensor<1x1x64x56x56xf32> to tensor<1x1x64x58x58xf32>
  %e = tensor.empty() : tensor<1x1x64x56x56xf32>
  %f = linalg.fill ins(%cst : f32) outs(%e : tensor<1x1x64x56x56xf32>) -> tensor<1x1x64x56x56xf32>
  %y = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x1x64x58x58xf32>, tensor<1x64x64x3x3xf32>) outs(%f : tensor<1x1x64x56x56xf32>) -> tensor<1x1x64x56x56xf32>
  return %y : tensor<1x1x64x56x56xf32>
}
