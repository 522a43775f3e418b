//===- InitAll.cpp - Register every tconv dialect and pass ---------------===//

#include "tconv/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "tconv/Conversion/Passes.h"
#include "tconv/Conversion/TConvToReference/Passes.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Dialect/TConv/Transforms/Passes.h"
#include "tconv/Pipelines/Passes.h"
#include "tconv/Pipelines/Pipelines.h"

void mlir::tconv::registerAllDialects(DialectRegistry &registry) {
  registry.insert<TConvDialect>();
}

void mlir::tconv::registerAllPasses() {
  registerTConvPasses();
  registerTConvConversionPasses();
  registerTConvToReferencePasses();
  registerTConvPipelinesPasses();
  registerPipelines();
}
