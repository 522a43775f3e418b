//===- OpenMPWorkers.h - Start and stop the process's OpenMP workers -*- C++ -*-===//
//
// oneDNN and tconv's compiled code share one OpenMP runtime (libomp). Its
// idle workers spin for 200 ms after a parallel region, and omp_pause_soft
// does not stop them: a contender on another runtime (XNNPACK's
// pthreadpool) would share the CPUs with them. So the benchmark stops them
// before such a contender runs and starts them again, untimed, before the
// next OpenMP burst.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_OPENMPWORKERS_H
#define TCONV_BENCH_OPENMPWORKERS_H

namespace tconv::bench {

/// Ends the OpenMP workers (omp_pause_resource_all(omp_pause_hard)).
void stopOpenMPWorkers();

/// Runs an empty parallel region on `threads` threads, which creates the
/// workers if stopOpenMPWorkers ended them.
void startOpenMPWorkers(int threads);

} // namespace tconv::bench

#endif // TCONV_BENCH_OPENMPWORKERS_H
