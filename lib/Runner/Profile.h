//===- Profile.h - Timing the ops of a profiled kernel ----------*- C++ -*-===//
//
// The runner's side of tconv-instrument-ops: the tconv_profile_begin/end
// functions given to the JIT, and the table of what each id stands for.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_RUNNER_PROFILE_H
#define TCONV_LIB_RUNNER_PROFILE_H

#include "tconv/Runner/Runner.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ExecutionEngine/Orc/Mangling.h"

#include <vector>

namespace mlir::tconv {

/// Reads the instrumented ops' descriptions from the module and removes
/// the attribute (translation to LLVM IR would not know it).
std::vector<ProfiledOp> takeProfiledOps(ModuleOp module);

/// tconv_profile_begin and tconv_profile_end, for
/// ExecutionEngine::registerSymbols.
llvm::orc::SymbolMap getProfileSymbols(llvm::orc::MangleAndInterner interner);

} // namespace mlir::tconv

#endif // TCONV_LIB_RUNNER_PROFILE_H
