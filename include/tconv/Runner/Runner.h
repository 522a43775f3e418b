//===- Runner.h - Compile and run tconv modules in process ------*- C++ -*-===//
//
// The engine behind tconv-run, usable by benchmark harnesses and tests:
//
//   RunnerOptions options;                       // entry "main", pipeline
//   auto kernel = Kernel::compile(source, "model.mlir", options);
//   if (!kernel) ... llvm::toString(kernel.takeError()) ...
//   const Signature &sig = (*kernel)->getSignature();
//   SmallVector<HostTensor> args = ...;          // one per sig.arguments
//   auto results = (*kernel)->run(args);         // type-checked call
//
//   // Timing: bind preallocated buffers once, then call repeatedly.
//   SmallVector<HostTensor> outs = (*kernel)->allocateResults();
//   auto call = (*kernel)->bind(args, outs);
//   for (...) (*call)();
//
// The entry is a func.func whose arguments and results are ranked tensors
// of static shape with f16, bf16, f32, f64, i1, i8, i16, i32 or i64
// elements; an integer argument or result with the unit attribute
// `tconv.unsigned` (kUnsignedAttrName) holds ui8..ui64 values. It
// is compiled to native code for the host CPU (LLVM -O3, host CPU features,
// or another CPU that this one can run: RunnerOptions::target) and called
// through its C interface with the results as caller-allocated out-params
// (see Pipelines.h). Inputs are read-only: the same argument tensors can be
// passed to any number of calls and kernels.
//
// Temporaries come from a workspace planned at compile time. The kernel
// allocates one when it is compiled; a call (run(), or a BoundCall for its
// whole life) takes a workspace from the kernel's pool and gives it back,
// so sequential calls reuse the same memory and never allocate, and calls
// running at the same time each get their own (allocated on first need).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_RUNNER_RUNNER_H
#define TCONV_RUNNER_RUNNER_H

#include "tconv/Support/HostTensor.h"
#include "tconv/Target/TargetMachine.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/LogicalResult.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace mlir {
class PassManager;
} // namespace mlir

namespace mlir::tconv {

/// How a module is lowered to LLVM.
enum class Lowering {
  /// --tconv-lower-to-llvm, the optimizing pipeline (Pipelines.h).
  Pipeline,
  /// --tconv-lower-to-reference, then plain upstream passes (tosa-to-linalg,
  /// one-shot-bufferize, convert-linalg-to-loops, ... to LLVM): scalar loops
  /// that serve as the oracle of --verify.
  Reference,
};

struct RunnerOptions {
  Lowering lowering = Lowering::Pipeline;
  /// Name of the func.func to call.
  std::string entry = "main";
  /// --tconv-decompose-transpose strategy: "auto", "phase" or "zero-insert".
  /// Pipeline lowering only.
  std::string transposeStrategy = "auto";
  /// OpenMP threads for the generated code, set on the calling thread before
  /// every call. 0 keeps the OpenMP default (all cores, or OMP_NUM_THREADS).
  unsigned threads = 0;
  /// More --tconv-lower-to-llvm options in the pipeline's textual form, e.g.
  /// "ow-tile=6 f-tile=32" (Pipelines.h). They override the defaults and the
  /// vector width picked for the host CPU. Pipeline lowering only.
  std::string pipelineOptions;
  /// If not empty, the IR after this stage of --tconv-lower-to-llvm (one of
  /// lowerToLLVMStageNames(), or "all") is printed to `irDumpStream`, or
  /// written to `irDumpDirectory`/<N>-<stage>.mlir if that is set (N: the
  /// stage's 1-based position). Pipeline only.
  std::string dumpIRAfterStage;
  llvm::raw_ostream *irDumpStream = nullptr;
  std::string irDumpDirectory;
  /// The CPU to compile for: the host's by default. Another CPU or other
  /// features (e.g. cpu "x86-64-v3", features "-avx512f") must be ones this
  /// machine runs: compile() fails naming what it lacks.
  TargetSpec target;
  /// Brackets each top-level computation with timer calls (the pipeline's
  /// `profile` option) so that Kernel::profile() can time it. Pipeline only.
  bool profile = false;
  /// Called on each pass manager of the lowering before it runs, e.g. with
  /// mlir::applyPassManagerCLOptions (IR printing) and pass timing.
  std::function<llvm::LogicalResult(PassManager &)> configurePassManager;
  /// If not empty, a pass that crashes or fails writes the IR before it and
  /// the pipeline to this file (PassManager::enableCrashReproducerGeneration).
  std::string crashReproducer;
  /// If not 0, compile() fails before it allocates anything for calls when
  /// one call's arguments, results (at batch 1 if the batch is dynamic) and
  /// workspace need more bytes than this.
  uint64_t maxMemory = 0;
};

/// A computation that a profiled kernel times: an op of the IR after the
/// pipeline's `fused` stage (a convolution, a fused elementwise group, a
/// layout change, ...), or work that later stages added without one (e.g.
/// the copy of a result into its out-param), named by its own op.
struct ProfiledOp {
  /// The op's name, e.g. "linalg.conv_2d_nhwc_fhwc".
  std::string name;
  /// Operand and result types, e.g. "1x8x8x3xf32, 16x3x3x3xf32 -> ...".
  std::string types;
  /// Its attributes that say what it computes (strides, dilations, ...).
  std::string attributes;
  /// Where it comes from in the source, e.g. "model.mlir:12:10".
  std::string location;
  /// The function it is in.
  std::string function;
  /// Floating-point operations of a call: 2 per multiply-add of an op with
  /// a reduction, 0 for data movement and elementwise ops.
  double flops = 0;
  /// How many brackets of timer calls its code got (runs of loops apart in
  /// the final code); 0 if it has no loops of its own (e.g. a bias computed
  /// inside a convolution's tiles): its time counts in another op.
  int64_t brackets = 1;
};

/// One profiled call: its wall time, and for each ProfiledOp its time and
/// how many times its brackets were entered (ProfiledOp::brackets per run
/// of the op: more in a function called several times, e.g. per image).
struct ProfileSample {
  double callMillis = 0;
  llvm::SmallVector<double> opMillis;
  llvm::SmallVector<int64_t> opEntries;
};

/// Argument and result types of the entry function. An entry compiled for
/// any batch has HostTensorType::kDynamicSize as dim 0 of its batched
/// arguments and results: a call takes N from its arguments (all batched
/// ones the same N) and its results have that N.
struct Signature {
  std::string entry;
  llvm::SmallVector<HostTensorType> arguments;
  llvm::SmallVector<HostTensorType> results;

