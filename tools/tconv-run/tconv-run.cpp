//===- tconv-run.cpp - Compile, run, check and time a tconv module --------===//
//
// tconv-run FILE.mlir|FILE.onnx [--entry=NAME] [--input=SPEC]...
//           [--random-inputs[=SEED]] [--output=FILE|-]... [--expected=FILE]...
//           [--print] [--verify] [--bench=N] [--bench-json=FILE]
//           [--profile[=N]] [--profile-json=FILE] [--threads=N]
//           [--transpose-strategy=NAME] [--mcpu=NAME] [--mattr=+a,-b]
//           [--dump-ir=STAGE|all [--dump-ir-dir=DIR]] [--reference]
//           [--mlir-timing] [--max-memory=BYTES]
//           [--mlir-pass-pipeline-crash-reproducer=FILE] [--batch=N]
//
// Compiles the entry function with --tconv-lower-to-llvm, JIT-compiles it for
// the host CPU and calls it on tensors from .npy/.png/.pb files, values on
// the command line (--input=2x2xf32=1,2,3,4) or random values. An ONNX model
// is imported first (ImportONNX.h). Every error is a message on stderr and
// exit code 1.
//
//===----------------------------------------------------------------------===//

#include "tconv/Frontend/ONNX/ImportONNX.h"
#include "tconv/InitAll.h"
#include "tconv/Pipelines/Pipelines.h"
#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Runner/Runner.h"
#include "tconv/Support/BoundedFile.h"
#include "tconv/Support/Npy.h"
#include "tconv/Support/Png.h"

#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>

#include <unistd.h>

using namespace mlir::tconv;
using llvm::Twine;
namespace cl = llvm::cl;

static cl::OptionCategory category("tconv-run options");

static cl::opt<std::string>
    inputFilename(cl::Positional, cl::Required,
                  cl::desc("<module.mlir, model.onnx or - for stdin>"), cl::cat(category));
static cl::opt<std::string>
    entryName("entry", cl::init("main"),
              cl::desc("Function to run (default: main); --function is the "
                       "same"),
              cl::value_desc("name"), cl::cat(category));
static cl::alias functionAlias("function", cl::desc("Alias of --entry"),
                               cl::aliasopt(entryName), cl::cat(category));
static cl::list<std::string> inputSpecs(
    "input",
    cl::desc("An argument's value, one per argument in order, or for "
             "argument N with #N=...: @FILE or FILE (.npy with the "
             "argument's dtype and shape, bf16 from '<f4'; an ONNX "
             "TensorProto .pb file; .png for 1x3xHxW or 1x1xHxW in [0,1]), "
             "SHAPExTYPE=V (every element V, e.g. 1x3x8x8xf32=0.5) or "
             "SHAPExTYPE=V,V,... (all elements in row-major order, e.g. "
             "2x2xi32=1,2,3,4; a scalar: f32=1)"),
    cl::value_desc("spec"), cl::cat(category));
static cl::opt<std::string> randomInputs(
    "random-inputs", cl::ValueOptional,
    cl::desc("Fill the arguments not given by --input with values uniform in "
             "[-1, 1), reproducible for a seed (default 0)"),
    cl::value_desc("seed"), cl::cat(category));
static cl::list<std::string> fixedShapes(
    "fix-shape",
    cl::desc("Import an ONNX model for this shape of graph input NAME, e.g. "
             "x:8x3x224x224: its symbolic dims (a dynamic batch, a dynamic "
             "size) take these sizes; repeatable"),
    cl::value_desc("NAME:SHAPE"), cl::cat(category));
static cl::opt<int64_t> batchSize(
    "batch", cl::init(1),
    cl::desc("N of the random arguments of an entry with a dynamic batch "
             "(dim 0 of type '?'); --input files give their own (default 1)"),
    cl::value_desc("N"), cl::cat(category));
static cl::list<std::string>
    outputFiles("output",
                cl::desc("Write a result to a .npy file (bf16 as '<f4'), an "
                         "ONNX TensorProto .pb file or a .png image, or print "
                         "all of it with -; one per "
                         "result, in order"),
                cl::value_desc("file"), cl::cat(category));
static cl::list<std::string> expectedFiles(
    "expected",
    cl::desc("Compare a result with the values of a .npy or .pb file (e.g. "
             "the framework's output); one per result, in order; exit 1 if "
             "the largest difference exceeds --expected-tolerance times the "
             "largest expected magnitude"),
    cl::value_desc("file"), cl::cat(category));
static cl::opt<double> expectedTolerance(
    "expected-tolerance", cl::init(1e-4),
    cl::desc("Relative tolerance of --expected (default 1e-4)"),
    cl::value_desc("x"), cl::cat(category));
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
    llvm::join(lowerToLLVMStageNames(), ", ") +
    ") or after each (all); without inputs or other actions, only that";
