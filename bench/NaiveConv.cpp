//===- NaiveConv.cpp - Loop-nest reference convolutions ------------------===//

#include "NaiveConv.h"

#include <array>

using namespace tconv::bench;

namespace {
/// Spatial extents and geometry padded to three dimensions (size 1, stride 1,
/// no padding in the missing ones), so one loop nest serves 1-D to 3-D.
struct Geometry3D {
  std::array<int64_t, 3> in{1, 1, 1}, k{1, 1, 1}, out{1, 1, 1};
  std::array<int64_t, 3> stride{1, 1, 1}, pad{0, 0, 0}, dil{1, 1, 1};

  explicit Geometry3D(const ConvProblem &p) {
    llvm::SmallVector<int64_t> result = p.resultShape();
    unsigned n = p.numSpatialDims(), offset = 3 - n;
    for (unsigned i = 0; i < n; ++i) {
      in[offset + i] = p.inputShape[2 + i];
      k[offset + i] = p.filterShape[2 + i];
      out[offset + i] = result[2 + i];
      stride[offset + i] = p.geometry.strides[i];
      pad[offset + i] = p.geometry.padsBegin[i];
      dil[offset + i] = p.geometry.dilations[i];
    }
  }
  int64_t inSize() const { return in[0] * in[1] * in[2]; }
  int64_t kSize() const { return k[0] * k[1] * k[2]; }
  int64_t outSize() const { return out[0] * out[1] * out[2]; }
};
} // namespace

std::vector<float> tconv::bench::naiveConv(const ConvProblem &p,
                                           const std::vector<float> &input,
                                           const std::vector<float> &filter) {
  Geometry3D g(p);
  llvm::SmallVector<int64_t> result = p.resultShape();
  int64_t batch = p.inputShape[0], inChannels = p.inputShape[1];
  int64_t outChannels = result[1], groups = p.geometry.group;
  int64_t inPerGroup = inChannels / groups, outPerGroup = outChannels / groups;
  std::vector<double> acc(batch * outChannels * g.outSize(), 0.0);

  // Both ops visit every (input pixel, tap) pair; they differ in which index
  // is derived from which and in the filter layout.
  for (int64_t n = 0; n < batch; ++n)
    for (int64_t grp = 0; grp < groups; ++grp)
      for (int64_t oc = 0; oc < outPerGroup; ++oc)
        for (int64_t ic = 0; ic < inPerGroup; ++ic) {
          int64_t c = grp * inPerGroup + ic, m = grp * outPerGroup + oc;
          const float *in = &input[(n * inChannels + c) * g.inSize()];
          // Conv: M x C/g x k. Transposed conv: C x M/g x k.
          const float *w =
              p.isTransposed()
                  ? &filter[(c * outPerGroup + oc) * g.kSize()]
                  : &filter[(m * inPerGroup + ic) * g.kSize()];
          double *out = &acc[(n * outChannels + m) * g.outSize()];
          for (int64_t k0 = 0; k0 < g.k[0]; ++k0)
            for (int64_t k1 = 0; k1 < g.k[1]; ++k1)
              for (int64_t k2 = 0; k2 < g.k[2]; ++k2) {
                double wv = w[(k0 * g.k[1] + k1) * g.k[2] + k2];
                std::array<int64_t, 3> tap{k0, k1, k2};
                // Conv: iterate outputs, read input at o*s + k*d - p.
                // Transposed: iterate inputs, write output at i*s + k*d - p.
                const std::array<int64_t, 3> &iterExt =
                    p.isTransposed() ? g.in : g.out;
                const std::array<int64_t, 3> &otherExt =
                    p.isTransposed() ? g.out : g.in;
                for (int64_t a0 = 0; a0 < iterExt[0]; ++a0) {
                  int64_t b0 = a0 * g.stride[0] + tap[0] * g.dil[0] - g.pad[0];
                  if (b0 < 0 || b0 >= otherExt[0])
                    continue;
                  for (int64_t a1 = 0; a1 < iterExt[1]; ++a1) {
                    int64_t b1 =
                        a1 * g.stride[1] + tap[1] * g.dil[1] - g.pad[1];
                    if (b1 < 0 || b1 >= otherExt[1])
                      continue;
                    for (int64_t a2 = 0; a2 < iterExt[2]; ++a2) {
                      int64_t b2 =
                          a2 * g.stride[2] + tap[2] * g.dil[2] - g.pad[2];
                      if (b2 < 0 || b2 >= otherExt[2])
                        continue;
                      int64_t a = (a0 * iterExt[1] + a1) * iterExt[2] + a2;
                      int64_t b = (b0 * otherExt[1] + b1) * otherExt[2] + b2;
                      if (p.isTransposed())
                        out[b] += in[a] * wv;
                      else
                        out[a] += in[b] * wv;
                    }
                  }
                }
              }
        }
  return std::vector<float>(acc.begin(), acc.end());
}
