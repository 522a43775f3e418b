//===- UpstreamForms.cpp - A problem as other MLIR frontends write it ----===//
//
// The modules are written as text, in the forms of bench/upstream-forms/*.mlir
// (the hand-written C2 and T2 examples), for any 2-D problem they can hold.
//
//===----------------------------------------------------------------------===//

#include "UpstreamForms.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

using namespace tconv::bench;

static constexpr UpstreamForm kForms[] = {
    UpstreamForm::Tosa, UpstreamForm::NhwcFhwc, UpstreamForm::Ngchw,
    UpstreamForm::ZeroInsert};

llvm::ArrayRef<UpstreamForm> tconv::bench::allUpstreamForms() { return kForms; }

llvm::StringRef tconv::bench::upstreamFormName(UpstreamForm form) {
  switch (form) {
  case UpstreamForm::Tosa:
    return "tosa";
  case UpstreamForm::NhwcFhwc:
    return "nhwc_fhwc";
  case UpstreamForm::Ngchw:
    return "ngchw";
  case UpstreamForm::ZeroInsert:
    return "zero-insert";
  }
  llvm_unreachable("unknown form");
}

std::optional<UpstreamForm>
tconv::bench::parseUpstreamForm(llvm::StringRef name) {
  for (UpstreamForm form : kForms)
    if (upstreamFormName(form) == name)
      return form;
  return std::nullopt;
}

/// "1x64x56x56xf32".
static std::string tensorType(llvm::ArrayRef<int64_t> shape) {
  std::string s = "tensor<";
  for (int64_t d : shape)
    s += std::to_string(d) + "x";
  return s + "f32>";
}

static std::string i64List(llvm::ArrayRef<int64_t> values) {
  return llvm::join(llvm::map_range(values,
                                    [](int64_t v) { return std::to_string(v); }),
                    ", ");
}

static llvm::SmallVector<int64_t> permuted(llvm::ArrayRef<int64_t> shape,
                                           llvm::ArrayRef<int64_t> perm) {
  return llvm::to_vector(
      llvm::map_range(perm, [&](int64_t d) { return shape[d]; }));
}

/// `func.func @main(%x: X, %w: W) -> Y {` and the zero constant.
static void header(llvm::raw_ostream &os, const UpstreamModel &m) {
  os << "func.func @main(%x: " << tensorType(m.input.shape)
     << ", %w: " << tensorType(m.filter.shape)
     << ") -> " << tensorType(m.result.shape) << " {\n"
     << "  %cst = arith.constant 0.0 : f32\n";
}

/// %p: %x padded with zeros, low/high pads per dim.
static void pad(llvm::raw_ostream &os, llvm::ArrayRef<int64_t> shape,
                llvm::ArrayRef<int64_t> low, llvm::ArrayRef<int64_t> high) {
  llvm::SmallVector<int64_t> padded;
  std::string blockArgs;
  for (size_t i = 0; i < shape.size(); ++i) {
    padded.push_back(shape[i] + low[i] + high[i]);
    blockArgs += llvm::formatv("{0}%i{1}: index", i ? ", " : "", i).str();
  }
  os << llvm::formatv("  %p = tensor.pad %x low[{0}] high[{1}] {{ ^bb0({2}): "
                      "tensor.yield %cst : f32 } : {3} to {4}\n",
                      i64List(low), i64List(high), blockArgs,
                      tensorType(shape), tensorType(padded));
}

/// %f: a zero-filled tensor of `shape` named `name`.
static void zeros(llvm::raw_ostream &os, llvm::StringRef name,
                  llvm::ArrayRef<int64_t> shape) {
  std::string type = tensorType(shape);
  os << llvm::formatv("  %{0}e = tensor.empty() : {1}\n"
                      "  %{0} = linalg.fill ins(%cst : f32) outs(%{0}e : {1}) "
                      "-> {1}\n",
                      name, type);
}

static std::string denseI64(llvm::ArrayRef<int64_t> values) {
  return llvm::formatv("dense<[{0}]> : tensor<{1}xi64>", i64List(values),
                       values.size());
}

