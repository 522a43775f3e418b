/* The naive reference shared by the batch tests' drivers: a 3x3
 * convolution with pads 1 (the same size out), bias, then tanh. */
#ifndef CONV_TANH_CHECK_H
#define CONV_TANH_CHECK_H

#include <math.h>
#include <stdint.h>

/* Deterministic values in [-1, 1). */
static float value(unsigned i) { return (float)((i * 7919u) % 23u) / 11.0f - 1.0f; }

/* dst[i] = value(first + i) for i < n: the drivers' inputs (x from 0, the
 * filter from 1000, the bias from 2000). */
static void fill_values(float *dst, uint64_t n, unsigned first) {
  for (uint64_t i = 0; i < n; ++i)
    dst[i] = value(first + (unsigned)i);
}

/* Largest |y - tanh(conv(x, w) + b)| over n images of C x H x W into
 * M x H x W. */
static double conv_tanh_error(int64_t n, int C, int M, int H, int W,
                              const float *x, const float *w, const float *b,
                              const float *y) {
  enum { K = 3 };
  double worst = 0;
  for (int64_t i = 0; i < n; ++i)
    for (int m = 0; m < M; ++m)
      for (int oh = 0; oh < H; ++oh)
        for (int ow = 0; ow < W; ++ow) {
          double sum = b[m];
          for (int c = 0; c < C; ++c)
            for (int kh = 0; kh < K; ++kh)
              for (int kw = 0; kw < K; ++kw) {
                int ih = oh + kh - 1, iw = ow + kw - 1;
                if (ih < 0 || ih >= H || iw < 0 || iw >= W)
                  continue;
                sum += (double)x[((i * C + c) * H + ih) * W + iw] *
                       w[((m * C + c) * K + kh) * K + kw];
              }
          double got = y[((i * M + m) * H + oh) * W + ow];
          double diff = fabs(got - tanh(sum));
          if (diff > worst)
            worst = diff;
        }
  return worst;
}

#endif
