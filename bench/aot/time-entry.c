/* Times `tconv_main` of a model compiled by tconv-compile, called from C as
 * an embedder calls it: one workspace allocated once, then calls on the
 * same arrays. The model has two float inputs and one float output (the
 * form `tconv-bench --print-model` prints). Build with the header named by
 * TCONV_HEADER, e.g. -DTCONV_HEADER='"model.h"'.
 *
 *   time-entry [SECONDS [malloc|aligned]]
 *
 * The arrays come from malloc (default), as most callers' do, or are
 * aligned to TCONV_MAIN_ARRAY_ALIGNMENT, as the header advises: only then
 * are outputs of 1 MiB or more written with streaming stores. Warms up for
 * 3 calls, then calls for SECONDS (default 1) and prints
 * "median: X ms  min: Y ms  calls: N".
 */
#include TCONV_HEADER

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int byValue(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static int aligned;

/* aligned_alloc wants a multiple of the alignment. */
static void *allocAligned(size_t alignment, size_t bytes) {
  return aligned_alloc(alignment, (bytes + alignment - 1) / alignment *
                                      alignment);
}

static float *array(size_t n) {
  return aligned ? allocAligned(TCONV_MAIN_ARRAY_ALIGNMENT, n * sizeof(float))
                 : malloc(n * sizeof(float));
}

static float *filled(size_t n, unsigned seed) {
  float *data = array(n);
  for (size_t i = 0; data && i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    data[i] = (float)(seed >> 8) / 8388608.0f - 1.0f;
  }
  return data;
}

int main(int argc, char **argv) {
  double seconds = argc > 1 ? atof(argv[1]) : 1.0;
  const char *allocation = argc > 2 ? argv[2] : "malloc";
  aligned = strcmp(allocation, "aligned") == 0;
  if (argc > 3 || !(seconds > 0 && seconds <= 600) ||
      !(aligned || strcmp(allocation, "malloc") == 0)) {
    fprintf(stderr, "usage: %s [SECONDS in (0, 600] [malloc|aligned]]\n",
            argv[0]);
    return 1;
  }
  size_t bytes = tconv_main_workspace_size();
  void *workspace =
      bytes ? allocAligned(TCONV_MAIN_WORKSPACE_ALIGNMENT, bytes) : NULL;
  float *x = filled(TCONV_MAIN_IN0_NUMEL, 1), *w = filled(TCONV_MAIN_IN1_NUMEL, 2);
  float *y = array(TCONV_MAIN_OUT0_NUMEL);
  if ((bytes && !workspace) || !x || !w || !y) {
    fprintf(stderr, "error: out of memory\n");
    return 1;
  }
  for (int i = 0; i < 3; ++i)
    if (tconv_main(x, w, y, workspace) != 0) {
      fprintf(stderr, "error: tconv_main failed\n");
      return 1;
    }
  size_t capacity = 1 << 20, calls = 0;
  double *samples = malloc(capacity * sizeof(double));
  if (!samples)
    return 1;
  double end = now() + seconds;
  while (calls < capacity && (calls < 3 || now() < end)) {
    double start = now();
    tconv_main(x, w, y, workspace);
    samples[calls++] = now() - start;
  }
  qsort(samples, calls, sizeof(double), byValue);
  printf("median: %.4f ms  min: %.4f ms  calls: %zu\n",
         samples[calls / 2] * 1e3, samples[0] * 1e3, calls);
  free(samples);
  free(y);
  free(w);
  free(x);
  free(workspace);
  return 0;
}