static std::optional<UpstreamModel> tosaModel(const ConvProblem &p) {
  const mlir::tconv::ConvGeometry &g = p.geometry;
  llvm::ArrayRef<int64_t> in = p.inputShape, w = p.filterShape;
  llvm::SmallVector<int64_t> out = p.resultShape();
  UpstreamModel m;
  m.input = {permuted(in, {0, 2, 3, 1}), {0, 2, 3, 1}};
  m.result = {permuted(out, {0, 2, 3, 1}), {0, 2, 3, 1}};
  std::string attrs;
  llvm::StringRef op;
  if (p.isTransposed()) {
    // out_pad adds to the uncropped (k - 1 + stride * (in - 1) + 1) size;
    // TOSA needs it above -k and has no dilation.
    llvm::SmallVector<int64_t> outPad;
    for (unsigned i = 0; i < 2; ++i) {
      outPad.push_back(-g.padsBegin[i]);
      outPad.push_back(g.outputPadding[i] - g.padsEnd[i]);
      if (g.dilations[i] != 1 || outPad[2 * i] <= -w[2 + i] ||
          outPad[2 * i + 1] <= -w[2 + i])
        return std::nullopt;
    }
    op = "tosa.transpose_conv2d";
    m.filter = {permuted(w, {1, 2, 3, 0}), {1, 2, 3, 0}};
    attrs = llvm::formatv("out_pad = array<i64: {0}>, stride = array<i64: "
                          "{1}>",
                          i64List(outPad), i64List(g.strides));
  } else {
    // TOSA wants the strided extent to divide exactly.
    llvm::SmallVector<int64_t> pads;
    for (unsigned i = 0; i < 2; ++i) {
      pads.push_back(g.padsBegin[i]);
      pads.push_back(g.padsEnd[i]);
      int64_t span = in[2 + i] - 1 + g.padsBegin[i] + g.padsEnd[i] -
                     (w[2 + i] - 1) * g.dilations[i];
      if (span % g.strides[i] != 0)
        return std::nullopt;
    }
    op = "tosa.conv2d";
    m.filter = {permuted(w, {0, 2, 3, 1}), {0, 2, 3, 1}};
    attrs = llvm::formatv("dilation = array<i64: {0}>, pad = array<i64: {1}>, "
                          "stride = array<i64: {2}>",
                          i64List(g.dilations), i64List(pads),
                          i64List(g.strides));
  }
  int64_t channels = out[1];
  m.description = (op + ", NHWC input and result, " +
                   (p.isTransposed() ? "MHWC" : "OHWI") + " filter")
                      .str();
  llvm::raw_string_ostream os(m.source);
  os << "func.func @main(%x: " << tensorType(m.input.shape)
     << ", %w: " << tensorType(m.filter.shape)
     << ") -> " << tensorType(m.result.shape) << " {\n";
  os << "  %zp = \"tosa.const\"() <{values = dense<0.0> : tensor<1xf32>}> : "
        "() -> tensor<1xf32>\n";
  os << llvm::formatv("  %b = \"tosa.const\"() <{{values = dense<0.0> : "
                      "tensor<{0}xf32>}> : () -> tensor<{0}xf32>\n",
                      channels);
  os << llvm::formatv("  %y = {0} %x, %w, %b, %zp, %zp {{acc_type = f32, {1}} "
                      ": ({2}, {3}, tensor<{4}xf32>, tensor<1xf32>, "
                      "tensor<1xf32>) -> {5}\n",
                      op, attrs, tensorType(m.input.shape),
                      tensorType(m.filter.shape), channels,
                      tensorType(m.result.shape));
  os << "  return %y : " << tensorType(m.result.shape) << "\n}\n";
  return m;
}