  bool hasDynamicBatch() const;
  /// The types of a call at batch `batch` (this signature if static).
  Signature forBatch(int64_t batch) const;
  /// The N of a call with these arguments (1 if the batch is static).
  int64_t getBatchOf(llvm::ArrayRef<HostTensor> arguments) const;
};

/// Wall time of the phases of Kernel::compile, in milliseconds.
struct CompileTimes {
  /// Parsing and verifying the source, checking the entry.
  double parseMillis = 0;
  /// The MLIR pipeline down to the LLVM dialect.
  double lowerMillis = 0;
  /// LLVM dialect to LLVM IR.
  double translateMillis = 0;
  /// The LLVM -O3 pipeline.
  double optimizeMillis = 0;
  /// Machine code generation and linking in the JIT.
  double codegenMillis = 0;
  /// All of compile(), the phases and the small steps between them.
  double totalMillis = 0;
};

/// The convolutions of a module before lowering, for --verify's report.
struct ConvolutionCounts {
  /// tconv.conv and tconv.conv_transpose ops of the source.
  int64_t tconvOps = 0;
  /// TOSA and linalg convolutions that --tconv-raise-convolutions raised.
  int64_t raised = 0;
  /// Those it left to upstream's lowering (the reference lowers them the
  /// same way: --verify does not check them).
  int64_t notRaised = 0;
  /// Why, one "file:line:col: ..." line per convolution left.
  llvm::SmallVector<std::string> whyNotRaised;
};

/// A compiled entry function. Thread-safe to call concurrently; must outlive
/// every BoundCall made from it.
class Kernel {
public:
  /// Parses and verifies `source` (errors name `bufferName` and the source
  /// location), checks the entry's signature, lowers, and JIT-compiles.
  static llvm::Expected<std::unique_ptr<Kernel>>
  compile(llvm::StringRef source, llvm::StringRef bufferName,
          const RunnerOptions &options);

  ~Kernel();
  Kernel(const Kernel &) = delete;
  Kernel &operator=(const Kernel &) = delete;

