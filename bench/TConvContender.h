//===- TConvContender.h - tconv's compiled kernel in tconv-bench -*- C++ -*-===//
//
// A problem's one-op model compiled by TConvRunner with the pipeline
// tconv-run uses, called with preallocated operands and result.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_TCONVCONTENDER_H
#define TCONV_BENCH_TCONVCONTENDER_H

#include "ConvProblem.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace tconv::bench {

class TConvContender {
public:
  /// Compiles the problem's model with a transpose strategy (auto, phase or
  /// zero-insert) for a thread count, and copies the operands in. With
  /// `constantFilter` the filter is compiled into the model (packed at
  /// compile time) instead of being an argument. With `bf16` the model,
  /// its operands (rounded to nearest even) and its result are bf16.
  static llvm::Expected<std::unique_ptr<TConvContender>>
  create(const ConvProblem &problem, llvm::StringRef strategy,
         llvm::StringRef pipelineOptions, int threads,
         const std::vector<float> &input, const std::vector<float> &filter,
         bool constantFilter = false, bool bf16 = false);
  ~TConvContender();

  /// Makes the next calls use this contender's thread count.
  llvm::Error enter();
  /// Calls the compiled entry: the timed call.
  void run();
  /// The last result, NCHW (bf16 ones widened to float).
  llvm::Expected<std::vector<float>> result();
  /// Strategy, threads and compile time, for the legend.
  std::string description() const;

  /// What the runner runs on (OpenMP runtime), for the report.
  static std::string runtimeInfo();

private:
  struct State;
  explicit TConvContender(std::unique_ptr<State> state);
  std::unique_ptr<State> state;
};

} // namespace tconv::bench

#endif // TCONV_BENCH_TCONVCONTENDER_H
