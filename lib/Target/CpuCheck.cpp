//===- CpuCheck.cpp - Objects that refuse CPUs lacking their features -----===//
//
// An object compiled for, say, AVX-512 dies with SIGILL on an AVX2 machine.
// Instead, its entry points first call <prefix>check_cpu(), which asks the
// CPU (cpuid, and xgetbv for the registers the OS saves) for each ISA
// feature the code was compiled with; if one is missing it writes one line
// to stderr naming them and the entry returns kCpuCheckFailed. Written in
// LLVM IR with inline assembly: the object needs no runtime library for it.
//
//===----------------------------------------------------------------------===//

#include "tconv/Target/AheadOfTime.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InlineAsm.h"
#include "llvm/IR/Module.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;
using namespace mlir::tconv;

namespace {
enum Register { EAX, EBX, ECX, EDX };
/// Where cpuid reports an x86 feature, and the XCR0 bits (state the OS
/// saves) that its registers need.
struct X86Feature {
  const char *name; // LLVM's name.
  uint32_t leaf, subleaf;
  Register reg;
  unsigned bit;
  uint64_t xcr0;
};
} // namespace

static constexpr uint64_t kAVXState = 0x6;      // SSE, AVX (ymm).
static constexpr uint64_t kAVX512State = 0xe6;  // + opmask, zmm.
static constexpr uint64_t kAMXState = 0x60000;  // Tile config and data.

// The ISA extensions beyond x86-64's baseline that compiled code can use
// (Intel SDM vol. 2 "CPUID", AMD APM vol. 3 appendix E).
static const X86Feature kX86Features[] = {
    {"sse3", 1, 0, ECX, 0, 0},
    {"pclmul", 1, 0, ECX, 1, 0},
    {"ssse3", 1, 0, ECX, 9, 0},
    {"fma", 1, 0, ECX, 12, kAVXState},
    {"cx16", 1, 0, ECX, 13, 0},
    {"sse4.1", 1, 0, ECX, 19, 0},
    {"sse4.2", 1, 0, ECX, 20, 0},
    {"movbe", 1, 0, ECX, 22, 0},
    {"popcnt", 1, 0, ECX, 23, 0},
    {"aes", 1, 0, ECX, 25, 0},
    {"xsave", 1, 0, ECX, 26, 0},
    {"avx", 1, 0, ECX, 28, kAVXState},
    {"f16c", 1, 0, ECX, 29, kAVXState},
    {"rdrnd", 1, 0, ECX, 30, 0},
    {"fsgsbase", 7, 0, EBX, 0, 0},
    {"bmi", 7, 0, EBX, 3, 0},
    {"avx2", 7, 0, EBX, 5, kAVXState},
    {"bmi2", 7, 0, EBX, 8, 0},
    {"avx512f", 7, 0, EBX, 16, kAVX512State},
    {"avx512dq", 7, 0, EBX, 17, kAVX512State},
    {"rdseed", 7, 0, EBX, 18, 0},
    {"adx", 7, 0, EBX, 19, 0},
    {"avx512ifma", 7, 0, EBX, 21, kAVX512State},
    {"avx512cd", 7, 0, EBX, 28, kAVX512State},
    {"sha", 7, 0, EBX, 29, 0},
    {"avx512bw", 7, 0, EBX, 30, kAVX512State},
    {"avx512vl", 7, 0, EBX, 31, kAVX512State},
    {"avx512vbmi", 7, 0, ECX, 1, kAVX512State},
    {"avx512vbmi2", 7, 0, ECX, 6, kAVX512State},
    {"gfni", 7, 0, ECX, 8, 0},
    {"vaes", 7, 0, ECX, 9, kAVXState},
    {"vpclmulqdq", 7, 0, ECX, 10, kAVXState},
    {"avx512vnni", 7, 0, ECX, 11, kAVX512State},
    {"avx512bitalg", 7, 0, ECX, 12, kAVX512State},
    {"avx512vpopcntdq", 7, 0, ECX, 14, kAVX512State},
    {"avx512vp2intersect", 7, 0, EDX, 8, kAVX512State},
    {"amx-bf16", 7, 0, EDX, 22, kAMXState},
    {"avx512fp16", 7, 0, EDX, 23, kAVX512State},
    {"amx-tile", 7, 0, EDX, 24, kAMXState},
    {"amx-int8", 7, 0, EDX, 25, kAMXState},
    {"avxvnni", 7, 1, EAX, 4, kAVXState},
    {"avx512bf16", 7, 1, EAX, 5, kAVX512State},
    {"sahf", 0x80000001, 0, ECX, 0, 0},
    {"lzcnt", 0x80000001, 0, ECX, 5, 0},
    {"sse4a", 0x80000001, 0, ECX, 6, 0},
    {"prfchw", 0x80000001, 0, ECX, 8, 0},
    {"xop", 0x80000001, 0, ECX, 11, kAVXState},
    {"fma4", 0x80000001, 0, ECX, 16, kAVXState},
};

