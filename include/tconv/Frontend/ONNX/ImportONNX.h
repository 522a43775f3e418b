//===- ImportONNX.h - ONNX models to tconv MLIR modules ---------*- C++ -*-===//
//
// Imports an ONNX model (a ModelProto file) as a module with one func.func
// named @main on tensors: Conv and ConvTranspose become tconv.conv and
// tconv.conv_transpose with every ONNX attribute resolved (auto_pad,
// output_shape, ...), the other operators linalg, tensor, arith and math ops.
// Graph inputs become the arguments and graph outputs the results, in order;
// each carries its ONNX name as an `onnx.name` attribute. Initializers become
// constants. Shapes must be static; computations on constants (Shape ->
// Gather -> Concat -> Reshape chains) are folded while importing.
//
//   MLIRContext context;
//   auto module = importONNXFile(context, "model.onnx", {});
//   if (!module) ... llvm::toString(module.takeError()) ...
//
// Every malformed or unsupported model gives an llvm::Error whose message
// starts with the file name and names the node (name, op_type, attribute).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_FRONTEND_ONNX_IMPORTONNX_H
#define TCONV_FRONTEND_ONNX_IMPORTONNX_H

#include "tconv/Support/HostTensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace mlir::tconv {

struct ONNXImportOptions {
  /// Constants with at least this many elements are emitted as
  /// `dense_resource` blobs (printed at the end of the module, so that the
  /// IR stays readable); 0 keeps every constant inline as `dense<...>`.
  int64_t resourceMinElements = 0;
  /// Values of graph inputs known before the import (not owned; may be
  /// null). Where an operator needs a constant (a shape, axes, pads, sizes,
  /// scales...) and gets one of these inputs, it uses the value from here;
  /// the input stays an argument, marked `onnx.value_bound`, and the module
  /// is then only valid for that value. ONNX's backend tests pass such
  /// operands as inputs; exported models have them as constants.
  const llvm::StringMap<HostTensor> *inputValues = nullptr;
  /// Shapes for graph inputs, applied before the import (`--fix-shape`):
  /// dims the model leaves symbolic (a `dim_param`, such as a dynamic
  /// batch, or unknown) take the given sizes and the model is imported for
  /// them alone; dims the model fixes must match.
  llvm::StringMap<llvm::SmallVector<int64_t>> fixedShapes;
};

/// Parses a `--fix-shape` value, "NAME:D0xD1x...", into `options`. Fails
/// naming the flag on bad syntax, a size < 1 or > 2^31 - 1, or a name given
/// twice.
llvm::Error parseFixedShape(llvm::StringRef spec, ONNXImportOptions &options);

/// Imports the ModelProto in `contents`. `name` prefixes error messages;
/// external tensor data (data_location = EXTERNAL) is read relative to
/// `modelDirectory`.
llvm::Expected<OwningOpRef<ModuleOp>>
importONNXModel(MLIRContext &context, llvm::StringRef contents,
                llvm::StringRef name, llvm::StringRef modelDirectory,
                const ONNXImportOptions &options);

/// Reads and imports an .onnx file.
llvm::Expected<OwningOpRef<ModuleOp>>
importONNXFile(MLIRContext &context, llvm::StringRef path,
               const ONNXImportOptions &options);

/// True if `contents` looks like a serialized ONNX ModelProto rather than
/// MLIR: a binary protobuf starting with the ir_version field, as every
/// ONNX writer emits it. `path`'s extension ".onnx" also counts.
bool isONNXModel(llvm::StringRef contents, llvm::StringRef path);

/// The MLIR source of a model file for tools that take `.mlir`: the
/// contents themselves if they are MLIR, else the imported ONNX model
/// printed (constants inline so that the pipeline can fold them).
llvm::Expected<std::string>
loadModuleSource(llvm::StringRef contents, llvm::StringRef path,
                 const ONNXImportOptions &options = {});

/// True if the importer handles ONNX operator `opType` (default domain).
bool isSupportedONNXOperator(llvm::StringRef opType);

/// ONNX TensorProto files (.pb), as in ONNX's backend test data: FLOAT,
/// DOUBLE, FLOAT16, BFLOAT16, INT8/16/32/64, UINT8/16/32/64 and BOOL
/// tensors. NumPy has no bfloat16, so ONNX's test data stores bfloat16
/// tensors as UINT16 bit patterns: with `uint16IsBF16` (the file is read
/// for a bf16 tensor), a UINT16 file is read as BFLOAT16.
llvm::Expected<HostTensor> readTensorProtoFile(llvm::StringRef path,
                                               bool uint16IsBF16 = false);
llvm::Error writeTensorProtoFile(llvm::StringRef path,
                                 const HostTensor &tensor);

} // namespace mlir::tconv

#endif // TCONV_FRONTEND_ONNX_IMPORTONNX_H
