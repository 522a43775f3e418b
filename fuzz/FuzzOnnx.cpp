//===- FuzzOnnx.cpp - libFuzzer target of the ONNX importer ---------------===//
//
// Any bytes as an ONNX model (the protobuf parser, graph checks, shape
// inference, initializers and attributes, the dynamic batch probe): an error
// or a module that verifies, never a crash, a sanitizer report, a hang or an
// allocation beyond the input's declared and checked sizes. External data is
// looked up in a directory that does not exist.
//
//===----------------------------------------------------------------------===//

#include "tconv/Frontend/ONNX/ImportONNX.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  // One context for all inputs: creating one per input would dominate.
  static mlir::MLIRContext context;
  llvm::StringRef contents(reinterpret_cast<const char *>(data), size);
  auto module = mlir::tconv::importONNXModel(
      context, contents, "fuzz.onnx", "/nonexistent-tconv-fuzz", {});
  if (!module) {
    llvm::consumeError(module.takeError());
    return 0;
  }
  // The importer promises a verified module.
  if (failed(mlir::verify(**module)))
    __builtin_trap();
  return 0;
}
