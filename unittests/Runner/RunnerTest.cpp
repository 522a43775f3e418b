//===- RunnerTest.cpp - Kernel compilation, calls and comparisons ---------===//
//
// The reference lowering (the oracle of --verify) and the pipeline are both
// checked against a gather-form implementation written here in double
// precision: for each output element, the sum over the input elements that
// reach it. The reference lowering scatters instead, so the two share no
// formulation.
//
//===----------------------------------------------------------------------===//

#include "tconv/Runner/Runner.h"

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <string>

using namespace mlir::tconv;

namespace {

const char *kSeed = R"mlir(
func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
)mlir";

HostTensor makeTensor(llvm::ArrayRef<int64_t> shape,
                      llvm::ArrayRef<double> values) {
  HostTensor tensor(HostTensorType{ElementType::F32, llvm::to_vector(shape)});
  for (auto [i, v] : llvm::enumerate(values))
    tensor.setValue(i, v);
  return tensor;
}

std::unique_ptr<Kernel> compileOrDie(llvm::StringRef source,
                                     const RunnerOptions &options) {
  auto kernel = Kernel::compile(source, "test.mlir", options);
  if (!kernel) {
    ADD_FAILURE() << llvm::toString(kernel.takeError());
    return nullptr;
  }
  return std::move(*kernel);
}

std::string compileError(llvm::StringRef source,
                         const RunnerOptions &options = {}) {
  auto kernel = Kernel::compile(source, "test.mlir", options);
  if (kernel) {
    ADD_FAILURE() << "compilation unexpectedly succeeded";
    return "";
  }
  return llvm::toString(kernel.takeError());
}

std::string shapeString(llvm::ArrayRef<int64_t> shape) {
  std::string text;
  llvm::raw_string_ostream os(text);
  for (int64_t size : shape)
    os << size << "x";
  return text;
}

std::string arrayString(llvm::ArrayRef<int64_t> values) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "[";
  llvm::interleaveComma(values, os);
  os << "]";
  return text;
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

TEST(Runner, RunsTheSeedExample) {
  for (Lowering lowering : {Lowering::Pipeline, Lowering::Reference}) {
    RunnerOptions options;
    options.lowering = lowering;
    std::unique_ptr<Kernel> kernel = compileOrDie(kSeed, options);
    ASSERT_TRUE(kernel);
    const Signature &signature = kernel->getSignature();
    EXPECT_EQ(signature.entry, "main");
    ASSERT_EQ(signature.arguments.size(), 2u);
    EXPECT_EQ(signature.arguments[1].str(), "tensor<1x1x3xf32>");
    ASSERT_EQ(signature.results.size(), 1u);
    EXPECT_EQ(signature.results[0].str(), "tensor<1x1x3xf32>");
    EXPECT_EQ(kernel->getFlops(), 2.0 * 1 * 1 * 1 * 3 * 2);
    EXPECT_EQ(kernel->getMaxReductionLength(), 3);
    EXPECT_GT(kernel->getCompileMillis(), 0);
    // Every phase takes time, and the phases fit in the total.
    const CompileTimes &times = kernel->getCompileTimes();
    EXPECT_EQ(times.totalMillis, kernel->getCompileMillis());
    double phases[] = {times.parseMillis, times.lowerMillis,
                       times.translateMillis, times.optimizeMillis,
                       times.codegenMillis};
    for (double phase : phases)
      EXPECT_GT(phase, 0);
    EXPECT_LE(phases[0] + phases[1] + phases[2] + phases[3] + phases[4],
              times.totalMillis + 1e-6);

    llvm::SmallVector<HostTensor> args;
    args.push_back(makeTensor({1, 1, 2}, {1, 2}));
    args.push_back(makeTensor({1, 1, 3}, {1, 2, 3}));
    auto results = kernel->run(args);
    ASSERT_TRUE(!!results) << llvm::toString(results.takeError());
    EXPECT_EQ((*results)[0].getValue(0), 2.0);
    EXPECT_EQ((*results)[0].getValue(1), 5.0);
    EXPECT_EQ((*results)[0].getValue(2), 4.0);
  }
}

