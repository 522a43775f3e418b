//===- TargetMachine.h - The LLVM side shared by JIT and AOT ----*- C++ -*-===//
//
// What happens to a module once it is in the LLVM dialect, for tconv-run's
// JIT (Runner) and tconv-compile's objects alike: the target machine for a
// triple/CPU/features, the vector width the schedule uses on it, LLVM's
// optimization pipeline and machine code emission. One implementation, so
// that an object runs the code the JIT benchmarks.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_TARGET_TARGETMACHINE_H
#define TCONV_TARGET_TARGETMACHINE_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>

namespace llvm {
class Module;
class TargetMachine;
} // namespace llvm

namespace mlir::tconv {

/// A compilation target. Empty fields mean the host's.
struct TargetSpec {
  /// LLVM target triple, e.g. x86_64-unknown-linux-gnu or
  /// aarch64-unknown-linux-gnu (default: the host).
  std::string triple;
  /// CPU name, e.g. x86-64-v3 or znver5; "host": the host CPU (only for the
  /// host triple); empty: the host CPU for the host triple, "generic"
  /// for others.
  std::string cpu;
  /// Extra features in LLVM's syntax, e.g. "+avx2,-avx512f"; each must be a
  /// feature of the target.
  std::string features;
};

/// Registers every LLVM target this build links (idempotent).
void initializeLLVMTargets();

/// A target machine at -O3. `forJIT` selects JIT code generation defaults.
/// Errors name the triple or CPU that is not available.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetSpec &spec, bool forJIT);

/// Every subtarget feature `machine` has enabled (ISA extensions and tuning
/// flags), by LLVM name.
llvm::SmallVector<std::string>
getEnabledFeatures(const llvm::TargetMachine &machine);

/// Fails, naming them, if code for `machine` may use features that this
/// machine's CPU lacks, or if it is for another triple: the JIT's check.
llvm::Error checkRunsOnHost(const llvm::TargetMachine &machine);

/// f32 lanes in the widest vector registers of `machine`: 16 with AVX-512,
/// 8 with AVX, 4 otherwise (SSE, NEON).
int64_t getVectorLanes(const llvm::TargetMachine &machine);

/// Whether `machine` has AVX512_BF16 (vdpbf16ps on 512-bit vectors).
bool hasBF16Dot(const llvm::TargetMachine &machine);

/// Full-width vector FMAs `machine`'s CPU issues per cycle: 2 for the
/// AVX-512 cores with two 512-bit FMA pipes (Intel's server cores, Zen 5),
/// 1 for others (Zen 4 runs each 512-bit FMA as two 256-bit halves).
int64_t getFmaPipes(const llvm::TargetMachine &machine);

/// Whether bf16 convolutions run faster on vdpbf16ps (two products a lane)
/// than as f32 FMAs on operands extended to f32: where the CPU has
/// AVX512_BF16 and runs it on each of its FMA pipes. Intel's cores run it
/// on one of two ports, at the FMAs' rate with pairs to pack (C1 in bf16 on
/// Emerald Rapids: 14.7 ms on vdpbf16ps, 8.6 as f32 FMAs).
bool prefersBF16Dot(const llvm::TargetMachine &machine);

struct LowerToLLVMOptions;

/// Sets the schedule options of `options` that follow from `machine`'s CPU:
/// the vector width and the tile sizes for it, bf16-dot and fma-pipes. What
/// tconv-run's JIT and tconv-compile both start from, before the user's
/// --pipeline-options.
void scheduleForTarget(LowerToLLVMOptions &options,
                       const llvm::TargetMachine &machine);

/// Sets the triple, data layout and per-function CPU and features of
/// `machine` on `module`.
void configureModuleForTarget(llvm::Module &module,
                              llvm::TargetMachine &machine);

/// LLVM's -O3 module pipeline for `machine`, without loop unrolling: the
/// generated loop bodies are unrolled and vectorized already; the unrollers
/// would only weigh (and reject) those big bodies, which took a third of the
/// optimization time of a CNN.
void optimizeModule(llvm::Module &module, llvm::TargetMachine &machine);

enum class EmitKind { Object, Assembly, LLVMIR };

/// Writes `module` as an object, assembly or LLVM IR text.
llvm::Error emitModule(llvm::Module &module, llvm::TargetMachine &machine,
                       EmitKind kind, llvm::raw_fd_ostream &os);

} // namespace mlir::tconv

#endif // TCONV_TARGET_TARGETMACHINE_H
