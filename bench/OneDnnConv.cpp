//===- OneDnnConv.cpp - oneDNN contenders of tconv-bench -----------------===//
//
// Built with exceptions: dnnl.hpp reports errors by throwing dnnl::error
// (it traps otherwise). Every exception is turned into an llvm::Error here.
//
//===----------------------------------------------------------------------===//

#include "OneDnnConv.h"

#include "oneapi/dnnl/dnnl.hpp"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <cstring>
#include <dlfcn.h>
#include <unordered_map>

using namespace tconv::bench;
using dnnl::memory;

namespace {
memory::format_tag plainDataTag(unsigned rank) {
  switch (rank) {
  case 3:
    return memory::format_tag::ncw;
  case 4:
    return memory::format_tag::nchw;
  default:
    return memory::format_tag::ncdhw;
  }
}

/// Out-major weights: oi*, or goi* when grouped.
memory::format_tag outMajorWeightsTag(unsigned rank, bool grouped) {
  switch (rank) {
  case 3:
    return grouped ? memory::format_tag::goiw : memory::format_tag::oiw;
  case 4:
    return grouped ? memory::format_tag::goihw : memory::format_tag::oihw;
  default:
    return grouped ? memory::format_tag::goidhw : memory::format_tag::oidhw;
  }
}

/// In-major weights: io*, or gio* when grouped. For a transposed
/// convolution this is the ONNX filter C x M/g x k as it is.
memory::format_tag inMajorWeightsTag(unsigned rank, bool grouped) {
  switch (rank) {
  case 3:
    return grouped ? memory::format_tag::acbd : memory::format_tag::bac;
  case 4:
    return grouped ? memory::format_tag::giohw : memory::format_tag::iohw;
  default:
    return grouped ? memory::format_tag::giodhw : memory::format_tag::iodhw;
  }
}

memory::dims toDims(llvm::ArrayRef<int64_t> values) {
  return memory::dims(values.begin(), values.end());
}

/// Repacks a transposed-convolution filter C x M/g x k into oneDNN's
/// out-major order: W[g][m][c][k] = F[g * C/g + c][m][k].
std::vector<float> outMajorDeconvWeights(const ConvProblem &p,
                                         const std::vector<float> &filter) {
  int64_t groups = p.geometry.group;
  int64_t inPerGroup = p.filterShape[0] / groups;
  int64_t outPerGroup = p.filterShape[1];
  int64_t taps = 1;
  for (int64_t k : llvm::drop_begin(p.filterShape, 2))
    taps *= k;
  std::vector<float> w(filter.size());
  for (int64_t g = 0; g < groups; ++g)
    for (int64_t m = 0; m < outPerGroup; ++m)
      for (int64_t c = 0; c < inPerGroup; ++c)
        std::memcpy(&w[((g * outPerGroup + m) * inPerGroup + c) * taps],
                    &filter[((g * inPerGroup + c) * outPerGroup + m) * taps],
                    taps * sizeof(float));
  return w;
}

memory::dims oneDnnWeightsDims(const ConvProblem &p) {
  int64_t groups = p.geometry.group;
  int64_t outChannels = p.resultShape()[1];
  int64_t inChannels = p.inputShape[1];
  memory::dims dims;
  if (groups > 1)
    dims = {groups, outChannels / groups, inChannels / groups};
  else
    dims = {outChannels, inChannels};
  for (int64_t k : llvm::drop_begin(p.filterShape, 2))
    dims.push_back(k);
  return dims;
}

void copyIn(const memory &m, const std::vector<float> &values) {
  std::memcpy(m.get_data_handle(), values.data(),
              values.size() * sizeof(float));
}
} // namespace

struct OneDnnConv::State {
  dnnl::engine engine{dnnl::engine::kind::cpu, 0};
  dnnl::stream stream{engine};
  dnnl::primitive primitive;
  std::unordered_map<int, memory> args;
  /// The destination as the primitive writes it, and as a user reads it.
  memory dst;
  memory::desc plainDst;
  size_t resultSize = 0;
};

OneDnnConv::OneDnnConv(std::unique_ptr<State> state, std::string impl)
    : state(std::move(state)), impl(std::move(impl)) {}

