//===- tconv-difftest.cpp - Random models against the reference -----------===//
//
// tconv-difftest [--seed=S] [--modules=N] [--chains=K]
//                [--transpose-strategy=S] [--element-type=T] [--verbose]
//
// Differential test of the optimizing pipeline: generates random modules of
// tconv.conv / tconv.conv_transpose chains (1-3 spatial dims, every
// attribute, odd sizes, f32/f16/bf16/f64, argument, constant and splat
// filters, every --transpose-strategy), runs each compiled with
// --tconv-lower-to-llvm and with the reference lowering on the same random
// inputs, and compares the results as tconv-run --verify does (with heap
// memory poisoned, so that reading uninitialized memory shows). Each module
// holds K independent chains (one compilation checks several ops). A failing
// module is printed with the tconv-run command that reproduces it; the exit
// code is 1 if any failed. The same seed gives the same modules.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Runner/Runner.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <malloc.h>
#include <optional>
#include <string>

using namespace mlir::tconv;
namespace cl = llvm::cl;

static cl::OptionCategory category("tconv-difftest options");
static cl::opt<uint64_t> seedOption("seed", cl::init(1),
                                    cl::desc("Seed of the first module"),
                                    cl::cat(category));
static cl::opt<unsigned> numModules("modules", cl::init(50),
                                    cl::desc("Modules to generate and check"),
                                    cl::cat(category));
static cl::opt<unsigned> numChains(
    "chains", cl::init(4),
    cl::desc("Independent chains of 1-3 ops per module (at least 1)"),
    cl::cat(category));
static cl::opt<std::string> forcedStrategy(
    "transpose-strategy",
    cl::desc("Use this --transpose-strategy in every module (default: a "
             "random one per module)"),
    cl::cat(category));
static cl::opt<std::string> forcedElementType(
    "element-type",
    cl::desc("Use this element type (f32, f16, bf16 or f64) in every chain "
             "(default: a random one per chain)"),
    cl::cat(category));
static cl::opt<bool> verbose("verbose",
                             cl::desc("Print every module and its result"),
                             cl::cat(category));

