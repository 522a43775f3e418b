//===- Pipelines.h - tconv lowering pipelines -------------------*- C++ -*-===//
//
// --tconv-lower-to-llvm: func.func on tensors (tconv ops mixed with upstream
// arith/math/tensor/linalg/tosa ops) down to the LLVM dialect, in named
// stages so that tools can print the IR after any of them.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_PIPELINES_PIPELINES_H
#define TCONV_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace mlir {
class OpPassManager;
namespace tconv {

struct LowerToLLVMOptions : public PassPipelineOptions<LowerToLLVMOptions> {
  Option<std::string> transposeStrategy{
      *this, "transpose-strategy",
      llvm::cl::desc("How --tconv-decompose-transpose rewrites transposed "
                     "convolutions: auto, phase or zero-insert"),
      llvm::cl::init("auto")};
  Option<bool> parallel{
      *this, "parallel",
      llvm::cl::desc("Distribute output tiles over OpenMP threads"),
      llvm::cl::init(true)};
  Option<bool> vectorize{
      *this, "vectorize",
      llvm::cl::desc("Compute convolutions channels-last, tiled and "
                     "vectorized (off: plain loops in NCHW, for debugging)"),
      llvm::cl::init(true)};
  Option<std::string> stopAfter{
      *this, "stop-after",
      llvm::cl::desc("Stop after the named stage (for inspecting the IR)"),
      llvm::cl::init("")};
};

/// Stage names of --tconv-lower-to-llvm, in pipeline order.
llvm::ArrayRef<llvm::StringRef> lowerToLLVMStageNames();

/// Adds the passes of the named stage (one of lowerToLLVMStageNames()).
void addLowerToLLVMStage(OpPassManager &pm, llvm::StringRef stage,
                         const LowerToLLVMOptions &options);

/// Adds every stage, in order.
void buildLowerToLLVMPipeline(OpPassManager &pm,
                              const LowerToLLVMOptions &options);

/// Registers --tconv-lower-to-llvm.
void registerPipelines();

} // namespace tconv
} // namespace mlir

#endif // TCONV_PIPELINES_PIPELINES_H
