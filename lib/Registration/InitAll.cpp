//===- InitAll.cpp - Register every tconv dialect and pass ---------------===//

#include "tconv/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Dialect/TConv/Transforms/Passes.h"

void mlir::tconv::registerAllDialects(DialectRegistry &registry) {
  registry.insert<TConvDialect>();
}

void mlir::tconv::registerAllPasses() { registerTConvPasses(); }
