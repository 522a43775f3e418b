//===- Measure.h - Interleaved timing of benchmark contenders ---*- C++ -*-===//
//
// Times several implementations of one problem against each other on a
// shared, noisy machine: warm-up, then rounds in which every contender runs a
// burst of equal wall time (A B C A B C ...), each call timed on its own, so
// that drifts of machine load hit all contenders alike. Medians are reported.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_BENCH_MEASURE_H
#define TCONV_BENCH_MEASURE_H

#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <vector>

namespace tconv::bench {

struct Timed {
  std::string name;
  /// Runs before every burst, untimed (e.g. sets the contender's threads).
  std::function<llvm::Error()> enter;
  /// The timed call.
  std::function<void()> call;
  /// The thread runtime the calls run on ("openmp", "pthreadpool", ...).
  /// Runtimes keep idle workers spinning after a call (libomp ~200 ms,
  /// pthreadpool far longer); a burst of another runtime would share the
  /// CPUs with them. So before a burst of another runtime, `release` runs,
  /// untimed, and puts this runtime's workers to sleep.
  std::string runtime;
  std::function<void()> release;
  /// Seconds per call, one per timed call.
  std::vector<double> samples;
  /// Wall and process CPU seconds over the timed bursts: their ratio is the
  /// number of CPUs the process got, the threads asked for on a quiet
  /// machine, fewer when other work took some.
  double wallSeconds = 0;
  double cpuSeconds = 0;
  /// Minor page faults of the process during the timed bursts: per call,
  /// how much fresh memory a call touches.
  long minorFaults = 0;
};

struct MeasureOptions {
  /// Seconds of timed calls per contender.
  double minTime = 0.5;
  /// Seconds a burst should last when calls are shorter than that.
  double burstTime = 0.01;
  /// Rounds at least, whatever the call time.
  int minRounds = 5;
};

/// The median time, in ns, for a cache line to go from one thread to
/// another and back (two threads passing a counter, 2000 times), the
/// threads placed by the OS. On a virtual machine it tells how far apart
/// the host put the vCPUs: about 60-150 ns on one die here, 300-800 ns in
/// the phases where they sit further apart, and code that hands data from
/// thread to thread then runs slower. Call it while no runtime's workers
/// spin (they would take the CPUs the two threads need).
double coreToCoreRoundTripNs();

/// The fp32 FMA peak of one core in GFLOP/s, measured: 16 independent
/// chains of fused multiply-adds on the widest vectors the CPU has (512-bit
/// with AVX-512F, else 256-bit with FMA), the best of 5 runs of 20 ms each;
/// 0 on a CPU with neither. What "% of peak" compares to: the number a
/// datasheet gives is not what this core does (Zen 4 splits each 512-bit
/// FMA in two halves, so zmm and ymm loops peak alike).
double fmaPeakGflopsPerCore();

/// Fills every contender's samples. Fails when an enter callback does.
llvm::Error measure(std::vector<Timed *> contenders,
                    const MeasureOptions &options);

struct Summary {
  double median = 0, p25 = 0, p75 = 0, min = 0;
  size_t count = 0;
};
Summary summarize(std::vector<double> samples);

} // namespace tconv::bench

#endif // TCONV_BENCH_MEASURE_H