static cl::opt<std::string> dumpIR("dump-ir", cl::desc(dumpIRDescription),
                                   cl::value_desc("stage"), cl::cat(category));
static cl::opt<std::string> dumpIRDir(
    "dump-ir-dir",
    cl::desc("Write the --dump-ir stages to DIR/<N>-<stage>.mlir instead of "
             "stdout (DIR is created)"),
    cl::value_desc("dir"), cl::cat(category));
static cl::opt<std::string> profileRuns(
    "profile", cl::ValueOptional,
    cl::desc("Time each convolution, fused group and layout change over N "
             "calls (default 10; the code is compiled with timer calls "
             "around them): a table of op, types, attributes, median time, "
             "GFLOP/s, share of the call, source location"),
    cl::value_desc("N"), cl::cat(category));
static cl::opt<std::string>
    profileJson("profile-json",
                cl::desc("Also write the --profile table as JSON"),
                cl::value_desc("file"), cl::cat(category));
static cl::opt<std::string> targetCPU(
    "mcpu",
    cl::desc("CPU to compile for (default: host); the host must run its "
             "code, e.g. x86-64-v3 on an AVX-512 machine"),
    cl::value_desc("name"), cl::cat(category));
static cl::opt<std::string> targetFeatures(
    "mattr",
    cl::desc("CPU features to add or remove, e.g. -avx512f (only ones the "
             "host has can be added)"),
    cl::value_desc("+a,-b,..."), cl::cat(category));
static cl::opt<std::string> targetTriple(
    "target",
    cl::desc("Target triple: the host's only (cross-compile with "
             "tconv-compile)"),
    cl::value_desc("triple"), cl::cat(category));
static cl::opt<bool> useReference(
    "reference",
    cl::desc("Compile with the reference lowering instead of "
             "--tconv-lower-to-llvm (scalar loops, for debugging)"),
    cl::cat(category));

static cl::opt<std::string> maxMemory(
    "max-memory",
    cl::desc("Largest total size of the arguments, results and files tconv-run "
             "allocates, in bytes, with an optional K, M, G or T suffix "
             "(powers of 1024; default: half of the physical memory)"),
    cl::value_desc("bytes"), cl::cat(category));

/// Most OpenMP threads --threads accepts: far above any core count, far
/// below what makes the OpenMP runtime fail to start its threads.
static constexpr unsigned kMaxThreads = 1024;
/// Longest module text: MLIR's source locations are 32-bit offsets.
static constexpr uint64_t kMaxModuleBytes = (uint64_t(1) << 31) - 1;

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

static bool isTensorProto(llvm::StringRef path) {
  return llvm::sys::path::extension(path).equals_insensitive(".pb");
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
readArgument(llvm::StringRef path, const Signature &signature, size_t index,
             uint64_t maxBytes) {
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
        readPngFile(path, shape[1], type.elementType, maxBytes);
    if (!image)
      return image.takeError();
    if (image->getShape() != shape)
      return makeError(path + ": image is " + image->getType().shapeStr() +
                       " but " + target + " is " + type.shapeStr());
    return image;
  }

  bool isBF16 = type.elementType == ElementType::BF16;
  llvm::Expected<HostTensor> tensor =
      isTensorProto(path) ? readTensorProtoFile(path, /*uint16IsBF16=*/isBF16)
                          : readNpyFile(path, maxBytes);
  if (!tensor)
    return tensor.takeError();
  // NumPy has no bf16: bf16 arguments come from float32 files (or bf16 .pb).
  ElementType fileType =
      isBF16 && tensor->getElementType() != ElementType::BF16
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
  if (isBF16)
    return tensor->convertTo(ElementType::BF16);
  return tensor;
}

/// One --input: the argument it is for (nullopt: the next one in order)
/// and what gives its value.
struct InputSpec {
  std::string flag; // As given, for messages.
  std::optional<size_t> index;
  llvm::StringRef value;
};

static llvm::Expected<InputSpec> parseInputSpec(llvm::StringRef text) {
  InputSpec spec{("--input=" + text).str(), std::nullopt, text};
  if (!text.consume_front("#"))
    return spec;
  auto [number, value] = text.split('=');
  size_t index = 0;
  if (number.size() == text.size() || number.getAsInteger(10, index))
    return makeError(spec.flag +
                     ": expected #N=VALUE, N an argument index from 0");
  spec.index = index;
  spec.value = value;
  return spec;
}

