//===- TConvOps.h - tconv operations ----------------------------*- C++ -*-===//

#ifndef TCONV_DIALECT_TCONV_IR_TCONVOPS_H
#define TCONV_DIALECT_TCONV_IR_TCONVOPS_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/Dialect/TConv/IR/TConvDialect.h"

#define GET_OP_CLASSES
#include "tconv/Dialect/TConv/IR/TConvOps.h.inc"

#endif // TCONV_DIALECT_TCONV_IR_TCONVOPS_H
