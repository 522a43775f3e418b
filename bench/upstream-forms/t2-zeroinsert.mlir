func.func @main(%x: tensor<1x128x32x32xf32>, %w: tensor<128x64x4x4xf32>) -> tensor<1x64x64x64xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x128x67x67xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x128x67x67xf32>) -> tensor<1x128x67x67xf32>
  %i = tensor.insert_slice %x into %z[0, 0, 2, 2] [1, 128, 32, 32] [1, 1, 2, 2] : tensor<1x128x32x32xf32> into tensor<1x128x67x67xf32>
  %ew = tensor.empty() : tensor<64x128x4x4xf32>
  %wf = linalg.generic {indexing_maps = [affine_map<(a,b,c,d) -> (b, a, 3 - c, 3 - d)>, affine_map<(a,b,c,d) -> (a,b,c,d)>], iterator_types = ["parallel","parallel","parallel","parallel"]} ins(%w : tensor<128x64x4x4xf32>) outs(%ew : tensor<64x128x4x4xf32>) { ^bb0(%a: f32, %b: f32): linalg.yield %a : f32 } -> tensor<64x128x4x4xf32>
  %eo = tensor.empty() : tensor<1x64x64x64xf32>
  %fo = linalg.fill ins(%cst : f32) outs(%eo : tensor<1x64x64x64xf32>) -> tensor<1x64x64x64xf32>
  %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %wf : tensor<1x128x67x67xf32>, tensor<64x128x4x4xf32>) outs(%fo : tensor<1x64x64x64xf32>) -> tensor<1x64x64x64xf32>
  return %y : tensor<1x64x64x64xf32>
}
