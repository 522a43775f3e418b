//===- Runner.cpp - Compile and run tconv modules in process --------------===//

#include "tconv/Runner/Runner.h"

#include "Profile.h"
#include "ReferencePipeline.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/OpenMP/OpenMPToLLVMIRTranslation.h"
#include "tconv/Codegen/BatchLoop.h"
#include "tconv/Codegen/Passes.h"
#include "tconv/Conversion/Passes.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"
#include "tconv/InitAll.h"
#include "tconv/Pipelines/Pipelines.h"
#include "tconv/Target/TargetMachine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

#include <chrono>
#include <cstdlib>
#include <cmath>
#include <mutex>
#include <sys/resource.h>

using namespace mlir;
using namespace mlir::tconv;
using llvm::Twine;

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

//===----------------------------------------------------------------------===//
// Kernel state and calls
//===----------------------------------------------------------------------===//

using PackedFn = void (*)(void **);
using SetThreadsFn = void (*)(int);

namespace {
/// Workspaces of one kernel (Pipelines.h: the entry's last argument). Calls
/// take one for their duration and give it back, so the memory is allocated
/// once, when the kernel is compiled, and again only for calls that run at
/// the same time as others.
class WorkspacePool {
public:
  static constexpr size_t kAlignment = 64;

  explicit WorkspacePool(int64_t bytes)
      : bytes(llvm::alignTo(std::max<int64_t>(bytes, 1), kAlignment)) {}
  ~WorkspacePool() {
    for (void *workspace : idle)
      std::free(workspace);
  }
  int64_t getBytes() const { return bytes; }
  /// A workspace for one caller; nullptr if the system is out of memory.
  void *acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (!idle.empty())
        return idle.pop_back_val();
    }
    return std::aligned_alloc(kAlignment, bytes);
  }
  void release(void *workspace) {
    std::lock_guard<std::mutex> lock(mutex);
    idle.push_back(workspace);
  }

private:
  int64_t bytes;
  std::mutex mutex;
  llvm::SmallVector<void *> idle;
};
} // namespace

bool Signature::hasDynamicBatch() const {
  auto dynamic = [](const HostTensorType &type) {
    return !type.shape.empty() &&
           type.shape[0] == HostTensorType::kDynamicSize;
  };
  return llvm::any_of(arguments, dynamic) || llvm::any_of(results, dynamic);
}

Signature Signature::forBatch(int64_t batch) const {
  Signature resolved = *this;
  for (auto *types : {&resolved.arguments, &resolved.results})
    for (HostTensorType &type : *types)
      if (!type.shape.empty() && type.shape[0] == HostTensorType::kDynamicSize)
        type.shape[0] = batch;
  return resolved;
}

struct Kernel::Impl {
  Signature signature;
  /// Per image if the signature has a dynamic batch.
  double flops = 0;
  int64_t maxReductionLength = 1;
  ConvolutionCounts convolutions;
  CompileTimes compileTimes;
  unsigned threads = 0;
  std::unique_ptr<ExecutionEngine> engine;
  /// The packed wrapper of _mlir_ciface_<entry>: one pointer per argument,
  /// each pointing at a memref descriptor pointer; results are out-params
  /// after the arguments.
  PackedFn fn = nullptr;
  SetThreadsFn setThreads = nullptr;
  std::vector<ProfiledOp> profiledOps;
  /// Set when the entry takes a workspace (the optimizing pipeline).
  std::unique_ptr<WorkspacePool> workspaces;
  int64_t temporaryBytes = 0;
  int64_t peakLiveBytes = 0;
  int64_t largestLivePairBytes = 0;
};

/// Descriptors (allocated, aligned, offset, sizes, strides) and the packed
/// argument array pointing at them. Heap-allocated so that the internal
/// pointers survive moves of the owning BoundCall.
struct Kernel::BoundCall::State {
  ~State() {
    if (workspace)
      workspaces->release(workspace);
  }
  PackedFn fn;
  SetThreadsFn setThreads;
  int threads;
  WorkspacePool *workspaces = nullptr;
  void *workspace = nullptr;
  llvm::SmallVector<llvm::SmallVector<int64_t, 11>> descriptors;
  llvm::SmallVector<void *> descriptorPtrs;
  llvm::SmallVector<void *> packedArgs;
};

Kernel::BoundCall::BoundCall(std::unique_ptr<State> state)
    : state(std::move(state)) {}
Kernel::BoundCall::BoundCall(BoundCall &&) = default;
Kernel::BoundCall &Kernel::BoundCall::operator=(BoundCall &&) = default;
Kernel::BoundCall::~BoundCall() = default;

