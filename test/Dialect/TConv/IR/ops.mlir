// RUN: tconv-opt %s -split-input-file | tconv-opt -split-input-file | FileCheck %s
// RUN: tconv-opt %s -split-input-file --mlir-print-op-generic | tconv-opt -split-input-file | FileCheck %s

// Round trip of every form of tconv.conv and tconv.conv_transpose: custom
// form in, custom form out; generic form in (the second RUN line prints every
// op generically first), custom form out. Attributes that were written are
// kept even when they hold the default value.

//===----------------------------------------------------------------------===//
// tconv.conv
//===----------------------------------------------------------------------===//

// CHECK-LABEL: func.func @conv_1d(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x3x10xf32>, %[[W:[^:]+]]: tensor<8x3x3xf32>
// CHECK:         %[[Y:.+]] = tconv.conv %[[X]], %[[W]] : (tensor<1x3x10xf32>, tensor<8x3x3xf32>) -> tensor<1x8x8xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_1d(%x: tensor<1x3x10xf32>, %w: tensor<8x3x3xf32>) -> tensor<1x8x8xf32> {
  %y = tconv.conv %x, %w : (tensor<1x3x10xf32>, tensor<8x3x3xf32>) -> tensor<1x8x8xf32>
  return %y : tensor<1x8x8xf32>
}

// -----

// CHECK-LABEL: func.func @conv_1d_bias(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x3x10xf32>, %[[W:[^:]+]]: tensor<8x3x3xf32>, %[[B:[^:]+]]: tensor<8xf32>
// CHECK:         %[[Y:.+]] = tconv.conv %[[X]], %[[W]], %[[B]] : (tensor<1x3x10xf32>, tensor<8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_1d_bias(%x: tensor<1x3x10xf32>, %w: tensor<8x3x3xf32>, %b: tensor<8xf32>) -> tensor<1x8x8xf32> {
  %y = tconv.conv %x, %w, %b : (tensor<1x3x10xf32>, tensor<8x3x3xf32>, tensor<8xf32>) -> tensor<1x8x8xf32>
  return %y : tensor<1x8x8xf32>
}

// -----