namespace {
/// splitmix64: small, well mixed, the same on every platform.
class Rng {
public:
  explicit Rng(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [lo, hi].
  int64_t uniform(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
  }
  bool chance(unsigned percent) { return next() % 100 < percent; }
  /// Small values most of the time, larger ones sometimes.
  int64_t skewed(int64_t common, int64_t rare) {
    return chance(80) ? uniform(1, common) : uniform(1, rare);
  }

private:
  uint64_t state;
};

/// One generated op: its geometry, shapes and how its filter is given.
struct OpSpec {
  bool transposed = false;
  ConvGeometry geometry;
  llvm::SmallVector<int64_t> inputShape, filterShape, resultShape;
  bool bias = false;
  enum class Filter { Argument, Constant, Splat } filter = Filter::Argument;
};

/// Largest result a chain grows to (elements), so that modules stay fast.
constexpr int64_t kMaxElements = 6000;
constexpr int64_t kMaxSpatialSize = 40;
} // namespace

static std::string shapeText(llvm::ArrayRef<int64_t> shape,
                             llvm::StringRef elementType) {
  std::string text = "tensor<";
  for (int64_t size : shape)
    text += std::to_string(size) + "x";
  return text + elementType.str() + ">";
}

/// An op reading `input` (N x C x spatial..), or std::nullopt if the random
/// attributes gave an empty or too large result too often.
static std::optional<OpSpec> generateOp(Rng &rng,
                                        llvm::ArrayRef<int64_t> input) {
  unsigned n = input.size() - 2;
  int64_t channels = input[1];
  for (int attempt = 0; attempt < 50; ++attempt) {
    OpSpec op;
    op.transposed = rng.chance(60);
    op.inputShape.assign(input.begin(), input.end());
    ConvGeometry &g = op.geometry;
    g = ConvGeometry::identity(n);
    // Depthwise often (its own schedule), any divisor otherwise.
    llvm::SmallVector<int64_t> divisors;
    for (int64_t d = 1; d <= channels; ++d)
      if (channels % d == 0)
        divisors.push_back(d);
    g.group = rng.chance(30) ? channels
                             : divisors[rng.uniform(0, divisors.size() - 1)];
    int64_t perGroupOut = rng.chance(50) ? 1 : rng.uniform(1, 3);
    llvm::SmallVector<int64_t> kernel;
    // Now and then a layer Winograd takes (tconv-winograd-convs): 2-D,
    // ungrouped, 16 or more channels each way, a 3x3 convolution or a 4x4
    // stride-2 transposed one (2x2 phases), pads 1.
    if (n == 2 && channels >= 16 && rng.chance(30)) {
      g.group = 1;
      perGroupOut = rng.uniform(16, 40);
      int64_t size = op.transposed ? 4 : 3;
      for (unsigned i = 0; i < n; ++i) {
        kernel.push_back(size);
        g.strides[i] = op.transposed ? 2 : 1;
        g.padsBegin[i] = g.padsEnd[i] = 1;
      }
    }
    for (unsigned i = kernel.size(); i < n; ++i) {
      kernel.push_back(rng.skewed(3, 5));
      g.strides[i] = rng.chance(30) ? 1 : rng.skewed(3, 6);
      g.dilations[i] = rng.chance(60) ? 1 : rng.skewed(2, 3);
      // Pads up to beyond the kernel: transposed convolutions then crop.
      g.padsBegin[i] = rng.chance(40) ? 0 : rng.uniform(0, kernel[i] + 1);
      g.padsEnd[i] = rng.chance(40) ? 0 : rng.uniform(0, kernel[i] + 1);
      int64_t limit = std::max(g.strides[i], g.dilations[i]);
      if (op.transposed && rng.chance(40))
        g.outputPadding[i] = rng.uniform(0, limit - 1);
    }
    int64_t outChannels = g.group * perGroupOut;
    op.filterShape = op.transposed
                         ? llvm::SmallVector<int64_t>{channels, perGroupOut}
                         : llvm::SmallVector<int64_t>{outChannels,
                                                      channels / g.group};
    llvm::append_range(op.filterShape, kernel);
    op.resultShape = {input[0], outChannels};
    bool fits = true;
    for (unsigned i = 0; i < n && fits; ++i) {
      std::optional<int64_t> size =
          op.transposed
              ? checkedConvTransposeOutputSize(
                    input[i + 2], kernel[i], g.strides[i], g.padsBegin[i],
                    g.padsEnd[i], g.dilations[i], g.outputPadding[i])
              : checkedConvOutputSize(input[i + 2], kernel[i], g.strides[i],
                                      g.padsBegin[i], g.padsEnd[i],
                                      g.dilations[i]);
      fits = size && *size >= 1 && *size <= kMaxSpatialSize;
      if (fits)
        op.resultShape.push_back(*size);
    }
    if (!fits || *checkedNumElements(op.resultShape) > kMaxElements)
      continue;
    op.bias = rng.chance(50);
    if (rng.chance(25))
      op.filter = rng.chance(20) ? OpSpec::Filter::Splat
                                 : OpSpec::Filter::Constant;
    return op;
  }
  return std::nullopt;
}

/// A value of the element type printed exactly (a multiple of 1/8 in
/// [-2, 2], representable in bf16 and f16).
static std::string randomLiteral(Rng &rng) {
  return llvm::formatv("{0:f3}", rng.uniform(-16, 16) / 8.0).str();
}

/// A dense literal of random values nested like `shape`, e.g. [[1, 2]].
static std::string nestedLiteral(Rng &rng, llvm::ArrayRef<int64_t> shape) {
  if (shape.empty())
    return randomLiteral(rng);
  std::string text = "[";
  for (int64_t i = 0; i < shape.front(); ++i)
    text += (i ? ", " : "") + nestedLiteral(rng, shape.drop_front());
  return text + "]";
}

namespace {
/// The text of a module and what its @main takes.
struct GeneratedModule {
  std::string text;
  std::string strategy;
  unsigned numOps = 0;
};
} // namespace

static GeneratedModule generateModule(uint64_t seed, unsigned chains) {
  Rng rng(seed);
  static const char *const kTypes[] = {"f32", "f16", "bf16", "f64"};
  static const char *const kStrategies[] = {"auto", "phase", "zero-insert"};
  GeneratedModule module;
  module.strategy = kStrategies[rng.uniform(0, 2)];
  if (!forcedStrategy.empty())
    module.strategy = forcedStrategy;
  llvm::SmallVector<std::string> arguments, results, resultTypes, body;
  for (unsigned c = 0; c < chains; ++c) {
    std::string type = kTypes[rng.uniform(0, 3)];
    if (!forcedElementType.empty())
      type = forcedElementType;
    unsigned n = rng.uniform(1, 3);
    // 16 or more channels now and then: what Winograd layers need.
    llvm::SmallVector<int64_t> shape = {
        rng.uniform(1, 2), rng.chance(15) ? rng.uniform(16, 24) : rng.skewed(4, 8)};
    for (unsigned i = 0; i < n; ++i)
      shape.push_back(rng.skewed(n == 1 ? 9 : 6, n == 1 ? 17 : 9));
    std::string value = "%x" + std::to_string(c);
    arguments.push_back(value + ": " + shapeText(shape, type));
    unsigned length = rng.uniform(1, 3);
    for (unsigned k = 0; k < length; ++k) {
      std::optional<OpSpec> op = generateOp(rng, shape);
      if (!op)
        break;
      std::string name = std::to_string(c) + "_" + std::to_string(k);
      std::string filterType = shapeText(op->filterShape, type);
      std::string filter = "%w" + name;
      switch (op->filter) {
      case OpSpec::Filter::Argument:
        arguments.push_back(filter + ": " + filterType);
        break;
      case OpSpec::Filter::Splat:
        body.push_back(filter + " = arith.constant dense<" +
                       randomLiteral(rng) + "> : " + filterType);
        break;
      case OpSpec::Filter::Constant:
        body.push_back(filter + " = arith.constant dense<" +
                       nestedLiteral(rng, op->filterShape) + "> : " +
                       filterType);
        break;
      }
      std::string operandTypes = shapeText(op->inputShape, type) + ", " +
                                 filterType;
      std::string operands = value + ", " + filter;
      if (op->bias) {
        std::string bias = "%b" + name;
        std::string biasType = shapeText({op->resultShape[1]}, type);
        arguments.push_back(bias + ": " + biasType);
        operands += ", " + bias;
        operandTypes += ", " + biasType;
      }
      std::string attrs;
      auto list = [](llvm::ArrayRef<int64_t> values) {
        return "[" + llvm::join(llvm::map_range(values, [](int64_t v) {
                                  return std::to_string(v);
                                }),
                                ", ") +
               "]";
      };
      const ConvGeometry &g = op->geometry;
      auto nonDefault = [](llvm::ArrayRef<int64_t> values, int64_t def) {
        return llvm::any_of(values, [&](int64_t v) { return v != def; });
      };
      if (nonDefault(g.strides, 1))
        attrs += " strides = " + list(g.strides);
      if (nonDefault(g.onnxPads(), 0))
        attrs += " pads = " + list(g.onnxPads());
      if (nonDefault(g.dilations, 1))
        attrs += " dilations = " + list(g.dilations);
      if (op->transposed && nonDefault(g.outputPadding, 0))
        attrs += " output_padding = " + list(g.outputPadding);
      if (g.group != 1)
        attrs += " group = " + std::to_string(g.group);
      std::string resultType = shapeText(op->resultShape, type);
      value = "%y" + name;
      body.push_back(value + " = tconv." +
                     (op->transposed ? "conv_transpose " : "conv ") +
                     operands + attrs + " : (" + operandTypes + ") -> " +
                     resultType);
      shape = op->resultShape;
      ++module.numOps;
    }
    results.push_back(value);
    resultTypes.push_back(shapeText(shape, type));
  }
  std::string &text = module.text;
  text = "func.func @main(" + llvm::join(arguments, ", ") + ") -> (" +
         llvm::join(resultTypes, ", ") + ") {\n";
  for (const std::string &line : body)
    text += "  " + line + "\n";
  text += "  return " + llvm::join(results, ", ") + " : " +
          llvm::join(resultTypes, ", ") + "\n}\n";
  return module;
}

/// Compiles and runs `module` both ways; an empty string if the results
/// agree, else what went wrong.
static std::string check(const GeneratedModule &module, uint64_t seed) {
  RunnerOptions options;
  options.transposeStrategy = module.strategy;
  auto kernel = Kernel::compile(module.text, "generated.mlir", options);
  if (!kernel)
    return "pipeline: " + llvm::toString(kernel.takeError());
  RunnerOptions referenceOptions;
  referenceOptions.lowering = Lowering::Reference;
  auto reference =
      Kernel::compile(module.text, "generated.mlir", referenceOptions);
  if (!reference)
    return "reference: " + llvm::toString(reference.takeError());

  // The inputs tconv-run --random-inputs=SEED makes.
  llvm::SmallVector<HostTensor> arguments;
  for (auto [i, type] :
       llvm::enumerate((*kernel)->getSignature().arguments)) {
    HostTensor tensor(type);
    fillUniform(tensor, seed * 0x9e3779b97f4a7c15ULL + i);
    arguments.push_back(std::move(tensor));
  }
  // Results start as NaN: an element the compiled code forgets to write
  // then differs from the reference even where the answer is 0.
  auto runPipeline = [&]() -> llvm::Expected<llvm::SmallVector<HostTensor>> {
    llvm::SmallVector<HostTensor> out = (*kernel)->allocateResults();
    for (HostTensor &tensor : out)
      for (int64_t i = 0, e = tensor.getNumElements(); i < e; ++i)
        tensor.setValue(i, NAN);
    if (llvm::Error err = (*kernel)->run(arguments, out))
      return std::move(err);
    return std::move(out);
  };
  auto results = runPipeline();
  if (!results)
    return "pipeline run: " + llvm::toString(results.takeError());
  // Twice: results that change between runs read uninitialized memory.
  auto again = runPipeline();
  if (!again)
    return "pipeline run: " + llvm::toString(again.takeError());
  auto expected = (*reference)->run(arguments);
  if (!expected)
    return "reference run: " + llvm::toString(expected.takeError());
  std::string problems;
  for (auto [index, result] : llvm::enumerate(*results)) {
    Comparison cmp = compareTensors(result, (*expected)[index]);
    double tolerance = getRelativeTolerance(
        result.getElementType(), (*kernel)->getMaxReductionLength());
    if (cmp.nonFiniteMismatches || cmp.maxRelError > tolerance)
      problems += llvm::formatv("result #{0}: max rel error {1:e2} (tolerance "
                                "{2:e2}), {3} non-finite mismatches\n",
                                index, cmp.maxRelError, tolerance,
                                cmp.nonFiniteMismatches)
                      .str();
    Comparison repeat = compareTensors((*again)[index], result);
    if (repeat.worstIndex >= 0)
      problems += llvm::formatv("result #{0} differs between two runs\n",
                                index)
                      .str();
  }
  return problems;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "tconv-difftest: random tconv modules, "
                              "pipeline against reference lowering\n");
  // Fresh heap memory is never zero: glibc fills every allocation with
  // 0x5a bytes (1.5e16 as f32) and keeps even large ones off fresh mmap
  // pages, so that compiled code reading uninitialized memory gives wrong
  // results instead of zeros.
  mallopt(M_PERTURB, 0xa5);
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  if (numChains < 1) {
    llvm::errs() << "tconv-difftest: --chains needs at least 1\n";
    return 1;
  }
  if (!forcedStrategy.empty() &&
      !llvm::is_contained({"auto", "phase", "zero-insert"}, forcedStrategy)) {
    llvm::errs() << "tconv-difftest: unknown --transpose-strategy '"
                 << forcedStrategy << "'; expected auto, phase or zero-insert\n";
    return 1;
  }
  if (!forcedElementType.empty() &&
      !llvm::is_contained({"f32", "f16", "bf16", "f64"}, forcedElementType)) {
    llvm::errs() << "tconv-difftest: unknown --element-type '"
                 << forcedElementType << "'; expected f32, f16, bf16 or f64\n";
    return 1;
  }
  unsigned failures = 0, ops = 0;
  for (unsigned m = 0; m < numModules; ++m) {
    uint64_t seed = seedOption + m;
    GeneratedModule module = generateModule(seed, numChains);
    ops += module.numOps;
    // Printed before the check, so that a crash shows its module.
    if (verbose) {
      llvm::outs() << "// seed " << seed << ", strategy " << module.strategy
                   << "\n"
                   << module.text;
      llvm::outs().flush();
    }
    std::string problem = check(module, seed);
    if (verbose)
      llvm::outs() << "// seed " << seed << ": "
                   << (problem.empty() ? "ok" : "FAILED") << "\n";
    if (problem.empty())
      continue;
    ++failures;
    llvm::errs() << "tconv-difftest: seed " << seed << " failed:\n"
                 << problem << "reproduce: save the module below as m.mlir, "
                 << "then tconv-run m.mlir --random-inputs=" << seed
                 << " --verify --transpose-strategy=" << module.strategy
                 << "\n"
                 << module.text << "\n";
  }
  llvm::outs() << "tconv-difftest: " << numModules << " modules, " << ops
               << " ops, " << failures << " failed\n";
  return failures ? 1 : 0;
}
