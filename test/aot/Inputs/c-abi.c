/* Calls the functions tconv-compile generated for c-abi.mlir. */
#include "c-abi.h"

#include <stdint.h>
#include <stdio.h>

/* Workspace memory, aligned as the header asks. */
static unsigned char arena[4096 + TCONV_PADDED_WORKSPACE_ALIGNMENT];

static void *aligned_workspace(size_t bytes) {
  uintptr_t address = (uintptr_t)arena;
  uintptr_t mask = TCONV_PADDED_WORKSPACE_ALIGNMENT - 1;
  if (bytes > 4096)
    return NULL;
  return (void *)((address + mask) & ~mask);
}

int main(void) {
  const float x[TCONV_AXPY_IN1_NUMEL] = {1, 2, 3, 4, 5, 6};
  const float y[TCONV_AXPY_IN2_NUMEL] = {10, 20, 30, 40, 50, 60};
  float r[TCONV_AXPY_OUT0_NUMEL];
  /* Entries without temporaries take a NULL workspace. */
  int status = tconv_axpy(0.5f, x, y, r, NULL);
  printf("axpy %d:", status);
  for (int i = 0; i < TCONV_AXPY_OUT0_NUMEL; ++i)
    printf(" %g", r[i]);
  printf("\n");

  const double v[4] = {1.5, -2, 3, 4};
  double same[4], neg[4], first = 0;
  status = tconv_split(v, same, neg, &first, NULL);
  printf("split %d: %g %g %g %g | %g %g %g %g | %g\n", status, same[0], same[1],
         same[2], same[3], neg[0], neg[1], neg[2], neg[3], first);

  int32_t table[3];
  status = tconv_table(table, NULL);
  printf("table %d: %d %d %d\n", status, table[0], table[1], table[2]);

  const uint8_t bytes_in[4] = {200, 255, 7, 128};
  uint8_t halves[4];
  status = tconv_halve(bytes_in, halves, NULL);
  printf("halve %d: %u %u %u %u\n", status, halves[0], halves[1], halves[2],
         halves[3]);

  /* The buffers @twice passes between its calls of @split are temporaries:
     they live in its workspace. */
  double twice[4];
  status = tconv_twice(v, twice,
                       aligned_workspace(tconv_twice_workspace_size()));
  printf("twice %d: %g %g %g %g\n", status, twice[0], twice[1], twice[2],
         twice[3]);

  const float signal[4] = {1, 2, 3, 4}, kernel[3] = {1, 10, 100};
  float filtered[4];
  size_t bytes = tconv_padded_workspace_size();
  unsigned char *workspace = aligned_workspace(bytes);
  status = tconv_padded(signal, kernel, filtered, workspace);
  printf("padded %d (%s workspace): %g %g %g %g\n", status,
         bytes == TCONV_PADDED_WORKSPACE_SIZE && bytes > 0 ? "sized" : "no",
         filtered[0], filtered[1], filtered[2], filtered[3]);

  printf("null: %d %d %d %d\n", tconv_axpy(1.0f, NULL, y, r, NULL),
         tconv_split(v, same, neg, NULL, NULL), tconv_table(NULL, NULL),
         tconv_padded(signal, kernel, filtered, NULL));
  printf("misaligned: %d\n",
         tconv_padded(signal, kernel, filtered, workspace + 4));
  return 0;
}
