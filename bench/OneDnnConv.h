//===- OneDnnConv.h - oneDNN contenders of tconv-bench ----------*- C++ -*-===//
//
// A problem run by oneDNN's deconvolution_forward / convolution_forward
// (forward_inference), either on the plain NCHW tensors a user holds or on
// the blocked layouts oneDNN picks itself (format_tag::any, reorders done
// once, outside the timed call).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_ONEDNNCONV_H
#define TCONV_BENCH_ONEDNNCONV_H

#include "ConvProblem.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace tconv::bench {

class OneDnnConv {
public:
  enum class Layout { Plain, Blocked };
  /// How a plain transposed-convolution filter (C x M/g x k) is handed to
  /// oneDNN: as it is, described as in-major (iohw, giohw, ...), or repacked
  /// to out-major (oihw, goihw, ...). oneDNN 2.6 runs the first with its gemm
  /// kernels and the second with its reference loops.
  enum class DeconvWeights { InMajor, OutMajor };

  /// Creates the primitive for the current oneDNN thread count (oneDNN
  /// partitions work when the primitive is created) and copies the operands
  /// in; the filter is given in the tconv/ONNX layout. With `bf16` (blocked
  /// layout only) the primitive's operands and result are bf16, its
  /// accumulation f32; the untimed reorders convert.
  static llvm::Expected<std::unique_ptr<OneDnnConv>>
  create(const ConvProblem &problem, Layout layout, DeconvWeights weights,
         const std::vector<float> &input, const std::vector<float> &filter,
         bool bf16 = false);
  ~OneDnnConv();

  /// Executes the primitive and waits for it: the timed call.
  void run();
  /// The last result, NCHW (bf16 ones widened to float).
  llvm::Expected<std::vector<float>> result();
  /// oneDNN's implementation name, e.g. "jit:avx2" or "gemm:jit".
  const std::string &implementation() const { return impl; }

private:
  struct State;
  explicit OneDnnConv(std::unique_ptr<State> state, std::string impl);
  std::unique_ptr<State> state;
  std::string impl;
};

/// Sets the thread count of the OpenMP runtime oneDNN runs on.
llvm::Error setOneDnnThreads(int threads);

/// "oneDNN 2.6.3 (commit ...), CPU runtime OpenMP (/path/libgomp.so.1)".
std::string oneDnnDescription();

} // namespace tconv::bench

#endif // TCONV_BENCH_ONEDNNCONV_H