TEST(Runner, BoundCallsReuseBuffersAndSurviveMoves) {
  std::unique_ptr<Kernel> kernel = compileOrDie(kSeed, {});
  ASSERT_TRUE(kernel);
  llvm::SmallVector<HostTensor> args;
  args.push_back(makeTensor({1, 1, 2}, {1, 2}));
  args.push_back(makeTensor({1, 1, 3}, {1, 2, 3}));
  llvm::SmallVector<HostTensor> results = kernel->allocateResults();
  auto bound = kernel->bind(args, results);
  ASSERT_TRUE(!!bound) << llvm::toString(bound.takeError());
  Kernel::BoundCall call = std::move(*bound);
  call();
  EXPECT_EQ(results[0].getValue(1), 5.0);
  // New input values in the same buffers are picked up by the next call.
  args[0].setValue(1, 10);
  Kernel::BoundCall moved = std::move(call);
  moved();
  EXPECT_EQ(results[0].getValue(1), 3.0 + 10.0);
  EXPECT_EQ(results[0].getValue(2), 20.0);
}

TEST(Runner, RejectsMismatchedTensors) {
  std::unique_ptr<Kernel> kernel = compileOrDie(kSeed, {});
  ASSERT_TRUE(kernel);
  llvm::SmallVector<HostTensor> one;
  one.push_back(makeTensor({1, 1, 2}, {1, 2}));
  auto results = kernel->run(one);
  ASSERT_FALSE(!!results);
  EXPECT_EQ(llvm::toString(results.takeError()),
            "@main has 2 arguments, got 1");

  llvm::SmallVector<HostTensor> args;
  args.push_back(makeTensor({1, 1, 2}, {1, 2}));
  args.push_back(makeTensor({1, 3, 1}, {1, 2, 3}));
  results = kernel->run(args);
  ASSERT_FALSE(!!results);
  EXPECT_EQ(llvm::toString(results.takeError()),
            "@main argument #1 is tensor<1x1x3xf32>, got tensor<1x3x1xf32>");

  args[1] = HostTensor();
  results = kernel->run(args);
  ASSERT_FALSE(!!results);
  EXPECT_EQ(llvm::toString(results.takeError()),
            "@main argument #1 has no storage (a moved-from or "
            "default-constructed HostTensor)");

  args[1] = makeTensor({1, 1, 3}, {1, 2, 3});
  llvm::SmallVector<HostTensor> wrongResults;
  wrongResults.emplace_back(HostTensorType{ElementType::F64, {1, 1, 3}});
  llvm::Error err = kernel->run(args, wrongResults);
  ASSERT_TRUE(!!err);
  EXPECT_EQ(llvm::toString(std::move(err)),
            "@main result #0 is tensor<1x1x3xf32>, got tensor<1x1x3xf64>");
}

TEST(Runner, LeavesInputsUntouched) {
  // Bufferized naively, the exp would be computed in place in %x's buffer.
  const char *source = R"mlir(
func.func @main(%x: tensor<4xf32>) -> tensor<4xf32> {
  %y = math.exp %x : tensor<4xf32>
  return %y : tensor<4xf32>
}
)mlir";
  for (Lowering lowering : {Lowering::Pipeline, Lowering::Reference}) {
    RunnerOptions options;
    options.lowering = lowering;
    std::unique_ptr<Kernel> kernel = compileOrDie(source, options);
    ASSERT_TRUE(kernel);
    llvm::SmallVector<HostTensor> args;
    args.push_back(makeTensor({4}, {0, 1, 2, 3}));
    auto results = kernel->run(args);
    ASSERT_TRUE(!!results) << llvm::toString(results.takeError());
    for (int64_t i = 0; i < 4; ++i) {
      EXPECT_EQ(args[0].getValue(i), i);
      EXPECT_FLOAT_EQ((*results)[0].getValue(i), std::exp(float(i)));
    }
  }
}

