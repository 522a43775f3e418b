//===- tconv-opt.cpp - mlir-opt with the tconv dialect and passes --------===//
//
// mlir-opt's driver, but the input is read through tconv's bounded reader:
// a pipe or a device without end (/dev/zero) is an error at 2 GiB (MLIR's
// source locations are 32-bit offsets), not an unbounded read.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "tconv/InitAll.h"
#include "tconv/Support/BoundedFile.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/ToolOutputFile.h"

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllPasses();
  mlir::tconv::registerAllDialects(registry);
  mlir::tconv::registerAllPasses();
  auto [inputFilename, outputFilename] = mlir::registerAndParseCLIOptions(
      argc, argv, "tconv optimizer driver\n", registry);
  mlir::MlirOptMainConfig config =
      mlir::MlirOptMainConfig::createFromCLOptions();
  // These print and return without reading the input.
  if (config.shouldShowDialects() || config.shouldListPasses())
    return mlir::asMainReturnCode(mlir::MlirOptMain(
        argc, argv, inputFilename, outputFilename, registry));

  auto input =
      mlir::tconv::readFileWithLimit(inputFilename, (uint64_t(1) << 31) - 1);
  if (!input) {
    llvm::errs() << "tconv-opt: " << llvm::toString(input.takeError()) << "\n";
    return 1;
  }
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> output =
      mlir::openOutputFile(outputFilename, &error);
  if (!output) {
    llvm::errs() << "tconv-opt: " << error << "\n";
    return 1;
  }
  bool succeeded = mlir::succeeded(
      mlir::MlirOptMain(output->os(), std::move(*input), registry, config));
  // A full disk is an error, not the abort of an unchecked stream.
  output->os().flush();
  if (std::error_code ec = output->os().error()) {
    llvm::errs() << "tconv-opt: " << outputFilename
                 << ": cannot write: " << ec.message() << "\n";
    output->os().clear_error();
    return 1;
  }
  if (!succeeded)
    return 1;
  output->keep();
  return 0;
}
