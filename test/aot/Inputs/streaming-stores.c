/* Calls streaming-stores.mlir's function with its result on a cache line
 * (streaming stores) and 4 bytes past one (the plain stores the run-time
 * check falls back to), and compares both with a naive convolution. */
#include "streaming-stores.h"
#include "conv-tanh-check.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

enum { C = 16, M = 16, H = 128, W = 128 };

int main(void) {
  float *x = malloc(sizeof(float) * TCONV_NET_IN0_NUMEL);
  float w[TCONV_NET_IN1_NUMEL], b[TCONV_NET_IN2_NUMEL];
  fill_values(x, TCONV_NET_IN0_NUMEL, 0);
  fill_values(w, TCONV_NET_IN1_NUMEL, 1000);
  fill_values(b, TCONV_NET_IN2_NUMEL, 2000);
  /* One line more than the result, so that it fits 4 bytes past a line. */
  unsigned char *arena = aligned_alloc(64, sizeof(float) * TCONV_NET_OUT0_NUMEL + 64);
  enum { A = TCONV_NET_WORKSPACE_ALIGNMENT };
  void *workspace = aligned_alloc(A, (TCONV_NET_WORKSPACE_SIZE + A - 1) / A * A);
  for (int offset = 0; offset <= 4; offset += 4) {
    float *y = (float *)(arena + offset);
    int status = tconv_net(x, w, b, y, workspace);
    printf("offset %d: status %d max error %s\n", offset, status,
           conv_tanh_error(1, C, M, H, W, x, w, b, y) < 1e-5 ? "< 1e-5"
                                                              : "TOO LARGE");
  }
  free(workspace);
  free(arena);
  free(x);
  return 0;
}