void Kernel::BoundCall::operator()() const {
  if (state->threads > 0)
    state->setThreads(state->threads);
  state->fn(state->packedArgs.data());
}

Kernel::Kernel(std::unique_ptr<Impl> impl) : impl(std::move(impl)) {}
Kernel::~Kernel() = default;

const Signature &Kernel::getSignature() const { return impl->signature; }
double Kernel::getFlops(int64_t batch) const {
  return impl->signature.hasDynamicBatch() ? impl->flops * batch
                                           : impl->flops;
}
const ConvolutionCounts &Kernel::getConvolutionCounts() const {
  return impl->convolutions;
}
int64_t Kernel::getMaxReductionLength() const {
  return impl->maxReductionLength;
}
double Kernel::getCompileMillis() const {
  return impl->compileTimes.totalMillis;
}
const CompileTimes &Kernel::getCompileTimes() const {
  return impl->compileTimes;
}
llvm::ArrayRef<ProfiledOp> Kernel::getProfiledOps() const {
  return impl->profiledOps;
}
int64_t Kernel::getWorkspaceBytes() const {
  return impl->workspaces ? impl->workspaces->getBytes() : 0;
}
int64_t Kernel::getTemporaryBytes() const { return impl->temporaryBytes; }
int64_t Kernel::getPeakLiveBytes() const { return impl->peakLiveBytes; }
int64_t Kernel::getLargestLivePairBytes() const {
  return impl->largestLivePairBytes;
}

llvm::SmallVector<HostTensor> Kernel::allocateResults(int64_t batch) const {
  llvm::SmallVector<HostTensor> results;
  for (const HostTensorType &type : impl->signature.forBatch(batch).results)
    results.emplace_back(type);
  return results;
}

/// Checks that `tensors` match `types`; `what` is "argument" or "result".
static llvm::Error checkTypes(const Signature &signature, llvm::StringRef what,
                              llvm::ArrayRef<HostTensorType> types,
                              llvm::ArrayRef<HostTensor> tensors) {
  if (tensors.size() != types.size())
    return makeError("@" + signature.entry + " has " + Twine(types.size()) +
                     " " + what + (types.size() == 1 ? "" : "s") + ", got " +
                     Twine(tensors.size()));
  for (auto [index, tensor] : llvm::enumerate(tensors)) {
    if (!tensor.data())
      return makeError("@" + signature.entry + " " + what + " #" +
                       Twine(index) +
                       " has no storage (a moved-from or "
                       "default-constructed HostTensor)");
    if (tensor.getType() != types[index])
      return makeError("@" + signature.entry + " " + what + " #" +
                       Twine(index) + " is " + types[index].str() + ", got " +
                       tensor.getType().str());
  }
  return llvm::Error::success();
}

/// A memref descriptor of a contiguous row-major tensor.
static llvm::SmallVector<int64_t, 11> makeDescriptor(const HostTensor &tensor) {
  llvm::ArrayRef<int64_t> shape = tensor.getShape();
  auto address = reinterpret_cast<int64_t>(tensor.data());
  llvm::SmallVector<int64_t, 11> descriptor = {address, address, 0};
  llvm::append_range(descriptor, shape);
  llvm::SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = static_cast<int64_t>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  llvm::append_range(descriptor, strides);
  return descriptor;
}

/// The batch of a call: dim 0 of the first argument whose type has a
/// dynamic batch (checkTypes then checks the others against it); 1 if none.
int64_t Signature::getBatchOf(llvm::ArrayRef<HostTensor> arguments) const {
  for (auto [type, tensor] : llvm::zip(this->arguments, arguments))
    if (!type.shape.empty() && type.shape[0] == HostTensorType::kDynamicSize &&
        tensor.data() && !tensor.getShape().empty())
      return tensor.getShape()[0];
  return 1;
}

llvm::Expected<Kernel::BoundCall>
Kernel::bind(llvm::ArrayRef<HostTensor> arguments,
             llvm::MutableArrayRef<HostTensor> results) const {
  const Signature signature =
      impl->signature.forBatch(impl->signature.getBatchOf(arguments));
  if (llvm::Error err =
          checkTypes(signature, "argument", signature.arguments, arguments))
    return std::move(err);
  if (llvm::Error err =
          checkTypes(signature, "result", signature.results, results))
    return std::move(err);

  auto state = std::make_unique<BoundCall::State>();
  state->fn = impl->fn;
  state->setThreads = impl->setThreads;
  state->threads = static_cast<int>(impl->threads);
  for (const HostTensor &tensor : arguments)
    state->descriptors.push_back(makeDescriptor(tensor));
  for (const HostTensor &tensor : results)
    state->descriptors.push_back(makeDescriptor(tensor));
  if (impl->workspaces) {
    state->workspaces = impl->workspaces.get();
    state->workspace = state->workspaces->acquire();
    if (!state->workspace)
      return makeError("cannot allocate the workspace of @" + signature.entry +
                       " (" + Twine(state->workspaces->getBytes()) +
                       " bytes)");
    auto address = reinterpret_cast<int64_t>(state->workspace);
    state->descriptors.push_back(
        {address, address, 0, state->workspaces->getBytes(), 1});
  }
  for (auto &descriptor : state->descriptors)
    state->descriptorPtrs.push_back(descriptor.data());
  for (void *&ptr : state->descriptorPtrs)
    state->packedArgs.push_back(&ptr);
  return BoundCall(std::move(state));
}

