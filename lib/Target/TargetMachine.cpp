//===- TargetMachine.cpp - The LLVM side shared by JIT and AOT ------------===//

#include "tconv/Target/TargetMachine.h"

#include "tconv/Codegen/Strategy.h"
#include "tconv/Pipelines/Pipelines.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <mutex>
#include <optional>

using namespace mlir;
using namespace mlir::tconv;

static llvm::Error makeError(const llvm::Twine &message) {
  return llvm::make_error<llvm::StringError>(message,
                                             llvm::inconvertibleErrorCode());
}

void mlir::tconv::initializeLLVMTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    // Inline assembly (the CPU check) is parsed when objects are written.
    llvm::InitializeAllAsmParsers();
  });
}

/// Code for `triple` runs on this machine (vendor and environment spellings
/// aside).
static bool isHostTriple(const llvm::Triple &triple) {
  llvm::Triple host(llvm::sys::getProcessTriple());
  return triple.getArch() == host.getArch() && triple.getOS() == host.getOS();
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
mlir::tconv::createTargetMachine(const TargetSpec &spec, bool forJIT) {
  initializeLLVMTargets();
  std::string hostTriple = llvm::sys::getProcessTriple();
  llvm::Triple triple(spec.triple.empty()
                          ? hostTriple
                          : llvm::Triple::normalize(spec.triple));
  std::string error;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return makeError("target '" + triple.str() + "': " + error);

  bool isHost = isHostTriple(triple);
  std::string cpu = spec.cpu;
  llvm::SubtargetFeatures features;
  // A generic subtarget answers without warning about an unknown CPU.
  std::unique_ptr<llvm::MCSubtargetInfo> info(
      target->createMCSubtargetInfo(triple, "", ""));
  if (cpu.empty() && !isHost)
    cpu = "generic";
  if (cpu.empty() || cpu == "host" || cpu == "native") {
    if (!isHost)
      return makeError("the host CPU is no CPU of target '" + triple.str() +
                       "': name one with --mcpu (e.g. generic)");
    cpu = llvm::sys::getHostCPUName().str();
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      features.AddFeature(feature.getKey(), feature.getValue());
  } else if (!info || !info->isCPUStringValid(cpu)) {
    return makeError("'" + cpu + "' is not a CPU of " + triple.str());
  }
  // LLVM only warns about unknown features and ignores them: a typo would
  // silently give other code than asked for.
  for (llvm::StringRef feature : llvm::split(spec.features, ',')) {
    feature = feature.trim();
    if (feature.empty())
      continue;
    if (!feature.starts_with("+") && !feature.starts_with("-"))
      return makeError("feature '" + feature +
                       "' needs a + (enable) or - (disable) sign, e.g. +" +
                       feature);
    if (!info || !llvm::any_of(info->getAllProcessorFeatures(),
                               [&](const llvm::SubtargetFeatureKV &kv) {
                                 return feature.drop_front() == kv.Key;
                               }))
      return makeError("'" + feature.drop_front() + "' is not a feature of " +
                       triple.str());
    features.AddFeature(feature);
  }

  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features.getString(), llvm::TargetOptions(),
      llvm::Reloc::PIC_, std::nullopt, llvm::CodeGenOptLevel::Aggressive,
      forJIT));
  if (!machine)
    return makeError("cannot create a target machine for " + triple.str());
  return machine;
}

/// Calls `body` with `machine`'s CPU as the schedule sees it.
template <typename Body>
static auto withTargetCpu(const llvm::TargetMachine &machine, Body body) {
  const llvm::MCSubtargetInfo *info = machine.getMCSubtargetInfo();
  auto hasFeature = [&](llvm::StringRef feature) {
    return info->checkFeatures(("+" + feature).str());
  };
  return body(TargetCpu{machine.getTargetTriple().isX86(),
                        machine.getTargetCPU(), hasFeature});
}

int64_t mlir::tconv::getVectorLanes(const llvm::TargetMachine &machine) {
  return withTargetCpu(machine, [](const TargetCpu &cpu) {
    return getVectorLanes(cpu);
  });
}

bool mlir::tconv::hasBF16Dot(const llvm::TargetMachine &machine) {
  return withTargetCpu(
      machine, [](const TargetCpu &cpu) { return hasBF16Dot(cpu); });
}

int64_t mlir::tconv::getFmaPipes(const llvm::TargetMachine &machine) {
  return withTargetCpu(
      machine, [](const TargetCpu &cpu) { return getFmaPipes(cpu); });
}

