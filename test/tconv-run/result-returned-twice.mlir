// One value returned twice (it crashed the out-param promotion): both
// results hold it.
// RUN: tconv-run %s --random-inputs --verify | FileCheck %s
// CHECK: verify result #0: {{.*}}: ok
// CHECK: verify result #1: {{.*}}: ok
func.func @main(%x: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %y = math.tanh %x : tensor<2x3xf32>
  return %y, %y : tensor<2x3xf32>, tensor<2x3xf32>
}
