//===- LinalgToTConv.h - Raise linalg convolutions to tconv -----*- C++ -*-===//

#ifndef TCONV_CONVERSION_LINALGTOTCONV_LINALGTOTCONV_H
#define TCONV_CONVERSION_LINALGTOTCONV_LINALGTOTCONV_H

#include "mlir/IR/PatternMatch.h"
#include "mlir/Support/LLVM.h"

#include <string>

namespace mlir {
namespace linalg {
class LinalgOp;
} // namespace linalg
namespace tconv {

/// Rewrites a linalg convolution (named or generic), with the zero pad of its
/// input, its init and torch-mlir's zero-insertion around it, into
/// tconv.conv or tconv.conv_transpose between layout changes. On failure the
/// IR is untouched and `whyNot` says why.
LogicalResult raiseLinalgConvolution(RewriterBase &rewriter,
                                     linalg::LinalgOp op, std::string &whyNot);

/// `source` with its dims permuted (result dim i is source dim perm[i]) by a
/// linalg.transpose; `source` itself for the identity.
Value createTranspose(OpBuilder &b, Location loc, Value source,
                      ArrayRef<int64_t> perm);

/// `source` reshaped to `shape` (same number of elements, static) by one
/// collapse_shape or expand_shape, or a collapse to 1-D and an expand.
Value createReshape(OpBuilder &b, Location loc, Value source,
                    ArrayRef<int64_t> shape);

/// Whether `value` is a constant zero (scalar or splat) or a zero
/// linalg.fill.
bool isZeroTensorOrScalar(Value value);

} // namespace tconv
} // namespace mlir

#endif // TCONV_CONVERSION_LINALGTOTCONV_LINALGTOTCONV_H
