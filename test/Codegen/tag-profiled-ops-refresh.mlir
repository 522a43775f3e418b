// RUN: tconv-opt %s --tconv-tag-profiled-ops=refresh --split-input-file | FileCheck %s

// A pad rebuilt in another layout kept its id (0): its entry takes the
// types it now runs on. Entry 1 names another kind of op than the one that
// carries id 1 now, and entry 2 belongs to an op that is gone: both stay.

// CHECK-LABEL: module attributes {tconv.profiled_ops = [
// CHECK-SAME:    {attributes = "static_high=[0, 0, 1, 1] static_low=[0, 0, 1, 1]", flops = 0.000000e+00 : f64, function = "moved_pad", location = "pad.mlir:3:8", name = "tensor.pad", types = "1x2x4x4xf32 -> 1x2x6x6xf32"},
// CHECK-SAME:    {name = "linalg.conv_2d_nhwc_hwcf", types = "stale"},
// CHECK-SAME:    {name = "linalg.generic", types = "gone"}]}
// CHECK-LABEL: func.func @moved_pad(
module attributes {tconv.profiled_ops = [
    {name = "tensor.pad", types = "1x4x4x2xf32 -> 1x6x6x2xf32"},
    {name = "linalg.conv_2d_nhwc_hwcf", types = "stale"},
    {name = "linalg.generic", types = "gone"}]} {
func.func @moved_pad(%x: tensor<1x2x4x4xf32>) -> (tensor<1x2x6x6xf32>, tensor<1x2x4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%n: index, %c: index, %h: index, %w: index):
    tensor.yield %zero : f32
  } : tensor<1x2x4x4xf32> to tensor<1x2x6x6xf32> loc(fused<{tconv.profile_id = 0 : i64}>["pad.mlir":3:8])
  %e = tensor.empty() : tensor<1x2x4x4xf32>
  %t = linalg.transpose ins(%x : tensor<1x2x4x4xf32>) outs(%e : tensor<1x2x4x4xf32>)
      permutation = [0, 1, 3, 2] loc(fused<{tconv.profile_id = 1 : i64}>["conv.mlir":4:8])
  return %p, %t : tensor<1x2x6x6xf32>, tensor<1x2x4x4xf32>
}
}

// -----

// Without a table there is nothing to refresh.

// CHECK-LABEL: module {
// CHECK-NEXT:    func.func @no_table(
func.func @no_table(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}
