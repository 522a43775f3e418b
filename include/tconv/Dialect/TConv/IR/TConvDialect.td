#ifndef TCONV_DIALECT_TCONV_IR_TCONVDIALECT_TD
#define TCONV_DIALECT_TCONV_IR_TCONVDIALECT_TD

include "mlir/IR/OpBase.td"

def TConv_Dialect : Dialect {
  let name = "tconv";
  let summary = "Convolutions and transposed convolutions with ONNX semantics";
  let description = [{
    The `tconv` dialect holds two tensor-level operations, `tconv.conv` and
    `tconv.conv_transpose`, with the semantics of ONNX `Conv` and
    `ConvTranspose` in N x C x spatial layout (1-3 spatial dimensions).
    Transposed convolutions are rewritten into direct convolutions by
    `--tconv-decompose-transpose`; direct convolutions lower to linalg with
    `--tconv-convert-to-linalg`.
  }];
  let cppNamespace = "::mlir::tconv";
}

class TConv_Op<string mnemonic, list<Trait> traits = []>
    : Op<TConv_Dialect, mnemonic, traits>;

#endif // TCONV_DIALECT_TCONV_IR_TCONVDIALECT_TD