TEST(Runner, DumpsTheIRAfterAStage) {
  std::string dump;
  llvm::raw_string_ostream os(dump);
  RunnerOptions options;
  options.dumpIRAfterStage = "llvm";
  options.irDumpStream = &os;
  ASSERT_TRUE(compileOrDie(kSeed, options));
  EXPECT_NE(dump.find("// -----// IR after stage 'llvm' //----- //"),
            std::string::npos);
  EXPECT_NE(dump.find("llvm.func @_mlir_ciface_main("), std::string::npos);
}

TEST(Runner, ProfilesEachComputation) {
  RunnerOptions options;
  options.profile = true;
  std::unique_ptr<Kernel> kernel = compileOrDie(kSeed, options);
  ASSERT_TRUE(kernel);
  llvm::ArrayRef<ProfiledOp> ops = kernel->getProfiledOps();
  ASSERT_FALSE(ops.empty());
  EXPECT_TRUE(llvm::any_of(ops, [](const ProfiledOp &op) {
    return op.flops > 0 && op.location.find("test.mlir:3:") == 0;
  }));
  HostTensor x = makeTensor({1, 1, 2}, {1, 2});
  HostTensor w = makeTensor({1, 1, 3}, {1, 2, 3});
  HostTensor args[] = {std::move(x), std::move(w)};
  auto samples = kernel->profile(args, 3, 1);
  ASSERT_TRUE(!!samples) << llvm::toString(samples.takeError());
  ASSERT_EQ(samples->size(), 3u);
  for (const ProfileSample &sample : *samples) {
    ASSERT_EQ(sample.opMillis.size(), ops.size());
    ASSERT_EQ(sample.opEntries.size(), ops.size());
    double sum = 0;
    for (double millis : sample.opMillis) {
      EXPECT_GE(millis, 0);
      sum += millis;
    }
    EXPECT_LE(sum, sample.callMillis);
    // Each op ran once: each of its brackets was entered once.
    for (auto [op, entries] : llvm::zip(ops, sample.opEntries))
      EXPECT_EQ(entries, op.brackets);
  }
  // Without the option nothing is instrumented.
  std::unique_ptr<Kernel> plain = compileOrDie(kSeed, RunnerOptions());
  ASSERT_TRUE(plain);
  EXPECT_TRUE(plain->getProfiledOps().empty());
}

TEST(Runner, CompilesForCPUsThisOneRuns) {
  RunnerOptions baseline;
  baseline.target.cpu = "x86-64";
  std::unique_ptr<Kernel> kernel = compileOrDie(kSeed, baseline);
  ASSERT_TRUE(kernel);
  HostTensor x = makeTensor({1, 1, 2}, {1, 2});
  HostTensor w = makeTensor({1, 1, 3}, {1, 2, 3});
  HostTensor args[] = {std::move(x), std::move(w)};
  auto results = kernel->run(args);
  ASSERT_TRUE(!!results) << llvm::toString(results.takeError());
  // [x0w0, x0w1, x0w2 + x1w0, x1w1, x1w2] = [1, 2, 5, 4, 6] cropped by 1.
  EXPECT_EQ((*results)[0].getValue(0), 2);
  EXPECT_EQ((*results)[0].getValue(1), 5);
  EXPECT_EQ((*results)[0].getValue(2), 4);
  // No CPU has both AMD's SSE4a and Intel's AMX.
  RunnerOptions impossible;
  impossible.target.features = "+sse4a,+amx-tile";
  EXPECT_NE(compileError(kSeed, impossible).find("lacks features"),
            std::string::npos);
  RunnerOptions foreign;
  foreign.target.triple = "aarch64-linux-gnu";
  EXPECT_NE(compileError(kSeed, foreign).find("is not this machine's"),
            std::string::npos);
}

