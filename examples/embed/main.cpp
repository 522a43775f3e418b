//===- main.cpp - A compiler that embeds tconv ----------------------------===//
//
// Usage: embed-tconv [FILE.mlir] [--target-cpu=CPU] [--pipeline=TEXT]
//
// Parses FILE (default: a built-in module with a tconv.conv_transpose), lowers
// it to the LLVM dialect and prints the result. Without --pipeline the
// lowering is built with the C++ API (tconv::buildLowerToLLVMPipeline),
// scheduled for CPU (host, znver5, x86-64-v3...; default: the portable
// schedule); with it, TEXT is parsed against the passes
// tconv::registerAllPasses() registered, e.g.
// --pipeline='builtin.module(tconv-lower-to-llvm{target-cpu=host})'.
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "tconv/InitAll.h"
#include "tconv/Pipelines/Pipelines.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

// The seed's 1-D example: [x1, x2] * [w1, w2, w3], stride 2, pads 1.
static constexpr const char *kDefaultModule = R"mlir(
func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}
)mlir";

int main(int argc, char **argv) {
  std::string file, pipeline, targetCpu;
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg.consume_front("--pipeline="))
      pipeline = arg.str();
    else if (arg.consume_front("--target-cpu="))
      targetCpu = arg.str();
    else if (!arg.starts_with("-") && file.empty())
      file = arg.str();
    else {
      llvm::errs() << "usage: embed-tconv [FILE.mlir] [--target-cpu=CPU] "
                      "[--pipeline=TEXT]\n";
      return 1;
    }
  }

  mlir::DialectRegistry registry;
  mlir::tconv::registerAllDialects(registry);
  mlir::tconv::registerAllPasses();
  mlir::MLIRContext context(registry);

  mlir::OwningOpRef<mlir::ModuleOp> module =
      file.empty()
          ? mlir::parseSourceString<mlir::ModuleOp>(kDefaultModule, &context)
          : mlir::parseSourceFile<mlir::ModuleOp>(file, &context);
  if (!module)
    return 1; // The parser has reported the error.

  mlir::PassManager pm(&context);
  if (pipeline.empty()) {
    mlir::tconv::LowerToLLVMOptions options;
    options.parallel = false;
    options.targetCpu = targetCpu;
    auto report = [](const llvm::Twine &message) {
      llvm::errs() << message << "\n";
    };
    if (mlir::failed(mlir::tconv::applyTargetCpu(options, report)) ||
        mlir::failed(mlir::tconv::verifyLowerToLLVMOptions(options, report)))
      return 1;
    mlir::tconv::buildLowerToLLVMPipeline(pm, options);
  } else {
    // The text names its anchor, e.g. builtin.module(...).
    mlir::FailureOr<mlir::OpPassManager> parsed =
        mlir::parsePassPipeline(pipeline, llvm::errs());
    if (mlir::failed(parsed))
      return 1;
    if (parsed->getOpAnchorName() != mlir::ModuleOp::getOperationName()) {
      llvm::errs() << "the pipeline must be anchored on builtin.module\n";
      return 1;
    }
    static_cast<mlir::OpPassManager &>(pm) = std::move(*parsed);
  }
  if (mlir::failed(pm.run(*module)))
    return 1;

  module->print(llvm::outs());
  llvm::outs() << "\n";
  return 0;
}
