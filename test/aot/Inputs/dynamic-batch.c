/* Calls the dynamic-batch function of dynamic-batch.mlir at n = 2, 5, 8
 * and 19 (one object: single images, chunks of 8 images, both) and compares
 * each image with a naive convolution. */
#include "dynamic-batch.h"
#include "conv-tanh-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { C = 3, M = 4, H = 6, W = 6 };

int main(void) {
  float w[TCONV_NET_IN1_NUMEL], b[TCONV_NET_IN2_NUMEL];
  fill_values(w, TCONV_NET_IN1_NUMEL, 1000);
  fill_values(b, TCONV_NET_IN2_NUMEL, 2000);
  /* One workspace for every n. */
  static unsigned char arena[TCONV_NET_WORKSPACE_SIZE +
                             TCONV_NET_WORKSPACE_ALIGNMENT];
  uintptr_t mask = TCONV_NET_WORKSPACE_ALIGNMENT - 1;
  void *workspace = (void *)(((uintptr_t)arena + mask) & ~mask);
  const int64_t batches[] = {2, 5, 8, 19};
  for (int t = 0; t < 4; ++t) {
    int64_t n = batches[t];
    float *x = malloc(sizeof(float) * n * TCONV_NET_IN0_IMAGE_NUMEL);
    float *y = malloc(sizeof(float) * n * TCONV_NET_OUT0_IMAGE_NUMEL);
    fill_values(x, n * TCONV_NET_IN0_IMAGE_NUMEL, 0);
    int status = tconv_net(n, x, w, b, y, workspace);
    printf("n=%d status %d max error %s\n", (int)n, status,
           conv_tanh_error(n, C, M, H, W, x, w, b, y) < 1e-5 ? "< 1e-5" : "TOO LARGE");
    free(x);
    free(y);
  }
  float x1[TCONV_NET_IN0_IMAGE_NUMEL], y1[TCONV_NET_OUT0_IMAGE_NUMEL];
  printf("n=0: %d\n", tconv_net(0, x1, w, b, y1, workspace));
  return 0;
}