OneDnnConv::~OneDnnConv() = default;

llvm::Expected<std::unique_ptr<OneDnnConv>>
OneDnnConv::create(const ConvProblem &p, Layout layout,
                   DeconvWeights weights, const std::vector<float> &input,
                   const std::vector<float> &filter, bool bf16) {
  const mlir::tconv::ConvGeometry &g = p.geometry;
  memory::dims strides = toDims(g.strides), padL = toDims(g.padsBegin);
  memory::dims padR = toDims(g.padsEnd), dilations;
  for (int64_t d : g.dilations)
    dilations.push_back(d - 1); // oneDNN counts the holes, ONNX the step.
  if (p.isTransposed()) {
    // oneDNN has no output_padding: extra output rows are negative right
    // padding.
    for (auto [pad, extra] : llvm::zip_equal(padR, g.outputPadding)) {
      pad -= extra;
      if (pad < 0)
        return llvm::createStringError(
            "oneDNN cannot express problem " + p.id +
            ": output_padding exceeds the end padding");
    }
  }

  unsigned rank = p.inputShape.size();
  llvm::SmallVector<int64_t> resultShape = p.resultShape();
  bool blocked = layout == Layout::Blocked || bf16;
  auto any = memory::format_tag::any;
  // Operands enter and the result leaves through f32 NCHW memories.
  auto type = bf16 ? memory::data_type::bf16 : memory::data_type::f32;
  memory::desc srcPlain(toDims(p.inputShape), memory::data_type::f32,
                        plainDataTag(rank));
  memory::desc dstPlain(toDims(resultShape), memory::data_type::f32,
                        plainDataTag(rank));
  // oneDNN's logical weight dims are out x in (M x C/g x k, after a group
  // dim) for both primitives. A convolution filter is stored that way; a
  // transposed-convolution filter C x M/g x k is the in-major layout.
  bool grouped = g.group > 1;
  bool repack = p.isTransposed() && weights == DeconvWeights::OutMajor;
  memory::desc weightsPlain(oneDnnWeightsDims(p), memory::data_type::f32,
                            p.isTransposed() && !repack
                                ? inMajorWeightsTag(rank, grouped)
                                : outMajorWeightsTag(rank, grouped));
  memory::desc srcMd =
      blocked ? memory::desc(srcPlain.dims(), type, any) : srcPlain;
  memory::desc dstMd =
      blocked ? memory::desc(dstPlain.dims(), type, any) : dstPlain;
  memory::desc weightsMd =
      blocked ? memory::desc(weightsPlain.dims(), type, any) : weightsPlain;

  try {
    auto state = std::make_unique<State>();
    dnnl::engine &engine = state->engine;
    memory::desc srcDesc, weightsDesc, dstDesc;
    std::string impl;
    // Both primitives take the same descriptor arguments.
    auto create = [&](auto primitive, dnnl::algorithm algorithm) {
      using Primitive = decltype(primitive);
      typename Primitive::desc desc(dnnl::prop_kind::forward_inference,
                                    algorithm, srcMd, weightsMd, dstMd,
                                    strides, dilations, padL, padR);
      typename Primitive::primitive_desc pd(desc, engine);
      state->primitive = Primitive(pd);
      srcDesc = pd.src_desc();
      weightsDesc = pd.weights_desc();
      dstDesc = pd.dst_desc();
      impl = pd.impl_info_str();
    };
    if (p.isTransposed())
      create(dnnl::deconvolution_forward(),
             dnnl::algorithm::deconvolution_direct);
    else
      create(dnnl::convolution_forward(), dnnl::algorithm::convolution_direct);

    // Operands go in through plain memories and, when oneDNN chose other
    // layouts, one reorder each, here and not in the timed call.
    auto place = [&](const memory::desc &plainDesc, const memory::desc &desc,
                     const std::vector<float> &values) {
      memory plain(plainDesc, engine);
      copyIn(plain, values);
      if (desc == plainDesc)
        return plain;
      memory converted(desc, engine);
      dnnl::reorder(plain, converted).execute(state->stream, plain, converted);
      state->stream.wait();
      return converted;
    };
    state->args[DNNL_ARG_SRC] = place(srcPlain, srcDesc, input);
    state->args[DNNL_ARG_WEIGHTS] =
        place(weightsPlain, weightsDesc,
              repack ? outMajorDeconvWeights(p, filter) : filter);
    state->dst = memory(dstDesc, engine);
    state->args[DNNL_ARG_DST] = state->dst;
    state->plainDst = dstPlain;
    state->resultSize = dstPlain.get_size() / sizeof(float);
    return std::unique_ptr<OneDnnConv>(
        new OneDnnConv(std::move(state), std::move(impl)));
  } catch (const dnnl::error &e) {
    return llvm::createStringError(llvm::formatv(
        "oneDNN rejected problem {0} ({1} layout): {2} (status {3})", p.id,
        blocked ? "blocked" : "plain", e.what(), static_cast<int>(e.status)));
  }
}

