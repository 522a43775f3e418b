//===- TargetMachineTest.cpp - What the schedule learns of a target CPU ---===//

#include "tconv/Target/TargetMachine.h"

#include "llvm/Target/TargetMachine.h"

#include <gtest/gtest.h>

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
