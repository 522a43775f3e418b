//===- AheadOfTime.h - Objects with a C interface ---------------*- C++ -*-===//
//
// What tconv-compile does, as a library: every entry function of a module on
// tensors becomes a plain C function
//
//   int <prefix><name>(const T *in0, ..., T *out0, ..., void *workspace);
//   size_t <prefix><name>_workspace_size(void);
//   int <prefix>check_cpu(void);  // 0 if this CPU runs the code
//
// over caller-owned, contiguous row-major arrays and a caller-owned,
// 64-byte aligned workspace for the temporaries (no allocation inside), compiled to an object (or
// assembly, or LLVM IR) for a target machine, with a C header declaring it.
// The object needs no MLIR and no JIT at run time: only libc, libm and, when
// the code was parallelized, the OpenMP runtime (the header says which).
//
// How: each entry @f is cloned into @"__tconv_impl.f", whose tensor arguments
// and results become memref arguments (bufferization.to_tensor on the inputs,
// bufferization.materialize_in_destination into the outputs, so bufferization
// can compute directly into the caller's buffers). The module then goes
// through --tconv-lower-to-llvm, and an llvm.func @<prefix>f(ptr, ...) -> i32
// builds the memref descriptors of the static shapes and calls the impl.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_TARGET_AHEADOFTIME_H
#define TCONV_TARGET_AHEADOFTIME_H

#include "tconv/Target/TargetMachine.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/SmallVector.h"

#include <functional>
#include <string>

namespace mlir {
class PassManager;
} // namespace mlir

