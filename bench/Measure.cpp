//===- Measure.cpp - Interleaved timing of benchmark contenders ----------===//

#include "Measure.h"

#include "tconv/Runner/Runner.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

using namespace tconv::bench;

static double now() {
  return std::chrono::duration<double>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

static double processCpuTime() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double timeCall(Timed &t) {
  double start = now();
  t.call();
  return now() - start;
}

Summary tconv::bench::summarize(std::vector<double> samples) {
  Summary s;
  s.count = samples.size();
  if (samples.empty())
    return s;
  std::sort(samples.begin(), samples.end());
  auto quantile = [&](double q) {
    double pos = q * (samples.size() - 1);
    size_t lo = static_cast<size_t>(std::floor(pos));
    size_t hi = std::min(lo + 1, samples.size() - 1);
    return samples[lo] + (pos - lo) * (samples[hi] - samples[lo]);
  };
  s.median = quantile(0.5);
  s.p25 = quantile(0.25);
  s.p75 = quantile(0.75);
  s.min = samples.front();
  return s;
}

double tconv::bench::coreToCoreRoundTripNs() {
  constexpr int kTrips = 2000, kTripsPerSample = 100;
  alignas(64) std::atomic<int> counter{0};
  std::thread peer([&] {
    for (int i = 0; i < kTrips; ++i) {
      while (counter.load(std::memory_order_acquire) != 2 * i + 1)
        ;
      counter.store(2 * i + 2, std::memory_order_release);
    }
  });
  std::vector<double> samples;
  double start = now();
  for (int i = 0; i < kTrips; ++i) {
    counter.store(2 * i + 1, std::memory_order_release);
    while (counter.load(std::memory_order_acquire) != 2 * i + 2)
      ;
    if ((i + 1) % kTripsPerSample == 0) {
      double end = now();
      samples.push_back((end - start) / kTripsPerSample * 1e9);
      start = end;
    }
  }
  peer.join();
  return summarize(samples).median;
}

/// Chains of FMAs on vectors of `Lanes` floats for `seconds`: the GFLOP/s
/// they reach. Each chain's FMA waits for its previous one; 16 chains hide
/// the latency (4-5 cycles) of two FMA units and stay in registers.
/// Inlined into a caller compiled for the vector extension (a * b + c
/// contracts to one FMA).
template <int Lanes>
__attribute__((always_inline)) static inline double
fmaChainsGflops(double seconds) {
  using Vector = float __attribute__((vector_size(Lanes * sizeof(float))));
  constexpr int kChains = 16, kSteps = 1000;
  Vector acc[kChains];
  for (int i = 0; i < kChains; ++i)
    acc[i] = Vector{} + static_cast<float>(i);
  // x -> x * 0.999 + 0.001 stays finite however long it runs.
  Vector scale = Vector{} + 0.999f, shift = Vector{} + 0.001f;
  double start = now(), elapsed = 0;
  long steps = 0;
  do {
    for (int s = 0; s < kSteps; ++s)
#pragma unroll
      for (int i = 0; i < kChains; ++i)
        acc[i] = acc[i] * scale + shift;
    steps += kSteps;
    elapsed = now() - start;
  } while (elapsed < seconds);
  // The results are used: the loop cannot be dropped.
  float sink = 0;
  for (int i = 0; i < kChains; ++i)
    sink += acc[i][0];
  volatile float keep = sink;
  (void)keep;
  return 2.0 * Lanes * kChains * steps / elapsed * 1e-9;
}

__attribute__((target("avx512f"))) static double fmaPeak512(double seconds) {
  return fmaChainsGflops<16>(seconds);
}
__attribute__((target("avx2,fma"))) static double fmaPeak256(double seconds) {
  return fmaChainsGflops<8>(seconds);
}

double tconv::bench::fmaPeakGflopsPerCore() {
  double (*run)(double) = nullptr;
  if (__builtin_cpu_supports("avx512f"))
    run = fmaPeak512;
  else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    run = fmaPeak256;
  if (!run)
    return 0;
  double best = 0;
  for (int i = 0; i < 5; ++i)
    best = std::max(best, run(0.02));
  return best;
}

/// Before `next` runs, puts the workers of `previous` to sleep when they
/// belong to another runtime.
static void switchRuntime(Timed *previous, const Timed &next) {
  if (previous && previous->runtime != next.runtime && previous->release)
    previous->release();
}

llvm::Error tconv::bench::measure(std::vector<Timed *> contenders,
                                  const MeasureOptions &options) {
  // Warm-up: first calls pay for page faults, lazy binding, cold caches and
  // thread-pool start-up. Three calls or 50 ms each, whichever is longer;
  // the median of the last estimates the call time.
  std::vector<double> estimate;
  Timed *previous = nullptr;
  for (Timed *t : contenders) {
    switchRuntime(previous, *t);
    previous = t;
    if (llvm::Error err = t->enter())
      return err;
    std::vector<double> warm;
    double start = now();
    while (warm.size() < 3 || now() - start < 0.05)
      warm.push_back(timeCall(*t));
    estimate.push_back(summarize(warm).median);
  }

  // Bursts of equal length: as long as the slowest single call, at least
  // burstTime, so every contender gets the same share of each round.
  double slowest = *std::max_element(estimate.begin(), estimate.end());
  double burst = std::max(options.burstTime, slowest);
  int rounds = std::max(options.minRounds,
                        static_cast<int>(std::ceil(options.minTime / burst)));
  std::vector<int> callsPerBurst;
  for (double e : estimate)
    callsPerBurst.push_back(
        std::max(1, static_cast<int>(std::lround(burst / std::max(e, 1e-9)))));

  // Room for every sample beforehand: growing the vector inside a burst
  // would add the harness's page faults to the contender's.
  for (auto [t, calls] : llvm::zip_equal(contenders, callsPerBurst))
    t->samples.reserve(t->samples.size() + size_t(rounds) * calls);
  for (int round = 0; round < rounds; ++round)
    for (auto [t, calls] : llvm::zip_equal(contenders, callsPerBurst)) {
      switchRuntime(previous, *t);
      previous = t;
      if (llvm::Error err = t->enter())
        return err;
      long faults = mlir::tconv::getMinorPageFaults();
      double wall = now(), cpu = processCpuTime();
      for (int i = 0; i < calls; ++i)
        t->samples.push_back(timeCall(*t));
      t->wallSeconds += now() - wall;
      t->cpuSeconds += processCpuTime() - cpu;
      t->minorFaults += mlir::tconv::getMinorPageFaults() - faults;
    }
  if (previous && previous->release)
    previous->release();
  return llvm::Error::success();
}