llvm::Error Kernel::run(llvm::ArrayRef<HostTensor> arguments,
                        llvm::MutableArrayRef<HostTensor> results) const {
  llvm::Expected<BoundCall> call = bind(arguments, results);
  if (!call)
    return call.takeError();
  (*call)();
  return llvm::Error::success();
}

llvm::Expected<llvm::SmallVector<HostTensor>>
Kernel::run(llvm::ArrayRef<HostTensor> arguments) const {
  llvm::SmallVector<HostTensor> results =
      allocateResults(impl->signature.getBatchOf(arguments));
  if (llvm::Error err = run(arguments, results))
    return std::move(err);
  return std::move(results);
}

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

namespace {
/// Collects diagnostics, printed with their source lines, into a string.
class DiagnosticCollector {
public:
  DiagnosticCollector(llvm::SourceMgr &sourceMgr, MLIRContext &context)
      : os(text), handler(sourceMgr, &context, os) {}

  /// An error holding `summary` and every diagnostic reported so far.
  llvm::Error takeError(const Twine &summary) {
    std::string message = summary.str();
    llvm::StringRef details = llvm::StringRef(text).rtrim();
    if (!details.empty())
      message += (message.empty() ? "" : "\n") + details.str();
    if (message.empty())
      message = "failed without a diagnostic";
    text.clear();
    return makeError(message);
  }

private:
  std::string text;
  llvm::raw_string_ostream os;
  SourceMgrDiagnosticHandler handler;
};

/// Wall time of consecutive compilation phases.
class PhaseTimer {
public:
  /// Milliseconds since the last lap (or construction).
  double lap() {
    Clock::time_point now = Clock::now();
    double millis =
        std::chrono::duration<double, std::milli>(now - last).count();
    last = now;
    return millis;
  }
  /// Milliseconds since construction.
  double total() const {
    return std::chrono::duration<double, std::milli>(Clock::now() - start)
        .count();
  }

private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point start = Clock::now();
  Clock::time_point last = start;
};
} // namespace

static DialectRegistry makeRegistry() {
  DialectRegistry registry;
  tconv::registerAllDialects(registry);
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  registerOpenMPDialectTranslation(registry);
  return registry;
}

/// The HostTensorType of a builtin tensor type tconv-run can feed: ranked,
/// static but for a dynamic batch (dim 0), f16/bf16/f32/f64 or signless
/// i1/i8/i16/i32/i64, these but i1 read as unsigned if `isUnsigned`.
static std::optional<HostTensorType> toHostTensorType(Type type,
                                                      bool isUnsigned) {
  auto tensor = dyn_cast<RankedTensorType>(type);
  if (!tensor || llvm::any_of(llvm::enumerate(tensor.getShape()), [](auto dim) {
        return dim.index() > 0 && ShapedType::isDynamic(dim.value());
      }))
    return std::nullopt;
  Type element = tensor.getElementType();
  if (isUnsigned && (!element.isSignlessInteger() || element.isInteger(1)))
    return std::nullopt;
  ElementType elementType;
  if (element.isF16())
    elementType = ElementType::F16;
  else if (element.isBF16())
    elementType = ElementType::BF16;
  else if (element.isF32())
    elementType = ElementType::F32;
  else if (element.isF64())
    elementType = ElementType::F64;
  else if (element.isSignlessInteger(1))
    elementType = ElementType::I1;
  else if (element.isSignlessInteger(8))
    elementType = isUnsigned ? ElementType::U8 : ElementType::I8;
  else if (element.isSignlessInteger(16))
    elementType = isUnsigned ? ElementType::U16 : ElementType::I16;
  else if (element.isSignlessInteger(32))
    elementType = isUnsigned ? ElementType::U32 : ElementType::I32;
  else if (element.isSignlessInteger(64))
    elementType = isUnsigned ? ElementType::U64 : ElementType::I64;
  else
    return std::nullopt;
  SmallVector<int64_t> shape(tensor.getShape());
  if (!shape.empty() && ShapedType::isDynamic(shape[0]))
    shape[0] = HostTensorType::kDynamicSize;
  return HostTensorType{elementType, shape};
}

