#ifndef TCONV_CONVERSION_TCONVTOREFERENCE_PASSES_TD
#define TCONV_CONVERSION_TCONVTOREFERENCE_PASSES_TD

include "mlir/Pass/PassBase.td"

def TConvLowerToReferencePass
    : Pass<"tconv-lower-to-reference", "func::FuncOp"> {
  let summary = "Lower tconv ops to naive scalar loops, the numerical oracle";
  let description = [{
    Rewrites every `tconv.conv` and `tconv.conv_transpose` into plain `scf.for`
    loops over tensors (`tensor.extract` / `tensor.insert`), written straight
    from the definitions and sharing no code with the optimizing lowering:

    * `tconv.conv`: for each output element, a scalar sum over its input
      channel group and kernel taps; taps that fall into the padding are
      skipped.
    * `tconv.conv_transpose`: the scatter definition. Each input element
      times the kernel is added into a zeroed canvas of size
      `stride * (in - 1) + dilation * (k - 1) + 1 + output_padding` at stride
      spacing, then the canvas is cropped by the pads and the bias added.
      Groups read the `C x M/group x k...` filter of their channel slice.

    f16 and bf16 accumulate in f32 and round once at the end; f32 and f64
    accumulate in their own type. Nothing is vectorized, tiled or decomposed:
    `tconv-run --verify` compares the optimizing pipeline against this
    lowering, so it must stay obviously correct rather than fast.

    Example (the seed's 1-D transposed convolution):

    ```mlir
    %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
        : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
    ```

    becomes

    ```mlir
    %canvas = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x1x5xf32>)
    // scatter: canvas[n, m, d*2 + k] += x[n, c, d] * w[c, m, k]
    %full = scf.for %n ... iter_args(%t0 = %canvas) {
      ... scf.for %k ... iter_args(%t = ...) {
        %pos = arith.addi %ds, %k : index
        %old = tensor.extract %t[%n, %m, %pos] : tensor<1x1x5xf32>
        %new = arith.addf %old, %prod : f32
        %t1 = tensor.insert %new into %t[%n, %m, %pos] : tensor<1x1x5xf32>
        scf.yield %t1 : tensor<1x1x5xf32>
      }
    }
    // crop by pads: y[n, m, o] = canvas[n, m, o + 1]
    %y = scf.for %n ... iter_args(%o0 = %out) { ... }
    ```
  }];
  let dependentDialects = [
    "arith::ArithDialect",
    "linalg::LinalgDialect",
    "scf::SCFDialect",
    "tensor::TensorDialect",
  ];
}

#endif // TCONV_CONVERSION_TCONVTOREFERENCE_PASSES_TD
