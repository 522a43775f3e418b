/* Calls the CPU check and the add entry point of Inputs/add.mlir. */
#include <stdio.h>

#include "add.h"

int main(void) {
  static float x[256], y[256], sum[256];
  for (int i = 0; i < 256; ++i) {
    x[i] = (float)i;
    y[i] = 0.5f;
  }
  /* An elementwise add has no temporaries: no workspace. */
  if (tconv_add_workspace_size() != 0)
    return 1;
  int check = tconv_check_cpu();
  int status = tconv_add(x, y, sum, NULL);
  printf("check_cpu %d, add %d, sum[3] %g\n", check, status, sum[3]);
  return 0;
}