/// An error naming the function bodies of the module, when `name` is none.
static llvm::Error noSuchEntry(ModuleOp module, StringRef bufferName,
                               StringRef name) {
  std::string message;
  llvm::raw_string_ostream os(message);
  os << bufferName << ": no func.func @" << name;
  llvm::SmallVector<StringRef> names;
  for (auto func : module.getOps<func::FuncOp>())
    if (!func.isExternal())
      names.push_back(func.getSymName());
  if (!names.empty()) {
    os << " (functions: ";
    llvm::interleaveComma(names, os, [&](StringRef n) { os << "@" << n; });
    os << ")";
  }
  return makeError(message);
}

/// Checks the entry and records its signature; diagnostics on failure.
static LogicalResult checkEntry(func::FuncOp entry, Signature &signature) {
  StringRef name = entry.getSymName();
  if (entry.isExternal())
    return entry.emitError()
           << "entry @" << name << " is a declaration without a body";
  signature.entry = name.str();
  auto check =
      [&](TypeRange types, StringRef what,
          llvm::function_ref<bool(unsigned)> isUnsigned,
          llvm::SmallVectorImpl<HostTensorType> &out) -> LogicalResult {
    for (auto [index, type] : llvm::enumerate(types)) {
      std::optional<HostTensorType> tensorType =
          toHostTensorType(type, isUnsigned(index));
      if (!tensorType)
        return entry.emitError()
               << "entry @" << name << " " << what << " #" << index
               << " has type " << type
               << (isUnsigned(index) ? " marked " + kUnsignedAttrName.str()
                                     : std::string())
               << "; expected a ranked tensor of static shape (but for a "
                  "dynamic batch, dim 0) with f16, bf16, f32, f64, i1, i8, "
                  "i16, i32 or i64 elements (integers but i1 may be marked "
               << kUnsignedAttrName << ")";
      out.push_back(*tensorType);
    }
    return success();
  };
  return success(
      succeeded(check(
          entry.getArgumentTypes(), "argument",
          [&](unsigned i) { return !!entry.getArgAttr(i, kUnsignedAttrName); },
          signature.arguments)) &&
      succeeded(check(
          entry.getResultTypes(), "result",
          [&](unsigned i) {
            return !!entry.getResultAttr(i, kUnsignedAttrName);
          },
          signature.results)));
}

/// Walks the ops of `module` but those of the chunk functions of batch
/// loops (several images at once) and of the copies a loop calls once per
/// call (a lone image's `.single`), which repeat an image function's.
static void walkCounted(ModuleOp module,
                        llvm::function_ref<void(Operation *)> callback) {
  for (auto func : module.getOps<func::FuncOp>()) {
    auto results = func.getFunctionType().getResults();
    bool isChunk =
        func->hasAttr(kBatchImageAttrName) && !results.empty() &&
        cast<ShapedType>(results.front()).getDimSize(0) > 1;
    if (!isChunk && !func->hasAttr(kBatchSingleImageAttrName))
      func.walk(callback);
  }
}

/// Sums the useful FLOPs and finds the longest reduction over tconv ops.
static void measureConvolutions(ModuleOp module, double &flops,
                                int64_t &maxReduction) {
  auto product = [](ArrayRef<int64_t> values) {
    int64_t p = 1;
    for (int64_t v : values)
      p *= v;
    return p;
  };
  // A dynamic batch counts one image.
  auto perImage = [](ArrayRef<int64_t> shape) {
    SmallVector<int64_t> image(shape);
    if (ShapedType::isDynamic(image[0]))
      image[0] = 1;
    return image;
  };
  walkCounted(module, [&](Operation *op) {
    if (auto conv = dyn_cast<ConvOp>(op)) {
      ArrayRef<int64_t> filter = conv.getFilter().getType().getShape();
      flops += convFlops(filter, perImage(conv.getOutput().getType().getShape()));
      maxReduction = std::max(maxReduction, product(filter.drop_front(1)));
    } else if (auto convT = dyn_cast<ConvTransposeOp>(op)) {
      SmallVector<int64_t> input =
          perImage(convT.getInput().getType().getShape());
      ArrayRef<int64_t> filter = convT.getFilter().getType().getShape();
      flops += convTransposeFlops(input, filter);
      int64_t channelsPerGroup = input[1] / convT.getGeometry().group;
      maxReduction = std::max(maxReduction,
                              channelsPerGroup * product(filter.drop_front(2)));
    }
  });
}

