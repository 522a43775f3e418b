//===- NaiveConv.h - Loop-nest reference convolutions -----------*- C++ -*-===//
//
// Straight from the definitions, no library: the oracle that validates how
// tconv-bench feeds oneDNN (weight regrouping, padding, output_padding,
// groups, 1-D/2-D/3-D).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_NAIVECONV_H
#define TCONV_BENCH_NAIVECONV_H

#include "ConvProblem.h"

#include <vector>

namespace tconv::bench {

/// Computes the problem's NCHW result from an NCHW input and a filter in the
/// tconv/ONNX layout, accumulating in double.
std::vector<float> naiveConv(const ConvProblem &problem,
                             const std::vector<float> &input,
                             const std::vector<float> &filter);

} // namespace tconv::bench

#endif // TCONV_BENCH_NAIVECONV_H
