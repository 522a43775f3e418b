#ifndef TCONV_DIALECT_TCONV_IR_TCONVOPS_TD
#define TCONV_DIALECT_TCONV_IR_TCONVOPS_TD

include "tconv/Dialect/TConv/IR/TConvDialect.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

def TConv_FloatTensor : RankedTensorOf<[F16, BF16, F32, F64]>;
def TConv_BiasTensor : 1DTensorOf<[F16, BF16, F32, F64]>;

// Shared by both ops: operands, the attributes they have in common, the
// assembly format and the C++ accessors that fill in ONNX defaults.
class TConv_ConvLikeOp<string mnemonic, dag extraAttrs, string attrFormat>
    : TConv_Op<mnemonic, [Pure]> {
  let arguments = !con((ins
      TConv_FloatTensor:$input,
      TConv_FloatTensor:$filter,
      Optional<TConv_BiasTensor>:$bias,
      OptionalAttr<DenseI64ArrayAttr>:$strides,
      OptionalAttr<DenseI64ArrayAttr>:$pads,
      OptionalAttr<DenseI64ArrayAttr>:$dilations),
    extraAttrs,
    (ins OptionalAttr<I64Attr>:$group));
  let results = (outs TConv_FloatTensor:$output);

  let assemblyFormat = "$input `,` $filter (`,` $bias^)?"
    # " (`strides` `=` $strides^)? (`pads` `=` $pads^)?"
    # " (`dilations` `=` $dilations^)?" # attrFormat
    # " (`group` `=` $group^)? attr-dict `:` functional-type(operands, results)";

  let hasVerifier = 1;

  let extraClassDeclaration = [{
    /// Number of spatial dimensions (input rank - 2).
    unsigned getNumSpatialDims() {
      return getInput().getType().getRank() - 2;
    }
    /// Strides, pads, dilations, output_padding and group with ONNX defaults
    /// filled in. Only meaningful on a verified op.
    ::mlir::tconv::ConvGeometry getGeometry();
  }];
}

def TConv_ConvOp : TConv_ConvLikeOp<"conv", (ins), ""> {
  let summary = "N-D convolution (ONNX Conv, cross-correlation)";
  let description = [{
    Direct convolution of an `N x C x D1..Dn` input with an
    `M x C/group x k1..kn` filter and an optional bias of `M` values, n in
    1..3. Each output size is

      `Oi = floor((Di + pads[i] + pads[n+i] - ((ki-1)*dilations[i] + 1)) / strides[i]) + 1`

    Attributes default to ONNX's: strides 1, pads 0 (`[x1_begin..xn_begin,
    x1_end..xn_end]`), dilations 1, group 1.

    Example:

    ```mlir
    %y = tconv.conv %x, %w, %b strides = [2, 2] pads = [1, 1, 1, 1]
        : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
        -> tensor<1x16x4x4xf32>
    ```
  }];
  let builders = [
    // The result type is inferred with the shape formula.
    OpBuilder<(ins "::mlir::Value":$input, "::mlir::Value":$filter,
      "::mlir::Value":$bias, "const ::mlir::tconv::ConvGeometry &":$geometry)>
  ];
}

def TConv_ConvTransposeOp : TConv_ConvLikeOp<"conv_transpose",
    (ins OptionalAttr<DenseI64ArrayAttr>:$output_padding),
    " (`output_padding` `=` $output_padding^)?"> {
  let summary = "N-D transposed convolution (ONNX ConvTranspose)";
  let description = [{
    Transposed (fractionally-strided) convolution: the adjoint of
    `tconv.conv` with the same filter and attributes. Each input element
    scales the filter and is added into the output at `stride` spacing; the
    result is then cropped by `pads`. The input is `N x C x D1..Dn`, the filter
    `C x M/group x k1..kn` (ONNX/PyTorch layout), the optional bias has `M`
    values. Each output size is

      `Oi = strides[i]*(Di-1) + output_padding[i] + ((ki-1)*dilations[i] + 1) - pads[i] - pads[n+i]`

    `output_padding[i]` must be smaller than `max(strides[i], dilations[i])`.

    Example (the 1-D example of the seed: 2 -> 3 with k = 3, s = 2, p = 1):

    ```mlir
    %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
        : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
    ```
  }];
  let builders = [
    // The result type is inferred with the shape formula.
    OpBuilder<(ins "::mlir::Value":$input, "::mlir::Value":$filter,
      "::mlir::Value":$bias, "const ::mlir::tconv::ConvGeometry &":$geometry)>
  ];
}

#endif // TCONV_DIALECT_TCONV_IR_TCONVOPS_TD
