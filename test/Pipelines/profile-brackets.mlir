// RUN: tconv-opt %s --tconv-lower-to-llvm="stop-after=bufferized profile=true vector-width=8 f-tile=16" | FileCheck %s

// With `profile`, every loop nest of the final code sits inside one bracket
// of timer calls whose id is the fused-stage op it was made from, so that
// the per-op times of tconv-run --profile add up to the call. Here: a
// convolution with bias and ReLU, then a stride-2 transposed convolution
// (four phase convolutions, each with its filter gather).

// The table, by id (what each bracket stands for); the bias was folded into
// the convolution's tiles, and so was the input's layout change (the tiles
// read NCHW elements in place): neither has loops of its own. Nor have the
// transposed convolution's filter gathers: its phases' tiles read the
// filter's elements where the caller put them.
// CHECK-LABEL: module attributes {tconv.profiled_ops = [
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "1x8x10x10xf32, 1x10x10x8xf32 -> 1x10x10x8xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 1 : i64, {{[^}]*}} name = "linalg.generic", types = "16x8x3x3xf32, 3x3x8x16xf32 -> 3x3x8x16xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 1 : i64, {{[^}]*}} name = "linalg.conv_2d_nhwc_hwcf", types = "1x10x10x8xf32, 3x3x8x16xf32, 1x8x8x16xf32 -> 1x8x8x16xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 1 : i64, {{[^}]*}} name = "linalg.generic", types = "1x8x8x16xf32, 1x16x8x8xf32 -> 1x16x8x8xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 1 : i64, {{[^}]*}} name = "tensor.pad", types = "1x16x8x8xf32 -> 1x16x10x10xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "16x4x4x4xf32, 4x4x16x4xf32 -> 4x4x16x4xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "4x4x16x4xf32, 4x16x2x2xf32 -> 4x16x2x2xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 1 : i64, flops = 6.553600e+04 : f64, {{[^}]*}} name = "linalg.conv_2d_nchw_fchw", types = "1x16x9x9xf32, 4x16x2x2xf32, 1x4x8x8xf32 -> 1x4x8x8xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "4x4x16x4xf32, 4x16x2x2xf32 -> 4x16x2x2xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, flops = 3.276800e+04 : f64, {{[^}]*}} name = "linalg.conv_2d_nchw_fchw", types = "1x16x9x9xf32, 4x16x2x2xf32, 1x4x8x8xf32 -> 1x4x8x8xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "4x4x16x4xf32, 4x16x2x2xf32 -> 4x16x2x2xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 1 : i64, flops = 6.553600e+04 : f64, {{[^}]*}} name = "linalg.conv_2d_nchw_fchw", types = "1x16x9x9xf32, 4x16x2x2xf32, 1x4x8x8xf32 -> 1x4x8x8xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, {{[^}]*}} name = "linalg.generic", types = "4x4x16x4xf32, 4x16x2x2xf32 -> 4x16x2x2xf32"},
// CHECK-SAME:  {attributes = {{[^}]*}}, brackets = 0 : i64, flops = 3.276800e+04 : f64, {{[^}]*}} name = "linalg.conv_2d_nchw_fchw", types = "1x16x9x9xf32, 4x16x2x2xf32, 1x4x8x8xf32 -> 1x4x8x8xf32"}]}

// Between brackets: views and constants only, no loop nest, fill or copy.
// CHECK-LABEL: func.func @main(
// CHECK-SAME:      %[[X:[^:]*]]: memref<1x8x10x10xf32>
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// The filter to HWCF (id 2), its 3x3 taps merged, one input channel per
// chunk: blocks of 8 taps, then the ninth as loops.
// CHECK-NOT:     call @tconv_profile_begin
// CHECK:         %[[I2:.*]] = arith.constant 2 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[I2]])
// CHECK-NEXT:    scf.forall ({{.*}}) in (8)
// CHECK-NOT:     call @tconv_profile
// CHECK:         call @tconv_profile_end(%[[I2]])
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// The convolution's tiles over 8x8 outputs (id 3), the bias inside.
// CHECK:         %[[I3:.*]] = arith.constant 3 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[I3]])
// CHECK-NEXT:    scf.forall ({{.*}}) = (0, 0) to (8, 8)
// CHECK-NOT:     call @tconv_profile
// CHECK:         call @tconv_profile_end(%[[I3]])
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// The border of the transposed convolution's padded input (id 5): its
// fills, although the pad op itself is gone.
// CHECK:         %[[I5:.*]] = arith.constant 5 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[I5]])
// CHECK-NEXT:    linalg.fill
// CHECK-NOT:     call @tconv_profile
// CHECK-COUNT-3: linalg.fill
// CHECK-NOT:     call @tconv_profile
// CHECK:         call @tconv_profile_end(%[[I5]])
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// ReLU and back to NCHW (id 4), written into the padded input's interior
// a row at a time.
// CHECK:         %[[I4:.*]] = arith.constant 4 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[I4]])
// CHECK-NEXT:    scf.forall ({{.*}}) in (8)
// CHECK-NOT:     call @tconv_profile
// CHECK:         call @tconv_profile_end(%[[I4]])
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// The phases in pairs writing alternate columns of the same rows (8 with
// 10, 12 with 14), each pair one tile, one bracket: the first phase's, whose
// FLOPs in the table are both's. The tiles read their sub-kernels from the
// filter argument itself: no bracket for the filter's layout change (6) or
// the sub-kernels (7, 9, 11, 13).
// CHECK-NOT:     call @tconv_profile_begin
// CHECK:         %[[I8:.*]] = arith.constant 8 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[I8]])
// CHECK-NEXT:    scf.forall (%{{.*}}) in (8)
// CHECK-NOT:     call @tconv_profile
// CHECK:         call @tconv_profile_end(%[[I8]])
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// CHECK-NOT:     call @tconv_profile_begin
// CHECK:         %[[I12:.*]] = arith.constant 12 : i64
// CHECK-NEXT:    call @tconv_profile_begin(%[[I12]])
// CHECK-NEXT:    scf.forall (%{{.*}}) in (8)
// CHECK-NOT:     call @tconv_profile
// CHECK:         call @tconv_profile_end(%[[I12]])
// CHECK-NOT:     {{^    (scf|linalg|memref\.copy|memref\.store|vector)\.}}
// CHECK:         return
func.func @main(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>, %b: tensor<16xf32>,
                %t: tensor<16x4x4x4xf32>) -> tensor<1x4x16x16xf32> {
  %zero = arith.constant dense<0.0> : tensor<1x16x8x8xf32>
  %y = tconv.conv %x, %w, %b
      : (tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32>
  %r = arith.maximumf %y, %zero : tensor<1x16x8x8xf32>
  %u = tconv.conv_transpose %r, %t strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<1x16x8x8xf32>, tensor<16x4x4x4xf32>) -> tensor<1x4x16x16xf32>
  return %u : tensor<1x4x16x16xf32>
}
