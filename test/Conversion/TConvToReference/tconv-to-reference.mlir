// RUN: tconv-opt %s --tconv-lower-to-reference --cse -split-input-file | FileCheck %s

// The seed's example: scatter into a zeroed canvas of 2 * (2 - 1) + 3 = 5,
// at d * 2 + k; then the crop by pad 1 reads canvas[o + 1].

// CHECK-LABEL: func.func @seed
// CHECK-SAME:    (%[[X:[a-z0-9_]+]]: tensor<1x1x2xf32>, %[[W:[a-z0-9_]+]]: tensor<1x1x3xf32>)
// CHECK:         %[[ZERO:[a-z0-9_]+]] = arith.constant 0.000000e+00 : f32
// CHECK:         %[[EMPTY:[a-z0-9_]+]] = tensor.empty() : tensor<1x1x5xf32>
// CHECK:         %[[CANVAS:[a-z0-9_]+]] = linalg.fill ins(%[[ZERO]] : f32) outs(%[[EMPTY]] : tensor<1x1x5xf32>)
// CHECK-DAG:     %[[C1:[a-z0-9_]+]] = arith.constant 1 : index
// CHECK-DAG:     %[[C2:[a-z0-9_]+]] = arith.constant 2 : index
// CHECK-DAG:     %[[C3:[a-z0-9_]+]] = arith.constant 3 : index
// CHECK:         %[[FULL:[a-z0-9_]+]] = scf.for %[[N:[a-z0-9_]+]] = {{.*}} iter_args(%{{.*}} = %[[CANVAS]])
// CHECK:           scf.for %[[C:[a-z0-9_]+]] =
// CHECK:             scf.for %[[D:[a-z0-9_]+]] = {{.*}} to %[[C2]]
// CHECK:               scf.for %[[M:[a-z0-9_]+]] =
// CHECK:                 scf.for %[[K:[a-z0-9_]+]] = {{.*}} to %[[C3]] {{.*}} iter_args(%[[T:[a-z0-9_]+]] = %{{.*}}) -> (tensor<1x1x5xf32>)
// CHECK:                   %[[DS:[a-z0-9_]+]] = arith.muli %[[D]], %[[C2]] : index
// CHECK:                   %[[POS:[a-z0-9_]+]] = arith.addi %[[DS]], %{{.*}} : index
// CHECK:                   %[[XV:[a-z0-9_]+]] = tensor.extract %[[X]][%[[N]], %[[C]], %[[D]]]
// CHECK:                   %[[WV:[a-z0-9_]+]] = tensor.extract %[[W]][%[[C]], %[[M]], %[[K]]]
// CHECK:                   %[[PROD:[a-z0-9_]+]] = arith.mulf %[[XV]], %[[WV]] : f32
// CHECK:                   %[[OLD:[a-z0-9_]+]] = tensor.extract %[[T]][%[[N]], %{{.*}}, %[[POS]]] : tensor<1x1x5xf32>
// CHECK:                   %[[SUM:[a-z0-9_]+]] = arith.addf %[[OLD]], %[[PROD]] : f32
// CHECK:                   tensor.insert %[[SUM]] into %[[T]][%[[N]], %{{.*}}, %[[POS]]] : tensor<1x1x5xf32>
// CHECK:         %[[OUT:[a-z0-9_]+]] = tensor.empty() : tensor<1x1x3xf32>
// CHECK:         %[[Y:[a-z0-9_]+]] = scf.for %[[N2:[a-z0-9_]+]] = {{.*}} iter_args(%{{.*}} = %[[OUT]])
// CHECK:           scf.for
// CHECK:             scf.for %[[O:[a-z0-9_]+]] = {{.*}} iter_args(%[[R:[a-z0-9_]+]] = %{{.*}}) -> (tensor<1x1x3xf32>)
// CHECK:             %[[SHIFTED:[a-z0-9_]+]] = arith.addi %[[O]], %[[C1]] : index
// CHECK:             %[[V:[a-z0-9_]+]] = tensor.extract %[[FULL]][%[[N2]], %{{.*}}, %[[SHIFTED]]] : tensor<1x1x5xf32>
// CHECK:             tensor.insert %[[V]] into %[[R]][%[[N2]], %{{.*}}, %[[O]]] : tensor<1x1x3xf32>
// CHECK:         return %[[Y]] : tensor<1x1x3xf32>
func.func @seed(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// bf16 accumulates in an f32 canvas of 2 * (3 - 1) + (2 - 1) * 3 + 1 + 1 = 9
// (output padding 1); group 2 puts input channel c's products into output
// channels (c / 2) * 3 + m; the crop adds the widened bias and rounds once.

// CHECK-LABEL: func.func @grouped_bf16
// CHECK-SAME:    (%[[X:[a-z0-9_]+]]: tensor<1x4x3xbf16>, %[[W:[a-z0-9_]+]]: tensor<4x3x2xbf16>, %[[B:[a-z0-9_]+]]: tensor<6xbf16>)
// CHECK:         linalg.fill {{.*}} -> tensor<1x6x9xf32>
// CHECK-DAG:     %[[C2:[a-z0-9_]+]] = arith.constant 2 : index
// CHECK-DAG:     %[[C3:[a-z0-9_]+]] = arith.constant 3 : index
// CHECK:         scf.for
// CHECK:         scf.for %[[C:[a-z0-9_]+]] =
// CHECK:           scf.for %[[D:[a-z0-9_]+]] =
// CHECK:             scf.for %[[M:[a-z0-9_]+]] =
// CHECK:               scf.for %[[K:[a-z0-9_]+]] =
// CHECK:                 %[[G:[a-z0-9_]+]] = arith.divui %[[C]], %[[C2]] : index
// CHECK:                 %[[GBASE:[a-z0-9_]+]] = arith.muli %[[G]], %[[C3]] : index
// CHECK:                 %[[OC:[a-z0-9_]+]] = arith.addi %[[GBASE]], %[[M]] : index
// CHECK:                 %[[KD:[a-z0-9_]+]] = arith.muli %[[K]], %[[C3]] : index
// CHECK:                 %[[XV:[a-z0-9_]+]] = tensor.extract %[[X]]{{.*}} : tensor<1x4x3xbf16>
// CHECK:                 arith.extf %[[XV]] : bf16 to f32
// CHECK:                 %[[WV:[a-z0-9_]+]] = tensor.extract %[[W]][%[[C]], %[[M]], %[[K]]] : tensor<4x3x2xbf16>
// CHECK:                 arith.extf %[[WV]] : bf16 to f32
// CHECK:                 tensor.insert %{{.*}} into %{{.*}}[%{{.*}}, %[[OC]], %{{.*}}] : tensor<1x6x9xf32>
// CHECK:         tensor.empty() : tensor<1x6x8xbf16>
// CHECK:         scf.for
// CHECK:           scf.for %[[OM:[a-z0-9_]+]] =
// CHECK:             %[[BV:[a-z0-9_]+]] = tensor.extract %[[B]][%[[OM]]] : tensor<6xbf16>
// CHECK:             %[[BW:[a-z0-9_]+]] = arith.extf %[[BV]] : bf16 to f32
// CHECK:             %[[SUM:[a-z0-9_]+]] = arith.addf %{{.*}}, %[[BW]] : f32
// CHECK:             %[[NARROW:[a-z0-9_]+]] = arith.truncf %[[SUM]] : f32 to bf16
// CHECK:             tensor.insert %[[NARROW]] into {{.*}} : tensor<1x6x8xbf16>
func.func @grouped_bf16(%x: tensor<1x4x3xbf16>, %w: tensor<4x3x2xbf16>, %b: tensor<6xbf16>) -> tensor<1x6x8xbf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2] pads = [0, 1] dilations = [3] output_padding = [1] group = 2
      : (tensor<1x4x3xbf16>, tensor<4x3x2xbf16>, tensor<6xbf16>) -> tensor<1x6x8xbf16>
  return %y : tensor<1x6x8xbf16>
}

