// RUN: tconv-opt %s --tconv-tag-profiled-ops --mlir-print-debuginfo --mlir-print-local-scope | FileCheck %s

// Each top-level linalg op (but fills) and tensor.pad gets an id in its
// location and a description in the module's table; a fill takes the id of
// the op whose accumulator it initializes, and has no entry of its own.

// CHECK-LABEL: module attributes {tconv.profiled_ops = [
// CHECK-SAME:    {attributes = "static_high=[1, 1] static_low=[1, 1]", flops = 0.000000e+00 : f64, function = "f", location = "{{.*}}tag-profiled-ops.mlir:[[PAD:[0-9]+]]:8", name = "tensor.pad", types = "2x2xf32 -> 4x4xf32"},
// CHECK-SAME:    {attributes = "dilations=[1, 1] strides=[1, 1] loops=1x2x2x4x3rx3rx2r", flops = 5.760000e+02 : f64, function = "f", location = "{{.*}}tag-profiled-ops.mlir:[[CONV:[0-9]+]]:8", name = "linalg.conv_2d_nhwc_hwcf", types = "1x4x4x2xf32, 3x3x2x4xf32, 1x2x2x4xf32 -> 1x2x2x4xf32"}]}
// CHECK-LABEL: func.func @f(
// CHECK:         tensor.pad
// CHECK:         } : tensor<2x2xf32> to tensor<4x4xf32> loc(fused<{tconv.profile_id = 0 : i64}>["{{.*}}tag-profiled-ops.mlir":[[PAD]]:8])
// CHECK:         %[[INIT:.*]] = linalg.fill {{.*}} loc(fused<{tconv.profile_id = 1 : i64}>["{{.*}}tag-profiled-ops.mlir":{{[0-9]+}}:11])
// CHECK:         linalg.conv_2d_nhwc_hwcf {{.*}} outs(%[[INIT]] : {{.*}} loc(fused<{tconv.profile_id = 1 : i64}>["{{.*}}tag-profiled-ops.mlir":[[CONV]]:8])
// The returned fill initializes nothing that is timed: no id.
// CHECK:         linalg.fill {{.*}} loc("{{.*}}tag-profiled-ops.mlir":{{[0-9]+}}:8)
// CHECK:         return
// CHECK:       func.func private @no_body
func.func @f(%x: tensor<2x2xf32>, %in: tensor<1x4x4x2xf32>, %w: tensor<3x3x2x4xf32>)
    -> (tensor<4x4xf32>, tensor<1x2x2x4xf32>, tensor<8xf32>) {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[1, 1] high[1, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<2x2xf32> to tensor<4x4xf32>
  %e = tensor.empty() : tensor<1x2x2x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : tensor<1x4x4x2xf32>, tensor<3x3x2x4xf32>) outs(%init : tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %e8 = tensor.empty() : tensor<8xf32>
  %z = linalg.fill ins(%zero : f32) outs(%e8 : tensor<8xf32>) -> tensor<8xf32>
  return %p, %c, %z : tensor<4x4xf32>, tensor<1x2x2x4xf32>, tensor<8xf32>
}

func.func private @no_body(tensor<2xf32>) -> tensor<2xf32>