TEST(Runner, ReportsCompileErrors) {
  EXPECT_EQ(compileError("func.func @main( {"),
            "test.mlir:1:17: error: expected non-function type\n"
            "func.func @main( {\n"
            "                ^");
  RunnerOptions entry;
  entry.entry = "other";
  EXPECT_EQ(compileError(kSeed, entry),
            "test.mlir: no func.func @other (functions: @main)");
  RunnerOptions strategy;
  strategy.transposeStrategy = "best";
  EXPECT_EQ(compileError(kSeed, strategy),
            "unknown transpose-strategy 'best'; expected auto, phase or "
            "zero-insert");
  RunnerOptions pipeline;
  pipeline.pipelineOptions = "ow-tile=0";
  EXPECT_EQ(compileError(kSeed, pipeline), "ow-tile must be at least 1, got 0");
  pipeline.pipelineOptions = "no-such-option=1";
  EXPECT_EQ(compileError(kSeed, pipeline).rfind(
                "invalid pipeline options 'no-such-option=1': ", 0),
            0u);
  RunnerOptions referenceWithPipeline;
  referenceWithPipeline.lowering = Lowering::Reference;
  referenceWithPipeline.pipelineOptions = "ow-tile=2";
  EXPECT_EQ(compileError(kSeed, referenceWithPipeline),
            "pipeline options apply to --tconv-lower-to-llvm, not to the "
            "reference lowering");
  RunnerOptions stage;
  stage.dumpIRAfterStage = "nowhere";
  EXPECT_EQ(compileError(kSeed, stage)
                .rfind("unknown pipeline stage "
                       "'nowhere' (stages: ",
                       0),
            0u);
}

//===----------------------------------------------------------------------===//
// Both lowerings against a gather-form implementation
//===----------------------------------------------------------------------===//

struct Case {
  bool transposed;
  llvm::SmallVector<int64_t> input; // N x C x D...
  llvm::SmallVector<int64_t>
      filter; // conv: M x C/g x k..., transposed: C x M/g x k...
  ConvGeometry geometry;
  bool bias;
};

ConvGeometry geometry(llvm::ArrayRef<int64_t> strides,
                      llvm::ArrayRef<int64_t> pads,
                      llvm::ArrayRef<int64_t> dilations,
                      llvm::ArrayRef<int64_t> outputPadding, int64_t group) {
  ConvGeometry g = ConvGeometry::identity(strides.size());
  g.strides.assign(strides.begin(), strides.end());
  g.padsBegin.assign(pads.begin(), pads.begin() + strides.size());
  g.padsEnd.assign(pads.begin() + strides.size(), pads.end());
  g.dilations.assign(dilations.begin(), dilations.end());
  g.outputPadding.assign(outputPadding.begin(), outputPadding.end());
  g.group = group;
  return g;
}

llvm::SmallVector<int64_t> resultShape(const Case &c) {
  return c.transposed ? convTransposeResultShape(c.input, c.filter, c.geometry)
                      : convResultShape(c.input, c.filter, c.geometry);
}

std::string caseSource(const Case &c) {
  llvm::SmallVector<int64_t> result = resultShape(c);
  std::string x = "tensor<" + shapeString(c.input) + "f32>";
  std::string w = "tensor<" + shapeString(c.filter) + "f32>";
  std::string b = "tensor<" + std::to_string(result[1]) + "xf32>";
  std::string y = "tensor<" + shapeString(result) + "f32>";
  const ConvGeometry &g = c.geometry;
  std::string source;
  llvm::raw_string_ostream os(source);
  os << "func.func @main(%x: " << x << ", %w: " << w;
  if (c.bias)
    os << ", %b: " << b;
  os << ") -> " << y << " {\n  %y = tconv."
     << (c.transposed ? "conv_transpose" : "conv") << " %x, %w"
     << (c.bias ? ", %b" : "") << " strides = " << arrayString(g.strides)
     << " pads = " << arrayString(g.onnxPads())
     << " dilations = " << arrayString(g.dilations);
  if (c.transposed)
    os << " output_padding = " << arrayString(g.outputPadding);
  os << " group = " << g.group << " : (" << x << ", " << w
     << (c.bias ? ", " + b : "") << ") -> " << y << "\n  return %y : " << y
     << "\n}\n";
  return source;
}