/// Writes the IR after `stage` (the `position`th) where `options` asks.
static LogicalResult dumpStage(ModuleOp module, size_t position,
                               StringRef stage, const RunnerOptions &options) {
  if (options.irDumpDirectory.empty()) {
    if (options.irDumpStream)
      *options.irDumpStream << "// -----// IR after stage '" << stage
                            << "' //----- //\n"
                            << module << "\n";
    return success();
  }
  llvm::SmallString<128> path(options.irDumpDirectory);
  llvm::sys::path::append(path, Twine(position) + "-" + stage + ".mlir");
  std::error_code ec;
  llvm::raw_fd_ostream file(path, ec);
  if (!ec) {
    file << module << "\n";
    file.close();
    ec = file.error();
  }
  if (ec)
    return module.emitError() << path << ": cannot write: " << ec.message();
  return success();
}

/// Lowers with --tconv-lower-to-llvm, printing the IR after the requested
/// stages (the stages run in one pass manager per dump). The IR is verified
/// once, at the end: verifying it after each of the pipeline's ~50 passes
/// took a fifth of the lowering time of a CNN (tconv-opt still verifies
/// after each pass, as the pass tests run there).
static LogicalResult
lowerWithPipeline(ModuleOp module, const LowerToLLVMOptions &pipelineOptions,
                  const RunnerOptions &options) {
  llvm::ArrayRef<llvm::StringRef> stages = lowerToLLVMStageNames();
  StringRef dump = options.dumpIRAfterStage;
  size_t begin = 0;
  for (size_t i = 0; i < stages.size(); ++i) {
    bool dumped = dump == "all" || dump == stages[i];
    if (!dumped && i + 1 < stages.size())
      continue;
    PassManager pm(module->getContext());
    pm.enableVerifier(false);
    if (options.configurePassManager &&
        failed(options.configurePassManager(pm)))
      return failure();
    if (!options.crashReproducer.empty())
      pm.enableCrashReproducerGeneration(options.crashReproducer);
    for (size_t j = begin; j <= i; ++j)
      addLowerToLLVMStage(pm, stages[j], pipelineOptions);
    if (failed(pm.run(module)))
      return failure();
    begin = i + 1;
    if (dumped && failed(dumpStage(module, i + 1, stages[i], options)))
      return failure();
  }
  if (failed(checkLoweredToLLVM(module)))
    return failure();
  return verify(module);
}

/// Checks that the lowered entry's C interface takes every result as an
/// out-param after the arguments, the convention Kernel calls with.
static LogicalResult checkCallingConvention(ModuleOp module,
                                            const Signature &signature,
                                            bool hasWorkspace) {
  std::string name = "_mlir_ciface_" + signature.entry;
  auto wrapper = module.lookupSymbol<LLVM::LLVMFuncOp>(name);
  if (!wrapper)
    return module.emitError()
           << "lowering produced no C interface function @" << name;
  LLVM::LLVMFunctionType type = wrapper.getFunctionType();
  size_t expected = signature.arguments.size() + signature.results.size() +
                    (hasWorkspace ? 1 : 0);
  if (!isa<LLVM::LLVMVoidType>(type.getReturnType()) ||
      type.getNumParams() != expected)
    return wrapper.emitError()
           << "expected @" << name << " to return void and take " << expected
           << " memref descriptor pointers (arguments, then results as "
              "out-params, then the workspace if any), got "
           << type;
  return success();
}

/// Loads a runtime library, or explains why it cannot.
static llvm::Error checkRuntimeLibrary(llvm::StringRef path) {
  std::string error;
  if (llvm::sys::DynamicLibrary::getPermanentLibrary(path.str().c_str(), &error)
          .isValid())
    return llvm::Error::success();
  return makeError("cannot load runtime library " + path + ": " + error);
}

