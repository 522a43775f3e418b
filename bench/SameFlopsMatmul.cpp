//===- SameFlopsMatmul.cpp - The matmul a transposed conv amounts to -----===//

#include "SameFlopsMatmul.h"

#include "llvm/ADT/STLExtras.h"

#include <oneapi/dnnl/dnnl.h>

using namespace tconv::bench;

bool SameFlopsMatmul::applies(const ConvProblem &p) {
  const mlir::tconv::ConvGeometry &g = p.geometry;
  auto zero = [](int64_t v) { return v == 0; };
  auto one = [](int64_t v) { return v == 1; };
  if (!p.isTransposed() || g.group != 1 || !llvm::all_of(g.padsBegin, zero) ||
      !llvm::all_of(g.padsEnd, zero) || !llvm::all_of(g.outputPadding, zero) ||
      !llvm::all_of(g.dilations, one))
    return false;
  for (unsigned d = 0; d < p.numSpatialDims(); ++d)
    if (g.strides[d] != p.filterShape[2 + d])
      return false;
  return true;
}

llvm::Expected<std::unique_ptr<SameFlopsMatmul>>
SameFlopsMatmul::create(const ConvProblem &p, const std::vector<float> &input,
                        const std::vector<float> &filter) {
  if (!applies(p))
    return llvm::createStringError(
        "not a transposed convolution with stride = kernel");
  std::unique_ptr<SameFlopsMatmul> m(new SameFlopsMatmul());
  m->images = p.inputShape[0];
  m->channels = p.inputShape[1];
  m->pixels = 1;
  for (unsigned d = 0; d < p.numSpatialDims(); ++d)
    m->pixels *= p.inputShape[2 + d];
  m->columns = int64_t(filter.size()) / m->channels;
  m->input = input;
  m->filter = filter;
  m->product.assign(size_t(m->images * m->pixels * m->columns), 0.0f);
  return m;
}

void SameFlopsMatmul::run() {
  // Row-major: [pixels x C] is the image's C x pixels block read transposed.
  for (int64_t n = 0; n < images; ++n)
    dnnl_sgemm('T', 'N', pixels, columns, channels, 1.0f,
               input.data() + n * channels * pixels, pixels, filter.data(),
               columns, 0.0f, product.data() + n * pixels * columns, columns);
}