// -----

// Direct convolution: the bias starts an f32 sum over the group's 2 input
// channels and 3 taps; taps in the padding (position o * 2 + k - 1 outside
// [0, 5)) are skipped.

// CHECK-LABEL: func.func @conv_f16
// CHECK-SAME:    (%[[X:[a-z0-9_]+]]: tensor<1x4x5xf16>, %[[W:[a-z0-9_]+]]: tensor<6x2x3xf16>, %[[B:[a-z0-9_]+]]: tensor<6xf16>)
// CHECK-DAG:     %[[C0:[a-z0-9_]+]] = arith.constant 0 : index
// CHECK-DAG:     %[[C1:[a-z0-9_]+]] = arith.constant 1 : index
// CHECK-DAG:     %[[C2:[a-z0-9_]+]] = arith.constant 2 : index
// CHECK:         scf.for %[[N:[a-z0-9_]+]] =
// CHECK:           scf.for %[[M:[a-z0-9_]+]] =
// CHECK:             scf.for %[[O:[a-z0-9_]+]] = {{.*}} iter_args(%[[OUT:[a-z0-9_]+]] = %{{.*}}) -> (tensor<1x6x2xf16>)
// CHECK:               %[[BV:[a-z0-9_]+]] = tensor.extract %[[B]][%[[M]]] : tensor<6xf16>
// CHECK:               %[[INIT:[a-z0-9_]+]] = arith.extf %[[BV]] : f16 to f32
// CHECK:               %[[C3:[a-z0-9_]+]] = arith.constant 3 : index
// CHECK:               %[[G:[a-z0-9_]+]] = arith.divui %[[M]], %[[C3]] : index
// CHECK:               %[[FIRST:[a-z0-9_]+]] = arith.muli %[[G]], %[[C2]] : index
// CHECK:               %[[ACC:[a-z0-9_]+]] = scf.for %[[C:[a-z0-9_]+]] = %[[C0]] to %[[C2]] {{.*}} iter_args(%{{.*}} = %[[INIT]]) -> (f32)
// CHECK:                 scf.for %[[K:[a-z0-9_]+]] = %[[C0]] to %[[C3]] {{.*}} iter_args(%[[A:[a-z0-9_]+]] = %{{.*}}) -> (f32)
// CHECK:                   %[[CH:[a-z0-9_]+]] = arith.addi %[[FIRST]], %[[C]] : index
// CHECK:                   %[[POS:[a-z0-9_]+]] = arith.subi %{{.*}}, %[[C1]] : index
// CHECK:                   %[[GE:[a-z0-9_]+]] = arith.cmpi sge, %[[POS]], %[[C0]] : index
// CHECK:                   %[[LT:[a-z0-9_]+]] = arith.cmpi slt, %[[POS]], %{{.*}} : index
// CHECK:                   %[[IN:[a-z0-9_]+]] = arith.andi %[[GE]], %[[LT]] : i1
// CHECK:                   scf.if %[[IN]] -> (f32) {
// CHECK:                     tensor.extract %[[X]][%[[N]], %[[CH]], %[[POS]]] : tensor<1x4x5xf16>
// CHECK:                     tensor.extract %[[W]][%[[M]], %[[C]], %[[K]]] : tensor<6x2x3xf16>
// CHECK:                     %[[P:[a-z0-9_]+]] = arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK:                     %[[S:[a-z0-9_]+]] = arith.addf %[[A]], %[[P]] : f32
// CHECK:                     scf.yield %[[S]] : f32
// CHECK:                   } else {
// CHECK:                     scf.yield %[[A]] : f32
// CHECK:               %[[R:[a-z0-9_]+]] = arith.truncf %[[ACC]] : f32 to f16
// CHECK:               tensor.insert %[[R]] into %[[OUT]][%[[N]], %[[M]], %[[O]]] : tensor<1x6x2xf16>
func.func @conv_f16(%x: tensor<1x4x5xf16>, %w: tensor<6x2x3xf16>, %b: tensor<6xf16>) -> tensor<1x6x2xf16> {
  %y = tconv.conv %x, %w, %b strides = [2] pads = [1, 0] group = 2
      : (tensor<1x4x5xf16>, tensor<6x2x3xf16>, tensor<6xf16>) -> tensor<1x6x2xf16>
  return %y : tensor<1x6x2xf16>
}

// -----

// Other ops are left alone.

// CHECK-LABEL: func.func @no_convs
// CHECK-NEXT:    %[[SUM:[a-z0-9_]+]] = arith.addf %{{.*}}, %{{.*}} : tensor<4xf32>
// CHECK-NEXT:    return %[[SUM]]
func.func @no_convs(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = arith.addf %x, %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