/// tensor.pad and a linalg convolution in NHWC/FHWC or NGCHW/GFCHW.
static std::optional<UpstreamModel> linalgModel(const ConvProblem &p,
                                                bool nhwc) {
  const mlir::tconv::ConvGeometry &g = p.geometry;
  llvm::ArrayRef<int64_t> in = p.inputShape, w = p.filterShape;
  llvm::SmallVector<int64_t> out = p.resultShape();
  UpstreamModel m;
  llvm::SmallVector<int64_t> low, high;
  if (nhwc) {
    if (g.group != 1)
      return std::nullopt;
    m.input = {permuted(in, {0, 2, 3, 1}), {0, 2, 3, 1}};
    m.filter = {permuted(w, {0, 2, 3, 1}), {0, 2, 3, 1}};
    m.result = {permuted(out, {0, 2, 3, 1}), {0, 2, 3, 1}};
    low = {0, g.padsBegin[0], g.padsBegin[1], 0};
    high = {0, g.padsEnd[0], g.padsEnd[1], 0};
    m.description = "tensor.pad + linalg.conv_2d_nhwc_fhwc, NHWC input and "
                    "result, FHWC filter";
  } else {
    int64_t groups = g.group;
    // The NCHW tensors and the filter are already these shapes in memory.
    m.input = {{in[0], groups, in[1] / groups, in[2], in[3]}, {}};
    m.filter = {{groups, w[0] / groups, w[1], w[2], w[3]}, {}};
    m.result = {{out[0], groups, out[1] / groups, out[2], out[3]}, {}};
    low = {0, 0, 0, g.padsBegin[0], g.padsBegin[1]};
    high = {0, 0, 0, g.padsEnd[0], g.padsEnd[1]};
    m.description = "tensor.pad + linalg.conv_2d_ngchw_gfchw, the NCHW "
                    "tensors and the filter seen as NGCHW and GFCHW";
  }
  llvm::raw_string_ostream os(m.source);
  header(os, m);
  pad(os, m.input.shape, low, high);
  zeros(os, "f", m.result.shape);
  llvm::SmallVector<int64_t> padded;
  for (size_t i = 0; i < low.size(); ++i)
    padded.push_back(m.input.shape[i] + low[i] + high[i]);
  os << llvm::formatv("  %y = linalg.conv_2d_{0} {{dilations = {1}, strides = "
                      "{2}} ins(%p, %w : {3}, {4}) outs(%f : {5}) -> {5}\n",
                      nhwc ? "nhwc_fhwc" : "ngchw_gfchw",
                      denseI64(g.dilations), denseI64(g.strides),
                      tensorType(padded), tensorType(m.filter.shape),
                      tensorType(m.result.shape));
  os << "  return %y : " << tensorType(m.result.shape) << "\n}\n";
  return m;
}

/// torch-mlir's transposed convolution: the input inserted with strides
/// into zeros, the filter flipped and transposed by a linalg.generic, then
/// a stride-1 linalg.conv_2d_nchw_fchw.
static std::optional<UpstreamModel> zeroInsertModel(const ConvProblem &p) {
  const mlir::tconv::ConvGeometry &g = p.geometry;
  llvm::ArrayRef<int64_t> in = p.inputShape, w = p.filterShape;
  llvm::SmallVector<int64_t> out = p.resultShape();
  if (g.group != 1)
    return std::nullopt;
  UpstreamModel m;
  m.input = {llvm::to_vector(in), {}};
  m.filter = {llvm::to_vector(w), {}};
  m.result = {out, {}};
  m.description = "tensor.insert_slice with strides into zeros, flipped "
                  "filter, linalg.conv_2d_nchw_fchw (NCHW)";
  llvm::SmallVector<int64_t> zeroShape = {in[0], in[1]}, offsets = {0, 0};
  for (unsigned i = 0; i < 2; ++i) {
    int64_t reach = g.dilations[i] * (w[2 + i] - 1);
    int64_t low = reach - g.padsBegin[i];
    int64_t high = reach - g.padsEnd[i] + g.outputPadding[i];
    // Pads beyond the kernel's reach crop: torch-mlir slices then.
    if (low < 0 || high < 0)
      return std::nullopt;
    offsets.push_back(low);
    zeroShape.push_back(g.strides[i] * (in[2 + i] - 1) + 1 + low + high);
  }
  llvm::SmallVector<int64_t> flipped = {w[1], w[0], w[2], w[3]};
  llvm::raw_string_ostream os(m.source);
  header(os, m);
  zeros(os, "z", zeroShape);
  os << llvm::formatv("  %i = tensor.insert_slice %x into %z[{0}] [{1}] "
                      "[1, 1, {2}] : {3} into {4}\n",
                      i64List(offsets), i64List(in), i64List(g.strides),
                      tensorType(in), tensorType(zeroShape));
  os << llvm::formatv(
      "  %we = tensor.empty() : {0}\n"
      "  %wf = linalg.generic {{indexing_maps = [affine_map<(a, b, c, d) -> "
      "(b, a, {1} - c, {2} - d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>], "
      "iterator_types = [\"parallel\", \"parallel\", \"parallel\", "
      "\"parallel\"]} ins(%w : {3}) outs(%we : {0}) {{ ^bb0(%a: f32, %b: f32): "
      "linalg.yield %a : f32 } -> {0}\n",
      tensorType(flipped), w[2] - 1, w[3] - 1, tensorType(w));
  zeros(os, "f", out);
  os << llvm::formatv("  %y = linalg.conv_2d_nchw_fchw {{dilations = {0}, "
                      "strides = dense<1> : tensor<2xi64>} ins(%i, %wf : {1}, "
                      "{2}) outs(%f : {3}) -> {3}\n",
                      denseI64(g.dilations), tensorType(zeroShape),
                      tensorType(flipped), tensorType(out));
  os << "  return %y : " << tensorType(out) << "\n}\n";
  return m;
}

