//===- TConvDialect.cpp - tconv dialect ----------------------------------===//

#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

using namespace mlir;
using namespace mlir::tconv;

#include "tconv/Dialect/TConv/IR/TConvOpsDialect.cpp.inc"

void TConvDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "tconv/Dialect/TConv/IR/TConvOps.cpp.inc"
      >();
}
