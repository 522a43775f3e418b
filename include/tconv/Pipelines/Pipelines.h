//===- Pipelines.h - tconv lowering pipelines -------------------*- C++ -*-===//
//
// --tconv-lower-to-llvm: func.func on tensors (tconv ops mixed with upstream
// arith/math/tensor/linalg/tosa ops) down to the LLVM dialect, in named
// stages so that tools can print the IR after any of them.
//
// Stages (lowerToLLVMStageNames(), in order):
//   decompose   tconv.conv_transpose -> tconv.conv; depthwise ones (with
//               vectorize) -> one phase-interleaved linalg.generic in NCHW
//               (tconv-lower-depthwise-transpose, for those
//               tconv-select-strategy gives the depthwise-rows schedule)
//   linalg      each tconv.conv's schedule chosen for the target and
//               recorded as `tconv.schedule` (tconv-select-strategy); tosa,
//               elementwise arith/math on tensors and tconv.conv -> linalg
//               on tensors (convolutions in the layout of their schedule,
//               mostly channels-last between layout changes)
//   fused       elementwise producers/consumers fused (layout changes, bias,
//               activations, truncation); transposes of constant weights
//               folded
//   vectorized  convolutions split, tiled (scf.forall over output tiles,
//               scf.for over the reduction), reduced to 1-D and turned into
//               vector FMAs (tconv-vectorize-convs); the depthwise generics
//               vectorized along output rows
//               (tconv-vectorize-depthwise-rows)
//   bufferized  one-shot bufferization with function boundaries; results
//               become out-params, temporaries views of one workspace
//               argument laid out by liveness (tconv-plan-workspace; see
//               the calling convention below)
//   loops       remaining linalg/vector ops -> loops; scf.forall -> OpenMP
//   llvm        everything -> LLVM dialect (+ OpenMP dialect)
//
// Calling convention of the output
// ---------------------------------
// Every public func.func with a body becomes an entry point:
//
//  * `llvm.emit_c_interface` is set, so the module has
//    `void _mlir_ciface_<name>(Desc_0 *in_0, ..., Desc_k *in_k,
//                              Desc_r0 *out_0, ..., Desc_rm *out_m)`
//    where each Desc is the standard MLIR memref descriptor of rank R
//      struct { T *allocated; T *aligned; int64_t offset;
//               int64_t sizes[R]; int64_t strides[R]; }
//    Tensor arguments come first, in order, then one out-param per tensor
//    result, in order, then (if the function has temporaries) the
//    workspace: a `memref<Nxi8>` whose N is the function's
//    `tconv.workspace_size` attribute (kept on the llvm.func). The function
//    returns void (non-tensor results, if a model has any, stay ordinary
//    return values after the out-params).
//  * All shapes are static and the code is compiled for the identity layout:
//    every buffer must be dense row-major (offset 0, strides the suffix
//    products of the sizes) with the exact static shape of the signature.
//  * The caller allocates and owns every buffer, inputs and outputs. Inputs
//    are read-only: the function never writes them, so they can be reused
//    across calls. Each output buffer is fully overwritten. Outputs must not
//    alias inputs or each other.
//  * Temporaries live in the workspace (tconv-plan-workspace): nothing is
//    allocated inside the call. The caller provides it, 64-byte aligned, of
//    the static size; its contents need no initialization. Calls running
//    at the same time need one workspace each. With `workspace=false`
//    (for drivers such as mlir-runner that call an entry without one) the
//    temporaries are malloc'ed and freed inside the call instead.
//
// Running the output: translate with the builtin, LLVM and OpenMP dialect
// translations registered. With `parallel` (the default) the code calls the
// OpenMP runtime (`__kmpc_*`), so a JIT must load libomp.so
// (/usr/lib/llvm-22/lib/libomp.so); OMP_NUM_THREADS picks the thread count.
// Nothing else from the MLIR runtime libraries is needed (copies are
// llvm.memcpy or loops, math is LLVM intrinsics / libm).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_PIPELINES_PIPELINES_H
#define TCONV_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassOptions.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"