std::optional<UpstreamModel>
tconv::bench::buildUpstreamModel(const ConvProblem &p, UpstreamForm form) {
  if (p.numSpatialDims() != 2 ||
      llvm::any_of(p.geometry.padsBegin, [](int64_t v) { return v < 0; }) ||
      llvm::any_of(p.geometry.padsEnd, [](int64_t v) { return v < 0; }))
    return std::nullopt;
  switch (form) {
  case UpstreamForm::Tosa:
    return p.geometry.group == 1 ? tosaModel(p) : std::nullopt;
  case UpstreamForm::NhwcFhwc:
  case UpstreamForm::Ngchw:
    if (p.isTransposed())
      return std::nullopt;
    return linalgModel(p, form == UpstreamForm::NhwcFhwc);
  case UpstreamForm::ZeroInsert:
    return p.isTransposed() ? zeroInsertModel(p) : std::nullopt;
  }
  llvm_unreachable("unknown form");
}

/// Copies `values` (of `shape`) so that dim i of the copy is dim perm[i].
static std::vector<float> transpose(const std::vector<float> &values,
                                    llvm::ArrayRef<int64_t> shape,
                                    llvm::ArrayRef<int64_t> perm) {
  size_t rank = shape.size();
  llvm::SmallVector<int64_t> strides(rank, 1);
  for (size_t d = rank - 1; d > 0; --d)
    strides[d - 1] = strides[d] * shape[d];
  llvm::SmallVector<int64_t> index(rank, 0); // in the copy's dims
  std::vector<float> copy(values.size());
  for (float &x : copy) {
    int64_t source = 0;
    for (size_t i = 0; i < rank; ++i)
      source += index[i] * strides[perm[i]];
    x = values[source];
    for (size_t i = rank; i-- > 0;) {
      if (++index[i] < shape[perm[i]])
        break;
      index[i] = 0;
    }
  }
  return copy;
}

std::vector<float> tconv::bench::toFormLayout(const std::vector<float> &values,
                                              llvm::ArrayRef<int64_t> shape,
                                              const OperandLayout &layout) {
  if (layout.permutation.empty())
    return values;
  return transpose(values, shape, layout.permutation);
}

std::vector<float>
tconv::bench::fromFormLayout(const std::vector<float> &values,
                             const OperandLayout &layout) {
  if (layout.permutation.empty())
    return values;
  llvm::SmallVector<int64_t> inverse(layout.permutation.size());
  for (auto [i, d] : llvm::enumerate(layout.permutation))
    inverse[d] = i;
  return transpose(values, layout.shape, inverse);
}
