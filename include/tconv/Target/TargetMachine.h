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

/// What the schedule learns of `machine`'s CPU: the functions of the same
/// names on a TargetCpu (tconv/Codegen/Strategy.h), which say what each
/// means, asked of the machine's CPU name and subtarget features.
int64_t getVectorLanes(const llvm::TargetMachine &machine);
bool hasBF16Dot(const llvm::TargetMachine &machine);
int64_t getFmaPipes(const llvm::TargetMachine &machine);
bool prefersBF16Dot(const llvm::TargetMachine &machine);

struct LowerToLLVMOptions;

/// scheduleForCpu (tconv/Pipelines/Pipelines.h) for `machine`'s CPU: what
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
