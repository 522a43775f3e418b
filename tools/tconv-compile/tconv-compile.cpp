//===- tconv-compile.cpp - Ahead-of-time compiler for tconv modules -------===//
//
//   tconv-compile model.mlir --emit=object -o model.o --header=model.h
//
// A thin tool over compileAheadOfTime (tconv/Target/AheadOfTime.h): every
// entry function (default: the public ones) of a module on tensors becomes a
// plain C function over caller-owned arrays, in an object for the host CPU
// or --target/--mcpu/--mattr (e.g. aarch64-linux-gnu, x86-64-v3).
//
//===----------------------------------------------------------------------===//

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Support/Timing.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "tconv/Frontend/ONNX/ImportONNX.h"
#include "tconv/InitAll.h"
#include "tconv/Pipelines/Pipelines.h"
#include "tconv/Support/BoundedFile.h"
#include "tconv/Target/AheadOfTime.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

using namespace mlir;

namespace {
llvm::cl::OptionCategory toolCategory("tconv-compile options");

llvm::cl::opt<std::string> inputFilename(llvm::cl::Positional,
                                         llvm::cl::desc("<input .mlir>"),
                                         llvm::cl::Required,
                                         llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string>
    outputFilename("o", llvm::cl::desc("Output file ('-' for stdout)"),
                   llvm::cl::value_desc("file"), llvm::cl::Required,
                   llvm::cl::cat(toolCategory));
llvm::cl::opt<tconv::EmitKind> emitKind(
    "emit", llvm::cl::desc("What to write to -o"),
    llvm::cl::values(
        clEnumValN(tconv::EmitKind::Object, "object", "Native object file"),
        clEnumValN(tconv::EmitKind::Assembly, "asm", "Native assembly"),
        clEnumValN(tconv::EmitKind::LLVMIR, "llvm", "Optimized LLVM IR (text)")),
    llvm::cl::init(tconv::EmitKind::Object), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string>
    headerFilename("header",
                   llvm::cl::desc("Also write a C header declaring the entry "
                                  "points"),
                   llvm::cl::value_desc("file"), llvm::cl::cat(toolCategory));
llvm::cl::list<std::string>
    entryNames("entry",
               llvm::cl::desc("Functions to export (default: every public "
                              "function); repeat or separate with commas"),
               llvm::cl::CommaSeparated, llvm::cl::value_desc("name"),
               llvm::cl::cat(toolCategory));
llvm::cl::list<std::string> fixedShapes(
    "fix-shape",
    llvm::cl::desc("Import an ONNX model for this shape of graph input NAME, "
                   "e.g. x:8x3x224x224: its symbolic dims (a dynamic batch, a "
                   "dynamic size) take these sizes; repeatable"),
    llvm::cl::value_desc("NAME:SHAPE"), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string>
    symbolPrefix("prefix",
                 llvm::cl::desc("Prefix of the exported C function names"),
                 llvm::cl::init("tconv_"), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string> transposeStrategy(
    "transpose-strategy",
    llvm::cl::desc("How transposed convolutions are rewritten: auto, phase or "
                   "zero-insert"),
    llvm::cl::init("auto"), llvm::cl::cat(toolCategory));
llvm::cl::opt<bool>
    parallel("parallel",
             llvm::cl::desc("Parallelize with OpenMP (the program then links "
                            "the OpenMP runtime)"),
             llvm::cl::init(true), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string> pipelineOptions(
    "pipeline-options",
    llvm::cl::desc("More --tconv-lower-to-llvm options, e.g. \"ow-tile=6 "
                   "f-tile=32\" (the vector width defaults to the target "
                   "CPU's)"),
    llvm::cl::value_desc("options"), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string> targetTriple(
    "target",
    llvm::cl::desc("Target triple, e.g. aarch64-linux-gnu (default: the "
                   "host's)"),
    llvm::cl::value_desc("triple"), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string> targetCPU(
    "mcpu",
    llvm::cl::desc("Target CPU, e.g. x86-64-v3, znver4 or host (default: host "
                   "for the host's triple, generic for others)"),
    llvm::cl::value_desc("name"), llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string> targetFeatures(
    "mattr",
    llvm::cl::desc("CPU features to add or remove, e.g. -avx512f,+avx2"),
    llvm::cl::value_desc("+a,-b,..."), llvm::cl::cat(toolCategory));

llvm::raw_ostream &toolError() {
  return llvm::WithColor::error(llvm::errs(), "tconv-compile");
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  // Registered passes can be named in --mlir-print-ir-after and friends.
  registerAllPasses();
  tconv::registerAllPasses();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerDefaultTimingManagerCLOptions();
  registerAsmPrinterCLOptions();
  llvm::cl::HideUnrelatedOptions(toolCategory);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "tconv ahead-of-time compiler: MLIR on tensors -> object + C header\n");

  tconv::TargetSpec target;
  target.triple = targetTriple;
  target.cpu = targetCPU;
  target.features = targetFeatures;
  auto machine = tconv::createTargetMachine(target, /*forJIT=*/false);
  if (!machine) {
    toolError() << llvm::toString(machine.takeError()) << "\n";
    return 1;
  }
  tconv::LowerToLLVMOptions options;
  options.transposeStrategy = transposeStrategy;
  options.parallel = parallel;
  tconv::scheduleForTarget(options, **machine);
  std::string optionError;
  llvm::raw_string_ostream optionErrorStream(optionError);
  if (failed(options.parseFromString(pipelineOptions, optionErrorStream))) {
    toolError() << "invalid --pipeline-options '" << pipelineOptions << "'";
    if (!optionError.empty())
      llvm::errs() << ": " << llvm::StringRef(optionError).trim();
    llvm::errs() << "\n";
    return 1;
  }
  if (failed(tconv::applyTargetCpu(options, [](const Twine &message) {
        toolError() << "--pipeline-options: " << message << "\n";
      })))
    return 1;
  if (options.bf16Dot && !tconv::hasBF16Dot(**machine)) {
    toolError() << "--pipeline-options: bf16-dot needs a target CPU with "
                   "avx512bf16\n";
    return 1;
  }
  if (failed(tconv::verifyLowerToLLVMOptions(options, [](const Twine &message) {
        toolError() << message << "\n";
      })))
    return 1;
  if (!headerFilename.empty() && headerFilename == outputFilename) {
    toolError() << "--header and -o name the same file\n";
    return 1;
  }

  // Open the outputs first: a bad path fails before the long compile, and
  // nothing is left behind on failure (the files are only kept at the end).
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> output =
      openOutputFile(outputFilename, &error);
  if (!output) {
    toolError() << error << "\n";
    return 1;
  }
  std::unique_ptr<llvm::ToolOutputFile> header;
  if (!headerFilename.empty()) {
    header = openOutputFile(headerFilename, &error);
    if (!header) {
      toolError() << error << "\n";
      return 1;
    }
  }
  // Bounded: MLIR's source locations are 32-bit offsets; a pipe or a device
  // is not read past that.
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> file =
      tconv::readFileWithLimit(inputFilename, (uint64_t(1) << 31) - 1);
  if (!file) {
    toolError() << llvm::toString(file.takeError()) << "\n";
    return 1;
  }
  // An ONNX model is imported to MLIR first.
  tconv::ONNXImportOptions importOptions;
  for (const std::string &spec : fixedShapes)
    if (llvm::Error err = tconv::parseFixedShape(spec, importOptions)) {
      toolError() << llvm::toString(std::move(err)) << "\n";
      return 1;
    }
  llvm::Expected<std::string> source = tconv::loadModuleSource(
      (*file)->getBuffer(), inputFilename, importOptions);
  if (!source) {
    toolError() << llvm::toString(source.takeError()) << "\n";
    return 1;
  }
  std::unique_ptr<llvm::MemoryBuffer> input =
      llvm::MemoryBuffer::getMemBufferCopy(*source,
                                           (*file)->getBufferIdentifier());

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
  tconv::registerAllDialects(registry);
  MLIRContext context(registry);

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;

  tconv::AheadOfTimeOptions aot;
  aot.entries.assign(entryNames.begin(), entryNames.end());
  aot.prefix = symbolPrefix;
  aot.emit = emitKind;
  tconv::CHeaderInfo headerInfo;
  headerInfo.headerPath = headerFilename;
  headerInfo.sourceName = inputFilename;
  if (emitKind == tconv::EmitKind::Object)
    headerInfo.objectName = outputFilename;
  aot.configurePassManager = [](PassManager &pm) {
    applyDefaultTimingPassManagerCLOptions(pm);
    return applyPassManagerCLOptions(pm);
  };
  if (failed(tconv::compileAheadOfTime(*module, options, aot, **machine,
                                       output->os(),
                                       header ? &header->os() : nullptr,
                                       headerInfo)))
    return 1;
  // A full disk is an error, not the stream destructor's abort.
  for (auto [file, name] : {std::pair(output.get(), &outputFilename),
                            std::pair(header.get(), &headerFilename)}) {
    if (!file)
      continue;
    file->os().flush();
    if (file->os().has_error()) {
      toolError() << *name << ": cannot write: "
                  << file->os().error().message() << "\n";
      file->os().clear_error();
      return 1;
    }
  }

  output->keep();
  if (header)
    header->keep();
  return 0;
}
