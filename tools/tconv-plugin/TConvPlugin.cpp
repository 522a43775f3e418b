//===- TConvPlugin.cpp - tconv as an mlir-opt plugin ----------------------===//
//
// One shared object that is both a dialect plugin and a pass plugin, so that
// upstream tools load tconv with --load-dialect-plugin / --load-pass-plugin.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "tconv/InitAll.h"
#include "llvm/Support/Compiler.h"

#include <mutex>

static void registerDialects(mlir::DialectRegistry *registry) {
  mlir::tconv::registerAllDialects(*registry);
}

// A tool may load the plugin more than once (the same path given twice);
// MLIR builds with assertions abort on a second registration of a pipeline.
static void registerPasses() {
  static std::once_flag once;
  std::call_once(once, [] { mlir::tconv::registerAllPasses(); });
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "tconv", TCONV_VERSION_STRING,
          registerDialects};
}

extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "tconv", TCONV_VERSION_STRING,
          registerPasses};
}