/// Row-major flat index of `index` in `shape`.
int64_t flatten(llvm::ArrayRef<int64_t> shape, llvm::ArrayRef<int64_t> index) {
  int64_t flat = 0;
  for (auto [size, i] : llvm::zip(shape, index))
    flat = flat * size + i;
  return flat;
}

/// Advances a multi-index over `shape`; false after the last one.
bool next(llvm::MutableArrayRef<int64_t> index, llvm::ArrayRef<int64_t> shape) {
  for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
    if (++index[d] < shape[d])
      return true;
    index[d] = 0;
  }
  return false;
}

/// y[n, m, o...] = bias[m] + sum over the input channels c of m's group and
/// taps k... of x[n, c, i...] * w, where for a convolution
/// i = o*s + k*d - padBegin, and for a transposed convolution i is the
/// input position with i*s + k*d - padBegin = o (the gather form).
HostTensor gather(const Case &c, llvm::ArrayRef<HostTensor> args) {
  const ConvGeometry &g = c.geometry;
  llvm::SmallVector<int64_t> shape = resultShape(c);
  HostTensor y(HostTensorType{ElementType::F64, shape});
  unsigned rank = g.numSpatialDims();
  int64_t inPerGroup = c.input[1] / g.group;
  int64_t outPerGroup = shape[1] / g.group;
  llvm::SmallVector<int64_t> kernel(c.filter.begin() + 2, c.filter.end());
  llvm::SmallVector<int64_t> o(shape.size(), 0);
  do {
    int64_t m = o[1], grp = m / outPerGroup;
    double sum = c.bias ? args[2].getValue(m) : 0.0;
    for (int64_t ci = 0; ci < inPerGroup; ++ci) {
      int64_t ch = grp * inPerGroup + ci;
      llvm::SmallVector<int64_t> k(rank, 0);
      do {
        llvm::SmallVector<int64_t> xi = {o[0], ch};
        bool valid = true;
        for (unsigned d = 0; d < rank; ++d) {
          int64_t i;
          if (c.transposed) {
            int64_t t = o[2 + d] + g.padsBegin[d] - k[d] * g.dilations[d];
            valid &= t >= 0 && t % g.strides[d] == 0;
            i = t / g.strides[d];
          } else {
            i = o[2 + d] * g.strides[d] + k[d] * g.dilations[d] -
                g.padsBegin[d];
          }
          valid &= i >= 0 && i < c.input[2 + d];
          xi.push_back(i);
        }
        if (!valid)
          continue;
        llvm::SmallVector<int64_t> wi =
            c.transposed ? llvm::SmallVector<int64_t>{ch, m % outPerGroup}
                         : llvm::SmallVector<int64_t>{m, ci};
        llvm::append_range(wi, k);
        sum += args[0].getValue(flatten(c.input, xi)) *
               args[1].getValue(flatten(c.filter, wi));
      } while (next(k, kernel));
    }
    y.setValue(flatten(shape, o), sum);
  } while (next(o, shape));
  return y;
}

/// gtest prints a failing case as its module.
void PrintTo(const Case &c, std::ostream *os) { *os << "\n" << caseSource(c); }

class AgainstGather : public ::testing::TestWithParam<Case> {};

