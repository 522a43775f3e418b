/* Runs examples/aot/upsample.mlir, compiled ahead of time:
 *
 *   tconv-compile upsample.mlir -o upsample.o --header=upsample.h
 *   clang -O2 -I. main.c upsample.o -lm [-L... -lomp, see upsample.h] -o aot
 *   ./aot [DIR]
 *
 * Prints @seed on [1 2] * [1 2 3] (exactly 2 5 4) and @upsample on
 * deterministic inputs. Temporaries live in one workspace the program
 * allocates once, sized for the larger of the two entries, and reuses for
 * every call: the object allocates nothing. With DIR, also writes the @upsample inputs and
 * output as DIR/x.npy, DIR/w.npy, DIR/b.npy and DIR/y.npy (float32, C order)
 * so that other tools can run the same computation.
 */
#include "upsample.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Uniform in [-1, 1), exactly representable: 24 random bits. */
static void fill(float *data, size_t n, uint32_t seed) {
  uint32_t state = seed;
  for (size_t i = 0; i < n; ++i) {
    state = state * 1664525u + 1013904223u;
    data[i] = (float)(state >> 8) / 8388608.0f - 1.0f;
  }
}

/* NumPy .npy v1.0: magic, header length, a dict padded to 64 bytes, data. */
static int write_npy(const char *dir, const char *name, const float *data,
                     const int64_t *shape, int rank, size_t numel) {
  char path[4096], header[256], dims[128] = "";
  snprintf(path, sizeof path, "%s/%s.npy", dir, name);
  for (int i = 0; i < rank; ++i) {
    size_t used = strlen(dims);
    snprintf(dims + used, sizeof dims - used, "%lld,", (long long)shape[i]);
  }
  int len = snprintf(
      header, sizeof header,
      "{'descr': '<f4', 'fortran_order': False, 'shape': (%s), }", dims);
  while ((10 + len + 1) % 64 != 0)
    header[len++] = ' ';
  header[len++] = '\n';
  FILE *f = fopen(path, "wb");
  if (!f) {
    perror(path);
    return 1;
  }
  const unsigned char length[2] = {(unsigned char)(len & 0xff),
                                   (unsigned char)(len >> 8)};
  int ok = fwrite("\x93NUMPY\x01\x00", 1, 8, f) == 8 &&
           fwrite(length, 1, 2, f) == 2 &&
           fwrite(header, 1, (size_t)len, f) == (size_t)len &&
           fwrite(data, sizeof(float), numel, f) == numel;
  if (fclose(f) != 0 || !ok) {
    fprintf(stderr, "%s: write failed\n", path);
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc > 2) {
    fprintf(stderr, "usage: %s [DIR]\n", argv[0]);
    return 1;
  }

  /* aligned_alloc wants a multiple of the alignment. */
  size_t bytes = tconv_seed_workspace_size();
  if (tconv_upsample_workspace_size() > bytes)
    bytes = tconv_upsample_workspace_size();
  size_t alignment = TCONV_UPSAMPLE_WORKSPACE_ALIGNMENT;
  void *workspace =
      aligned_alloc(alignment, (bytes + alignment - 1) / alignment * alignment);
  if (!workspace)
    return 1;

  const float sx[] = {1, 2}, sw[] = {1, 2, 3};
  float sy[TCONV_SEED_OUT0_NUMEL];
  if (tconv_seed(sx, sw, sy, workspace) != 0)
    return 1;
  printf("seed:");
  for (int i = 0; i < TCONV_SEED_OUT0_NUMEL; ++i)
    printf(" %g", sy[i]);
  printf("\n");

  static float x[TCONV_UPSAMPLE_IN0_NUMEL], w[TCONV_UPSAMPLE_IN1_NUMEL],
      b[TCONV_UPSAMPLE_IN2_NUMEL], y[TCONV_UPSAMPLE_OUT0_NUMEL];
  fill(x, TCONV_UPSAMPLE_IN0_NUMEL, 1);
  fill(w, TCONV_UPSAMPLE_IN1_NUMEL, 2);
  fill(b, TCONV_UPSAMPLE_IN2_NUMEL, 3);
  if (tconv_upsample(x, w, b, y, workspace) != 0)
    return 1;
  double sum = 0;
  int zeros = 0;
  for (int i = 0; i < TCONV_UPSAMPLE_OUT0_NUMEL; ++i) {
    sum += y[i];
    zeros += y[i] == 0.0f;
  }
  const int64_t shape[] = TCONV_UPSAMPLE_OUT0_SHAPE;
  printf("upsample: shape %lldx%lldx%lldx%lld, sum %.4f, %d zeros (ReLU)\n",
         (long long)shape[0], (long long)shape[1], (long long)shape[2],
         (long long)shape[3], sum, zeros);
  printf("upsample: y[0][0][0][0:4] = %.6f %.6f %.6f %.6f\n", y[0], y[1], y[2],
         y[3]);
  printf("NULL input: %d\n", tconv_upsample(NULL, w, b, y, workspace));
  free(workspace);

  if (argc == 2) {
    const int64_t xs[] = TCONV_UPSAMPLE_IN0_SHAPE,
                  ws[] = TCONV_UPSAMPLE_IN1_SHAPE,
                  bs[] = TCONV_UPSAMPLE_IN2_SHAPE;
    if (write_npy(argv[1], "x", x, xs, TCONV_UPSAMPLE_IN0_RANK,
                  TCONV_UPSAMPLE_IN0_NUMEL) ||
        write_npy(argv[1], "w", w, ws, TCONV_UPSAMPLE_IN1_RANK,
                  TCONV_UPSAMPLE_IN1_NUMEL) ||
        write_npy(argv[1], "b", b, bs, TCONV_UPSAMPLE_IN2_RANK,
                  TCONV_UPSAMPLE_IN2_NUMEL) ||
        write_npy(argv[1], "y", y, shape, TCONV_UPSAMPLE_OUT0_RANK,
                  TCONV_UPSAMPLE_OUT0_NUMEL))
      return 1;
  }
  return 0;
}
