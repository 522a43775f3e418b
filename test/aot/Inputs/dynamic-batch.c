/* Calls the dynamic-batch function of dynamic-batch.mlir at n = 2 and
 * n = 5 (one object) and compares each image with a naive convolution. */
#include "dynamic-batch.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { C = 3, M = 4, H = 6, W = 6, K = 3 };

static float value(unsigned i) { return (float)((i * 7919u) % 23u) / 11.0f - 1.0f; }

/* Largest |got - naive| over the n images. */
static double check(int64_t n, const float *x, const float *w, const float *b,
                    const float *y) {
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

int main(void) {
  float w[TCONV_NET_IN1_NUMEL], b[TCONV_NET_IN2_NUMEL];
  for (unsigned i = 0; i < TCONV_NET_IN1_NUMEL; ++i)
    w[i] = value(i + 1000);
  for (unsigned i = 0; i < TCONV_NET_IN2_NUMEL; ++i)
    b[i] = value(i + 2000);
  /* One workspace for every n. */
  static unsigned char arena[TCONV_NET_WORKSPACE_SIZE +
                             TCONV_NET_WORKSPACE_ALIGNMENT];
  uintptr_t mask = TCONV_NET_WORKSPACE_ALIGNMENT - 1;
  void *workspace = (void *)(((uintptr_t)arena + mask) & ~mask);
  const int64_t batches[] = {2, 5};
  for (int t = 0; t < 2; ++t) {
    int64_t n = batches[t];
    float *x = malloc(sizeof(float) * n * TCONV_NET_IN0_IMAGE_NUMEL);
    float *y = malloc(sizeof(float) * n * TCONV_NET_OUT0_IMAGE_NUMEL);
    for (unsigned i = 0; i < n * TCONV_NET_IN0_IMAGE_NUMEL; ++i)
      x[i] = value(i);
    int status = tconv_net(n, x, w, b, y, workspace);
    printf("n=%d status %d max error %s\n", (int)n, status,
           check(n, x, w, b, y) < 1e-5 ? "< 1e-5" : "TOO LARGE");
    free(x);
    free(y);
  }
  float x1[TCONV_NET_IN0_IMAGE_NUMEL], y1[TCONV_NET_OUT0_IMAGE_NUMEL];
  printf("n=0: %d\n", tconv_net(0, x1, w, b, y1, workspace));
  return 0;
}
