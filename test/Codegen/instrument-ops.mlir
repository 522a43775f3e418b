// RUN: tconv-opt %s --tconv-instrument-ops --split-input-file --verify-diagnostics | FileCheck %s

// Each top-level linalg op (but fills) and tensor.pad is bracketed with the
// profiling calls; the module records what each id stands for.

// CHECK-LABEL: module attributes {tconv.profiled_ops = [
// CHECK-SAME:    {attributes = "static_high=[1, 1] static_low=[1, 1]", flops = 0.000000e+00 : f64, location = "{{.*}}instrument-ops.mlir:{{[0-9]+}}:{{[0-9]+}}", name = "tensor.pad", types = "2x2xf32 -> 4x4xf32"},
// CHECK-SAME:    {attributes = "dilations=[1, 1] strides=[1, 1] loops=1x2x2x4x3rx3rx2r", flops = 5.760000e+02 : f64, {{.*}} name = "linalg.conv_2d_nhwc_hwcf", types = "1x4x4x2xf32, 3x3x2x4xf32, 1x2x2x4xf32 -> 1x2x2x4xf32"}]}
// CHECK-LABEL: func.func @f(
// CHECK:         %[[ID0:.*]] = arith.constant 0 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID0]]) : (i64) -> ()
// CHECK-NEXT:    %[[PADDED:.*]] = tensor.pad
// CHECK:         call @tconv_profile_end(%[[ID0]]) : (i64) -> ()
// CHECK:         %[[INIT:.*]] = linalg.fill
// CHECK-NEXT:    %[[ID1:.*]] = arith.constant 1 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[ID1]]) : (i64) -> ()
// CHECK-NEXT:    %[[CONV:.*]] = linalg.conv_2d_nhwc_hwcf {{.*}} outs(%[[INIT]] :
// CHECK-NEXT:    call @tconv_profile_end(%[[ID1]]) : (i64) -> ()
// CHECK-NEXT:    return %[[PADDED]], %[[CONV]]
// CHECK:       func.func private @tconv_profile_begin(i64)
// CHECK:       func.func private @tconv_profile_end(i64)
func.func @f(%x: tensor<2x2xf32>, %in: tensor<1x4x4x2xf32>, %w: tensor<3x3x2x4xf32>)
    -> (tensor<4x4xf32>, tensor<1x2x2x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[1, 1] high[1, 1] {
  ^bb0(%i: index, %j: index):
    tensor.yield %zero : f32
  } : tensor<2x2xf32> to tensor<4x4xf32>
  %e = tensor.empty() : tensor<1x2x2x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  %c = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%in, %w : tensor<1x4x4x2xf32>, tensor<3x3x2x4xf32>) outs(%init : tensor<1x2x2x4xf32>) -> tensor<1x2x2x4xf32>
  return %p, %c : tensor<4x4xf32>, tensor<1x2x2x4xf32>
}

// -----

// The module must not define the profiling functions itself.
// expected-error @+1 {{@tconv_profile_begin is already defined}}
module {
  func.func private @tconv_profile_begin(i64)
}
