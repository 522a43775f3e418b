//===- tconv-import-onnx.cpp - ONNX model to tconv MLIR -------------------===//
//
// tconv-import-onnx model.onnx [-o model.mlir | -o -] [--resource-min-elements=N]
//                   [--fix-shape=NAME:SHAPE ...]
//
// Writes the model as an MLIR module whose @main takes the graph inputs and
// returns the graph outputs (ImportONNX.h). Every error is one message on
// stderr and exit code 1.
//
//===----------------------------------------------------------------------===//

#include "tconv/Frontend/ONNX/ImportONNX.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
namespace cl = llvm::cl;

static cl::OptionCategory category("tconv-import-onnx options");
static cl::opt<std::string> inputFilename(cl::Positional, cl::Required,
                                          cl::desc("<model.onnx>"),
                                          cl::cat(category));
static cl::opt<std::string>
    outputFilename("o", cl::desc("Output file, - for stdout (default)"),
                   cl::value_desc("file"), cl::init("-"), cl::cat(category));
static cl::list<std::string> fixedShapes(
    "fix-shape",
    cl::desc("Import the model for this shape of graph input NAME, e.g. "
             "x:8x3x224x224: its symbolic dims (a dynamic batch, a dynamic "
             "size) take these sizes; repeatable"),
    cl::value_desc("NAME:SHAPE"), cl::cat(category));
static cl::opt<int64_t> resourceMinElements(
    "resource-min-elements",
    cl::desc("Write constants with at least N elements as dense_resource "
             "blobs at the end of the module (0: all inline)"),
    cl::value_desc("N"), cl::init(64), cl::cat(category));

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(argc, argv,
                              "tconv-import-onnx: convert an ONNX model to a "
                              "tconv MLIR module (entry function @main)\n");
  if (resourceMinElements < 0) {
    llvm::errs() << "tconv-import-onnx: --resource-min-elements must be >= 0\n";
    return 1;
  }
  MLIRContext context;
  tconv::ONNXImportOptions options;
  options.resourceMinElements = resourceMinElements;
  for (const std::string &spec : fixedShapes)
    if (llvm::Error err = tconv::parseFixedShape(spec, options)) {
      llvm::errs() << "tconv-import-onnx: " << llvm::toString(std::move(err))
                   << "\n";
      return 1;
    }
  auto module = tconv::importONNXFile(context, inputFilename, options);
  if (!module) {
    llvm::errs() << "tconv-import-onnx: " << llvm::toString(module.takeError())
                 << "\n";
    return 1;
  }
  std::error_code ec;
  llvm::ToolOutputFile output(outputFilename, ec, llvm::sys::fs::OF_None);
  if (ec) {
    llvm::errs() << "tconv-import-onnx: " << outputFilename
                 << ": cannot write: " << ec.message() << "\n";
    return 1;
  }
  (*module)->print(output.os());
  output.os() << "\n";
  output.keep();
  return 0;
}