/// The type of a SHAPExTYPE=VALUES literal and its VALUES; nullopt if `text`
/// does not start with a tensor type and '='.
static std::optional<std::pair<HostTensorType, llvm::StringRef>>
splitLiteral(llvm::StringRef text) {
  auto [typeText, values] = text.split('=');
  if (typeText.size() == text.size())
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef> parts;
  typeText.split(parts, 'x');
  std::optional<ElementType> elementType = parseElementTypeName(parts.back());
  if (!elementType)
    return std::nullopt;
  HostTensorType type{*elementType, {}};
  for (llvm::StringRef dim : llvm::ArrayRef(parts).drop_back()) {
    int64_t size = 0;
    if (dim.getAsInteger(10, size) || size < 0)
      return std::nullopt;
    type.shape.push_back(size);
  }
  return std::make_pair(type, values);
}

/// Parses one element of a literal of `elementType`.
static std::optional<double> parseElement(llvm::StringRef text,
                                          ElementType elementType) {
  if (elementType == ElementType::I1) {
    if (text == "1" || text == "true")
      return 1.0;
    if (text == "0" || text == "false")
      return 0.0;
    return std::nullopt;
  }
  if (isUnsignedElementType(elementType)) {
    uint64_t value = 0;
    unsigned bits = 8 * getElementByteWidth(elementType);
    if (text.getAsInteger(10, value) ||
        (bits < 64 && value >= (uint64_t(1) << bits)))
      return std::nullopt;
    return static_cast<double>(value);
  }
  if (isIntegerElementType(elementType)) {
    int64_t value = 0;
    unsigned bits = 8 * getElementByteWidth(elementType);
    if (text.getAsInteger(10, value) ||
        (bits < 64 && (value < -(int64_t(1) << (bits - 1)) ||
                       value >= (int64_t(1) << (bits - 1)))))
      return std::nullopt;
    return static_cast<double>(value);
  }
  double value = 0;
  if (text.getAsDouble(value))
    return std::nullopt;
  return value;
}

/// The tensor of a literal whose type matches the argument's: one value
/// for every element, or all of them (commas or spaces between values,
/// brackets ignored).
static llvm::Expected<HostTensor> parseLiteralValues(const InputSpec &spec,
                                                     const HostTensorType &type,
                                                     llvm::StringRef values) {
  llvm::SmallVector<llvm::StringRef> items;
  for (size_t start = 0; start < values.size();) {
    size_t end = values.find_first_of(", []\t\n", start);
    if (end == llvm::StringRef::npos)
      end = values.size();
    if (end > start)
      items.push_back(values.slice(start, end));
    start = end + 1;
  }
  int64_t count = type.getNumElements();
  if (items.empty())
    return makeError(spec.flag + ": no values after '='");
  if (items.size() != 1 && static_cast<int64_t>(items.size()) != count)
    return makeError(spec.flag + ": " + Twine(items.size()) + " values for " +
                     Twine(count) + " elements; give one (every element) or " +
                     Twine(count));
  HostTensor tensor(type);
  for (auto [i, item] : llvm::enumerate(items)) {
    std::optional<double> value = parseElement(item, type.elementType);
    if (!value)
      return makeError(spec.flag + ": '" + item + "' is not " +
                       (type.elementType == ElementType::I1
                            ? llvm::StringRef("a bool (0, 1, true, false)")
                        : isIntegerElementType(type.elementType)
                            ? llvm::StringRef("an integer in the range of ") +
                                  getElementTypeName(type.elementType)
                            : llvm::StringRef("a number")));
    if (items.size() == 1)
      for (int64_t j = 0; j < count; ++j)
        tensor.setValue(j, *value);
    else
      tensor.setValue(i, *value);
  }
  return tensor;
}

/// The value of argument `index` from its --input.
static llvm::Expected<HostTensor> readInput(const InputSpec &spec,
                                            const Signature &signature,
                                            size_t index, uint64_t maxBytes) {
  llvm::StringRef value = spec.value;
  if (value.consume_front("@"))
    return readArgument(value, signature, index, maxBytes);
  auto literal = splitLiteral(value);
  if (!literal)
    return readArgument(value, signature, index, maxBytes);
  HostTensorType type = signature.arguments[index];
  // A dynamic batch takes the literal's N.
  if (!type.shape.empty() && type.shape[0] == HostTensorType::kDynamicSize &&
      literal->first.shape.size() == type.shape.size() &&
      literal->first.shape[0] >= 1)
    type.shape[0] = literal->first.shape[0];
  // Checked before allocating: the literal's shape could be anything.
  if (literal->first != type)
    return makeError(spec.flag + ": a " + literal->first.str() + " for " +
                     describe(signature, index, "argument"));
  std::optional<int64_t> bytes = checkedByteSize(
      type.shape, static_cast<int64_t>(getElementByteWidth(type.elementType)));
  if (!bytes || static_cast<uint64_t>(*bytes) > maxBytes)
    return makeError(spec.flag + ": a " + type.str() +
                     " is larger than --max-memory (" + Twine(maxBytes) +
                     " bytes)");
  return parseLiteralValues(spec, type, literal->second);
}

