// RUN: tconv-opt %s --tconv-lower-to-llvm=workspace=false \
// RUN: | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN: | FileCheck %s

// A model mixing tconv with upstream elementwise ops on tensors (arith,
// tosa, math): they fuse into the layout change after the convolution.

// mixed: conv, then arith.maximumf ReLU, tosa.clamp to [0, 2], math.tanh
// CHECK-LABEL: sizes = [48]
// CHECK-NEXT: [0.964028,  0.761594,  0,  0,  0,  0,  0.964028,  0,  0,  0,  0.964028,  0.964028,  0,  0,  0.964028,  0,  0.761594,  0,  0,  0.964028,  0,  0.964028,  0,  0,  0.964028,  0,  0.964028,  0.964028,  0,  0.964028,  0,  0.964028,  0.964028,  0,  0,  0.964028,  0,  0,  0,  0.964028,  0,  0,  0,  0,  0,  0,  0,  0.964028]

func.func @mixed(%x: tensor<1x3x3x4xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x3x4xf32> {
  %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
      : (tensor<1x3x3x4xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x4xf32>
  %zero = arith.constant dense<0.0> : tensor<1x4x3x4xf32>
  %relu = arith.maximumf %y, %zero : tensor<1x4x3x4xf32>
  %clamp = tosa.clamp %relu {min_val = 0.0 : f32, max_val = 2.0 : f32}
      : (tensor<1x4x3x4xf32>) -> tensor<1x4x3x4xf32>
  %r = math.tanh %clamp : tensor<1x4x3x4xf32>
  return %r : tensor<1x4x3x4xf32>
}

func.func @main() {
  %x0 = arith.constant dense<[[[[2.0, 1.0, 1.0, 2.0], [-1.0, -1.0, -1.0, -2.0], [0.0, 0.0, 2.0, -2.0]], [[2.0, 1.0, 0.0, -1.0], [1.0, 0.0, -1.0, 2.0], [-1.0, 1.0, -2.0, 2.0]], [[-2.0, 0.0, 0.0, 2.0], [2.0, -2.0, 2.0, 2.0], [-1.0, -1.0, 0.0, -1.0]]]]> : tensor<1x3x3x4xf32>
  %w0 = arith.constant dense<[[[[-1.0, 0.0, 1.0], [2.0, 2.0, -1.0], [-1.0, 2.0, -2.0]], [[0.0, 0.0, 2.0], [0.0, 1.0, 2.0], [1.0, 1.0, -1.0]], [[2.0, 0.0, 0.0], [-1.0, -2.0, 2.0], [-2.0, -1.0, -2.0]]], [[[1.0, 1.0, -2.0], [-1.0, -1.0, 1.0], [-1.0, 1.0, -2.0]], [[-2.0, -1.0, -2.0], [-1.0, 1.0, -2.0], [1.0, -1.0, -2.0]], [[0.0, -2.0, 0.0], [2.0, 2.0, -1.0], [-2.0, 1.0, 1.0]]], [[[1.0, -1.0, 0.0], [-2.0, 2.0, 1.0], [2.0, 0.0, -2.0]], [[2.0, 2.0, 1.0], [-2.0, 2.0, 0.0], [0.0, 1.0, -1.0]], [[0.0, 2.0, -2.0], [0.0, 0.0, 2.0], [0.0, 2.0, 2.0]]], [[[-1.0, -2.0, 1.0], [1.0, 2.0, -2.0], [2.0, 0.0, 0.0]], [[-1.0, -1.0, 1.0], [-1.0, 0.0, -1.0], [0.0, -2.0, -2.0]], [[1.0, -1.0, -2.0], [2.0, 0.0, 1.0], [2.0, 1.0, 0.0]]]]> : tensor<4x3x3x3xf32>
  %b0 = arith.constant dense<[-4.0, -3.0, 0.0, -1.0]> : tensor<4xf32>
  %y0 = call @mixed(%x0, %w0, %b0) : (tensor<1x3x3x4xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x3x4xf32>
  %f0 = tensor.collapse_shape %y0 [[0, 1, 2, 3]] : tensor<1x4x3x4xf32> into tensor<48xf32>
  %m0 = bufferization.to_buffer %f0 : tensor<48xf32> to memref<48xf32>
  %u0 = memref.cast %m0 : memref<48xf32> to memref<*xf32>
  call @printMemrefF32(%u0) : (memref<*xf32>) -> ()
  return
}
func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