namespace mlir::tconv {

struct LowerToLLVMOptions;

/// One parameter of an exported C function.
struct CParam {
  std::string name; // in0, out1, ...
  Type elementType;
  SmallVector<int64_t> shape; // Empty for scalars and rank-0 tensors.
  bool byValue = false;       // A scalar input, passed by value.
  bool isOutput = false;
  bool isUnsigned = false; // Marked tconv.unsigned: a uintN_t in C.
  /// The caller's scratch memory for the temporaries (tconv-plan-workspace):
  /// `shape` holds its bytes, aligned to kWorkspaceAlignment.
  bool isWorkspace = false;
};

/// Alignment the C entry points require of the workspace pointer.
inline constexpr int64_t kWorkspaceAlignment = 64;
/// Alignment the header advises for arrays: a cache line, which streaming
/// stores write whole (tconv-streaming-result-stores).
inline constexpr int64_t kArrayAlignment = 64;

/// An exported entry point.
struct CEntry {
  std::string mlirName;
  std::string cName;
  std::string implName;
  std::string mlirSignature;
  SmallVector<CParam> params;
  /// Whether some arrays have a dynamic batch (shape[0] is
  /// ShapedType::kDynamic): the C function takes `int64_t n` first, their
  /// dim 0.
  bool hasDynamicBatch() const {
    return llvm::any_of(params, [](const CParam &param) {
      return !param.shape.empty() && ShapedType::isDynamic(param.shape[0]);
    });
  }
};

/// The C spelling of a supported element type, or nullopt. Integers are
/// signless: `isUnsigned` (the value's tconv.unsigned mark) picks uintN_t.
std::optional<StringRef> getCTypeName(Type type, bool isUnsigned = false);

/// Picks the entry functions (`names`, or every public function with a body
/// when empty) and checks that their signatures have a C form. Errors are
/// emitted as diagnostics.
FailureOr<SmallVector<CEntry>> selectCEntries(ModuleOp module,
                                             ArrayRef<std::string> names,
                                             StringRef prefix);

/// Makes every function private and adds the memref-in, memref-out impl of
/// each entry (see above).
void buildCEntryImpls(ModuleOp module, ArrayRef<CEntry> entries);

/// After --tconv-lower-to-llvm: adds llvm.func @<cName>(ptr/scalars) -> i32
/// calling each lowered impl (appending the workspace parameter to entries
/// whose impl takes one) and @<cName>_workspace_size() -> i64, and makes
/// every other function internal.
LogicalResult buildCWrappers(ModuleOp module, MutableArrayRef<CEntry> entries);

/// What an object needs from the system at link time.
struct RuntimeDeps {
  SmallVector<std::string> libc; // libc and libm functions.
  SmallVector<std::string> openmp;
  bool mutableGlobals = false; // Calls are not reentrant.
};

/// Classifies the functions `module` calls but does not define. Anything but
/// the C library and the OpenMP runtime (e.g. MLIR's runner utils) is an
/// error: the object must not need MLIR at run time.
llvm::Expected<RuntimeDeps> collectRuntimeDeps(llvm::Module &module);

/// Names written into the header's comments.
struct CHeaderInfo {
  /// The path of the header (its guard is made from the file name).
  std::string headerPath;
  /// The source model and the object the header goes with (for "link with").
  std::string sourceName;
  std::string objectName;
  /// What the code was compiled for (compileAheadOfTime fills these).
  std::string targetTriple;
  std::string targetCPU;
  /// LLVM's feature string of the target machine (e.g. "+sve").
  std::string targetFeatures;
  SmallVector<std::string> checkedFeatures;
  /// The name of the CPU check function, <prefix>check_cpu.
  std::string checkCpuName;
};

/// Writes the C header declaring `entries`.
void writeCHeader(llvm::raw_ostream &os, ArrayRef<CEntry> entries,
                  const RuntimeDeps &deps, const CHeaderInfo &info);

/// What an entry point returns when the CPU lacks features the code was
/// compiled for (0: success, 1: a NULL array, 2: a misaligned workspace).
inline constexpr int kCpuCheckFailed = 3;
/// Marks the one global <prefix>check_cpu() writes: a flag that the CPU
/// passed, set once and never cleared, which leaves calls reentrant.
inline constexpr llvm::StringLiteral kCpuCheckFlagAttr =
    "tconv-cpu-check-passed";
/// What an entry point with a dynamic batch returns when n < 1.
inline constexpr int kBatchOutOfRange = 4;

/// The ISA features that <prefix>check_cpu() tests on `machine`'s target:
/// every x86 extension beyond x86-64's baseline that `machine` enables (on
/// other targets none: AArch64's NEON is baseline).
SmallVector<std::string>
getRuntimeCheckedFeatures(const llvm::TargetMachine &machine);

/// Defines `int <checkName>(void)` in `module` (0 if this CPU has every
/// checked feature, else kCpuCheckFailed after one line on stderr that
/// starts with `objectName` and names the missing ones) and makes each entry
/// in `entryNames` call it first and return its failure.
void addCpuCheck(llvm::Module &module, const llvm::TargetMachine &machine,
                 StringRef checkName, ArrayRef<std::string> entryNames,
                 StringRef objectName);

struct AheadOfTimeOptions {
  /// Functions to export; empty: every public function with a body.
  SmallVector<std::string> entries;
  /// Prefix of the exported C function names.
  std::string prefix = "tconv_";
  EmitKind emit = EmitKind::Object;
  /// Called on the pass manager of the MLIR lowering before it runs, e.g.
  /// with mlir::applyPassManagerCLOptions (IR printing, timing).
  std::function<LogicalResult(PassManager &)> configurePassManager;
};

/// Compiles `module` (which it rewrites) for `machine`: writes the code to
/// `out` and, if `header` is not null, the C header. Errors are reported as
/// diagnostics.
LogicalResult compileAheadOfTime(ModuleOp module,
                               const LowerToLLVMOptions &pipelineOptions,
                               const AheadOfTimeOptions &options,
                               llvm::TargetMachine &machine,
                               llvm::raw_fd_ostream &out,
                               llvm::raw_ostream *header,
                               const CHeaderInfo &headerInfo);

} // namespace mlir::tconv

#endif // TCONV_TARGET_AHEADOFTIME_H