TEST_P(AgainstGather, BothLoweringsMatch) {
  const Case &c = GetParam();
  std::string source = caseSource(c);
  // The reference, then the pipeline with the AVX2 and the AVX-512 schedule
  // (either runs on any x86-64 host), then with a remainder-heavy one.
  struct Variant {
    Lowering lowering;
    const char *pipelineOptions;
  };
  for (auto [lowering, pipelineOptions] :
       {Variant{Lowering::Reference, ""},
        Variant{Lowering::Pipeline, "vector-width=8 f-tile=16"},
        Variant{Lowering::Pipeline, "vector-width=16 f-tile=32"},
        Variant{Lowering::Pipeline, "ow-tile=3 c-tile=3 vector-width=4 "
                                    "f-tile=12"}}) {
    SCOPED_TRACE(pipelineOptions);
    RunnerOptions options;
    options.lowering = lowering;
    options.pipelineOptions = pipelineOptions;
    std::unique_ptr<Kernel> kernel = compileOrDie(source, options);
    ASSERT_TRUE(kernel) << source;
    llvm::SmallVector<HostTensor> args;
    for (auto [i, type] : llvm::enumerate(kernel->getSignature().arguments)) {
      args.emplace_back(type);
      fillUniform(args.back(), 100 + i);
    }
    auto results = kernel->run(args);
    ASSERT_TRUE(!!results) << llvm::toString(results.takeError());
    Comparison cmp = compareTensors((*results)[0], gather(c, args));
    EXPECT_EQ(cmp.nonFiniteMismatches, 0);
    EXPECT_LE(cmp.maxRelError, 1e-6)
        << (lowering == Lowering::Reference ? "reference" : "pipeline")
        << " at flat index " << cmp.worstIndex;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Geometries, AgainstGather,
    ::testing::Values(
        // Transposed: the seed, strides/pads/dilations/output padding/groups
        // in 1-3 dims, a stride larger than the kernel, pads that crop.
        Case{true,
             {1, 1, 2},
             {1, 1, 3},
             geometry({2}, {1, 1}, {1}, {0}, 1),
             false},
        Case{true,
             {2, 4, 5},
             {4, 3, 4},
             geometry({3}, {2, 0}, {2}, {2}, 2),
             true},
        Case{true,
             {1, 6, 3, 4},
             {6, 1, 3, 2},
             geometry({2, 3}, {0, 1, 1, 0}, {1, 2}, {1, 0}, 3),
             true},
        Case{true,
             {1, 2, 3, 3},
             {2, 2, 2, 2},
             geometry({3, 3}, {0, 0, 0, 0}, {1, 1}, {2, 1}, 1),
             true},
        Case{true,
             {1, 2, 4, 5},
             {2, 3, 3, 3},
             geometry({2, 2}, {3, 4, 3, 2}, {1, 1}, {0, 0}, 1),
             false},
        Case{true,
             {1, 2, 2, 3, 2},
             {2, 2, 2, 2, 3},
             geometry({2, 1, 2}, {1, 0, 0, 0, 1, 1}, {1, 2, 1}, {1, 0, 0}, 1),
             true},
        // Several blocks of output channels per group: the phases read a
        // blocked taps-first copy of the filter in place.
        Case{true,
             {1, 6, 5},
             {6, 64, 8},
             geometry({4}, {2, 1}, {1}, {1}, 1),
             true},
        Case{true,
             {1, 4, 3, 4},
             {4, 48, 3, 4},
             geometry({2, 2}, {1, 0, 1, 1}, {1, 1}, {0, 1}, 2),
             false},
        // Direct: strides, asymmetric pads, dilations, groups, 1-3 dims.
        Case{false,
             {1, 3, 9},
             {4, 3, 3},
             geometry({2}, {1, 2}, {2}, {0}, 1),
             true},
        Case{false,
             {2, 4, 7, 6},
             {6, 2, 3, 2},
             geometry({2, 1}, {1, 0, 2, 1}, {1, 3}, {0, 0}, 2),
             true},
        Case{false,
             {1, 2, 4, 5, 3},
             {2, 1, 2, 3, 2},
             geometry({1, 2, 1}, {0, 1, 1, 1, 0, 0}, {2, 1, 1}, {0, 0, 0}, 2),
             false}));

//===----------------------------------------------------------------------===//
// Comparison, tolerances, random inputs
//===----------------------------------------------------------------------===//

TEST(Comparison, MeasuresAbsoluteAndRelativeErrors) {
  HostTensor expected = makeTensor({4}, {1, -4, 2, 0});
  Comparison same = compareTensors(expected, expected);
  EXPECT_EQ(same.maxAbsError, 0);
  EXPECT_EQ(same.worstIndex, -1);
  EXPECT_EQ(same.expectedMagnitude, 4);

  HostTensor actual = makeTensor({4}, {1, -4.5, 2.25, 0});
  Comparison cmp = compareTensors(actual, expected);
  EXPECT_EQ(cmp.maxAbsError, 0.5);
  EXPECT_EQ(cmp.maxRelError, 0.125);
  EXPECT_EQ(cmp.worstIndex, 1);
  EXPECT_EQ(cmp.nonFiniteMismatches, 0);
}

TEST(Comparison, CountsNaNAndInfinityMismatches) {
  HostTensor expected = makeTensor({4}, {NAN, INFINITY, 1, -INFINITY});
  HostTensor same = makeTensor({4}, {NAN, INFINITY, 1, -INFINITY});
  EXPECT_EQ(compareTensors(same, expected).nonFiniteMismatches, 0);
  HostTensor actual = makeTensor({4}, {1, INFINITY, NAN, INFINITY});
  Comparison cmp = compareTensors(actual, expected);
  EXPECT_EQ(cmp.nonFiniteMismatches, 3);
  EXPECT_EQ(cmp.worstIndex, 0);
}

TEST(Comparison, ZeroReferenceMakesAnyErrorInfinitelyRelative) {
  HostTensor zeros = makeTensor({2}, {0, 0});
  EXPECT_EQ(compareTensors(zeros, zeros).maxRelError, 0);
  Comparison cmp = compareTensors(makeTensor({2}, {0, 1e-30}), zeros);
  EXPECT_TRUE(std::isinf(cmp.maxRelError));
}

TEST(Comparison, TolerancesFollowPrecisionAndReductionLength) {
  EXPECT_LT(getRelativeTolerance(ElementType::F64, 9),
            getRelativeTolerance(ElementType::F32, 9));
  EXPECT_LT(getRelativeTolerance(ElementType::F32, 9),
            getRelativeTolerance(ElementType::F16, 9));
  EXPECT_LT(getRelativeTolerance(ElementType::F16, 9),
            getRelativeTolerance(ElementType::BF16, 9));
  EXPECT_DOUBLE_EQ(getRelativeTolerance(ElementType::F32, 400),
                   20 * getRelativeTolerance(ElementType::F32, 1));
  EXPECT_EQ(getRelativeTolerance(ElementType::F32, 0),
            getRelativeTolerance(ElementType::F32, 1));
}

TEST(FillUniform, IsReproducibleAndInRange) {
  HostTensor a(HostTensorType{ElementType::F32, {1000}});
  HostTensor b(HostTensorType{ElementType::F32, {1000}});
  HostTensor c(HostTensorType{ElementType::F32, {1000}});
  fillUniform(a, 5);
  fillUniform(b, 5);
  fillUniform(c, 6);
  EXPECT_EQ(a.bytes(), b.bytes());
  EXPECT_NE(a.bytes(), c.bytes());
  double minValue = 1, maxValue = -1;
  for (int64_t i = 0; i < 1000; ++i) {
    minValue = std::min(minValue, a.getValue(i));
    maxValue = std::max(maxValue, a.getValue(i));
  }
  EXPECT_GE(minValue, -1.0);
  EXPECT_LT(maxValue, 1.0);
  EXPECT_LT(minValue, -0.9);
  EXPECT_GT(maxValue, 0.9);
}

} // namespace
