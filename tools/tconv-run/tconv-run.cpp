//===- tconv-run.cpp - Compile, run, check and time a tconv module --------===//
//
// tconv-run FILE.mlir [--entry=NAME] [--input=FILE]... [--random-inputs[=SEED]]
//           [--output=FILE]... [--print] [--verify] [--bench=N]
//           [--bench-json=FILE] [--threads=N] [--transpose-strategy=NAME]
//           [--dump-ir=STAGE] [--reference] [--batch=N]
//
// Compiles the entry function with --tconv-lower-to-llvm, JIT-compiles it for
// the host CPU and calls it on tensors from .npy/.png files or random values.
// Every error is a message on stderr and exit code 1.
//
//===----------------------------------------------------------------------===//

#include "tconv/Pipelines/Pipelines.h"
#include "tconv/Runner/Runner.h"
#include "tconv/Support/Npy.h"
#include "tconv/Support/Png.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <sys/resource.h>

using namespace mlir::tconv;
using llvm::Twine;
namespace cl = llvm::cl;

static cl::OptionCategory category("tconv-run options");

static cl::opt<std::string>
    inputFilename(cl::Positional, cl::Required,
                  cl::desc("<module.mlir or - for stdin>"), cl::cat(category));
static cl::opt<std::string>
    entryName("entry", cl::init("main"),
              cl::desc("Function to run (default: main)"),
              cl::value_desc("name"), cl::cat(category));
