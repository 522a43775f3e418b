//===- InitAll.cpp - Register every tconv dialect and pass ---------------===//

#include "tconv/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "tconv/Codegen/Passes.h"
#include "tconv/Conversion/Passes.h"
#include "tconv/Conversion/TConvToReference/Passes.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Dialect/TConv/Transforms/Passes.h"
#include "tconv/Pipelines/Pipelines.h"

void mlir::tconv::registerAllDialects(DialectRegistry &registry) {
  registry.insert<TConvDialect>();
  // Inputs mix in upstream dialects, and the pipelines rely on upstream
  // external models (bufferization, tiling, ...). Registering all of them
  // keeps embedders and the plugin independent of the pipeline's details;
  // with libMLIR.so it costs no code size.
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
}

void mlir::tconv::registerAllPasses() {
  registerTConvPasses();
  registerTConvConversionPasses();
  registerTConvToReferencePasses();
  registerTConvCodegenPasses();
  registerPipelines();
}