llvm::Expected<std::unique_ptr<Kernel>>
Kernel::compile(llvm::StringRef source, llvm::StringRef bufferName,
                const RunnerOptions &options) {
  CompileTimes times;
  PhaseTimer timer;
  bool reference = options.lowering == Lowering::Reference;
  LowerToLLVMOptions pipelineOptions;
  pipelineOptions.transposeStrategy = options.transposeStrategy;
  pipelineOptions.profile = options.profile;
  // The JIT compiles for the host CPU (or one it can run): schedule for its
  // vector registers.
  auto targetMachine = createTargetMachine(options.target, /*forJIT=*/true);
  if (!targetMachine)
    return targetMachine.takeError();
  if (llvm::Error err = checkRunsOnHost(**targetMachine))
    return std::move(err);
  scheduleForTarget(pipelineOptions, **targetMachine);
  if (!options.pipelineOptions.empty()) {
    if (reference)
      return makeError("pipeline options apply to --tconv-lower-to-llvm, not "
                       "to the reference lowering");
    std::string message;
    llvm::raw_string_ostream os(message);
    if (failed(pipelineOptions.parseFromString(options.pipelineOptions, os)))
      return makeError("invalid pipeline options '" + options.pipelineOptions +
                       "'" +
                       (message.empty() ? "" : ": " + llvm::StringRef(message).trim()));
    std::string cpuError;
    if (failed(applyTargetCpu(pipelineOptions, [&](const Twine &error) {
          cpuError = error.str();
        })))
      return makeError(cpuError);
    if (pipelineOptions.bf16Dot && !hasBF16Dot(**targetMachine))
      return makeError("pipeline option bf16-dot needs a target CPU with "
                       "avx512bf16");
  }
  if (!reference) {
    std::string message;
    if (failed(
            verifyLowerToLLVMOptions(pipelineOptions, [&](const Twine &error) {
              message = error.str();
            })))
      return makeError(message);
  }
  if (reference && options.profile)
    return makeError("profiling instruments --tconv-lower-to-llvm, not the "
                     "reference lowering");
  if (!options.dumpIRAfterStage.empty()) {
    if (reference)
      return makeError("IR dumps name stages of --tconv-lower-to-llvm; the "
                       "reference lowering has none");
    if (options.dumpIRAfterStage != "all" &&
        !llvm::is_contained(lowerToLLVMStageNames(),
                            llvm::StringRef(options.dumpIRAfterStage))) {
      std::string names;
      llvm::raw_string_ostream os(names);
      llvm::interleaveComma(lowerToLLVMStageNames(), os);
      return makeError("unknown pipeline stage '" + options.dumpIRAfterStage +
                       "' (stages: " + names + ", or all)");
    }
  }
  for (llvm::StringRef library : {TCONV_C_RUNNER_UTILS, TCONV_LIBOMP})
    if (llvm::Error err = checkRuntimeLibrary(library))
      return std::move(err);

  MLIRContext context(makeRegistry());
  // Diagnostics show the source line; the generic op form adds only noise.
  context.printOpOnDiagnostic(false);
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(source, bufferName), llvm::SMLoc());
  DiagnosticCollector diagnostics(sourceMgr, context);

  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&context));
  if (!module)
    return diagnostics.takeError("");

  auto impl = std::make_unique<Impl>();
  impl->threads = options.threads;
  auto entry = module->lookupSymbol<func::FuncOp>(options.entry);
  if (!entry)
    return noSuchEntry(*module, bufferName, options.entry);
  if (failed(checkEntry(entry, impl->signature)))
    return diagnostics.takeError("");
  // A dynamic batch is outlined first, as the pipeline starts: upstream
  // convolutions (their results sized by tensor.dim of the batch) raise in
  // the static function of one image.
  if (!reference &&
      llvm::any_of(entry.getArgumentTypes(), tconv::isBatchedType)) {
    PassManager pm(&context);
    addBatchOutlining(pm, pipelineOptions);
    if (failed(pm.run(*module)))
      return diagnostics.takeError("--tconv-lower-to-llvm failed");
  }
  // Raised first (the pipeline's own raising then finds nothing left), so
  // that the raised convolutions are counted and measured like tconv ops:
  // per image, without the chunk functions of a batch loop.
  auto count = [&](llvm::function_ref<bool(Operation *)> predicate) {
    int64_t n = 0;
    walkCounted(*module, [&](Operation *op) { n += predicate(op); });
    return n;
  };
  ConvolutionCounts &convolutions = impl->convolutions;
  convolutions.tconvOps =
      count([](Operation *op) { return isa<ConvOp, ConvTransposeOp>(op); });
  int64_t upstream = count(isUpstreamConvolution);
  if (!reference && upstream) {
    // Its remarks (why a convolution was not raised) are kept for the user.
    ScopedDiagnosticHandler remarks(&context, [&](Diagnostic &diag) {
      if (diag.getSeverity() != DiagnosticSeverity::Remark)
        return failure();
      std::string line;
      llvm::raw_string_ostream os(line);
      if (auto loc = dyn_cast<FileLineColLoc>(diag.getLocation()))
        os << loc.getFilename().getValue() << ":" << loc.getLine() << ":"
           << loc.getColumn() << ": ";
      os << diag.str();
      convolutions.whyNotRaised.push_back(line);
      return success();
    });
    PassManager pm(&context);
    pm.nest<func::FuncOp>().addPass(createTConvRaiseConvolutions());
    if (failed(pm.run(*module)))
      return diagnostics.takeError("--tconv-raise-convolutions failed");
  }
  convolutions.notRaised = count(isUpstreamConvolution);
  convolutions.raised = upstream - convolutions.notRaised;
  measureConvolutions(*module, impl->flops, impl->maxReductionLength);
  entry.setPublic();
  entry->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(),
                 UnitAttr::get(&context));
  // Inputs are read-only: bufferization must not reuse their buffers for
  // results (callers reuse inputs across calls and lowerings).
  for (unsigned i = 0, e = entry.getNumArguments(); i < e; ++i)
    entry.setArgAttr(i, bufferization::BufferizationDialect::kWritableAttrName,
                     BoolAttr::get(&context, false));
  times.parseMillis = timer.lap();

  if (reference) {
    PassManager pm(&context);
    if (!options.crashReproducer.empty())
      pm.enableCrashReproducerGeneration(options.crashReproducer);
    buildReferenceLoweringPipeline(pm);
    if (failed(pm.run(*module)) || failed(checkLoweredToLLVM(*module)))
      return diagnostics.takeError("reference lowering failed");
  } else if (failed(lowerWithPipeline(*module, pipelineOptions, options))) {
    return diagnostics.takeError("--tconv-lower-to-llvm failed");
  }
  std::optional<int64_t> workspaceBytes;
  if (auto lowered = module->lookupSymbol<LLVM::LLVMFuncOp>(options.entry)) {
    if (auto size = lowered->getAttrOfType<IntegerAttr>(kWorkspaceSizeAttrName))
      workspaceBytes = size.getInt();
    if (auto sum = lowered->getAttrOfType<IntegerAttr>(kTemporaryBytesAttrName))
      impl->temporaryBytes = sum.getInt();
    if (auto peak = lowered->getAttrOfType<IntegerAttr>(kPeakLiveBytesAttrName))
      impl->peakLiveBytes = peak.getInt();
    if (auto pair =
            lowered->getAttrOfType<IntegerAttr>(kLargestLivePairBytesAttrName))
      impl->largestLivePairBytes = pair.getInt();
  }
  if (failed(checkCallingConvention(*module, impl->signature,
                                    workspaceBytes.has_value())))
    return diagnostics.takeError("");
  if (options.profile)
    impl->profiledOps = takeProfiledOps(*module);
  // One call's memory, checked before the workspace is allocated.
  if (options.maxMemory) {
    std::optional<uint64_t> needed = workspaceBytes.value_or(0);
    Signature call = impl->signature.forBatch(1);
    for (const auto *types : {&call.arguments, &call.results})
      for (const HostTensorType &type : *types) {
        std::optional<int64_t> bytes = checkedByteSize(
            type.shape,
            static_cast<int64_t>(getElementByteWidth(type.elementType)));
        uint64_t sum;
        if (!bytes || !needed ||
            __builtin_add_overflow(*needed, static_cast<uint64_t>(*bytes),
                                   &sum))
          needed = std::nullopt;
        else
          needed = sum;
      }
    if (!needed || *needed > options.maxMemory)
      return makeError("@" + options.entry + " needs " +
                       (needed ? Twine(*needed) + " bytes"
                               : Twine("more than 2^64 bytes")) +
                       " for its arguments, results and workspace, more "
                       "than the memory limit (" +
                       Twine(options.maxMemory) + " bytes)");
  }
  // Allocated now, reused by every call (WorkspacePool).
  if (workspaceBytes) {
    impl->workspaces = std::make_unique<WorkspacePool>(*workspaceBytes);
    void *first = impl->workspaces->acquire();
    if (!first)
      return makeError("cannot allocate the workspace of @" + options.entry +
                       " (" + Twine(*workspaceBytes) + " bytes)");
    impl->workspaces->release(first);
  }
  times.lowerMillis = timer.lap();

  // JIT for the host CPU with its features (AVX2, FMA, ...) at -O3.
  llvm::StringRef libraries[] = {TCONV_C_RUNNER_UTILS, TCONV_LIBOMP};
  ExecutionEngineOptions engineOptions;
  llvm::TargetMachine *machine = targetMachine->get();
  // create() translates to LLVM IR, then optimizes: the optimization is
  // timed on its own, the translation is the rest.
  auto timedOptimize = [&](llvm::Module *llvmModule) {
    PhaseTimer optimizeTimer;
    optimizeModule(*llvmModule, *machine);
    times.optimizeMillis = optimizeTimer.lap();
    return llvm::Error::success();
  };
  engineOptions.transformer = timedOptimize;
  engineOptions.jitCodeGenOptLevel = llvm::CodeGenOptLevel::Aggressive;
  engineOptions.sharedLibPaths = libraries;
  engineOptions.enableGDBNotificationListener = false;
  engineOptions.enablePerfNotificationListener = false;
  auto engine = ExecutionEngine::create(*module, engineOptions,
                                        std::move(*targetMachine));
  if (!engine)
    return makeError("JIT compilation failed: " +
                     llvm::toString(engine.takeError()));
  impl->engine = std::move(*engine);
  if (options.profile)
    impl->engine->registerSymbols(getProfileSymbols);
  times.translateMillis = timer.lap() - times.optimizeMillis;
  // The lookup materializes (compiles) the module.
  auto fn = impl->engine->lookupPacked("_mlir_ciface_" + options.entry);
  if (!fn)
    return makeError("JIT compilation failed: " +
                     llvm::toString(fn.takeError()));
  impl->fn = *fn;
  times.codegenMillis = timer.lap();
  impl->engine->initialize();
  impl->setThreads = reinterpret_cast<SetThreadsFn>(
      llvm::sys::DynamicLibrary::getPermanentLibrary(TCONV_LIBOMP)
          .getAddressOfSymbol("omp_set_num_threads"));
  if (!impl->setThreads)
    return makeError(Twine("no omp_set_num_threads in ") + TCONV_LIBOMP);

  times.totalMillis = timer.total();
  impl->compileTimes = times;
  return std::unique_ptr<Kernel>(new Kernel(std::move(impl)));
}