static llvm::Error writeResult(llvm::StringRef path, const HostTensor &result) {
  if (isPng(path))
    return writePngFile(path, result);
  if (isTensorProto(path))
    return writeTensorProtoFile(path, result);
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

/// Element `index` of `tensor`: integers in full, floats as formatNumber.
static std::string formatValue(const HostTensor &tensor, int64_t index) {
  // 64-bit values are read in full: not all fit a double.
  if (tensor.getElementType() == ElementType::U64)
    return std::to_string(static_cast<const uint64_t *>(tensor.data())[index]);
  if (tensor.getElementType() == ElementType::I64)
    return std::to_string(static_cast<const int64_t *>(tensor.data())[index]);
  if (isIntegerElementType(tensor.getElementType()))
    return std::to_string(static_cast<int64_t>(tensor.getValue(index)));
  return formatNumber(tensor.getValue(index));
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
    os << (i ? ", " : " ") << formatValue(tensor, i);
  if (count > kPrintedValues)
    os << ", ... (" << count << " in all)";
  os << "\n";
}

/// Prints every element, nested like the tensor's dims.
static void printTensor(llvm::raw_ostream &os, size_t index,
                        const HostTensor &tensor) {
  os << "result #" << index << ": " << tensor.getType().str() << "\n";
  llvm::ArrayRef<int64_t> shape = tensor.getShape();
  int64_t flat = 0;
  std::function<void(size_t)> print = [&](size_t dim) {
    if (dim == shape.size()) {
      os << formatValue(tensor, flat++);
      return;
    }
    os << "[";
    for (int64_t i = 0; i < shape[dim]; ++i) {
      if (i) {
        os << ",";
        if (dim + 1 == shape.size())
          os << " ";
        else
          os << "\n" << std::string(dim + 1, ' ');
      }
      print(dim + 1);
    }
    os << "]";
  };
  print(0);
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
  referenceOptions.profile = false;
  referenceOptions.configurePassManager = nullptr;
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

/// Compares each result with the tensor in its --expected file.
static llvm::Expected<bool>
compareWithExpected(llvm::ArrayRef<HostTensor> results) {
  bool ok = true;
  for (auto [index, path] : llvm::enumerate(expectedFiles)) {
    llvm::Expected<HostTensor> expected =
        isTensorProto(path) ? readTensorProtoFile(path) : readNpyFile(path);
    if (!expected)
      return expected.takeError();
    const HostTensor &result = results[index];
    if (expected->getShape() != result.getShape())
      return makeError(path + ": shape " + expected->getType().shapeStr() +
                       " does not match result #" + Twine(index) + " (" +
                       result.getType().str() + ")");
    Comparison cmp = compareTensors(result, *expected);
    bool pass = cmp.nonFiniteMismatches == 0 &&
                cmp.maxRelError <= expectedTolerance;
    llvm::outs() << "expected result #" << index << ": max abs error "
                 << llvm::format("%.3g", cmp.maxAbsError) << ", max rel error "
                 << llvm::format("%.3g", cmp.maxRelError) << " (tolerance "
                 << llvm::format("%.3g", expectedTolerance.getValue())
                 << "): " << (pass ? "ok" : "MISMATCH") << "\n";
    ok &= pass;
  }
  return ok;
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
     << kernel.getTemporaryBytes() << " bytes of temporaries ("
     << kernel.getPeakLiveBytes() << " live at most, the two largest live "
     << kernel.getLargestLivePairBytes() << "); "
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
    json.attribute("peak_live_bytes", kernel.getPeakLiveBytes());
    json.attribute("largest_live_pair_bytes", kernel.getLargestLivePairBytes());
    json.attribute("minor_page_faults_per_call", faultsPerCall);
  });
  file << "\n";
  file.close();
  if (file.has_error()) {
    std::string message = file.error().message();
    file.clear_error(); // Else the stream's destructor aborts.
    return makeError(benchJson + ": cannot write: " + message);
  }
  return llvm::Error::success();
}

