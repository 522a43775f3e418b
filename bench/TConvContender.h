//===- TConvContender.h - tconv's compiled kernel in tconv-bench -*- C++ -*-===//
//
// A problem's one-op model compiled by TConvRunner with the pipeline
// tconv-run uses, called with preallocated operands and result.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_TCONVCONTENDER_H
#define TCONV_BENCH_TCONVCONTENDER_H

#include "ConvProblem.h"
#include "UpstreamForms.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tconv::bench {

/// Which model of a problem TConvRunner compiles.
struct TConvVariant {
  /// --tconv-decompose-transpose strategy: auto, phase or zero-insert.
  std::string strategy = "auto";
  /// The filter compiled into the model (packed at compile time) instead of
  /// being an argument.
  bool constantFilter = false;
  /// The input and result take any N ('?'); called at the problem's N.
  bool dynamicBatch = false;
  /// The model, its operands (rounded to nearest even) and its result in
  /// bf16 (the tconv op only, not a form).
  bool bf16 = false;
  /// The layer as another frontend writes it, instead of the tconv op.
  std::optional<UpstreamForm> form;
};

class TConvContender {
public:
  /// Compiles the variant of the problem's model for a thread count and
  /// copies the operands in (in the form's layouts).
  static llvm::Expected<std::unique_ptr<TConvContender>>
  create(const ConvProblem &problem, const TConvVariant &variant,
         llvm::StringRef pipelineOptions, int threads,
         const std::vector<float> &input, const std::vector<float> &filter);
  ~TConvContender();

  /// Calls the compiled entry: the timed call.
  void run();
  /// The last result, NCHW (bf16 ones widened to float).
  llvm::Expected<std::vector<float>> result();
  /// Strategy, form and compile time, for the legend.
  std::string description() const;
  /// Bytes of the workspace the compiled code keeps its temporaries in.
  int64_t workspaceBytes() const;

  /// What the runner runs on (OpenMP runtime), for the report.
  static std::string runtimeInfo();

private:
  struct State;
  explicit TConvContender(std::unique_ptr<State> state);
  std::unique_ptr<State> state;
};

} // namespace tconv::bench

#endif // TCONV_BENCH_TCONVCONTENDER_H
