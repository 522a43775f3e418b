//===- SameFlopsMatmul.h - The matmul a transposed conv amounts to -*- C++ -*-===//
//
// A transposed convolution whose stride equals its kernel (no padding,
// dilation or groups: UNet's 2x2 stride-2 upsampling) writes every output
// element from one input pixel and one filter tap: it is the matrix
// product [pixels x C] * [C x M*k..] followed by a scatter. This peer times
// that product alone with oneDNN's sgemm on the problem's own operands (the
// NCHW input read transposed, the C x M x k.. filter as it is): the speed
// of the same FLOPs as a plain matrix multiply, a bound for the
// convolution. Its result is the product, not the convolution's, so it is
// not checked against the oracle.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_SAMEFLOPSMATMUL_H
#define TCONV_BENCH_SAMEFLOPSMATMUL_H

#include "ConvProblem.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <vector>

namespace tconv::bench {

class SameFlopsMatmul {
public:
  /// A transposed convolution with stride = kernel, no pads, output
  /// padding or dilation, one group.
  static bool applies(const ConvProblem &problem);
  static llvm::Expected<std::unique_ptr<SameFlopsMatmul>>
  create(const ConvProblem &problem, const std::vector<float> &input,
         const std::vector<float> &filter);

  /// One product per image, on oneDNN's current OpenMP threads.
  void run();

private:
  SameFlopsMatmul() = default;
  int64_t images = 0, pixels = 0, channels = 0, columns = 0;
  std::vector<float> input, filter, product;
};

} // namespace tconv::bench

#endif // TCONV_BENCH_SAMEFLOPSMATMUL_H