bool mlir::tconv::prefersBF16Dot(const llvm::TargetMachine &machine) {
  return withTargetCpu(
      machine, [](const TargetCpu &cpu) { return prefersBF16Dot(cpu); });
}

void mlir::tconv::scheduleForTarget(LowerToLLVMOptions &options,
                                    const llvm::TargetMachine &machine) {
  withTargetCpu(machine, [&](const TargetCpu &cpu) {
    scheduleForCpu(options, cpu);
  });
}

void mlir::tconv::configureModuleForTarget(llvm::Module &module,
                                           llvm::TargetMachine &machine) {
  module.setTargetTriple(machine.getTargetTriple());
  module.setDataLayout(machine.createDataLayout());
  for (llvm::Function &f : module) {
    if (f.isDeclaration())
      continue;
    f.addFnAttr("target-cpu", machine.getTargetCPU());
    if (!machine.getTargetFeatureString().empty())
      f.addFnAttr("target-features", machine.getTargetFeatureString());
  }
}

void mlir::tconv::optimizeModule(llvm::Module &module,
                                 llvm::TargetMachine &machine) {
  llvm::LoopAnalysisManager loopAnalyses;
  llvm::FunctionAnalysisManager functionAnalyses;
  llvm::CGSCCAnalysisManager cgsccAnalyses;
  llvm::ModuleAnalysisManager moduleAnalyses;
  llvm::PipelineTuningOptions tuning;
  tuning.LoopUnrolling = false;
  llvm::PassBuilder builder(&machine, tuning);
  builder.registerModuleAnalyses(moduleAnalyses);
  builder.registerCGSCCAnalyses(cgsccAnalyses);
  builder.registerFunctionAnalyses(functionAnalyses);
  builder.registerLoopAnalyses(loopAnalyses);
  builder.crossRegisterProxies(loopAnalyses, functionAnalyses, cgsccAnalyses,
                               moduleAnalyses);
  builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3)
      .run(module, moduleAnalyses);
}

llvm::Error mlir::tconv::emitModule(llvm::Module &module,
                                    llvm::TargetMachine &machine,
                                    EmitKind kind, llvm::raw_fd_ostream &os) {
  if (kind == EmitKind::LLVMIR) {
    module.print(os, nullptr);
    return llvm::Error::success();
  }
  // Object writers seek; stdout cannot.
  std::optional<llvm::buffer_ostream> buffered;
  llvm::raw_pwrite_stream *out = &os;
  if (!os.supportsSeeking())
    out = &buffered.emplace(os);
  llvm::legacy::PassManager pm;
  if (machine.addPassesToEmitFile(pm, *out, nullptr,
                                  kind == EmitKind::Object
                                      ? llvm::CodeGenFileType::ObjectFile
                                      : llvm::CodeGenFileType::AssemblyFile))
    return makeError("the target cannot emit this file type");
  pm.run(module);
  return llvm::Error::success();
}

llvm::SmallVector<std::string>
mlir::tconv::getEnabledFeatures(const llvm::TargetMachine &machine) {
  const llvm::MCSubtargetInfo *info = machine.getMCSubtargetInfo();
  llvm::SmallVector<std::string> enabled;
  for (const llvm::SubtargetFeatureKV &kv : info->getAllProcessorFeatures())
    if (info->getFeatureBits().test(kv.Value))
      enabled.push_back(kv.Key);
  return enabled;
}

llvm::Error mlir::tconv::checkRunsOnHost(const llvm::TargetMachine &machine) {
  std::string hostTriple = llvm::sys::getProcessTriple();
  if (!isHostTriple(machine.getTargetTriple()))
    return makeError("target '" + machine.getTargetTriple().str() +
                     "' is not this machine's (" + hostTriple +
                     "): code compiled in process runs here; cross-compile "
                     "with tconv-compile");
  // The host's answer covers the ISA features (and their OS support);
  // tuning flags are not in it and need no hardware.
  llvm::StringMap<bool> host = llvm::sys::getHostCPUFeatures();
  std::string missing;
  for (const std::string &feature : getEnabledFeatures(machine)) {
    auto it = host.find(feature);
    if (it != host.end() && !it->second)
      missing += (missing.empty() ? "" : ", ") + feature;
  }
  if (!missing.empty())
    return makeError("this CPU (" + llvm::sys::getHostCPUName() +
                     ") lacks features of target CPU '" +
                     machine.getTargetCPU() + "' that the code may use: " +
                     missing + "; code compiled in process must run here "
                     "(cross-compile with tconv-compile)");
  return llvm::Error::success();
}