  const Signature &getSignature() const;
  /// Useful floating-point operations of one call: convFlops and
  /// convTransposeFlops summed over the module's tconv ops (each op counted
  /// once, whether or not it runs), for `batch` images if the entry takes
  /// a dynamic batch.
  double getFlops(int64_t batch = 1) const;
  /// Largest number of products summed into one output element over the
  /// module's tconv ops (input channels per group times kernel taps); 1 if
  /// there are none. Scales comparison tolerances.
  int64_t getMaxReductionLength() const;
  /// The module's convolutions by kind (pipeline lowering; with the
  /// reference lowering nothing is raised).
  const ConvolutionCounts &getConvolutionCounts() const;
  /// Wall time of compile(): parsing, lowering, LLVM optimization and code
  /// generation.
  double getCompileMillis() const;
  /// The same time split into phases.
  const CompileTimes &getCompileTimes() const;
  /// Bytes of the workspace one call uses for its temporaries (0 for the
  /// reference lowering, whose calls malloc them).
  int64_t getWorkspaceBytes() const;
  /// Bytes of all the temporaries the workspace holds, summed: what a call
  /// would allocate if they did not share memory.
  int64_t getTemporaryBytes() const;
  /// The most bytes of temporaries live at once (no plan needs less), and
  /// the most two temporaries live at once take together.
  int64_t getPeakLiveBytes() const;
  int64_t getLargestLivePairBytes() const;

  /// Zero-filled tensors of the result types (at batch `batch` if the entry
  /// takes a dynamic batch).
  llvm::SmallVector<HostTensor> allocateResults(int64_t batch = 1) const;

  /// Calls the entry after checking the argument and result types.
  llvm::Error run(llvm::ArrayRef<HostTensor> arguments,
                  llvm::MutableArrayRef<HostTensor> results) const;
  llvm::Expected<llvm::SmallVector<HostTensor>>
  run(llvm::ArrayRef<HostTensor> arguments) const;

  /// A call with its buffers bound: operator() only sets the thread count
  /// and jumps into the compiled code, for timing loops; it allocates
  /// nothing. The tensors given to bind() must stay alive and in place. A
  /// BoundCall holds its own workspace: one BoundCall must not be called
  /// from two threads at once, two BoundCalls may.
  class BoundCall {
  public:
    BoundCall(BoundCall &&);
    BoundCall &operator=(BoundCall &&);
    ~BoundCall();
    void operator()() const;

  private:
    friend class Kernel;
    struct State;
    explicit BoundCall(std::unique_ptr<State> state);
    std::unique_ptr<State> state;
  };

  /// With RunnerOptions::profile: the timed ops, in order of ids.
  llvm::ArrayRef<ProfiledOp> getProfiledOps() const;
  /// With RunnerOptions::profile: `warmup` untimed calls, then `runs` calls
  /// timing each profiled op. Not thread-safe with other profile() calls.
  llvm::Expected<std::vector<ProfileSample>>
  profile(llvm::ArrayRef<HostTensor> arguments, unsigned runs,
          unsigned warmup) const;

  /// Checks the types once and binds the buffers.
  llvm::Expected<BoundCall>
  bind(llvm::ArrayRef<HostTensor> arguments,
       llvm::MutableArrayRef<HostTensor> results) const;

private:
  struct Impl;
  explicit Kernel(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl;
};

/// Element-wise comparison of a result with a reference result.
struct Comparison {
  /// max |actual - expected| over finite pairs.
  double maxAbsError = 0;
  /// maxAbsError / max |expected| (0 if expected is all zeros).
  double maxRelError = 0;
  /// max |expected|, the magnitude errors are measured against.
  double expectedMagnitude = 0;
  /// Flat index of the largest difference (or of the first NaN/infinity
  /// mismatch), -1 if the tensors are equal.
  int64_t worstIndex = -1;
  /// Elements where one side is NaN or infinite and the other is not the
  /// same value.
  int64_t nonFiniteMismatches = 0;
};

/// Compares two tensors of the same shape (element types may differ).
Comparison compareTensors(const HostTensor &actual, const HostTensor &expected);

/// Largest acceptable maxRelError for results of `elementType` computed
/// with sums of `reductionLength` products: a few ulps times
/// sqrt(reductionLength), the growth of rounding errors in a sum.
double getRelativeTolerance(ElementType elementType, int64_t reductionLength);

/// Minor page faults of this process so far (getrusage). Their difference
/// around timed calls, divided by the calls, says how much fresh memory each
/// call touches: about 0 when temporaries come from a reused workspace.
long getMinorPageFaults();

/// Fills `tensor` with values uniform in [-1, 1) (integers: in [-16, 16),
/// i1: 0 or 1), deterministic for `seed`.
void fillUniform(HostTensor &tensor, uint64_t seed);

} // namespace mlir::tconv

#endif // TCONV_RUNNER_RUNNER_H