// Every attribute: (9 + 1 + 1 - ((3 - 1) * 2 + 1)) / 2 + 1 = 4.
// CHECK-LABEL: func.func @conv_2d_all_attributes(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<2x4x9x9xf32>, %[[W:[^:]+]]: tensor<6x2x3x3xf32>, %[[B:[^:]+]]: tensor<6xf32>
// CHECK:         %[[Y:.+]] = tconv.conv %[[X]], %[[W]], %[[B]] strides = [2, 2] pads = [1, 1, 1, 1] dilations = [2, 2] group = 2 : (tensor<2x4x9x9xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<2x6x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_2d_all_attributes(%x: tensor<2x4x9x9xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>) -> tensor<2x6x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1] dilations = [2, 2] group = 2
      : (tensor<2x4x9x9xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<2x6x4x4xf32>
  return %y : tensor<2x6x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv_2d_strides(
// CHECK:         tconv.conv %{{.+}}, %{{.+}} strides = [2, 2] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
func.func @conv_2d_strides(%x: tensor<1x1x8x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %y = tconv.conv %x, %w strides = [2, 2] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32>
  return %y : tensor<1x1x3x3xf32>
}

// -----

// Asymmetric pads, ONNX order [h_begin, w_begin, h_end, w_end].
// CHECK-LABEL: func.func @conv_2d_pads(
// CHECK:         tconv.conv %{{.+}}, %{{.+}} pads = [0, 1, 2, 3] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x10xf32>
func.func @conv_2d_pads(%x: tensor<1x1x8x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x8x10xf32> {
  %y = tconv.conv %x, %w pads = [0, 1, 2, 3] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x10xf32>
  return %y : tensor<1x1x8x10xf32>
}

// -----

// CHECK-LABEL: func.func @conv_2d_dilations(
// CHECK:         tconv.conv %{{.+}}, %{{.+}} dilations = [2, 3] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x2xf32>
func.func @conv_2d_dilations(%x: tensor<1x1x8x8xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x4x2xf32> {
  %y = tconv.conv %x, %w dilations = [2, 3] : (tensor<1x1x8x8xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x4x2xf32>
  return %y : tensor<1x1x4x2xf32>
}

// -----

// CHECK-LABEL: func.func @conv_2d_group(
// CHECK:         tconv.conv %{{.+}}, %{{.+}} group = 4 : (tensor<1x4x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32>
func.func @conv_2d_group(%x: tensor<1x4x8x8xf32>, %w: tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32> {
  %y = tconv.conv %x, %w group = 4 : (tensor<1x4x8x8xf32>, tensor<8x1x3x3xf32>) -> tensor<1x8x6x6xf32>
  return %y : tensor<1x8x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv_3d(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x2x4x5x6xf32>, %[[W:[^:]+]]: tensor<3x2x2x2x2xf32>, %[[B:[^:]+]]: tensor<3xf32>
// CHECK:         %[[Y:.+]] = tconv.conv %[[X]], %[[W]], %[[B]] strides = [1, 1, 2] pads = [0, 0, 1, 0, 0, 1] : (tensor<1x2x4x5x6xf32>, tensor<3x2x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x3x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_3d(%x: tensor<1x2x4x5x6xf32>, %w: tensor<3x2x2x2x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x3x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [1, 1, 2] pads = [0, 0, 1, 0, 0, 1]
      : (tensor<1x2x4x5x6xf32>, tensor<3x2x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x3x4x4xf32>
  return %y : tensor<1x3x3x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv_f16(
// CHECK:         tconv.conv %{{.+}}, %{{.+}}, %{{.+}} : (tensor<1x1x4x4xf16>, tensor<1x1x3x3xf16>, tensor<1xf16>) -> tensor<1x1x2x2xf16>
func.func @conv_f16(%x: tensor<1x1x4x4xf16>, %w: tensor<1x1x3x3xf16>, %b: tensor<1xf16>) -> tensor<1x1x2x2xf16> {
  %y = tconv.conv %x, %w, %b : (tensor<1x1x4x4xf16>, tensor<1x1x3x3xf16>, tensor<1xf16>) -> tensor<1x1x2x2xf16>
  return %y : tensor<1x1x2x2xf16>
}

// -----

// CHECK-LABEL: func.func @conv_bf16(
// CHECK:         tconv.conv %{{.+}}, %{{.+}}, %{{.+}} : (tensor<1x1x4x4xbf16>, tensor<1x1x3x3xbf16>, tensor<1xbf16>) -> tensor<1x1x2x2xbf16>
func.func @conv_bf16(%x: tensor<1x1x4x4xbf16>, %w: tensor<1x1x3x3xbf16>, %b: tensor<1xbf16>) -> tensor<1x1x2x2xbf16> {
  %y = tconv.conv %x, %w, %b : (tensor<1x1x4x4xbf16>, tensor<1x1x3x3xbf16>, tensor<1xbf16>) -> tensor<1x1x2x2xbf16>
  return %y : tensor<1x1x2x2xbf16>
}

// -----

// CHECK-LABEL: func.func @conv_f64(
// CHECK:         tconv.conv %{{.+}}, %{{.+}}, %{{.+}} : (tensor<1x1x4x4xf64>, tensor<1x1x3x3xf64>, tensor<1xf64>) -> tensor<1x1x2x2xf64>
func.func @conv_f64(%x: tensor<1x1x4x4xf64>, %w: tensor<1x1x3x3xf64>, %b: tensor<1xf64>) -> tensor<1x1x2x2xf64> {
  %y = tconv.conv %x, %w, %b : (tensor<1x1x4x4xf64>, tensor<1x1x3x3xf64>, tensor<1xf64>) -> tensor<1x1x2x2xf64>
  return %y : tensor<1x1x2x2xf64>
}

// -----

// Generic form in, custom form out; default-valued attributes stay.
// CHECK-LABEL: func.func @conv_generic(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x2x6x6xf32>, %[[W:[^:]+]]: tensor<4x2x3x3xf32>, %[[B:[^:]+]]: tensor<4xf32>
// CHECK:         %[[Y:.+]] = tconv.conv %[[X]], %[[W]], %[[B]] strides = [1, 1] pads = [0, 0, 0, 0] dilations = [1, 1] group = 1 : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_generic(%x: tensor<1x2x6x6xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %y = "tconv.conv"(%x, %w, %b) {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64}
      : (tensor<1x2x6x6xf32>, tensor<4x2x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %y : tensor<1x4x4x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// tconv.conv_transpose
//===----------------------------------------------------------------------===//

// The seed's 1-D example: 2 -> 3 with k = 3, s = 2, p = 1.
// CHECK-LABEL: func.func @conv_transpose_1d(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x1x2xf32>, %[[W:[^:]+]]: tensor<1x1x3xf32>
// CHECK:         %[[Y:.+]] = tconv.conv_transpose %[[X]], %[[W]] strides = [2] pads = [1, 1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_transpose_1d(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1] : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// -----

// No attributes, bias: 5 - 1 + 4 = 8; the filter is C x M x k.
// CHECK-LABEL: func.func @conv_transpose_1d_bias(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x2x5xf32>, %[[W:[^:]+]]: tensor<2x3x4xf32>, %[[B:[^:]+]]: tensor<3xf32>
// CHECK:         %[[Y:.+]] = tconv.conv_transpose %[[X]], %[[W]], %[[B]] : (tensor<1x2x5xf32>, tensor<2x3x4xf32>, tensor<3xf32>) -> tensor<1x3x8xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_transpose_1d_bias(%x: tensor<1x2x5xf32>, %w: tensor<2x3x4xf32>, %b: tensor<3xf32>) -> tensor<1x3x8xf32> {
  %y = tconv.conv_transpose %x, %w, %b : (tensor<1x2x5xf32>, tensor<2x3x4xf32>, tensor<3xf32>) -> tensor<1x3x8xf32>
  return %y : tensor<1x3x8xf32>
}

// -----

// Generic form in, custom form out: 2 * (5 - 1) + 1 + 3 - 1 - 1 = 10.
// CHECK-LABEL: func.func @conv_transpose_generic(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x4x5x5xf32>, %[[W:[^:]+]]: tensor<4x2x3x3xf32>, %[[B:[^:]+]]: tensor<2xf32>
// CHECK:         %[[Y:.+]] = tconv.conv_transpose %[[X]], %[[W]], %[[B]] strides = [2, 2] pads = [1, 1, 1, 1] dilations = [1, 1] output_padding = [1, 1] group = 1 : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x10x10xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_transpose_generic(%x: tensor<1x4x5x5xf32>, %w: tensor<4x2x3x3xf32>, %b: tensor<2xf32>) -> tensor<1x2x10x10xf32> {
  %y = "tconv.conv_transpose"(%x, %w, %b) {strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, output_padding = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x4x5x5xf32>, tensor<4x2x3x3xf32>, tensor<2xf32>) -> tensor<1x2x10x10xf32>
  return %y : tensor<1x2x10x10xf32>
}

// -----

// Every attribute, grouped: M = 3 * 2; 2 * 4 + 1 + ((3 - 1) * 2 + 1) - 2 = 12.
// CHECK-LABEL: func.func @conv_transpose_2d_all_attributes(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x4x5x5xf32>, %[[W:[^:]+]]: tensor<4x3x3x3xf32>, %[[B:[^:]+]]: tensor<6xf32>
// CHECK:         %[[Y:.+]] = tconv.conv_transpose %[[X]], %[[W]], %[[B]] strides = [2, 2] pads = [1, 1, 1, 1] dilations = [2, 2] output_padding = [1, 1] group = 2 : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>, tensor<6xf32>) -> tensor<1x6x12x12xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_transpose_2d_all_attributes(%x: tensor<1x4x5x5xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<6xf32>) -> tensor<1x6x12x12xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1] dilations = [2, 2] output_padding = [1, 1] group = 2
      : (tensor<1x4x5x5xf32>, tensor<4x3x3x3xf32>, tensor<6xf32>) -> tensor<1x6x12x12xf32>
  return %y : tensor<1x6x12x12xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_2d_no_attributes(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
func.func @conv_transpose_2d_no_attributes(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  %y = tconv.conv_transpose %x, %w : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_2d_strides(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} strides = [2, 3] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x12xf32>
func.func @conv_transpose_2d_strides(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x9x12xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 3] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x12xf32>
  return %y : tensor<1x1x9x12xf32>
}

// -----

// Pads crop the output: [h_begin, w_begin, h_end, w_end] = [1, 0, 2, 1].
// CHECK-LABEL: func.func @conv_transpose_2d_pads(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} pads = [1, 0, 2, 1] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x5xf32>
func.func @conv_transpose_2d_pads(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x3x5xf32> {
  %y = tconv.conv_transpose %x, %w pads = [1, 0, 2, 1] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x3x5xf32>
  return %y : tensor<1x1x3x5xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_2d_dilations(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} dilations = [2, 2] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32>
func.func @conv_transpose_2d_dilations(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32> {
  %y = tconv.conv_transpose %x, %w dilations = [2, 2] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x8x8xf32>
  return %y : tensor<1x1x8x8xf32>
}

// -----

// All-zero output_padding is valid with unit strides and dilations.
// CHECK-LABEL: func.func @conv_transpose_2d_output_padding(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} output_padding = [0, 0] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
func.func @conv_transpose_2d_output_padding(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32> {
  %y = tconv.conv_transpose %x, %w output_padding = [0, 0] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x6x6xf32>
  return %y : tensor<1x1x6x6xf32>
}

// -----

// output_padding may reach max(stride, dilation) - 1 in each dim: here the
// dilation (2) allows 1 in dim 0, the stride (3) allows 2 in dim 1.
// CHECK-LABEL: func.func @conv_transpose_2d_output_padding_per_dim(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} strides = [1, 3] dilations = [2, 1] output_padding = [1, 2] : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x14xf32>
func.func @conv_transpose_2d_output_padding_per_dim(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x3x3xf32>) -> tensor<1x1x9x14xf32> {
  %y = tconv.conv_transpose %x, %w strides = [1, 3] dilations = [2, 1] output_padding = [1, 2]
      : (tensor<1x1x4x4xf32>, tensor<1x1x3x3xf32>) -> tensor<1x1x9x14xf32>
  return %y : tensor<1x1x9x14xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_2d_group(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} group = 2 : (tensor<1x4x4x4xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
func.func @conv_transpose_2d_group(%x: tensor<1x4x4x4xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %y = tconv.conv_transpose %x, %w group = 2 : (tensor<1x4x4x4xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %y : tensor<1x4x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_3d(
// CHECK-SAME:      %[[X:[^:]+]]: tensor<1x2x2x3x4xf32>, %[[W:[^:]+]]: tensor<2x3x2x2x2xf32>, %[[B:[^:]+]]: tensor<3xf32>
// CHECK:         %[[Y:.+]] = tconv.conv_transpose %[[X]], %[[W]], %[[B]] strides = [2, 2, 2] : (tensor<1x2x2x3x4xf32>, tensor<2x3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x4x6x8xf32>
// CHECK-NEXT:    return %[[Y]]
func.func @conv_transpose_3d(%x: tensor<1x2x2x3x4xf32>, %w: tensor<2x3x2x2x2xf32>, %b: tensor<3xf32>) -> tensor<1x3x4x6x8xf32> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2, 2]
      : (tensor<1x2x2x3x4xf32>, tensor<2x3x2x2x2xf32>, tensor<3xf32>) -> tensor<1x3x4x6x8xf32>
  return %y : tensor<1x3x4x6x8xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_f16(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}}, %{{.+}} strides = [2, 2] : (tensor<1x1x2x2xf16>, tensor<1x1x2x2xf16>, tensor<1xf16>) -> tensor<1x1x4x4xf16>
func.func @conv_transpose_f16(%x: tensor<1x1x2x2xf16>, %w: tensor<1x1x2x2xf16>, %b: tensor<1xf16>) -> tensor<1x1x4x4xf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] : (tensor<1x1x2x2xf16>, tensor<1x1x2x2xf16>, tensor<1xf16>) -> tensor<1x1x4x4xf16>
  return %y : tensor<1x1x4x4xf16>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_bf16(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}}, %{{.+}} strides = [2, 2] : (tensor<1x1x2x2xbf16>, tensor<1x1x2x2xbf16>, tensor<1xbf16>) -> tensor<1x1x4x4xbf16>
func.func @conv_transpose_bf16(%x: tensor<1x1x2x2xbf16>, %w: tensor<1x1x2x2xbf16>, %b: tensor<1xbf16>) -> tensor<1x1x4x4xbf16> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] : (tensor<1x1x2x2xbf16>, tensor<1x1x2x2xbf16>, tensor<1xbf16>) -> tensor<1x1x4x4xbf16>
  return %y : tensor<1x1x4x4xbf16>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_f64(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}}, %{{.+}} strides = [2, 2] : (tensor<1x1x2x2xf64>, tensor<1x1x2x2xf64>, tensor<1xf64>) -> tensor<1x1x4x4xf64>
func.func @conv_transpose_f64(%x: tensor<1x1x2x2xf64>, %w: tensor<1x1x2x2xf64>, %b: tensor<1xf64>) -> tensor<1x1x4x4xf64> {
  %y = tconv.conv_transpose %x, %w, %b strides = [2, 2] : (tensor<1x1x2x2xf64>, tensor<1x1x2x2xf64>, tensor<1xf64>) -> tensor<1x1x4x4xf64>
  return %y : tensor<1x1x4x4xf64>
}

// -----

// Inherent attributes written in the attribute dictionary print in the
// custom form; discardable ones stay in the dictionary.
// CHECK-LABEL: func.func @conv_transpose_attr_dict(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} strides = [2] output_padding = [1] {tconv.tag = "up"} : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x6xf32>
func.func @conv_transpose_attr_dict(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x6xf32> {
  %y = tconv.conv_transpose %x, %w {strides = array<i64: 2>, output_padding = array<i64: 1>, tconv.tag = "up"}
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x6xf32>
  return %y : tensor<1x1x6xf32>
}

// -----

// A dynamic batch (dim 0) is allowed; channels and spatial dims stay static.
// CHECK-LABEL: func.func @conv_dynamic_batch(
// CHECK:         tconv.conv %{{.+}}, %{{.+}}, %{{.+}} strides = [2, 2] pads = [1, 1, 1, 1] group = 2 : (tensor<?x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<?x6x4x4xf32>
func.func @conv_dynamic_batch(%x: tensor<?x4x8x8xf32>, %w: tensor<6x2x3x3xf32>, %b: tensor<6xf32>) -> tensor<?x6x4x4xf32> {
  %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1] group = 2 : (tensor<?x4x8x8xf32>, tensor<6x2x3x3xf32>, tensor<6xf32>) -> tensor<?x6x4x4xf32>
  return %y : tensor<?x6x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @conv_transpose_dynamic_batch(
// CHECK:         tconv.conv_transpose %{{.+}}, %{{.+}} strides = [2] output_padding = [1] : (tensor<?x1x2xf32>, tensor<1x3x3xf32>) -> tensor<?x3x6xf32>
func.func @conv_transpose_dynamic_batch(%x: tensor<?x1x2xf32>, %w: tensor<1x3x3xf32>) -> tensor<?x3x6xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] output_padding = [1] : (tensor<?x1x2xf32>, tensor<1x3x3xf32>) -> tensor<?x3x6xf32>
  return %y : tensor<?x3x6xf32>
}
