//===- UpstreamForms.h - A problem as other MLIR frontends write it -*- C++ -*-===//
//
// The same 2-D layer as TOSA (tosa.conv2d / tosa.transpose_conv2d, NHWC),
// linalg named convolutions (nhwc_fhwc, ngchw_gfchw) and torch-mlir's
// zero-insertion form of a transposed convolution write it: what
// --tconv-raise-convolutions turns into tconv ops. Each form holds its
// operands in its own layout, as its users would.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_UPSTREAMFORMS_H
#define TCONV_BENCH_UPSTREAMFORMS_H

#include "ConvProblem.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace tconv::bench {

enum class UpstreamForm { Tosa, NhwcFhwc, Ngchw, ZeroInsert };

/// Every form, in column order.
llvm::ArrayRef<UpstreamForm> allUpstreamForms();
/// "tosa", "nhwc_fhwc", "ngchw", "zero-insert": the --upstream-forms names.
llvm::StringRef upstreamFormName(UpstreamForm form);
std::optional<UpstreamForm> parseUpstreamForm(llvm::StringRef name);

/// How an operand of a form holds the problem's tensor (NCHW input, the
/// tconv filter or the NCHW result).
struct OperandLayout {
  llvm::SmallVector<int64_t> shape;
  /// Dim i of the form's tensor is dim permutation[i] of the problem's;
  /// empty: the same elements in the same order, only the shape differs.
  llvm::SmallVector<int64_t> permutation;
};

struct UpstreamModel {
  /// func.func @main(input, filter) -> result.
  std::string source;
  /// "tosa.conv2d, NHWC input, OHWI filter", for the legend.
  std::string description;
  OperandLayout input, filter, result;
};

/// The problem written in `form`, or nothing when that frontend cannot
/// write it as one op (not 2-D, groups, dilated TOSA transposed
/// convolutions, cropping pads, ...).
std::optional<UpstreamModel> buildUpstreamModel(const ConvProblem &problem,
                                                UpstreamForm form);

/// `values` of `shape` laid out as `layout` says (forward) or back.
std::vector<float> toFormLayout(const std::vector<float> &values,
                                llvm::ArrayRef<int64_t> shape,
                                const OperandLayout &layout);
std::vector<float> fromFormLayout(const std::vector<float> &values,
                                  const OperandLayout &layout);

} // namespace tconv::bench

#endif // TCONV_BENCH_UPSTREAMFORMS_H
