//===- XnnpackConv.h - XNNPACK contender of tconv-bench ---------*- C++ -*-===//
//
// A 2-D problem run by XNNPACK's convolution2d / deconvolution2d NHWC f32
// operators, as its users call them: on NHWC tensors (converted from the
// problem's NCHW once, untimed), with XNNPACK's own thread pool
// (pthreadpool; none at 1 thread: the calling thread runs it).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_XNNPACKCONV_H
#define TCONV_BENCH_XNNPACKCONV_H

#include "ConvProblem.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace tconv::bench {

class XnnpackConv {
public:
  /// XNNPACK has 2-D operators only.
  static bool supports(const ConvProblem &problem);
  /// Creates the operator (packing the filter, untimed) and its thread pool
  /// and copies the operands in, NHWC.
  static llvm::Expected<std::unique_ptr<XnnpackConv>>
  create(const ConvProblem &problem, int threads,
         const std::vector<float> &input, const std::vector<float> &filter);
  ~XnnpackConv();

  /// Creates the thread pool if it has none (before a burst, untimed).
  llvm::Error acquireThreads();
  /// Destroys the thread pool: its idle workers spin for seconds and would
  /// take the CPUs from whatever runs next in the process.
  void releaseThreads();
  /// Runs the operator: the timed call.
  void run();
  /// The last result, NCHW.
  llvm::Expected<std::vector<float>> result();

private:
  struct State;
  explicit XnnpackConv(std::unique_ptr<State> state);
  std::unique_ptr<State> state;
};

} // namespace tconv::bench

#endif // TCONV_BENCH_XNNPACKCONV_H
