#ifndef TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_TD
#define TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def DecomposeTransposePass : Pass<"tconv-decompose-transpose"> {
  let summary = "Rewrite tconv.conv_transpose into stride-1 tconv.conv ops";
  let description = [{
    TODO
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
