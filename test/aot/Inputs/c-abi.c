/* Calls the functions tconv-compile generated for c-abi.mlir. */
#include "c-abi.h"

#include <stdio.h>

int main(void) {
  const float x[TCONV_AXPY_IN1_NUMEL] = {1, 2, 3, 4, 5, 6};
  const float y[TCONV_AXPY_IN2_NUMEL] = {10, 20, 30, 40, 50, 60};
  float r[TCONV_AXPY_OUT0_NUMEL];
  int status = tconv_axpy(0.5f, x, y, r);
  printf("axpy %d:", status);
  for (int i = 0; i < TCONV_AXPY_OUT0_NUMEL; ++i)
    printf(" %g", r[i]);
  printf("\n");

  const double v[4] = {1.5, -2, 3, 4};
  double same[4], neg[4], first = 0;
  status = tconv_split(v, same, neg, &first);
  printf("split %d: %g %g %g %g | %g %g %g %g | %g\n", status, same[0], same[1],
         same[2], same[3], neg[0], neg[1], neg[2], neg[3], first);

  int32_t table[3];
  status = tconv_table(table);
  printf("table %d: %d %d %d\n", status, table[0], table[1], table[2]);

  double twice[4];
  status = tconv_twice(v, twice);
  printf("twice %d: %g %g %g %g\n", status, twice[0], twice[1], twice[2],
         twice[3]);

  printf("null: %d %d %d\n", tconv_axpy(1.0f, NULL, y, r),
         tconv_split(v, same, neg, NULL), tconv_table(NULL));
  return 0;
}