static double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// Times each profiled op over `runs` calls: a table on stdout and, with
/// --profile-json, the same numbers as JSON.
static llvm::Error profile(const Kernel &kernel,
                           llvm::ArrayRef<HostTensor> arguments,
                           unsigned runs) {
  auto samples = kernel.profile(arguments, runs, kWarmupRuns);
  if (!samples)
    return samples.takeError();
  llvm::ArrayRef<ProfiledOp> ops = kernel.getProfiledOps();
  std::vector<double> callTimes;
  for (const ProfileSample &sample : *samples)
    callTimes.push_back(sample.callMillis);
  double callMedian = median(callTimes);
  struct Row {
    double millis;
    std::optional<double> gflops;
    double percent;
    // Times the op ran in a call: more than once in a function called in a
    // loop (the per-image function of a dynamic batch).
    int64_t runsPerCall;
    bool shown;
  };
  // The entry's ops, and those of the functions it called.
  llvm::StringSet<> calledFunctions = {kernel.getSignature().entry};
  const ProfileSample &lastSample = samples->back();
  for (auto [id, op] : llvm::enumerate(ops))
    if (lastSample.opEntries[id] > 0)
      calledFunctions.insert(op.function);
  std::vector<Row> rows;
  for (auto [id, op] : llvm::enumerate(ops)) {
    std::vector<double> times;
    for (const ProfileSample &sample : *samples)
      times.push_back(sample.opMillis[id]);
    Row row{median(times), std::nullopt, 0,
            op.brackets > 0 ? lastSample.opEntries[id] / op.brackets : 0,
            calledFunctions.contains(op.function)};
    // Below a microsecond the clock's resolution dominates.
    if (op.flops > 0 && row.millis >= 1e-3)
      row.gflops = op.flops * row.runsPerCall / (row.millis * 1e6);
    if (callMedian > 0)
      row.percent = 100 * row.millis / callMedian;
    rows.push_back(row);
  }
  // Per call, not from the medians above, which need not add up.
  std::vector<double> restTimes;
  for (const ProfileSample &sample : *samples)
    restTimes.push_back(sample.callMillis - llvm::sum_of(sample.opMillis));
  double restMedian = median(restTimes);

  llvm::raw_ostream &os = llvm::outs();
  os << "profile: " << runs << " calls (after " << kWarmupRuns
     << " warm-up), median " << llvm::format("%.4f", callMedian)
     << " ms per call\n";
  size_t nameWidth = 2;
  for (auto [id, op] : llvm::enumerate(ops))
    if (rows[id].shown)
      nameWidth = std::max(nameWidth, op.name.size());
  os << llvm::format("%4s  ", "#") << llvm::left_justify("op", nameWidth)
     << llvm::format("  %10s  %8s  %6s  ", "median ms", "GFLOP/s", "% call")
     << "types; attributes; location\n";
  for (auto [id, op] : llvm::enumerate(ops)) {
    const Row &row = rows[id];
    if (!row.shown)
      continue;
    os << llvm::format("%4d  ", static_cast<int>(id))
       << llvm::left_justify(op.name, nameWidth);
    if (op.brackets == 0)
      os << llvm::format("  %10s  %8s  %6s  ", "-", "-", "-");
    else if (row.gflops)
      os << llvm::format("  %10.4f  %8.2f  %5.1f%%  ", row.millis,
                         *row.gflops, row.percent);
    else
      os << llvm::format("  %10.4f  %8s  %5.1f%%  ", row.millis, "-",
                         row.percent);
    os << op.types;
    if (!op.attributes.empty())
      os << "; " << op.attributes;
    if (!op.location.empty())
      os << "; " << op.location;
    if (op.brackets == 0)
      os << "; no loops of its own: computed inside another op's";
    else if (row.runsPerCall != 1)
      os << "; ran " << row.runsPerCall << " times per call";
    os << "\n";
  }
  os << llvm::format("%4s  ", "") << llvm::left_justify("(rest)", nameWidth)
     << llvm::format("  %10.4f  %8s  %5.1f%%  ", restMedian, "-",
                     callMedian > 0 ? 100 * restMedian / callMedian : 0.0)
     << "outside the ops above: entering and leaving the call\n";

  if (profileJson.empty())
    return llvm::Error::success();
  std::error_code ec;
  llvm::raw_fd_ostream file(profileJson, ec);
  if (ec)
    return makeError(profileJson + ": cannot write: " + ec.message());
  llvm::json::OStream json(file, 2);
  json.object([&] {
    json.attribute("calls", static_cast<int64_t>(runs));
    json.attribute("call_median_ms", callMedian);
    json.attribute("rest_median_ms", restMedian);
    json.attributeArray("ops", [&] {
      for (size_t id = 0; id < ops.size(); ++id) {
        const ProfiledOp &op = ops[id];
        const Row &row = rows[id];
        if (!row.shown)
          continue;
        json.object([&] {
          json.attribute("id", static_cast<int64_t>(id));
          json.attribute("op", op.name);
          json.attribute("types", op.types);
          json.attribute("attributes", op.attributes);
          json.attribute("location", op.location);
          json.attribute("timed", op.brackets > 0);
          json.attribute("runs_per_call", row.runsPerCall);
          json.attribute("median_ms", row.millis);
          json.attribute("flops", op.flops);
          json.attribute("gflops", row.gflops ? llvm::json::Value(*row.gflops)
                                              : llvm::json::Value(nullptr));
          json.attribute("percent_of_call", row.percent);
        });
      }
    });
  });
  file << "\n";
  file.close();
  if (file.has_error())
    return makeError(profileJson + ": cannot write: " + file.error().message());
  return llvm::Error::success();
}

