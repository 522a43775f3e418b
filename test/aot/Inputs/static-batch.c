/* Calls the static-batch function of static-batch.mlir, which runs its 4
 * images one at a time, and compares them with a naive convolution. */
#include "static-batch.h"
#include "conv-tanh-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { N = 4, C = 16, M = 8, H = 128, W = 128 };

int main(void) {
  float *x = malloc(sizeof(float) * TCONV_NET_IN0_NUMEL);
  float *y = malloc(sizeof(float) * TCONV_NET_OUT0_NUMEL);
  float w[TCONV_NET_IN1_NUMEL], b[TCONV_NET_IN2_NUMEL];
  fill_values(x, TCONV_NET_IN0_NUMEL, 0);
  fill_values(w, TCONV_NET_IN1_NUMEL, 1000);
  fill_values(b, TCONV_NET_IN2_NUMEL, 2000);
  static unsigned char arena[TCONV_NET_WORKSPACE_SIZE +
                             TCONV_NET_WORKSPACE_ALIGNMENT];
  uintptr_t mask = TCONV_NET_WORKSPACE_ALIGNMENT - 1;
  void *workspace = (void *)(((uintptr_t)arena + mask) & ~mask);
  int status = tconv_net(x, w, b, y, workspace);
  printf("status %d max error %s\n", status,
         conv_tanh_error(N, C, M, H, W, x, w, b, y) < 1e-5 ? "< 1e-5" : "TOO LARGE");
  free(x);
  free(y);
  return 0;
}