namespace mlir {
class OpPassManager;
namespace tconv {
struct TargetCpu;

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
  Option<int64_t> owTile{
      *this, "ow-tile",
      llvm::cl::desc("Convolution schedule: output positions per tile"),
      llvm::cl::init(4)};
  Option<int64_t> fTile{
      *this, "f-tile",
      llvm::cl::desc("Convolution schedule: output channels per tile (f32; "
                     "a multiple of 8)"),
      llvm::cl::init(16)};
  Option<int64_t> cTile{
      *this, "c-tile",
      llvm::cl::desc("Convolution schedule: input channels per reduction "
                     "step (at most; wide kernels take fewer)"),
      llvm::cl::init(4)};
  Option<int64_t> vectorWidth{
      *this, "vector-width",
      llvm::cl::desc("Convolution schedule: f32 lanes per vector (8 for "
                     "AVX2, 16 for AVX-512; tconv-run and tconv-compile "
                     "pick the target CPU's)"),
      llvm::cl::init(8)};
  Option<bool> bf16Dot{
      *this, "bf16-dot",
      llvm::cl::desc("bf16 convolutions multiply pairs of input channels "
                     "with AVX512_BF16's vdpbf16ps (the target must have "
                     "it; tconv-run and tconv-compile set it for a target "
                     "CPU that runs it on each FMA pipe: AMD's, not "
                     "Intel's)"),
      llvm::cl::init(false)};
  Option<bool> bf16Convert{
      *this, "bf16-convert",
      llvm::cl::desc("f32 -> bf16 roundings use AVX512_BF16's "
                     "vcvtneps2bf16 (tconv-run and tconv-compile set it "
                     "for a target CPU that has it; otherwise integer "
                     "operations, where LLVM would call a library "
                     "routine per element)"),
      llvm::cl::init(false)};
  Option<bool> winograd{
      *this, "winograd",
      llvm::cl::desc("f32 3x3 convolutions at unit stride with at least 16 "
                     "input and output channels run as Winograd F(2x2, "
                     "3x3): 2.25x fewer multiplications, relative errors "
                     "of about 1e-6 instead of 1e-7 (off: every "
                     "convolution direct)"),
      llvm::cl::init(true)};
  Option<int64_t> fmaPipes{
      *this, "fma-pipes",
      llvm::cl::desc("Convolution schedule: full-width vector FMAs the "
                     "target issues per cycle (2 on Intel's AVX-512 server "
                     "cores and Zen 5; tconv-run and tconv-compile pick the "
                     "target CPU's)"),
      llvm::cl::init(1)};
  Option<bool> prefetchNextSlices{
      *this, "prefetch-next-slices",
      llvm::cl::desc("Each step of a parallel loop prefetches the next "
                     "step's slice of an argument of 4 MiB or more during "
                     "its vector products (tconv-prefetch-next-slices; "
                     "with vectorize)"),
      llvm::cl::init(true)};
  Option<bool> streamingStores{
      *this, "streaming-stores",
      llvm::cl::desc("Entry points write results of 1 MiB or more with "
                     "x86 non-temporal stores where whole cache lines are "
                     "stored, aligned (checked at run time), and fence "
                     "them before returning (tconv-streaming-result-stores; "
                     "off by default: on Zen 4 no faster at 1 thread, and "
                     "at 2 T2 and T5 ran 1.4-1.9x slower streamed)"),
      llvm::cl::init(false)};
  Option<bool> profile{
      *this, "profile",
      llvm::cl::desc("Time each computation of the fused stage: its loops "
                     "are bracketed after bufferization with calls of "
                     "tconv_profile_begin/end(i64 id) "
                     "(tconv-tag-profiled-ops, tconv-instrument-ops; "
                     "tconv-run --profile provides them)"),
      llvm::cl::init(false)};
  Option<bool> workspace{
      *this, "workspace",
      llvm::cl::desc("Serve static temporaries from a workspace argument "
                     "planned at compile time (tconv-plan-workspace; off: "
                     "malloc/free in every call, for drivers such as "
                     "mlir-runner that call an entry without one)"),
      llvm::cl::init(true)};
  Option<std::string> targetCpu{
      *this, "target-cpu",
      llvm::cl::desc("Schedule for this CPU as tconv-run and tconv-compile "
                     "do for theirs: host, or an x86 CPU by LLVM's name "
                     "(x86-64-v3, znver5, sapphirerapids...); sets "
                     "vector-width, the tiles for it, fma-pipes, bf16-dot "
                     "and bf16-convert, except those given. Empty: "
                     "the portable defaults (8 lanes, one FMA pipe)"),
      llvm::cl::init("")};
  Option<std::string> stopAfter{
      *this, "stop-after",
      llvm::cl::desc("Stop after the named stage (for inspecting the IR)"),
      llvm::cl::init("")};
};

/// Sets the schedule options that follow from `cpu` and that `options`
/// was not given (parsed or assigned): vector-width (getVectorLanes: 16
/// with AVX-512, 8 with AVX2, 4 with SSE or NEON) and the tiles for it
/// (defaultFTile, defaultOwTile, defaultCTile: ow-tile x 2 accumulators,
/// 8 on AVX2 and up to 28 in AVX-512's 32 registers), bf16-dot
/// (prefersBF16Dot), bf16-convert (hasBF16Dot) and fma-pipes.
void scheduleForCpu(LowerToLLVMOptions &options, const TargetCpu &cpu);

/// scheduleForCpu for `options.targetCpu`, if set: the host's CPU and
/// features, or those LLVM lists for an x86 CPU name. Fails through
/// `emitError` on another name. The registered pipeline, tconv-run and
/// tconv-compile call it on parsed options before verifying them; so
/// should code that builds the pipeline from options a user wrote.
LogicalResult
applyTargetCpu(LowerToLLVMOptions &options,
               llvm::function_ref<void(const llvm::Twine &)> emitError);

/// Stage names of --tconv-lower-to-llvm, in pipeline order.
llvm::ArrayRef<llvm::StringRef> lowerToLLVMStageNames();

/// Checks the option values (stop-after stage name, transpose strategy);
/// reports the first bad one through `emitError`. The registered pipeline
/// calls it; tools building the pipeline themselves should too.
LogicalResult verifyLowerToLLVMOptions(
    const LowerToLLVMOptions &options,
    llvm::function_ref<void(const llvm::Twine &)> emitError);

/// Adds the passes of the named stage. `stage` must be one of
/// lowerToLLVMStageNames() (callers validate user input against it).
void addLowerToLLVMStage(OpPassManager &pm, llvm::StringRef stage,
                         const LowerToLLVMOptions &options);

/// Adds the outlining of batch loops that starts the pipeline: a dynamic
/// batch (or a large static one) becomes a loop over per-image functions,
/// small images 8 at a time. tconv-compile runs it before it gives its entry
/// points memref arguments, with the options of the pipeline it then runs.
void addBatchOutlining(OpPassManager &pm, const LowerToLLVMOptions &options);

/// Adds every stage, in order, up to `options.stopAfter` if set.
void buildLowerToLLVMPipeline(OpPassManager &pm,
                              const LowerToLLVMOptions &options);

/// Registers --tconv-lower-to-llvm.
void registerPipelines();

} // namespace tconv
} // namespace mlir

#endif // TCONV_PIPELINES_PIPELINES_H
