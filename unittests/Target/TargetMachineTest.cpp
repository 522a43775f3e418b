//===- TargetMachineTest.cpp - What the schedule learns of a target CPU ---===//

#include "tconv/Target/TargetMachine.h"

#include "tconv/Pipelines/Pipelines.h"

#include "llvm/Target/TargetMachine.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace mlir::tconv;

namespace {
/// The target machine of an x86-64 Linux `cpu` with `features`.
std::unique_ptr<llvm::TargetMachine> machineFor(const std::string &cpu,
                                                const std::string &features) {
  initializeLLVMTargets();
  TargetSpec spec;
  spec.triple = "x86_64-unknown-linux-gnu";
  spec.cpu = cpu;
  spec.features = features;
  auto machine = createTargetMachine(spec, /*forJIT=*/false);
  if (!machine) {
    ADD_FAILURE() << llvm::toString(machine.takeError());
    return nullptr;
  }
  return std::move(*machine);
}

struct CpuFacts {
  const char *cpu;
  const char *features;
  int64_t lanes;
  bool bf16Dot;
  int64_t fmaPipes;
  bool prefersBF16Dot;
};

class TargetFacts : public testing::TestWithParam<CpuFacts> {};
} // namespace

TEST_P(TargetFacts, MatchTheCPU) {
  const CpuFacts &facts = GetParam();
  std::unique_ptr<llvm::TargetMachine> machine =
      machineFor(facts.cpu, facts.features);
  ASSERT_TRUE(machine);
  EXPECT_EQ(getVectorLanes(*machine), facts.lanes);
  EXPECT_EQ(hasBF16Dot(*machine), facts.bf16Dot);
  EXPECT_EQ(getFmaPipes(*machine), facts.fmaPipes);
  EXPECT_EQ(prefersBF16Dot(*machine), facts.prefersBF16Dot);
}

// Zen 4 splits each 512-bit FMA in two; Intel's server cores and Zen 5 have
// two 512-bit FMA pipes; without AVX-512 there is no 512-bit pipe to count.
// AMD runs vdpbf16ps on every FMA pipe, Intel on one of two.
INSTANTIATE_TEST_SUITE_P(
    Cpus, TargetFacts,
    testing::Values(CpuFacts{"znver4", "", 16, true, 1, true},
                    CpuFacts{"znver5", "", 16, true, 2, true},
                    CpuFacts{"sapphirerapids", "", 16, true, 2, false},
                    CpuFacts{"emeraldrapids", "", 16, true, 2, false},
                    CpuFacts{"skylake-avx512", "", 16, false, 2, false},
                    CpuFacts{"icelake-server", "", 16, false, 2, false},
                    CpuFacts{"emeraldrapids", "-avx512f", 8, false, 1, false},
                    CpuFacts{"x86-64-v4", "+avx512bf16", 16, true, 1, true},
                    CpuFacts{"x86-64-v3", "", 8, false, 1, false}),
    [](const testing::TestParamInfo<CpuFacts> &info) {
      std::string name = std::string(info.param.cpu) + info.param.features;
      for (char &c : name)
        if (!isalnum(static_cast<unsigned char>(c)))
          c = '_';
      return name;
    });

namespace {
/// The schedule options of `options`, as one comparable tuple.
auto scheduleOf(const LowerToLLVMOptions &options) {
  return std::make_tuple(int64_t(options.vectorWidth), int64_t(options.fTile),
                         int64_t(options.owTile), int64_t(options.cTile),
                         bool(options.bf16Dot), bool(options.bf16Convert),
                         int64_t(options.fmaPipes));
}

class TargetCpuOption : public testing::TestWithParam<const char *> {};
} // namespace

// --tconv-lower-to-llvm's target-cpu (the CPU's name and LLVM's list of its
// features) schedules as tconv-run and tconv-compile do from their target
// machine (its subtarget).
TEST_P(TargetCpuOption, SchedulesAsTheTargetMachine) {
  std::string cpu = GetParam();
  TargetSpec spec;
  spec.cpu = cpu;
  if (cpu != "host")
    spec.triple = "x86_64-unknown-linux-gnu";
  initializeLLVMTargets();
  auto machine = createTargetMachine(spec, /*forJIT=*/false);
  ASSERT_TRUE(bool(machine)) << llvm::toString(machine.takeError());
  LowerToLLVMOptions fromMachine;
  scheduleForTarget(fromMachine, **machine);

  LowerToLLVMOptions fromName;
  ASSERT_TRUE(succeeded(fromName.parseFromString("target-cpu=" + cpu)));
  std::string error;
  ASSERT_TRUE(succeeded(applyTargetCpu(
      fromName, [&](const llvm::Twine &message) { error = message.str(); })))
      << error;
  EXPECT_EQ(scheduleOf(fromName), scheduleOf(fromMachine));
}

INSTANTIATE_TEST_SUITE_P(Cpus, TargetCpuOption,
                         testing::Values("host", "znver4", "znver5",
                                         "sapphirerapids", "emeraldrapids",
                                         "skylake-avx512", "cooperlake",
                                         "icelake-server",
                                         "x86-64-v4", "x86-64-v3",
                                         "x86-64"),
                         [](const testing::TestParamInfo<const char *> &info) {
                           std::string name = info.param;
                           for (char &c : name)
                             if (!isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           return name;
                         });

// A given option keeps its value; the tiles follow the width it gives.
TEST(TargetCpuOption, KeepsGivenOptions) {
  LowerToLLVMOptions options;
  ASSERT_TRUE(succeeded(options.parseFromString(
      "target-cpu=znver5 vector-width=8 fma-pipes=1 bf16-convert=false")));
  ASSERT_TRUE(succeeded(applyTargetCpu(options, [](const llvm::Twine &) {})));
  EXPECT_EQ(scheduleOf(options),
            std::make_tuple(int64_t(8), int64_t(16), int64_t(4), int64_t(4),
                            true, false, int64_t(1)));
}

TEST(TargetCpuOption, RejectsAnUnknownCpu) {
  LowerToLLVMOptions options;
  ASSERT_TRUE(succeeded(options.parseFromString("target-cpu=cortex-a72")));
  std::string error;
  EXPECT_TRUE(failed(applyTargetCpu(
      options, [&](const llvm::Twine &message) { error = message.str(); })));
  EXPECT_NE(error.find("'cortex-a72'"), std::string::npos) << error;
}
