//===- InitAll.h - Register every tconv dialect and pass --------*- C++ -*-===//
//
// Entry points for tools and for compilers that embed tconv.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_INITALL_H
#define TCONV_INITALL_H

namespace mlir {
class DialectRegistry;
namespace tconv {

/// Adds the tconv dialect and the upstream dialects our pipelines create.
void registerAllDialects(DialectRegistry &registry);

/// Registers every tconv pass and pipeline with the global pass registry.
void registerAllPasses();

} // namespace tconv
} // namespace mlir

#endif // TCONV_INITALL_H