/// Validates flag combinations that do not need the module.
/// Half of the physical memory (1 GiB if unknown).
static uint64_t defaultMaxMemory() {
  long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || pageSize <= 0)
    return uint64_t(1) << 30;
  return uint64_t(pages) * uint64_t(pageSize) / 2;
}

/// "123", "64K", "512M", "2G", "1T" (powers of 1024).
static std::optional<uint64_t> parseByteCount(llvm::StringRef text) {
  uint64_t scale = 1;
  if (!text.empty()) {
    switch (llvm::toUpper(text.back())) {
    case 'K':
      scale = uint64_t(1) << 10;
      break;
    case 'M':
      scale = uint64_t(1) << 20;
      break;
    case 'G':
      scale = uint64_t(1) << 30;
      break;
    case 'T':
      scale = uint64_t(1) << 40;
      break;
    default:
      break;
    }
    if (scale != 1)
      text = text.drop_back();
  }
  uint64_t value;
  if (text.getAsInteger(10, value) || value == 0 || value > UINT64_MAX / scale)
    return std::nullopt;
  return value * scale;
}

static llvm::Error checkFlags(const cl::opt<unsigned> &threads,
                              std::optional<uint64_t> &seed,
                              unsigned &profileCalls,
                              uint64_t &memoryLimit) {
  if (profileRuns.getNumOccurrences()) {
    profileCalls = 10;
    if (!profileRuns.empty() &&
        (llvm::StringRef(profileRuns).getAsInteger(10, profileCalls) ||
         profileCalls == 0))
      return makeError("--profile needs a number of calls >= 1, got '" +
                       profileRuns + "'");
  }
  if (!profileJson.empty() && !profileRuns.getNumOccurrences())
    return makeError("--profile-json needs --profile");
  if (useReference && profileRuns.getNumOccurrences())
    return makeError("--profile times --tconv-lower-to-llvm's code, not "
                     "--reference's");
  if (!dumpIRDir.empty() && dumpIR.empty())
    return makeError("--dump-ir-dir needs --dump-ir=STAGE or --dump-ir=all");
  if (benchRuns.getNumOccurrences() && benchRuns == 0)
    return makeError("--bench needs a number of runs >= 1");
  if (!benchJson.empty() && !benchRuns.getNumOccurrences())
    return makeError("--bench-json needs --bench=N");
  if (threads.getNumOccurrences() && threads == 0)
    return makeError("--threads needs a thread count >= 1");
  if (threads > kMaxThreads)
    return makeError("--threads=" + Twine(threads) + " exceeds the limit of " +
                     Twine(kMaxThreads) + " threads");
  memoryLimit = defaultMaxMemory();
  if (maxMemory.getNumOccurrences()) {
    std::optional<uint64_t> bytes = parseByteCount(maxMemory);
    if (!bytes)
      return makeError("--max-memory '" + maxMemory +
                       "' is not a positive byte count (e.g. 4096, 512M, 8G)");
    memoryLimit = *bytes;
  }
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
  unsigned profileCalls = 0;
  uint64_t memoryLimit;
  if (llvm::Error err = checkFlags(threads, seed, profileCalls, memoryLimit))
    return std::move(err);
  llvm::SmallVector<InputSpec> inputs;
  for (const std::string &text : inputSpecs) {
    auto spec = parseInputSpec(text);
    if (!spec)
      return spec.takeError();
    inputs.push_back(*spec);
  }
  if (!dumpIRDir.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(dumpIRDir))
      return makeError(dumpIRDir + ": cannot create: " + ec.message());

  auto file = readFileWithLimit(inputFilename,
                                std::min(memoryLimit, kMaxModuleBytes));
  if (!file)
    return file.takeError();
  llvm::StringRef bufferName =
      inputFilename == "-" ? llvm::StringRef("<stdin>") : inputFilename;
  ONNXImportOptions importOptions;
  for (const std::string &spec : fixedShapes)
    if (llvm::Error err = parseFixedShape(spec, importOptions))
      return std::move(err);
  auto loaded =
      loadModuleSource((*file)->getBuffer(), inputFilename, importOptions);
  if (!loaded)
    return loaded.takeError();
  llvm::StringRef source = *loaded;

  RunnerOptions options;
  options.lowering = useReference ? Lowering::Reference : Lowering::Pipeline;
  options.entry = entryName;
  options.transposeStrategy = transposeStrategy;
  options.pipelineOptions = pipelineOptions;
  options.threads = threads;
  options.dumpIRAfterStage = dumpIR;
  options.irDumpStream = &llvm::outs();
  options.irDumpDirectory = dumpIRDir;
  options.target.triple = targetTriple;
  options.target.cpu = targetCPU;
  options.target.features = targetFeatures;
  options.profile = profileCalls > 0;
  // The workspace is allocated by compile(): it checks one call first.
  options.maxMemory = memoryLimit;
  options.configurePassManager = [](mlir::PassManager &pm) {
    mlir::applyDefaultTimingPassManagerCLOptions(pm);
    return mlir::applyPassManagerCLOptions(pm);
  };
  auto kernel = Kernel::compile(source, bufferName, options);
  if (!kernel)
    return kernel.takeError();
  // A convolution left to upstream's lowering may be far slower: say so.
  for (const std::string &why :
       (*kernel)->getConvolutionCounts().whyNotRaised)
    llvm::errs() << "tconv-run: note: " << why << "\n";
  const Signature &signature = (*kernel)->getSignature();

  // --dump-ir alone inspects the IR: nothing to run.
  bool runRequested = !inputs.empty() || seed || verify || printResults ||
                      !outputFiles.empty() || benchRuns.getNumOccurrences() ||
                      profileCalls > 0;
  if (!dumpIR.empty() && !runRequested)
    return 0;

  // Which --input gives each argument: #N=... names one, the others take
  // the arguments in order.
  size_t numArgs = signature.arguments.size();
  llvm::SmallVector<const InputSpec *> argumentInputs(numArgs, nullptr);
  size_t next = 0, inOrder = 0;
  for (const InputSpec &spec : inputs) {
    size_t index = spec.index ? *spec.index : next++;
    inOrder += !spec.index;
    if (index >= numArgs) {
      if (spec.index)
        return makeError(spec.flag + ": @" + signature.entry + " takes " +
                         pluralize(numArgs, "argument") +
                         (numArgs ? " (#0 to #" + Twine(numArgs - 1) + ")"
                                  : Twine("")));
      return makeError(pluralize(inOrder, "--input value") +
                       " given in order, but @" + signature.entry +
                       " takes " + pluralize(numArgs, "argument"));
    }
    if (argumentInputs[index])
      return makeError("argument #" + Twine(index) + " of @" +
                       signature.entry + " is given twice: " +
                       argumentInputs[index]->flag + " and " + spec.flag);
    argumentInputs[index] = &spec;
  }
  if (!seed) {
    llvm::SmallVector<std::string> missing;
    for (auto [index, spec] : llvm::enumerate(argumentInputs))
      if (!spec)
        missing.push_back("#" + std::to_string(index));
    if (!missing.empty())
      return makeError("@" + signature.entry + " takes " +
                       pluralize(numArgs, "argument") + " but " +
                       pluralize(inputs.size(), "--input value") +
                       " given; no value for " + llvm::join(missing, ", ") +
                       " (add --input or --random-inputs)");
  }
  size_t numResults = signature.results.size();
  if (!expectedFiles.empty() && expectedFiles.size() != numResults)
    return makeError(pluralize(expectedFiles.size(), "--expected file") +
                     " given, but @" + signature.entry + " returns " +
                     pluralize(numResults, "result"));
  if (!outputFiles.empty() && outputFiles.size() != numResults)
    return makeError(pluralize(outputFiles.size(), "--output file") +
                     " given, but @" + signature.entry + " returns " +
                     pluralize(numResults, "result"));

  // N of a dynamic batch: from the --input values, else --batch. Each input
  // is bounded by --max-memory as it is read.
  auto isDynamicBatch = [](const HostTensorType &type) {
    return !type.shape.empty() && type.shape[0] == HostTensorType::kDynamicSize;
  };
  std::optional<int64_t> batch;
  llvm::SmallVector<std::optional<HostTensor>> givenArguments(numArgs);
  for (size_t i = 0; i < numArgs; ++i) {
    if (!argumentInputs[i])
      continue;
    auto tensor = readInput(*argumentInputs[i], signature, i, memoryLimit);
    if (!tensor)
      return tensor.takeError();
    if (isDynamicBatch(signature.arguments[i])) {
      const std::string &flag = argumentInputs[i]->flag;
      int64_t n = tensor->getShape()[0];
      if (batch && *batch != n)
        return makeError(flag + ": batch " + Twine(n) +
                         " differs from the batch " + Twine(*batch) +
                         " of the previous --input values");
      if (batchSize.getNumOccurrences() && batchSize != n)
        return makeError(flag + ": batch " + Twine(n) +
                         " differs from --batch=" + Twine(batchSize));
      batch = n;
    }
    givenArguments[i] = std::move(*tensor);
  }
  if (!batch)
    batch = batchSize;
  Signature call = signature.forBatch(*batch);

  // Check PNG outputs before the work that would be lost.
  for (auto [index, path] : llvm::enumerate(outputFiles)) {
    if (isPng(path) && !isImageShape(call.results[index].shape))
      return makeError(path +
                       ": a PNG image needs a 1x3xHxW or 1x1xHxW "
                       "result, but " +
                       describe(call, index, "result") +
                       " is not of that form");
  }

  // Everything allocated below: arguments, results, the reference results
  // of --verify and the results --bench binds, checked before any of it is;
  // and the workspace of the compiled code (one more for --bench's call).
  bool bench = benchRuns.getNumOccurrences();
  uint64_t resultCopies = 1 + (verify ? 1 : 0) + (bench ? 1 : 0);
  std::optional<uint64_t> needed = 0;
  auto addBytes = [&](std::optional<int64_t> bytes, uint64_t copies) {
    uint64_t total;
    if (!bytes || !needed ||
        __builtin_mul_overflow(static_cast<uint64_t>(*bytes), copies, &total) ||
        __builtin_add_overflow(*needed, total, &total))
      needed = std::nullopt;
    else
      needed = total;
  };
  auto add = [&](const HostTensorType &type, uint64_t copies) {
    int64_t width = static_cast<int64_t>(getElementByteWidth(type.elementType));
    addBytes(checkedByteSize(type.shape, width), copies);
  };
  for (const HostTensorType &type : call.arguments)
    add(type, 1);
  for (const HostTensorType &type : call.results)
    add(type, resultCopies);
  addBytes((*kernel)->getWorkspaceBytes(), bench ? 2 : 1);
  if (!needed || *needed > memoryLimit)
    return makeError("@" + signature.entry + " needs " +
                     (needed ? Twine(*needed) + " bytes"
                             : Twine("more than 2^64 bytes")) +
                     " for its arguments, results and workspace, more than "
                     "--max-memory "
                     "(" +
                     Twine(memoryLimit) + " bytes)");

  llvm::SmallVector<HostTensor> arguments;
  for (size_t i = 0; i < numArgs; ++i) {
    if (givenArguments[i]) {
      arguments.push_back(std::move(*givenArguments[i]));
      continue;
    }
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
  bool matchesExpected = true;
  if (!expectedFiles.empty()) {
    auto ok = compareWithExpected(*results);
    if (!ok)
      return ok.takeError();
    matchesExpected = *ok;
  }
  bool nothingElse = !verify && expectedFiles.empty() && outputFiles.empty() &&
                     !benchRuns.getNumOccurrences() && dumpIR.empty() &&
                     profileCalls == 0;
  if (printResults || nothingElse)
    for (auto [index, result] : llvm::enumerate(*results))
      printSummary(llvm::outs(), index, result);
  for (auto [index, path, result] :
       llvm::zip(llvm::seq<size_t>(0, outputFiles.size()), outputFiles,
                 *results)) {
    if (path == "-")
      printTensor(llvm::outs(), index, result);
    else if (llvm::Error err = writeResult(path, result))
      return std::move(err);
  }
  if (!verified) {
    llvm::outs().flush();
    llvm::errs() << "tconv-run: verification failed: results differ from the "
                    "reference lowering\n";
    return 1;
  }
  if (!matchesExpected) {
    llvm::outs().flush();
    llvm::errs() << "tconv-run: results differ from the --expected values\n";
    return 1;
  }
  if (benchRuns.getNumOccurrences())
    if (llvm::Error err = benchmark(**kernel, arguments, *batch, benchRuns))
      return std::move(err);
  if (profileCalls > 0)
    if (llvm::Error err = profile(**kernel, arguments, profileCalls))
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
      cl::desc("OpenMP threads for the generated code, at most 1024 "
               "(default: all cores, or OMP_NUM_THREADS)"),
      cl::value_desc("N"), cl::cat(category));
  // --mlir-timing, --mlir-print-ir-after=PASS and friends, as in mlir-opt
  // (registered passes can be named there).
  mlir::registerAllPasses();
  registerAllPasses();
  mlir::registerPassManagerCLOptions();
  mlir::registerDefaultTimingManagerCLOptions();
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(
      argc, argv,
      "tconv-run: compile a module with --tconv-lower-to-llvm, run its entry "
      "function on the host CPU, check and time it\n\n"
      "mlir-opt's pass-manager flags work too: --mlir-timing, "
      "--mlir-print-ir-after=PASS, --mlir-print-ir-after-all, ...\n");
  llvm::Expected<int> exitCode = runTool(threads);
  if (!exitCode) {
    llvm::outs().flush();
    llvm::errs() << "tconv-run: " << llvm::toString(exitCode.takeError())
                 << "\n";
    return 1;
  }
  return *exitCode;
}
