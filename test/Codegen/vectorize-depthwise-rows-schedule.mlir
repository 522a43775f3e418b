// RUN: tconv-opt %s --tconv-lower-depthwise-transpose --tconv-vectorize-depthwise-rows --canonicalize --cse | FileCheck %s

// The row vectorizer takes its vector width from a recorded depthwise-rows
// schedule (tconv-select-strategy) over its vector-width option (8): the 2x
// upsampling of vectorize-depthwise-rows.mlir in vectors of 16 outputs, two
// phases interleaved into 32.

// CHECK-LABEL: func.func @recorded_schedule
//       CHECK:   scf.forall (%{{.*}}, %{{.*}}, %{{.*}}) in (2, 8, 2)
//       CHECK:     vector.fma {{.*}} : vector<16xf32>
//       CHECK:     vector.interleave {{.*}} : vector<16xf32> -> vector<32xf32>
//   CHECK-NOT:     vector<8xf32>
func.func @recorded_schedule(%x: tensor<1x2x8x32xf32>, %w: tensor<2x1x4x4xf32>) -> tensor<1x2x16x64xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 2
      {tconv.schedule = {kind = "depthwise-rows", vector_width = 16}}
      : (tensor<1x2x8x32xf32>, tensor<2x1x4x4xf32>) -> tensor<1x2x16x64xf32>
  return %y : tensor<1x2x16x64xf32>
}
