#ifndef TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_TD
#define TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def DecomposeTransposePass : Pass<"tconv-decompose-transpose"> {
  let summary = "Rewrite tconv.conv_transpose into stride-1 tconv.conv ops";
  let description = [{
    Rewrites every `tconv.conv_transpose` into `tconv.conv` ops of stride 1
    plus tensor/linalg ops on the input and the filter, so that the rest of
    the compiler only has to make direct convolutions fast. Every attribute
    combination the verifier accepts is handled: strides, asymmetric pads
    (also pads larger than `dilation * (k - 1)`, which crop), dilations,
    `output_padding`, groups, 1-3 spatial dims, with or without bias.

    The direct convolutions read the filter flipped in every spatial dim and
    regrouped from `C x M/g x k..` to `M x C/g x k..` (the channel dims swap
    inside each group). That is a `linalg.generic` copy with an affine
    gather map, between `tensor.expand_shape`/`tensor.collapse_shape` of the
    group dim when `group > 1`. When the filter is an `arith.constant` the
    pass folds these ops into new constants.

    `strategy=zero-insert`: one convolution over the input with
    `stride - 1` zeros inserted between neighbours, padded by
    `dilation * (k - 1) - pad_begin` before and
    `dilation * (k - 1) - pad_end + output_padding` after (a negative amount
    is a `tensor.extract_slice` crop). Simple, but most products are with
    inserted zeros (3 of 4 for a 2-D stride 2). The seed's 1-D example
    (2 -> 3, k 3, s 2, p 1):

    ```mlir
    %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
        : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
    ```

    becomes

    ```mlir
    %zeros = linalg.fill ins(%cst : f32) outs(%e0 : tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
    %xz = tensor.insert_slice %x into %zeros[0, 0, 0] [1, 1, 2] [1, 1, 2]
        : tensor<1x1x2xf32> into tensor<1x1x3xf32>
    %wf = linalg.generic {indexing_maps = [
            affine_map<(m, c, k) -> (c, m, -k + 2)>,
            affine_map<(m, c, k) -> (m, c, k)>], ...}
        ins(%w : tensor<1x1x3xf32>) outs(%e1 : tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
    %y = tconv.conv %xz, %wf pads = [1, 1]
        : (tensor<1x1x3xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
    ```

    `strategy=phase`: what real implementations do to avoid multiplying by
    inserted zeros. Along a spatial dim, output `o = s*q + r` (phase `r`)
    only receives the taps `k` with `(r + pad_begin - k*dilation) mod s == 0`,
    from input `q + (r + pad_begin - k*dilation) / s`. So each of the
    `prod(strides)` phases is a dense stride-1 convolution of the original
    input with its own flipped sub-kernel (taps `s/gcd(s, d)` apart, dilation
    `d/gcd(s, d)`) and pads/crops, written into the output with
    `tensor.insert_slice` at offset `r` and step `s`. Phases without taps
    (stride larger than the dilated kernel) keep the bias (or zeros) the
    output is initialised with. A filter that is not a constant is first
    copied once with the taps first (`k.. x C x M`): each phase then gathers
    its taps as contiguous rows of output channels, where gathering from
    `C x M x k..` would read single elements spread over the whole filter,
    once per phase. The same example:

    ```mlir
    %wt = linalg.generic {indexing_maps = [
            affine_map<(k, c, m) -> (c, m, k)>,
            affine_map<(k, c, m) -> (k, c, m)>], ...}
        ins(%w : tensor<1x1x3xf32>) outs(%e3 : tensor<3x1x1xf32>) -> tensor<3x1x1xf32>
    %w0 = linalg.generic {indexing_maps = [
            affine_map<(m, c, k) -> (k * -2 + 1, c, m)>,
            affine_map<(m, c, k) -> (m, c, k)>], ...}
        ins(%wt : tensor<3x1x1xf32>) outs(%e1 : tensor<1x1x1xf32>) -> tensor<1x1x1xf32>
    %y0 = tconv.conv %x, %w0
        : (tensor<1x1x2xf32>, tensor<1x1x1xf32>) -> tensor<1x1x2xf32>
    %r0 = tensor.insert_slice %y0 into %e0[0, 0, 0] [1, 1, 2] [1, 1, 2]
        : tensor<1x1x2xf32> into tensor<1x1x3xf32>
    %w1 = linalg.generic {indexing_maps = [
            affine_map<(m, c, k) -> (k * -2 + 2, c, m)>,
            affine_map<(m, c, k) -> (m, c, k)>], ...}
        ins(%wt : tensor<3x1x1xf32>) outs(%e2 : tensor<1x1x2xf32>) -> tensor<1x1x2xf32>
    %y1 = tconv.conv %x, %w1
        : (tensor<1x1x2xf32>, tensor<1x1x2xf32>) -> tensor<1x1x1xf32>
    %y = tensor.insert_slice %y1 into %r0[0, 0, 1] [1, 1, 1] [1, 1, 2]
        : tensor<1x1x1xf32> into tensor<1x1x3xf32>
    ```

    `strategy=auto` (the default) picks `phase` when any stride is > 1 and
    `zero-insert` otherwise, where nothing is inserted and the rewrite is a
    pad or crop plus the flipped kernel.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
  let options = [
    Option<"strategy", "strategy", "std::string", /*default=*/"\"auto\"",
           "auto (phase if any stride is > 1, else zero-insert), phase (one "
           "convolution per output phase) or zero-insert (one convolution "
           "over the zero-inserted input)">,
  ];
}

#endif // TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_TD
