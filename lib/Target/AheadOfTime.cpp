//===- AheadOfTime.cpp - Module on tensors -> object + C header -----------===//

#include "tconv/Target/AheadOfTime.h"

#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Transforms/Passes.h"
#include "tconv/Conversion/Passes.h"
#include "tconv/Pipelines/Pipelines.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Path.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::tconv;

LogicalResult mlir::tconv::compileAheadOfTime(
    ModuleOp module, const LowerToLLVMOptions &pipelineOptions,
    const AheadOfTimeOptions &options, llvm::TargetMachine &machine,
    llvm::raw_fd_ostream &out, llvm::raw_ostream *header,
    const CHeaderInfo &headerInfo) {
  FailureOr<SmallVector<CEntry>> entries =
      selectCEntries(module, options.entries, options.prefix);
  if (failed(entries))
    return failure();
  std::string checkName = options.prefix + "check_cpu";
  for (const CEntry &entry : *entries)
    if (entry.cName == checkName)
      return emitError(module.getLoc(), "entry '")
             << entry.mlirName << "': '" << checkName
             << "' is the CPU check's name (use --prefix or rename the "
                "function)";
  // A dynamic batch (a large static one, as in the pipeline) becomes a loop
  // over a per-image function before the entries take memref arguments (the
  // pipeline's own outlining then finds no tensor arguments left).
  PassManager outline(module.getContext());
  addBatchOutlining(outline, pipelineOptions);
  if (failed(outline.run(module)))
    return failure();
  buildCEntryImpls(module, *entries);
  if (failed(verify(module)))
    return failure();

  PassManager pm(module.getContext());
  if (options.configurePassManager &&
      failed(options.configurePassManager(pm)))
    return failure();
  pm.addPass(createSymbolDCEPass());
  buildLowerToLLVMPipeline(pm, pipelineOptions);
  if (failed(pm.run(module)) || failed(checkLoweredToLLVM(module)) ||
      failed(buildCWrappers(module, *entries)))
    return failure();

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateModuleToLLVMIR(
      module, llvmContext, llvm::sys::path::filename(headerInfo.sourceName));
  if (!llvmModule)
    return emitError(module.getLoc(), "translation to LLVM IR failed");
  configureModuleForTarget(*llvmModule, machine);
  SmallVector<std::string> cNames;
  for (const CEntry &entry : *entries)
    cNames.push_back(entry.cName);
  StringRef objectName = headerInfo.objectName.empty()
                             ? StringRef(headerInfo.sourceName)
                             : StringRef(headerInfo.objectName);
  addCpuCheck(*llvmModule, machine, checkName, cNames,
              llvm::sys::path::filename(objectName));
  optimizeModule(*llvmModule, machine);

  llvm::Expected<RuntimeDeps> deps = collectRuntimeDeps(*llvmModule);
  if (!deps)
    return emitError(module.getLoc(), llvm::toString(deps.takeError()));
  if (llvm::Error err = emitModule(*llvmModule, machine, options.emit, out))
    return emitError(module.getLoc(), llvm::toString(std::move(err)));
  if (header) {
    CHeaderInfo info = headerInfo;
    info.targetTriple = machine.getTargetTriple().str();
    info.targetCPU = machine.getTargetCPU().str();
    info.targetFeatures = machine.getTargetFeatureString().str();
    info.checkedFeatures = getRuntimeCheckedFeatures(machine);
    info.checkCpuName = checkName;
    writeCHeader(*header, *entries, *deps, info);
  }
  return success();
}
