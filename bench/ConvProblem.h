//===- ConvProblem.h - Benchmark problems of tconv-bench --------*- C++ -*-===//
//
// One convolution or transposed convolution (f32, NCHW), the standard shape
// table of the benchmark, a parser for extra shapes given on the command line
// and the MLIR module that tconv compiles for a problem.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_CONVPROBLEM_H
#define TCONV_BENCH_CONVPROBLEM_H

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tconv::bench {

enum class ConvKind { Conv, ConvTranspose };

struct ConvProblem {
  std::string id;
  std::string name;
  ConvKind kind = ConvKind::ConvTranspose;
  /// N x C x D1..Dn.
  llvm::SmallVector<int64_t> inputShape;
  /// Conv: M x C/g x k1..kn. Transposed conv: C x M/g x k1..kn.
  llvm::SmallVector<int64_t> filterShape;
  mlir::tconv::ConvGeometry geometry;

  bool isTransposed() const { return kind == ConvKind::ConvTranspose; }
  unsigned numSpatialDims() const { return inputShape.size() - 2; }
  llvm::SmallVector<int64_t> resultShape() const;
  /// Useful floating-point operations (ConvGeometry's definition).
  double flops() const;
  /// "conv_transpose 1x32x64x64 * 32x32x4x4 s2 p1", for tables.
  std::string describe() const;
  /// The func.func @main(input, filter) -> result holding one tconv op, or
  /// @main(input) -> result with `constantFilter` (its values, in filter
  /// order) compiled in as an arith.constant, as in a model with fixed
  /// weights. With `dynamicBatch` the input and result take any N (dim 0
  /// is '?'); with `bf16` the model is in bf16 instead of f32. Fails with
  /// the dialect verifier's message on an invalid problem.
  llvm::Expected<std::string>
  buildModule(llvm::ArrayRef<float> constantFilter = {},
              bool dynamicBatch = false, bool bf16 = false) const;
};

/// Entry point of the module built by ConvProblem::buildModule.
inline constexpr llvm::StringLiteral kEntryName = "main";

/// The shapes of the benchmark table (T1..T8, C1, C2, then T1, T2, T3 and
/// C2 at another N: T1n1, T2n8, T3n8, C2n8).
const std::vector<ConvProblem> &standardProblems();

/// Parses "ID:OP:INPUT:FILTER[:key=value...]", e.g.
/// "X1:conv_transpose:1x4x5x5:4x2x3x3:stride=2:pad=1:opad=1:group=2".
/// OP is conv or conv_transpose, shapes are 'x'-separated; keys are stride,
/// pad, dil, opad (one value for every spatial dim, or one per dim separated
/// by 'x'; pad also accepts begins then ends) and group. The problem is
/// checked with the dialect verifier.
llvm::Expected<ConvProblem> parseProblem(llvm::StringRef spec);

} // namespace tconv::bench

#endif // TCONV_BENCH_CONVPROBLEM_H