SmallVector<std::string>
mlir::tconv::getRuntimeCheckedFeatures(const llvm::TargetMachine &machine) {
  SmallVector<std::string> checked;
  if (!machine.getTargetTriple().isX86())
    return checked;
  SmallVector<std::string> enabled = getEnabledFeatures(machine);
  for (const X86Feature &feature : kX86Features)
    if (llvm::is_contained(enabled, feature.name))
      checked.push_back(feature.name);
  return checked;
}

/// Defines `int name(void)`: 0 if the CPU has every feature in `checked`,
/// else kCpuCheckFailed after writing `message` and the missing features to
/// stderr. A pass is remembered in a flag of the object: under a hypervisor
/// each cpuid traps to it, and the five of a check took 54 us, every call
/// (as long as T5's whole convolution). Threads racing on the first call
/// each ask the CPU and store the same answer.
static llvm::Function *defineCheck(llvm::Module &module, StringRef name,
                                   ArrayRef<std::string> checked,
                                   StringRef messageStart,
                                   StringRef messageEnd) {
  llvm::LLVMContext &ctx = module.getContext();
  llvm::IRBuilder<> b(ctx);
  llvm::Type *i32 = b.getInt32Ty(), *i64 = b.getInt64Ty();
  auto *check = llvm::Function::Create(
      llvm::FunctionType::get(i32, false), llvm::GlobalValue::ExternalLinkage,
      name, module);
  check->setDoesNotThrow();
  auto *entry = llvm::BasicBlock::Create(ctx, "entry", check);
  b.SetInsertPoint(entry);
  if (checked.empty()) {
    b.CreateRet(b.getInt32(0));
    return check;
  }
  auto *passed = new llvm::GlobalVariable(
      module, i32, /*isConstant=*/false, llvm::GlobalValue::InternalLinkage,
      b.getInt32(0), name + ".passed");
  passed->setAlignment(llvm::Align(4));
  passed->addAttribute(kCpuCheckFlagAttr);
  auto *ask = llvm::BasicBlock::Create(ctx, "ask", check);
  auto *known = llvm::BasicBlock::Create(ctx, "known", check);
  llvm::LoadInst *passedBefore =
      b.CreateAlignedLoad(i32, passed, llvm::Align(4));
  passedBefore->setAtomic(llvm::AtomicOrdering::Monotonic);
  b.CreateCondBr(b.CreateICmpNE(passedBefore, b.getInt32(0)), known, ask);
  b.SetInsertPoint(known);
  b.CreateRet(b.getInt32(0));
  b.SetInsertPoint(ask);

  auto *cpuidType = llvm::FunctionType::get(
      llvm::StructType::get(ctx, {i32, i32, i32, i32}), {i32, i32}, false);
  auto *cpuidAsm = llvm::InlineAsm::get(
      cpuidType, "cpuid",
      "={ax},={bx},={cx},={dx},{ax},{cx},~{dirflag},~{fpsr},~{flags}",
      /*hasSideEffects=*/true);
  auto cpuid = [&](uint32_t leaf, uint32_t subleaf) {
    llvm::Value *regs =
        b.CreateCall(cpuidAsm, {b.getInt32(leaf), b.getInt32(subleaf)});
    std::array<llvm::Value *, 4> values;
    for (unsigned i = 0; i < 4; ++i)
      values[i] = b.CreateExtractValue(regs, i);
    return values;
  };
  // Leaves beyond the maximum answer garbage: read them as zeros.
  auto validIf = [&](std::array<llvm::Value *, 4> regs, llvm::Value *valid) {
    for (llvm::Value *&reg : regs)
      reg = b.CreateSelect(valid, reg, b.getInt32(0));
    return regs;
  };
  llvm::Value *maxLeaf = cpuid(0, 0)[EAX];
  auto leaf1 = cpuid(1, 0);
  auto leaf7 = validIf(cpuid(7, 0), b.CreateICmpUGE(maxLeaf, b.getInt32(7)));
  auto leaf71 =
      validIf(cpuid(7, 1), b.CreateICmpUGE(leaf7[EAX], b.getInt32(1)));
  llvm::Value *maxExtLeaf = cpuid(0x80000000, 0)[EAX];
  auto ext1 = validIf(cpuid(0x80000001, 0),
                      b.CreateICmpUGE(maxExtLeaf, b.getInt32(0x80000001)));

  // xgetbv faults unless the OS enabled XSAVE (OSXSAVE, leaf 1 ecx bit 27).
  auto *readXcr0 = llvm::BasicBlock::Create(ctx, "xgetbv", check);
  auto *test = llvm::BasicBlock::Create(ctx, "test", check);
  llvm::Value *osxsave = b.CreateICmpNE(
      b.CreateAnd(leaf1[ECX], b.getInt32(1u << 27)), b.getInt32(0));
  b.CreateCondBr(osxsave, readXcr0, test);
  b.SetInsertPoint(readXcr0);
  auto *xgetbvAsm = llvm::InlineAsm::get(
      llvm::FunctionType::get(llvm::StructType::get(ctx, {i32, i32}), {i32},
                              false),
      "xgetbv", "={ax},={dx},{cx},~{dirflag},~{fpsr},~{flags}",
      /*hasSideEffects=*/true);
  llvm::Value *xcr0Regs = b.CreateCall(xgetbvAsm, {b.getInt32(0)});
  llvm::Value *xcr0Read = b.CreateOr(
      b.CreateZExt(b.CreateExtractValue(xcr0Regs, 0), i64),
      b.CreateShl(b.CreateZExt(b.CreateExtractValue(xcr0Regs, 1), i64), 32));
  b.CreateBr(test);
  b.SetInsertPoint(test);
  llvm::PHINode *xcr0 = b.CreatePHI(i64, 2);
  xcr0->addIncoming(b.getInt64(0), ask);
  xcr0->addIncoming(xcr0Read, readXcr0);

  SmallVector<std::pair<StringRef, llvm::Value *>> missing;
  llvm::Value *anyMissing = b.getFalse();
  for (const X86Feature &feature : kX86Features) {
    if (!llvm::is_contained(checked, feature.name))
      continue;
    const auto &regs = feature.leaf == 1            ? leaf1
                       : feature.leaf == 0x80000001 ? ext1
                       : feature.subleaf == 1       ? leaf71
                                                    : leaf7;
    llvm::Value *has = b.CreateICmpNE(
        b.CreateAnd(regs[feature.reg], b.getInt32(1u << feature.bit)),
        b.getInt32(0));
    if (feature.xcr0)
      has = b.CreateAnd(
          has, b.CreateICmpEQ(b.CreateAnd(xcr0, b.getInt64(feature.xcr0)),
                              b.getInt64(feature.xcr0)));
    llvm::Value *lacks = b.CreateNot(has);
    missing.push_back({feature.name, lacks});
    anyMissing = b.CreateOr(anyMissing, lacks);
  }
  auto *ok = llvm::BasicBlock::Create(ctx, "ok", check);
  auto *report = llvm::BasicBlock::Create(ctx, "report", check);
  b.CreateCondBr(anyMissing, report, ok);
  b.SetInsertPoint(ok);
  b.CreateAlignedStore(b.getInt32(1), passed, llvm::Align(4))
      ->setAtomic(llvm::AtomicOrdering::Monotonic);
  b.CreateRet(b.getInt32(0));

  // write(2, ...) for each part of the message.
  b.SetInsertPoint(report);
  llvm::FunctionCallee write = module.getOrInsertFunction(
      "write", llvm::FunctionType::get(
                   i64, {i32, b.getPtrTy(), i64}, false));
  auto emit = [&](StringRef text) {
    b.CreateCall(write, {b.getInt32(2), b.CreateGlobalString(text),
                         b.getInt64(text.size())});
  };
  emit(messageStart);
  for (auto [feature, lacks] : missing) {
    auto *say = llvm::BasicBlock::Create(ctx, "lacks", check);
    auto *next = llvm::BasicBlock::Create(ctx, "next", check);
    b.CreateCondBr(lacks, say, next);
    b.SetInsertPoint(say);
    emit((" " + feature).str());
    b.CreateBr(next);
    b.SetInsertPoint(next);
  }
  emit(messageEnd);
  b.CreateRet(b.getInt32(kCpuCheckFailed));
  return check;
}

