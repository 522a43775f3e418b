//===- BenchOptions.h - Command line of tconv-bench -------------*- C++ -*-===//
//
// A small parser of its own: libLLVM and libMLIR register hundreds of global
// llvm::cl options (one named "threads"), which would collide with ours and
// clutter --help.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_BENCHOPTIONS_H
#define TCONV_BENCH_BENCHOPTIONS_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace tconv::bench {

struct BenchOptions {
  std::vector<std::string> shapes;
  std::vector<std::string> problems;
  std::vector<int> threads = {1, 2};
  std::vector<std::string> strategies = {"auto", "zero-insert"};
  /// More --tconv-lower-to-llvm options for tconv's contenders.
  std::string pipelineOptions;
  double minTime = 0.5;
  double tolerance = 1e-4;
  double naiveMaxGflop = 0.3;
  bool checkOnly = false;
  bool onednnBlocked = true;
  /// Also run XNNPACK (2-D problems, NHWC tensors).
  bool xnnpack = true;
  /// Also time tconv with the filter compiled in (strategy auto).
  bool constantFilter = true;
  /// Also time oneDNN's sgemm of the same FLOPs on transposed convolutions
  /// that are a matrix product (SameFlopsMatmul.h).
  bool matmulPeer = true;
  /// Also time the model compiled for any batch ('?'), at the problem's N.
  bool dynamicBatch = true;
  /// UpstreamForms.h names of the forms also timed (tconv-raised).
  std::vector<std::string> upstreamForms = {"tosa", "nhwc_fhwc", "ngchw",
                                            "zero-insert"};
  /// If not 0, the N of every selected problem.
  int64_t batch = 0;
  bool tconv = true;
  /// How the plain oneDNN contender gets a transposed-convolution filter:
  /// "iohw" (as stored, in-major) or "oihw" (repacked out-major).
  std::string onednnDeconvWeights = "iohw";
  bool list = false;
  bool help = false;
  std::string json;
  std::string report;
  std::string printModel;
  /// Test hook: perturbs one element of this contender's result.
  std::string injectError;
};

/// Parses --name=value / --name value / --flag[=true|false]. Lists are
/// comma-separated; --problem may be repeated.
llvm::Expected<BenchOptions> parseBenchOptions(int argc, char **argv);

/// The --help text.
std::string benchUsage();

} // namespace tconv::bench

#endif // TCONV_BENCH_BENCHOPTIONS_H
