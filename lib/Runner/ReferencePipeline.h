//===- ReferencePipeline.h - The oracle's lowering to LLVM ------*- C++ -*-===//

#ifndef TCONV_LIB_RUNNER_REFERENCEPIPELINE_H
#define TCONV_LIB_RUNNER_REFERENCEPIPELINE_H

namespace mlir {
class OpPassManager;
namespace tconv {

/// --tconv-lower-to-reference, then only plain upstream passes down to the
/// LLVM dialect: no tiling, no vectorization, no decomposition. Results
/// become out-params, like in --tconv-lower-to-llvm.
void buildReferenceLoweringPipeline(OpPassManager &pm);

} // namespace tconv
} // namespace mlir

#endif // TCONV_LIB_RUNNER_REFERENCEPIPELINE_H
