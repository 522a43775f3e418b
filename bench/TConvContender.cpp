//===- TConvContender.cpp - tconv's compiled kernel in tconv-bench -------===//

#include "TConvContender.h"

#include "tconv/Runner/Runner.h"
#include "tconv/Support/FloatConversions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cstring>
#include <dlfcn.h>
#include <optional>

using namespace tconv::bench;
using mlir::tconv::ElementType;
using mlir::tconv::HostTensor;
using mlir::tconv::HostTensorType;
using mlir::tconv::Kernel;

struct TConvContender::State {
  std::unique_ptr<Kernel> kernel;
  llvm::SmallVector<HostTensor> arguments;
  llvm::SmallVector<HostTensor> results;
  std::optional<Kernel::BoundCall> call;
  TConvVariant variant;
  /// The form's operand layouts and what it is, for a form.
  std::optional<UpstreamModel> model;
  int threads = 0;
};

TConvContender::TConvContender(std::unique_ptr<State> state)
    : state(std::move(state)) {}

TConvContender::~TConvContender() = default;

static HostTensor makeTensor(llvm::ArrayRef<int64_t> shape,
                             const std::vector<float> &values, bool bf16) {
  HostTensorType type;
  type.elementType = bf16 ? ElementType::BF16 : ElementType::F32;
  type.shape.assign(shape.begin(), shape.end());
  HostTensor tensor(type);
  if (!bf16) {
    std::memcpy(tensor.data(), values.data(), tensor.getSizeInBytes());
    return tensor;
  }
  auto *bits = static_cast<uint16_t *>(tensor.data());
  for (size_t i = 0; i < values.size(); ++i)
    bits[i] = mlir::tconv::floatToBfloat16Bits(values[i]);
  return tensor;
}

llvm::Expected<std::unique_ptr<TConvContender>>
TConvContender::create(const ConvProblem &problem, const TConvVariant &variant,
                       llvm::StringRef pipelineOptions, int threads,
                       const std::vector<float> &input,
                       const std::vector<float> &filter) {
  auto state = std::make_unique<State>();
  std::string source;
  if (variant.form) {
    state->model = buildUpstreamModel(problem, *variant.form);
    if (!state->model)
      return llvm::createStringError(
          llvm::Twine(upstreamFormName(*variant.form)) +
          " cannot write this problem");
    source = state->model->source;
  } else {
    auto module = problem.buildModule(
        variant.constantFilter ? llvm::ArrayRef<float>(filter)
                               : llvm::ArrayRef<float>(),
        variant.dynamicBatch, variant.bf16);
    if (!module)
      return module.takeError();
    source = std::move(*module);
  }
  mlir::tconv::RunnerOptions options;
  options.entry = kEntryName.str();
  options.transposeStrategy = variant.strategy;
  options.pipelineOptions = pipelineOptions.str();
  options.threads = threads;
  auto kernel = Kernel::compile(source, problem.id + ".mlir", options);
  if (!kernel)
    return kernel.takeError();

  state->kernel = std::move(*kernel);
  state->variant = variant;
  state->threads = threads;
  if (state->model) {
    const UpstreamModel &m = *state->model;
    state->arguments.push_back(makeTensor(
        m.input.shape, toFormLayout(input, problem.inputShape, m.input),
        /*bf16=*/false));
    state->arguments.push_back(makeTensor(
        m.filter.shape, toFormLayout(filter, problem.filterShape, m.filter),
        /*bf16=*/false));
  } else {
    state->arguments.push_back(
        makeTensor(problem.inputShape, input, variant.bf16));
    if (!variant.constantFilter)
      state->arguments.push_back(
          makeTensor(problem.filterShape, filter, variant.bf16));
  }
  state->results = state->kernel->allocateResults(problem.inputShape[0]);
  // bind() checks the arguments and results against the entry's signature.
  auto call = state->kernel->bind(state->arguments, state->results);
  if (!call)
    return call.takeError();
  state->call.emplace(std::move(*call));
  return std::unique_ptr<TConvContender>(new TConvContender(std::move(state)));
}

void TConvContender::run() { (*state->call)(); }

llvm::Expected<std::vector<float>> TConvContender::result() {
  const HostTensor &r = state->results.front();
  if (state->variant.bf16) {
    const auto *bits = static_cast<const uint16_t *>(r.data());
    std::vector<float> values(r.getNumElements());
    for (size_t i = 0; i < values.size(); ++i)
      values[i] = mlir::tconv::bfloat16BitsToFloat(bits[i]);
    return values;
  }
  const float *data = static_cast<const float *>(r.data());
  std::vector<float> values(data, data + r.getNumElements());
  if (state->model)
    return fromFormLayout(values, state->model->result);
  return values;
}

std::string TConvContender::description() const {
  const TConvVariant &v = state->variant;
  std::string what;
  if (state->model) {
    // A form left to upstream's lowering is not the tconv op's speed.
    const mlir::tconv::ConvolutionCounts &counts =
        state->kernel->getConvolutionCounts();
    what = state->model->description +
           (counts.notRaised ? ", NOT raised: " +
                                   llvm::join(counts.whyNotRaised, "; ")
                             : ", raised to tconv") +
           ", ";
  }
  return llvm::formatv(
      "{0}{1}strategy {2}{3}{4}, compiled in {5:f0} ms", what,
      v.bf16 ? "bf16, " : "", v.strategy,
      v.constantFilter ? ", constant filter" : "",
      v.dynamicBatch ? ", dynamic batch" : "",
      state->kernel->getCompileMillis());
}

int64_t TConvContender::workspaceBytes() const {
  return state->kernel->getWorkspaceBytes();
}

std::string TConvContender::runtimeInfo() {
  // The runner loads libomp when it compiles the first kernel.
  std::string library = "not loaded yet";
  Dl_info info;
  if (void *fork = dlsym(RTLD_DEFAULT, "__kmpc_fork_call");
      fork && dladdr(fork, &info) && info.dli_fname)
    library = info.dli_fname;
  return "tconv: TConvRunner JIT (--tconv-lower-to-llvm, host CPU), OpenMP "
         "runtime " +
         library;
}
