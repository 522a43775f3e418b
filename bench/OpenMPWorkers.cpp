//===- OpenMPWorkers.cpp - Start and stop the process's OpenMP workers ---===//

#include "OpenMPWorkers.h"

#include <omp.h>

void tconv::bench::stopOpenMPWorkers() {
  omp_pause_resource_all(omp_pause_hard);
}

void tconv::bench::startOpenMPWorkers(int threads) {
#pragma omp parallel num_threads(threads)
  {
  }
}
