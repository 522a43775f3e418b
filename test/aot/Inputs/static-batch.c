/* Calls the static-batch function of static-batch.mlir, which runs its 4
 * images one at a time, and compares them with a naive convolution. */
#include "static-batch.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 4, C = 16, M = 8, H = 128, W = 128, K = 3 };

static float value(unsigned i) { return (float)((i * 7919u) % 23u) / 11.0f - 1.0f; }

/* Largest |got - naive| over the batch. */
static double check(const float *x, const float *w, const float *b,
                    const float *y) {
  double worst = 0;
  for (int i = 0; i < N; ++i)
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

int main(void) {
  float *x = malloc(sizeof(float) * TCONV_NET_IN0_NUMEL);
  float *y = malloc(sizeof(float) * TCONV_NET_OUT0_NUMEL);
  float w[TCONV_NET_IN1_NUMEL], b[TCONV_NET_IN2_NUMEL];
  for (unsigned i = 0; i < TCONV_NET_IN0_NUMEL; ++i)
    x[i] = value(i);
  for (unsigned i = 0; i < TCONV_NET_IN1_NUMEL; ++i)
    w[i] = value(i + 1000);
  for (unsigned i = 0; i < TCONV_NET_IN2_NUMEL; ++i)
    b[i] = value(i + 2000);
  static unsigned char arena[TCONV_NET_WORKSPACE_SIZE +
                             TCONV_NET_WORKSPACE_ALIGNMENT];
  uintptr_t mask = TCONV_NET_WORKSPACE_ALIGNMENT - 1;
  void *workspace = (void *)(((uintptr_t)arena + mask) & ~mask);
  int status = tconv_net(x, w, b, y, workspace);
  printf("status %d max error %s\n", status,
         check(x, w, b, y) < 1e-5 ? "< 1e-5" : "TOO LARGE");
  free(x);
  free(y);
  return 0;
}
