//===- TConvContender.cpp - tconv's compiled kernel in tconv-bench -------===//

#include "TConvContender.h"

#include "tconv/Runner/Runner.h"
#include "tconv/Support/FloatConversions.h"

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
  std::string strategy;
  bool constantFilter = false;
  bool bf16 = false;
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
TConvContender::create(const ConvProblem &problem, llvm::StringRef strategy,
                       llvm::StringRef pipelineOptions, int threads,
                       const std::vector<float> &input,
                       const std::vector<float> &filter, bool constantFilter,
                       bool bf16) {
  auto module = problem.buildModule(
      constantFilter ? llvm::ArrayRef<float>(filter) : llvm::ArrayRef<float>(),
      bf16);
  if (!module)
    return module.takeError();
  mlir::tconv::RunnerOptions options;
  options.entry = kEntryName.str();
  options.transposeStrategy = strategy.str();
  options.pipelineOptions = pipelineOptions.str();
  options.threads = threads;
  auto kernel = Kernel::compile(*module, problem.id + ".mlir", options);
  if (!kernel)
    return kernel.takeError();

  auto state = std::make_unique<State>();
  state->kernel = std::move(*kernel);
  state->strategy = strategy.str();
  state->constantFilter = constantFilter;
  state->bf16 = bf16;
  state->threads = threads;
  state->arguments.push_back(makeTensor(problem.inputShape, input, bf16));
  if (!constantFilter)
    state->arguments.push_back(makeTensor(problem.filterShape, filter, bf16));
  state->results = state->kernel->allocateResults();
  // bind() checks the arguments and results against the entry's signature.
  auto call = state->kernel->bind(state->arguments, state->results);
  if (!call)
    return call.takeError();
  state->call.emplace(std::move(*call));
  return std::unique_ptr<TConvContender>(new TConvContender(std::move(state)));
}

llvm::Error TConvContender::enter() {
  // The bound call sets its thread count on every call.
  return llvm::Error::success();
}

void TConvContender::run() { (*state->call)(); }

llvm::Expected<std::vector<float>> TConvContender::result() {
  const HostTensor &r = state->results.front();
  if (state->bf16) {
    const auto *bits = static_cast<const uint16_t *>(r.data());
    std::vector<float> values(r.getNumElements());
    for (size_t i = 0; i < values.size(); ++i)
      values[i] = mlir::tconv::bfloat16BitsToFloat(bits[i]);
    return values;
  }
  const float *data = static_cast<const float *>(r.data());
  return std::vector<float>(data, data + r.getNumElements());
}

std::string TConvContender::description() const {
  return llvm::formatv("{0}strategy {1}{2}, compiled in {3:f0} ms",
                       state->bf16 ? "bf16, " : "", state->strategy,
                       state->constantFilter ? ", constant filter" : "",
                       state->kernel->getCompileMillis());
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