static cl::list<std::string>
    inputFiles("input",
               cl::desc("Argument values from a .npy file (dtype and shape as "
                        "the argument; bf16 from '<f4') or a .png image "
                        "(1x3xHxW or 1x1xHxW in [0,1]); one per argument, in "
                        "order"),
               cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> randomInputs(
    "random-inputs", cl::ValueOptional,
    cl::desc("Fill the arguments not given by --input with values uniform in "
             "[-1, 1), reproducible for a seed (default 0)"),
    cl::value_desc("seed"), cl::cat(category));
static cl::opt<int64_t> batchSize(
    "batch", cl::init(1),
    cl::desc("N of the random arguments of an entry with a dynamic batch "
             "(dim 0 of type '?'); --input files give their own (default 1)"),
    cl::value_desc("N"), cl::cat(category));
static cl::list<std::string>
    outputFiles("output",
                cl::desc("Write a result to a .npy file (bf16 as '<f4') or a "
                         ".png image; one per result, in order"),
                cl::value_desc("file"), cl::cat(category));
static cl::opt<bool> printResults(
    "print",
    cl::desc("Print shape, dtype, min/max/mean and the first values of each "
             "result (the default when nothing else is asked for)"),
    cl::cat(category));
static cl::opt<bool>
    verify("verify",
           cl::desc("Compare each result with the reference lowering "
                    "(--tconv-lower-to-reference); exit 1 on mismatch"),
           cl::cat(category));
static cl::opt<unsigned>
    benchRuns("bench",
              cl::desc("Time N calls after warm-up: compile time (split "
                       "into parse, lower: the MLIR pipeline, translate: to "
                       "LLVM IR, optimize: LLVM -O3, codegen: machine code), "
                       "median/min/max and GFLOP/s"),
              cl::value_desc("N"), cl::cat(category));
static cl::opt<std::string>
    benchJson("bench-json", cl::desc("Also write the --bench numbers as JSON"),
              cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> transposeStrategy(
    "transpose-strategy", cl::init("auto"),
    cl::desc("Strategy of --tconv-decompose-transpose: auto, phase or "
             "zero-insert"),
    cl::value_desc("name"), cl::cat(category));
static cl::opt<std::string> pipelineOptions(
    "pipeline-options",
    cl::desc("More --tconv-lower-to-llvm options, e.g. \"ow-tile=6 "
             "f-tile=32\" (defaults: tconv-opt --help)"),
    cl::value_desc("options"), cl::cat(category));
static const std::string dumpIRDescription =
    "Print the IR after the named stage of --tconv-lower-to-llvm (" +
    llvm::join(lowerToLLVMStageNames(), ", ") + ")";
static cl::opt<std::string> dumpIR("dump-ir", cl::desc(dumpIRDescription),
                                   cl::value_desc("stage"), cl::cat(category));
static cl::opt<bool> useReference(
    "reference",
    cl::desc("Compile with the reference lowering instead of "
             "--tconv-lower-to-llvm (scalar loops, for debugging)"),
    cl::cat(category));

/// Warm-up calls before timing: page in buffers and start OpenMP threads.
static constexpr int kWarmupRuns = 2;
/// Values shown by --print.
static constexpr int64_t kPrintedValues = 8;

static llvm::Error makeError(const Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

/// "1 file", "2 files".
static std::string pluralize(size_t n, llvm::StringRef noun) {
  return (Twine(n) + " " + noun + (n == 1 ? "" : "s")).str();
}

static bool isPng(llvm::StringRef path) {
  return llvm::sys::path::extension(path).equals_insensitive(".png");
}

/// 1 x C x H x W with C = 3 (RGB) or 1 (gray): what a PNG image holds.
static bool isImageShape(llvm::ArrayRef<int64_t> shape) {
  return shape.size() == 4 && shape[0] == 1 && (shape[1] == 1 || shape[1] == 3);
}

static std::string describe(const Signature &signature, size_t index,
                            llvm::StringRef what) {
  const HostTensorType &type = what == "argument" ? signature.arguments[index]
                                                  : signature.results[index];
  return (what + " #" + Twine(index) + " of @" + signature.entry + " (" +
          type.str() + ")")
      .str();
}

/// Reads argument `index` from a .npy or .png file.
static llvm::Expected<HostTensor>
readArgument(llvm::StringRef path, const Signature &signature, size_t index) {
  HostTensorType type = signature.arguments[index];
  std::string target = describe(signature, index, "argument");
  bool dynamicBatch =
      !type.shape.empty() && type.shape[0] == HostTensorType::kDynamicSize;
  // A PNG image is one image.
  if (dynamicBatch && isPng(path))
    type.shape[0] = 1;
  if (isPng(path)) {
    llvm::ArrayRef<int64_t> shape = type.shape;
    if (!isImageShape(shape))
      return makeError(path +
                       ": a PNG image gives a 1x3xHxW or 1x1xHxW "
                       "tensor, but " +
                       target + " is not of that form");
    llvm::Expected<HostTensor> image =
        readPngFile(path, shape[1], type.elementType);
    if (!image)
      return image.takeError();
    if (image->getShape() != shape)
      return makeError(path + ": image is " + image->getType().shapeStr() +
                       " but " + target + " is " + type.shapeStr());
    return image;
  }

  llvm::Expected<HostTensor> tensor = readNpyFile(path);
  if (!tensor)
    return tensor.takeError();
  // NumPy has no bf16: bf16 arguments come from float32 files.
  ElementType fileType = type.elementType == ElementType::BF16
                             ? ElementType::F32
                             : type.elementType;
  if (tensor->getElementType() != fileType)
    return makeError(path + ": dtype " +
                     getElementTypeName(tensor->getElementType()) +
                     " does not match " + target +
                     (type.elementType == ElementType::BF16
                          ? " (bf16 is read from float32 '<f4' files)"
                          : ""));
  if (dynamicBatch && !tensor->getShape().empty())
    type.shape[0] = tensor->getShape()[0];
  if (tensor->getShape() != llvm::ArrayRef<int64_t>(type.shape))
    return makeError(path + ": shape " + tensor->getType().shapeStr() +
                     " does not match " + target);
  if (type.elementType == ElementType::BF16)
    return tensor->convertTo(ElementType::BF16);
  return tensor;
}

static llvm::Error writeResult(llvm::StringRef path, const HostTensor &result) {
  if (isPng(path))
    return writePngFile(path, result);
  if (result.getElementType() == ElementType::BF16)
    return writeNpyFile(path, result.convertTo(ElementType::F32));
  return writeNpyFile(path, result);
}

/// A number in 6 significant digits; NaN prints as "nan" whatever its sign.
static std::string formatNumber(double value, int digits = 6) {
  if (std::isnan(value))
    return "nan";
  std::string text;
  llvm::raw_string_ostream(text) << llvm::format("%.*g", digits, value);
  return text;
}

static void printSummary(llvm::raw_ostream &os, size_t index,
                         const HostTensor &tensor) {
  os << "result #" << index << ": " << tensor.getType().str() << "\n";
  int64_t count = tensor.getNumElements();
  // Statistics over the elements that are not NaN.
  double minValue = INFINITY, maxValue = -INFINITY, sum = 0;
  int64_t nans = 0;
  for (int64_t i = 0; i < count; ++i) {
    double v = tensor.getValue(i);
    if (std::isnan(v)) {
      ++nans;
      continue;
    }
    minValue = std::min(minValue, v);
    maxValue = std::max(maxValue, v);
    sum += v;
  }
  if (count > nans)
    os << "  min " << formatNumber(minValue) << "  max "
       << formatNumber(maxValue) << "  mean "
       << formatNumber(sum / (count - nans));
  else
    os << "  no numbers";
  if (nans)
    os << "  (" << nans << " NaN)";
  os << "\n  " << (count > kPrintedValues ? "first values:" : "values:");
  for (int64_t i = 0, e = std::min(count, kPrintedValues); i < e; ++i)
    os << (i ? ", " : " ") << formatNumber(tensor.getValue(i));
  if (count > kPrintedValues)
    os << ", ... (" << count << " in all)";
  os << "\n";
}

/// The flat index as a multi-dimensional one, e.g. "[0, 2, 1]".
static std::string formatIndex(llvm::ArrayRef<int64_t> shape, int64_t flat) {
  llvm::SmallVector<int64_t> index(shape.size());
  for (int64_t i = static_cast<int64_t>(shape.size()) - 1; i >= 0; --i) {
    index[i] = flat % shape[i];
    flat /= shape[i];
  }
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "[";
  llvm::interleaveComma(index, os);
  os << "]";
  return text;
}

/// Compares each result with the reference lowering's; false on mismatch.
static llvm::Expected<bool> verifyResults(llvm::StringRef source,
                                          llvm::StringRef bufferName,
                                          const RunnerOptions &options,
                                          const Kernel &kernel,
                                          llvm::ArrayRef<HostTensor> arguments,
                                          llvm::ArrayRef<HostTensor> results) {
  RunnerOptions referenceOptions = options;
  referenceOptions.lowering = Lowering::Reference;
  referenceOptions.dumpIRAfterStage.clear();
  referenceOptions.pipelineOptions.clear();
  auto reference = Kernel::compile(source, bufferName, referenceOptions);
  if (!reference)
    return reference.takeError();
  auto expected = (*reference)->run(arguments);
  if (!expected)
    return expected.takeError();

  const ConvolutionCounts &convolutions = kernel.getConvolutionCounts();
  auto plural = [](int64_t n, llvm::StringRef what) {
    return std::to_string(n) + " " + what.str() + (n == 1 ? "" : "s");
  };
  llvm::outs() << "verified " << plural(convolutions.tconvOps, "tconv op")
               << ", " << convolutions.raised << " raised upstream "
               << (convolutions.raised == 1 ? "convolution" : "convolutions");
  if (convolutions.notRaised)
    llvm::outs() << " (" << convolutions.notRaised
                 << " not raised: lowered by upstream like the reference)";
  llvm::outs() << "\n";
  bool ok = true;
  for (auto [index, result] : llvm::enumerate(results)) {
    Comparison cmp = compareTensors(result, (*expected)[index]);
    double tolerance = getRelativeTolerance(result.getElementType(),
                                            kernel.getMaxReductionLength());
    bool pass = cmp.nonFiniteMismatches == 0 && cmp.maxRelError <= tolerance;
    llvm::outs() << "verify result #" << index << ": max abs error "
                 << llvm::format("%.3g", cmp.maxAbsError) << ", max rel error "
                 << llvm::format("%.3g", cmp.maxRelError) << " (tolerance "
                 << llvm::format("%.3g", tolerance)
                 << "): " << (pass ? "ok" : "MISMATCH") << "\n";
    if (!pass) {
      ok = false;
      if (cmp.nonFiniteMismatches)
        llvm::outs() << "  NaN or infinity differs in "
                     << cmp.nonFiniteMismatches << " element"
                     << (cmp.nonFiniteMismatches == 1 ? "" : "s") << ", first";
      else
        llvm::outs() << "  largest difference";
      int64_t at = cmp.worstIndex;
      llvm::outs() << " at " << formatIndex(result.getShape(), at) << ": got "
                   << formatNumber(result.getValue(at), 8) << ", expected "
                   << formatNumber((*expected)[index].getValue(at), 8) << "\n";
    }
  }
  return ok;
}

/// Minor page faults of this process so far.
static long getMinorPageFaults() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

/// Times `runs` calls of the kernel on preallocated buffers.
static llvm::Error benchmark(const Kernel &kernel,
                             llvm::ArrayRef<HostTensor> arguments,
                             int64_t batch, unsigned runs) {
  llvm::SmallVector<HostTensor> results = kernel.allocateResults(batch);
  auto call = kernel.bind(arguments, results);
  if (!call)
    return call.takeError();
  for (int i = 0; i < kWarmupRuns; ++i)
    (*call)();
  std::vector<double> millis;
  millis.reserve(runs);
  long faultsBefore = getMinorPageFaults();
  for (unsigned i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    (*call)();
    millis.push_back(std::chrono::duration<double, std::milli>(
                         std::chrono::steady_clock::now() - start)
                         .count());
  }
  double faultsPerCall =
      static_cast<double>(getMinorPageFaults() - faultsBefore) / runs;
  std::sort(millis.begin(), millis.end());
  double median = runs % 2 ? millis[runs / 2]
                           : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
  double minMs = millis.front(), maxMs = millis.back();
  double flops = kernel.getFlops(batch);
  std::optional<double> gflops;
  if (flops > 0 && median > 0)
    gflops = flops / (median * 1e6);

  llvm::raw_ostream &os = llvm::outs();
  const CompileTimes &times = kernel.getCompileTimes();
  std::pair<llvm::StringRef, double> phases[] = {
      {"parse", times.parseMillis},
      {"lower", times.lowerMillis},
      {"translate", times.translateMillis},
      {"optimize", times.optimizeMillis},
      {"codegen", times.codegenMillis}};
  os << "compile: " << llvm::format("%.1f", times.totalMillis) << " ms (";
  llvm::interleaveComma(phases, os, [&](const auto &phase) {
    os << phase.first << " " << llvm::format("%.1f", phase.second);
  });
  os << ")\n";
  os << "runs: " << runs << " (after " << kWarmupRuns << " warm-up)\n";
  os << "median: " << llvm::format("%.4f", median)
     << " ms  min: " << llvm::format("%.4f", minMs)
     << " ms  max: " << llvm::format("%.4f", maxMs) << " ms\n";
  if (gflops)
    os << "GFLOP/s: " << llvm::format("%.2f", *gflops) << " ("
       << llvm::format("%.4g", flops * 1e-6) << " MFLOP per call)\n";
  else
    os << "GFLOP/s: n/a (no tconv ops)\n";
  os << "workspace: " << kernel.getWorkspaceBytes() << " bytes for "
     << kernel.getTemporaryBytes() << " bytes of temporaries; "
     << llvm::format("%.1f", faultsPerCall) << " page faults per call\n";

  if (benchJson.empty())
    return llvm::Error::success();
  std::error_code ec;
  llvm::raw_fd_ostream file(benchJson, ec);
  if (ec)
    return makeError(benchJson + ": cannot write: " + ec.message());
  llvm::json::OStream json(file);
  json.object([&] {
    json.attribute("compile_ms", times.totalMillis);
    json.attributeObject("compile_phases_ms", [&] {
      for (const auto &[name, millis] : phases)
        json.attribute(name, millis);
    });
    json.attribute("median_ms", median);
    json.attribute("min_ms", minMs);
    json.attribute("max_ms", maxMs);
    json.attribute("gflops", gflops ? llvm::json::Value(*gflops)
                                    : llvm::json::Value(nullptr));
    json.attribute("runs", static_cast<int64_t>(runs));
    json.attribute("workspace_bytes", kernel.getWorkspaceBytes());
    json.attribute("temporary_bytes", kernel.getTemporaryBytes());
    json.attribute("minor_page_faults_per_call", faultsPerCall);
  });
  file << "\n";
  file.close();
  if (file.has_error())
    return makeError(benchJson + ": cannot write: " + file.error().message());
  return llvm::Error::success();
}

/// Validates flag combinations that do not need the module.
static llvm::Error checkFlags(const cl::opt<unsigned> &threads,
                              std::optional<uint64_t> &seed) {
  if (benchRuns.getNumOccurrences() && benchRuns == 0)
    return makeError("--bench needs a number of runs >= 1");
  if (!benchJson.empty() && !benchRuns.getNumOccurrences())
    return makeError("--bench-json needs --bench=N");
  if (threads.getNumOccurrences() && threads == 0)
    return makeError("--threads needs a thread count >= 1");
  if (entryName.empty())
    return makeError("--entry needs a function name");
  if (useReference && verify)
    return makeError("--verify compares the pipeline with the reference "
                     "lowering; it cannot be combined with --reference");
  if (useReference && pipelineOptions.getNumOccurrences())
    return makeError("--pipeline-options applies to --tconv-lower-to-llvm, "
                     "not to --reference");
  if (useReference && transposeStrategy.getNumOccurrences())
    return makeError("--transpose-strategy applies to --tconv-lower-to-llvm, "
                     "not to --reference");
  if (batchSize < 1)
    return makeError("--batch needs a batch size >= 1, got " +
                     Twine(batchSize));
  if (randomInputs.getNumOccurrences()) {
    uint64_t value = 0;
    if (!randomInputs.empty() &&
        llvm::StringRef(randomInputs).getAsInteger(10, value))
      return makeError("--random-inputs seed '" + randomInputs +
                       "' is not a non-negative integer");
    seed = value;
  }
  return llvm::Error::success();
}

/// Returns the exit code: 0, or 1 if verification failed.
static llvm::Expected<int> runTool(const cl::opt<unsigned> &threads) {
  std::optional<uint64_t> seed;
  if (llvm::Error err = checkFlags(threads, seed))
    return std::move(err);

  auto file = llvm::MemoryBuffer::getFileOrSTDIN(inputFilename);
  if (!file)
    return makeError(inputFilename +
                     ": cannot read: " + file.getError().message());
  llvm::StringRef bufferName =
      inputFilename == "-" ? llvm::StringRef("<stdin>") : inputFilename;
  llvm::StringRef source = (*file)->getBuffer();

  RunnerOptions options;
  options.lowering = useReference ? Lowering::Reference : Lowering::Pipeline;
  options.entry = entryName;
  options.transposeStrategy = transposeStrategy;
  options.pipelineOptions = pipelineOptions;
  options.threads = threads;
  options.dumpIRAfterStage = dumpIR;
  options.irDumpStream = &llvm::outs();
  auto kernel = Kernel::compile(source, bufferName, options);
  if (!kernel)
    return kernel.takeError();
  // A convolution left to upstream's lowering may be far slower: say so.
  for (const std::string &why :
       (*kernel)->getConvolutionCounts().whyNotRaised)
    llvm::errs() << "tconv-run: note: " << why << "\n";
  const Signature &signature = (*kernel)->getSignature();

  size_t numArgs = signature.arguments.size();
  if (inputFiles.size() > numArgs)
    return makeError(pluralize(inputFiles.size(), "--input file") +
                     " given, but @" + signature.entry + " takes " +
                     pluralize(numArgs, "argument"));
  if (inputFiles.size() < numArgs && !seed)
    return makeError("@" + signature.entry + " takes " +
                     pluralize(numArgs, "argument") + " but " +
                     pluralize(inputFiles.size(), "--input file") +
                     " given (add --input files or --random-inputs)");
  size_t numResults = signature.results.size();
  if (!outputFiles.empty() && outputFiles.size() != numResults)
    return makeError(pluralize(outputFiles.size(), "--output file") +
                     " given, but @" + signature.entry + " returns " +
                     pluralize(numResults, "result"));

  // Check PNG outputs before the work that would be lost.
  for (auto [index, path] : llvm::enumerate(outputFiles)) {
    if (isPng(path) && !isImageShape(signature.results[index].shape))
      return makeError(path +
                       ": a PNG image needs a 1x3xHxW or 1x1xHxW "
                       "result, but " +
                       describe(signature, index, "result") +
                       " is not of that form");
  }

  // N of a dynamic batch: from the --input files, else --batch.
  auto isDynamicBatch = [](const HostTensorType &type) {
    return !type.shape.empty() && type.shape[0] == HostTensorType::kDynamicSize;
  };
  std::optional<int64_t> batch;
  llvm::SmallVector<HostTensor> arguments;
  for (size_t i = 0; i < inputFiles.size(); ++i) {
    auto tensor = readArgument(inputFiles[i], signature, i);
    if (!tensor)
      return tensor.takeError();
    if (isDynamicBatch(signature.arguments[i])) {
      int64_t n = tensor->getShape()[0];
      if (batch && *batch != n)
        return makeError(inputFiles[i] + ": batch " + Twine(n) +
                         " differs from the batch " + Twine(*batch) +
                         " of the previous --input files");
      if (batchSize.getNumOccurrences() && batchSize != n)
        return makeError(inputFiles[i] + ": batch " + Twine(n) +
                         " differs from --batch=" + Twine(batchSize));
      batch = n;
    }
    arguments.push_back(std::move(*tensor));
  }
  if (!batch)
    batch = batchSize;
  Signature call = signature.forBatch(*batch);
  for (size_t i = inputFiles.size(); i < numArgs; ++i) {
    HostTensor tensor(call.arguments[i]);
    // A different stream per argument, reproducible for the seed.
    fillUniform(tensor, *seed * 0x9e3779b97f4a7c15ULL + i);
    arguments.push_back(std::move(tensor));
  }

  auto results = (*kernel)->run(arguments);
  if (!results)
    return results.takeError();

  bool verified = true;
  if (verify) {
    auto ok = verifyResults(source, bufferName, options, **kernel, arguments,
                            *results);
    if (!ok)
      return ok.takeError();
    verified = *ok;
  }
  bool nothingElse = !verify && outputFiles.empty() &&
                     !benchRuns.getNumOccurrences() && dumpIR.empty();
  if (printResults || nothingElse)
    for (auto [index, result] : llvm::enumerate(*results))
      printSummary(llvm::outs(), index, result);
  for (auto [path, result] : llvm::zip(outputFiles, *results))
    if (llvm::Error err = writeResult(path, result))
      return std::move(err);
  if (!verified) {
    llvm::outs().flush();
    llvm::errs() << "tconv-run: verification failed: results differ from the "
                    "reference lowering\n";
    return 1;
  }
  if (benchRuns.getNumOccurrences())
    if (llvm::Error err = benchmark(**kernel, arguments, *batch, benchRuns))
      return std::move(err);
  return 0;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  // libLLVM registers an undocumented --threads of its own; ours replaces
  // it, so it is created only after the other one is unregistered.
  if (cl::Option *foreign = cl::getRegisteredOptions().lookup("threads"))
    foreign->removeArgument();
  cl::opt<unsigned> threads(
      "threads",
      cl::desc("OpenMP threads for the generated code (default: all cores, "
               "or OMP_NUM_THREADS)"),
      cl::value_desc("N"), cl::cat(category));
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "tconv-run: compile a module with --tconv-lower-to-llvm, run its entry "
      "function on the host CPU, check and time it\n");
  llvm::Expected<int> exitCode = runTool(threads);
  if (!exitCode) {
    llvm::outs().flush();
    llvm::errs() << "tconv-run: " << llvm::toString(exitCode.takeError())
                 << "\n";
    return 1;
  }
  return *exitCode;
}
