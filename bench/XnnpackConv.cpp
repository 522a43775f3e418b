//===- XnnpackConv.cpp - XNNPACK contender of tconv-bench ----------------===//

#include "XnnpackConv.h"
#include "UpstreamForms.h"

#include "llvm/Support/FormatVariadic.h"

#include <limits>
#include <xnnpack.h>

using namespace tconv::bench;

struct XnnpackConv::State {
  xnn_operator_t op = nullptr;
  pthreadpool_t pool = nullptr;
  int threads = 1;
  std::vector<float> input, filter, result; // NHWC, XNNPACK's OHWI
  OperandLayout resultLayout;

  ~State() {
    if (op)
      xnn_delete_operator(op);
    if (pool)
      pthreadpool_destroy(pool);
  }
};

XnnpackConv::XnnpackConv(std::unique_ptr<State> state)
    : state(std::move(state)) {}
XnnpackConv::~XnnpackConv() = default;

bool XnnpackConv::supports(const ConvProblem &problem) {
  return problem.numSpatialDims() == 2;
}

static llvm::Error xnnError(llvm::StringRef what, xnn_status status) {
  return llvm::createStringError(
      llvm::formatv("XNNPACK {0} failed (xnn_status {1})", what, int(status)));
}

llvm::Expected<std::unique_ptr<XnnpackConv>>
XnnpackConv::create(const ConvProblem &p, int threads,
                    const std::vector<float> &input,
                    const std::vector<float> &filter) {
  if (!supports(p))
    return llvm::createStringError("XNNPACK has 2-D operators only");
  // Repeated initialization is allowed and cheap.
  if (xnn_status s = xnn_initialize(nullptr); s != xnn_status_success)
    return xnnError("initialization", s);

  const mlir::tconv::ConvGeometry &g = p.geometry;
  llvm::ArrayRef<int64_t> in = p.inputShape, w = p.filterShape;
  llvm::SmallVector<int64_t> out = p.resultShape();
  int64_t groups = g.group;
  auto state = std::make_unique<State>();
  state->input = toFormLayout(input, in, {{}, {0, 2, 3, 1}});
  state->resultLayout = {{out[0], out[2], out[3], out[1]}, {0, 2, 3, 1}};
  state->result.assign(out[0] * out[1] * out[2] * out[3], 0.0f);
  state->threads = threads;
  if (threads > 1 && !(state->pool = pthreadpool_create(threads)))
    return llvm::createStringError("cannot create XNNPACK's thread pool");

  // Both operators take the filter as [groups][out/g][kh][kw][in/g].
  constexpr float lo = -std::numeric_limits<float>::infinity();
  constexpr float hi = std::numeric_limits<float>::infinity();
  xnn_status status;
  if (p.isTransposed()) {
    // The ONNX filter C x M/g x kh x kw is [g][C/g][M/g][kh][kw].
    state->filter = toFormLayout(
        filter, {groups, w[0] / groups, w[1], w[2], w[3]}, {{}, {0, 2, 3, 4, 1}});
    status = xnn_create_deconvolution2d_nhwc_f32(
        g.padsBegin[0], g.padsEnd[1], g.padsEnd[0], g.padsBegin[1], w[2], w[3],
        g.strides[0], g.strides[1], g.dilations[0], g.dilations[1], groups,
        w[0] / groups, w[1], in[1], out[1], state->filter.data(),
        /*bias=*/nullptr, lo, hi, /*flags=*/0, &state->op);
  } else {
    state->filter = toFormLayout(filter, w, {{}, {0, 2, 3, 1}});
    status = xnn_create_convolution2d_nhwc_f32(
        g.padsBegin[0], g.padsEnd[1], g.padsEnd[0], g.padsBegin[1], w[2], w[3],
        g.strides[0], g.strides[1], g.dilations[0], g.dilations[1], groups,
        w[1], w[0] / groups, in[1], out[1], state->filter.data(),
        /*bias=*/nullptr, lo, hi, /*flags=*/0, &state->op);
  }
  if (status != xnn_status_success)
    return xnnError("operator creation", status);
  status = p.isTransposed()
               ? xnn_setup_deconvolution2d_nhwc_f32(
                     state->op, in[0], in[2], in[3], g.outputPadding[0],
                     g.outputPadding[1], state->input.data(),
                     state->result.data(), state->pool)
               : xnn_setup_convolution2d_nhwc_f32(
                     state->op, in[0], in[2], in[3], state->input.data(),
                     state->result.data(), state->pool);
  if (status != xnn_status_success)
    return xnnError("operator setup", status);
  return std::unique_ptr<XnnpackConv>(new XnnpackConv(std::move(state)));
}

llvm::Error XnnpackConv::acquireThreads() {
  if (state->threads > 1 && !state->pool &&
      !(state->pool = pthreadpool_create(state->threads)))
    return llvm::createStringError("cannot create XNNPACK's thread pool");
  return llvm::Error::success();
}

void XnnpackConv::releaseThreads() {
  if (state->pool)
    pthreadpool_destroy(state->pool);
  state->pool = nullptr;
}

void XnnpackConv::run() { xnn_run_operator(state->op, state->pool); }

llvm::Expected<std::vector<float>> XnnpackConv::result() {
  return fromFormLayout(state->result, state->resultLayout);
}
