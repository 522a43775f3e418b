// RUN: tconv-opt %s -split-input-file -tconv-decompose-transpose | FileCheck %s

// A constant filter is regrouped, split into phases and flipped at compile
// time: each phase convolution gets its own constant, no gather is left.
// Phase 0 takes tap 1 of each channel, phase 1 taps {2, 0}; the 4x1x3
// filter of 2 groups becomes 2x2xk (output channel g reads channels 2g, 2g+1).
// CHECK-LABEL: func.func @grouped(
// CHECK-SAME:      %[[X:.*]]: tensor<1x4x3xf32>)
// CHECK-NOT:     linalg.generic
// CHECK-NOT:     tensor.expand_shape
// CHECK-NOT:     tensor<4x1x3xf32>
// CHECK:         %[[W0:.*]] = arith.constant
// CHECK-SAME{LITERAL}: dense<[[[2.000000e+00], [5.000000e+00]], [[8.000000e+00], [1.100000e+01]]]> : tensor<2x2x1xf32>
// CHECK:         tconv.conv %[[X]], %[[W0]] group = 2 : (tensor<1x4x3xf32>, tensor<2x2x1xf32>) -> tensor<1x2x3xf32>
// CHECK:         %[[W1:.*]] = arith.constant
// CHECK-SAME{LITERAL}: dense<[[[3.000000e+00, 1.000000e+00], [6.000000e+00, 4.000000e+00]], [[9.000000e+00, 7.000000e+00], [1.200000e+01, 1.000000e+01]]]> : tensor<2x2x2xf32>
// CHECK:         tconv.conv %[[X]], %[[W1]] group = 2 : (tensor<1x4x3xf32>, tensor<2x2x2xf32>) -> tensor<1x2x2xf32>
// CHECK-NOT:     linalg.generic
func.func @grouped(%x: tensor<1x4x3xf32>) -> tensor<1x2x5xf32> {
  %w = arith.constant dense<[[[1.0, 2.0, 3.0]], [[4.0, 5.0, 6.0]], [[7.0, 8.0, 9.0]], [[10.0, 11.0, 12.0]]]> : tensor<4x1x3xf32>
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1] group = 2
      : (tensor<1x4x3xf32>, tensor<4x1x3xf32>) -> tensor<1x2x5xf32>
  return %y : tensor<1x2x5xf32>
}

// -----

// f16 (2-byte elements), flipped in both spatial dims, C x M -> M x C.
// CHECK-LABEL: func.func @flip_2d_f16(
// CHECK:         %[[W:.*]] = arith.constant
// CHECK-SAME{LITERAL}: dense<[[[[4.000000e+00, 3.000000e+00], [2.000000e+00, 1.000000e+00]]], [[[8.000000e+00, 7.000000e+00], [6.000000e+00, 5.000000e+00]]]]> : tensor<2x1x2x2xf16>
// CHECK:         tconv.conv %{{.*}}, %[[W]] pads = [1, 1, 1, 1] : (tensor<1x1x2x2xf16>, tensor<2x1x2x2xf16>) -> tensor<1x2x3x3xf16>
// CHECK-NOT:     linalg.generic
func.func @flip_2d_f16(%x: tensor<1x1x2x2xf16>) -> tensor<1x2x3x3xf16> {
  %w = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]]> : tensor<1x2x2x2xf16>
  %y = tconv.conv_transpose %x, %w
      : (tensor<1x1x2x2xf16>, tensor<1x2x2x2xf16>) -> tensor<1x2x3x3xf16>
  return %y : tensor<1x2x3x3xf16>
}

// -----

// CHECK-LABEL: func.func @splat(
// CHECK:         %[[W0:.*]] = arith.constant dense<1.500000e+00> : tensor<4x1x2xbf16>
// CHECK:         tconv.conv %{{.*}}, %[[W0]] pads = [1, 1] group = 2
// CHECK:         %[[W1:.*]] = arith.constant dense<1.500000e+00> : tensor<4x1x1xbf16>
// CHECK:         tconv.conv %{{.*}}, %[[W1]] group = 2
// CHECK-NOT:     linalg.generic
func.func @splat(%x: tensor<1x2x3xbf16>) -> tensor<1x4x7xbf16> {
  %w = arith.constant dense<1.5> : tensor<2x2x3xbf16>
  %y = tconv.conv_transpose %x, %w strides = [2] group = 2
      : (tensor<1x2x3xbf16>, tensor<2x2x3xbf16>) -> tensor<1x4x7xbf16>
  return %y : tensor<1x4x7xbf16>
}

// -----

// The original constant stays for its other user.
// CHECK-LABEL: func.func @shared(
// CHECK:         %[[ORIG:.*]] = arith.constant
// CHECK-SAME{LITERAL}: dense<[[[1.000000e+00, 2.000000e+00, 3.000000e+00]]]> : tensor<1x1x3xf64>
// CHECK:         %[[W0:.*]] = arith.constant dense<2.000000e+00> : tensor<1x1x1xf64>
// CHECK:         tconv.conv %{{.*}}, %[[W0]]
// CHECK:         %[[W1:.*]] = arith.constant
// CHECK-SAME{LITERAL}: dense<[[[3.000000e+00, 1.000000e+00]]]> : tensor<1x1x2xf64>
// CHECK:         tconv.conv %{{.*}}, %[[W1]]
// CHECK:         arith.addf %[[ORIG]], %[[ORIG]]
func.func @shared(%x: tensor<1x1x2xf64>) -> (tensor<1x1x3xf64>, tensor<1x1x3xf64>) {
  %w = arith.constant dense<[[[1.0, 2.0, 3.0]]]> : tensor<1x1x3xf64>
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf64>, tensor<1x1x3xf64>) -> tensor<1x1x3xf64>
  %z = arith.addf %w, %w : tensor<1x1x3xf64>
  return %y, %z : tensor<1x1x3xf64>, tensor<1x1x3xf64>
}
