// RUN: tconv-opt %s --tconv-entry-point-abi | FileCheck %s

// Public functions with a body get the C interface and read-only tensor
// arguments; scalars, private functions and declarations are left alone.

// CHECK-LABEL: func.func @entry(
//  CHECK-SAME:     %{{.*}}: tensor<4xf32> {bufferization.writable = false},
//  CHECK-SAME:     %{{.*}}: f32,
//  CHECK-SAME:     %{{.*}}: tensor<2x2xf16> {bufferization.writable = false})
//  CHECK-SAME:     attributes {llvm.emit_c_interface}
func.func @entry(%a: tensor<4xf32>, %s: f32, %b: tensor<2x2xf16>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

// CHECK-LABEL: func.func private @helper(
//  CHECK-SAME:     %{{.*}}: tensor<4xf32>) -> tensor<4xf32> {
func.func private @helper(%a: tensor<4xf32>) -> tensor<4xf32> {
  return %a : tensor<4xf32>
}

// CHECK-LABEL: func.func private @external(tensor<4xf32>){{$}}
func.func private @external(tensor<4xf32>)