void OneDnnConv::run() {
  state->primitive.execute(state->stream, state->args);
  state->stream.wait();
}

llvm::Expected<std::vector<float>> OneDnnConv::result() {
  try {
    memory plain = state->dst;
    if (!(state->dst.get_desc() == state->plainDst)) {
      plain = memory(state->plainDst, state->engine);
      dnnl::reorder(state->dst, plain)
          .execute(state->stream, state->dst, plain);
      state->stream.wait();
    }
    const float *data = static_cast<const float *>(plain.get_data_handle());
    return std::vector<float>(data, data + state->resultSize);
  } catch (const dnnl::error &e) {
    return llvm::createStringError(
        llvm::formatv("oneDNN failed to read a result: {0}", e.what()));
  }
}

//===----------------------------------------------------------------------===//
// Threads
//===----------------------------------------------------------------------===//

namespace {
/// The OpenMP entry points oneDNN binds to: the global-scope definitions,
/// which the dynamic linker also gave libdnnl.
struct OpenMP {
  void (*setNumThreads)(int) = nullptr;
  int (*getMaxThreads)() = nullptr;
  std::string library;

  static const OpenMP &get() {
    static const OpenMP omp = [] {
      OpenMP o;
      o.setNumThreads = reinterpret_cast<void (*)(int)>(
          dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
      o.getMaxThreads = reinterpret_cast<int (*)()>(
          dlsym(RTLD_DEFAULT, "omp_get_max_threads"));
      Dl_info info;
      if (o.setNumThreads &&
          dladdr(reinterpret_cast<void *>(o.setNumThreads), &info) &&
          info.dli_fname)
        o.library = info.dli_fname;
      return o;
    }();
    return omp;
  }
};
} // namespace

llvm::Error tconv::bench::setOneDnnThreads(int threads) {
  const OpenMP &omp = OpenMP::get();
  if (dnnl::version()->cpu_runtime != DNNL_RUNTIME_OMP)
    return llvm::createStringError(
        "this oneDNN does not use OpenMP; tconv-bench cannot set its threads");
  if (!omp.setNumThreads || !omp.getMaxThreads)
    return llvm::createStringError(
        "omp_set_num_threads is not loaded although oneDNN uses OpenMP");
  omp.setNumThreads(threads);
  if (omp.getMaxThreads() != threads)
    return llvm::createStringError(llvm::formatv(
        "asked {0} for {1} threads, it reports {2}", omp.library, threads,
        omp.getMaxThreads()));
  return llvm::Error::success();
}

std::string tconv::bench::oneDnnDescription() {
  const dnnl::version_t *v = dnnl::version();
  std::string runtime = v->cpu_runtime == DNNL_RUNTIME_OMP ? "OpenMP"
                        : v->cpu_runtime == DNNL_RUNTIME_TBB ? "TBB"
                                                             : "other";
  const OpenMP &omp = OpenMP::get();
  if (!omp.library.empty())
    runtime += " (" + omp.library + ")";
  return llvm::formatv("oneDNN {0}.{1}.{2} (commit {3}), CPU runtime {4}",
                       v->major, v->minor, v->patch, v->hash, runtime);
}