//===----------------------------------------------------------------------===//
// Comparison and inputs
//===----------------------------------------------------------------------===//

Comparison mlir::tconv::compareTensors(const HostTensor &actual,
                                       const HostTensor &expected) {
  Comparison result;
  for (int64_t i = 0, e = expected.getNumElements(); i < e; ++i) {
    double want = expected.getValue(i), got = actual.getValue(i);
    if (!std::isfinite(want) || !std::isfinite(got)) {
      bool same = (std::isnan(want) && std::isnan(got)) || want == got;
      if (!same && result.nonFiniteMismatches++ == 0)
        result.worstIndex = i;
      continue;
    }
    result.expectedMagnitude =
        std::max(result.expectedMagnitude, std::fabs(want));
    double error = std::fabs(got - want);
    if (error > result.maxAbsError) {
      result.maxAbsError = error;
      if (result.nonFiniteMismatches == 0)
        result.worstIndex = i;
    }
  }
  if (result.expectedMagnitude > 0)
    result.maxRelError = result.maxAbsError / result.expectedMagnitude;
  else if (result.maxAbsError > 0)
    result.maxRelError = INFINITY;
  return result;
}

double mlir::tconv::getRelativeTolerance(ElementType elementType,
                                         int64_t reductionLength) {
  // Roughly 4-80 ulps of the type, grown like a random walk of roundings.
  double perStep = 0;
  switch (elementType) {
  case ElementType::F64:
    perStep = 1e-13;
    break;
  case ElementType::F32:
    perStep = 1e-5;
    break;
  case ElementType::F16:
    perStep = 2e-3;
    break;
  case ElementType::BF16:
    perStep = 1.6e-2;
    break;
  case ElementType::I1:
  case ElementType::I8:
  case ElementType::I16:
  case ElementType::I32:
  case ElementType::I64:
  case ElementType::U8:
  case ElementType::U16:
  case ElementType::U32:
  case ElementType::U64:
    return 0; // Integers compare exactly.
  }
  return perStep *
         std::sqrt(static_cast<double>(std::max<int64_t>(reductionLength, 1)));
}

void mlir::tconv::fillUniform(HostTensor &tensor, uint64_t seed) {
  // splitmix64: tiny, well mixed, identical on every platform.
  uint64_t state = seed;
  for (int64_t i = 0, e = tensor.getNumElements(); i < e; ++i) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    double unit = static_cast<double>(z >> 11) * 0x1.0p-53;
    // Integers: small values of both signs (i1: 0 and 1; unsigned: 0..31).
    if (isIntegerElementType(tensor.getElementType()))
      tensor.setValue(i, tensor.getElementType() == ElementType::I1
                             ? std::floor(2 * unit)
                         : isUnsignedElementType(tensor.getElementType())
                             ? std::floor(32 * unit)
                             : std::floor(32 * unit) - 16);
    else
      tensor.setValue(i, 2.0 * unit - 1.0);
  }
}

long mlir::tconv::getMinorPageFaults() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}