void mlir::tconv::addCpuCheck(llvm::Module &module,
                              const llvm::TargetMachine &machine,
                              StringRef checkName,
                              ArrayRef<std::string> entryNames,
                              StringRef objectName) {
  SmallVector<std::string> checked = getRuntimeCheckedFeatures(machine);
  // Internal functions of the model keep their code, not this name.
  if (llvm::Function *clash = module.getFunction(checkName))
    clash->setName(checkName + ".model");
  std::string start = (objectName + ": this CPU lacks").str();
  std::string end =
      (", which the code was compiled for (target " +
       machine.getTargetTriple().str() + ", CPU " + machine.getTargetCPU() +
       "); compile it for this CPU, e.g. with tconv-compile --mcpu=host\n")
          .str();
  llvm::Function *check = defineCheck(module, checkName, checked, start, end);
  if (checked.empty())
    return;
  // The check and the entries' guards run before anything is known about
  // the CPU: compile them for x86-64's baseline. The compiled impls then
  // need more features than the entries and are not inlined into them.
  auto makeBaseline = [](llvm::Function *f) {
    f->addFnAttr("target-cpu", "x86-64");
    f->addFnAttr("target-features", "");
  };
  makeBaseline(check);
  llvm::IRBuilder<> b(module.getContext());
  for (const std::string &name : entryNames) {
    llvm::Function *entry = module.getFunction(name);
    makeBaseline(entry);
    llvm::BasicBlock *body = &entry->getEntryBlock();
    auto *guard = llvm::BasicBlock::Create(module.getContext(), "check_cpu",
                                           entry, body);
    auto *refuse = llvm::BasicBlock::Create(module.getContext(), "refuse",
                                            entry, body);
    b.SetInsertPoint(guard);
    llvm::Value *status = b.CreateCall(check);
    b.CreateCondBr(b.CreateICmpEQ(status, b.getInt32(0)), body, refuse);
    b.SetInsertPoint(refuse);
    b.CreateRet(status);
  }
}
