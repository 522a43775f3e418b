//===- tconv-compile.cpp - Ahead-of-time compiler for tconv modules -------===//
//
//   tconv-compile model.mlir --emit=object -o model.o --header=model.h
//
// Compiles every entry function (default: the public ones) of a module on
// tensors into native code for the host CPU, each behind a plain C function
//
//   int <prefix><name>(const T *in0, ..., T *out0, ...);
//
// that reads and writes caller-owned, contiguous row-major arrays. The object
// needs no MLIR and no JIT at run time: only libc, libm and, when the code was
// parallelized, the OpenMP runtime (the header says which).
//
// How: each entry @f is cloned into @"__tconv_impl.f", whose tensor arguments
// and results become memref arguments (bufferization.to_tensor on the inputs,
// bufferization.materialize_in_destination into the outputs, so bufferization
// can compute directly into the caller's buffers). The module then goes
// through --tconv-lower-to-llvm, and an llvm.func @<prefix>f(ptr, ...) -> i32
// builds the memref descriptors of the static shapes and calls the impl.
//
//===----------------------------------------------------------------------===//

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/Verifier.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "mlir/Transforms/Passes.h"
#include "tconv/InitAll.h"
#include "tconv/Pipelines/Pipelines.h"
#include "tconv/Support/BoundedFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <memory>
#include <optional>
#include <string>

using namespace mlir;

namespace {
enum class EmitKind { Object, Assembly, LLVMIR };

llvm::cl::OptionCategory toolCategory("tconv-compile options");

llvm::cl::opt<std::string> inputFilename(llvm::cl::Positional,
                                         llvm::cl::desc("<input .mlir>"),
                                         llvm::cl::Required,
                                         llvm::cl::cat(toolCategory));
llvm::cl::opt<std::string>
    outputFilename("o", llvm::cl::desc("Output file ('-' for stdout)"),
                   llvm::cl::value_desc("file"), llvm::cl::Required,
                   llvm::cl::cat(toolCategory));
llvm::cl::opt<EmitKind> emitKind(
    "emit", llvm::cl::desc("What to write to -o"),
    llvm::cl::values(
        clEnumValN(EmitKind::Object, "object", "Native object file"),
        clEnumValN(EmitKind::Assembly, "asm", "Native assembly"),
        clEnumValN(EmitKind::LLVMIR, "llvm", "Optimized LLVM IR (text)")),
    llvm::cl::init(EmitKind::Object), llvm::cl::cat(toolCategory));
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
llvm::cl::opt<std::string>
    targetCPU("mcpu",
              llvm::cl::desc("Target CPU, e.g. x86-64-v3 (default: the host)"),
              llvm::cl::init("native"), llvm::cl::cat(toolCategory));

llvm::raw_ostream &toolError() {
  return llvm::WithColor::error(llvm::errs(), "tconv-compile");
}

constexpr llvm::StringLiteral kImplPrefix = "__tconv_impl.";

/// One parameter of an exported C function.
struct CParam {
  std::string name; // in0, out1, ...
  Type elementType;
  SmallVector<int64_t> shape; // Empty for scalars and rank-0 tensors.
  bool byValue = false;       // A scalar input, passed by value.
  bool isOutput = false;
};

/// An exported entry point.
struct Entry {
  std::string mlirName;
  std::string cName;
  std::string implName;
  std::string mlirSignature;
  SmallVector<CParam> params;
};

/// The C spelling of a supported element type, or nullopt.
std::optional<StringRef> cTypeName(Type type) {
  if (type.isF32())
    return StringRef("float");
  if (type.isF64())
    return StringRef("double");
  if (type.isF16() || type.isBF16())
    return StringRef("uint16_t"); // Raw IEEE half / bfloat16 bits.
  if (type.isSignlessInteger(8))
    return StringRef("int8_t");
  if (type.isSignlessInteger(16))
    return StringRef("int16_t");
  if (type.isSignlessInteger(32))
    return StringRef("int32_t");
  if (type.isSignlessInteger(64))
    return StringRef("int64_t");
  return std::nullopt;
}

bool isCIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  return llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Describes the C parameter for one argument or result type of `func`.
LogicalResult describeParam(func::FuncOp func, Type type, bool isOutput,
                            unsigned index, SmallVectorImpl<CParam> &params) {
  CParam param;
  param.name = (Twine(isOutput ? "out" : "in") + Twine(index)).str();
  param.isOutput = isOutput;
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    if (!tensor.hasStaticShape())
      return emitError(func.getLoc(), "entry '")
             << func.getSymName() << "': " << param.name << " has type " << type
             << "; the C interface needs static shapes";
    param.elementType = tensor.getElementType();
    llvm::append_range(param.shape, tensor.getShape());
  } else if (type.isIntOrFloat()) {
    param.elementType = type;
    param.byValue = !isOutput;
    // Scalars passed by value must have a C type with the same ABI.
    if (param.byValue && (type.isF16() || type.isBF16()))
      return emitError(func.getLoc(), "entry '")
             << func.getSymName() << "': scalar " << type
             << " arguments are not supported; pass a rank-0 tensor";
  } else {
    return emitError(func.getLoc(), "entry '")
           << func.getSymName() << "': " << param.name << " has type " << type
           << "; only ranked tensors and scalars are supported";
  }
  if (!cTypeName(param.elementType))
    return emitError(func.getLoc(), "entry '")
           << func.getSymName() << "': element type " << param.elementType
           << " of " << param.name << " has no C equivalent";
  params.push_back(std::move(param));
  return success();
}

/// Picks the entry functions and checks that their signatures have a C form.
FailureOr<SmallVector<Entry>> selectEntries(ModuleOp module) {
  SmallVector<func::FuncOp> funcs;
  if (entryNames.empty()) {
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        funcs.push_back(func);
    if (funcs.empty()) {
      toolError() << "the module has no public function to compile\n";
      return failure();
    }
  } else {
    llvm::StringSet<> seen;
    for (const std::string &name : entryNames) {
      if (!seen.insert(name).second)
        continue;
      auto func = module.lookupSymbol<func::FuncOp>(name);
      if (!func || func.isExternal()) {
        toolError() << "--entry=" << name
                    << ": the module has no function with a body of that "
                       "name\n";
        return failure();
      }
      funcs.push_back(func);
    }
  }

  SmallVector<Entry> entries;
  llvm::StringSet<> cNames;
  for (func::FuncOp func : funcs) {
    Entry entry;
    entry.mlirName = func.getSymName().str();
    entry.cName = symbolPrefix + entry.mlirName;
    entry.implName = (kImplPrefix + entry.mlirName).str();
    if (!isCIdentifier(entry.cName)) {
      emitError(func.getLoc(), "entry '")
          << entry.mlirName << "': '" << entry.cName
          << "' is not a C identifier (use --prefix or rename the function)";
      return failure();
    }
    if (!cNames.insert(entry.cName).second ||
        module.lookupSymbol(entry.cName) ||
        module.lookupSymbol(entry.implName)) {
      emitError(func.getLoc(), "entry '")
          << entry.mlirName << "': the symbol '" << entry.cName
          << "' is already taken";
      return failure();
    }
    llvm::raw_string_ostream os(entry.mlirSignature);
    os << "@" << entry.mlirName << " : " << func.getFunctionType();
    FunctionType type = func.getFunctionType();
    for (auto [i, t] : llvm::enumerate(type.getInputs()))
      if (failed(describeParam(func, t, /*isOutput=*/false, i, entry.params)))
        return failure();
    for (auto [i, t] : llvm::enumerate(type.getResults()))
      if (failed(describeParam(func, t, /*isOutput=*/true, i, entry.params)))
        return failure();
    entries.push_back(std::move(entry));
  }
  return entries;
}

/// Clones `func` into the impl of `entry`: tensors in and out become memref
/// arguments, results are written into the output memrefs.
void buildImpl(func::FuncOp func, const Entry &entry) {
  OpBuilder builder(func);
  builder.setInsertionPointAfter(func);
  auto impl = cast<func::FuncOp>(builder.clone(*func));
  impl.setSymName(entry.implName);
  impl.setPublic();
  impl.removeArgAttrsAttr();
  impl.removeResAttrsAttr();

  Block &body = impl.front();
  Location loc = impl.getLoc();
  unsigned numOldArgs = body.getNumArguments();
  builder.setInsertionPointToStart(&body);
  SmallVector<Value> outputs;
  for (const CParam &param : entry.params) {
    Type bufferType = param.byValue
                          ? param.elementType
                          : MemRefType::get(param.shape, param.elementType);
    Value arg = body.addArgument(bufferType, loc);
    if (param.isOutput) {
      outputs.push_back(arg);
      continue;
    }
    // Inputs come first in `params`: the index is the old argument's.
    Value oldArg = body.getArgument(&param - entry.params.begin());
    Value replacement = arg;
    if (auto tensor = dyn_cast<RankedTensorType>(oldArg.getType()))
      replacement = bufferization::ToTensorOp::create(
          builder, loc, tensor, arg, /*restrict=*/true, /*writable=*/false);
    oldArg.replaceAllUsesWith(replacement);
  }
  body.eraseArguments(0, numOldArgs);

  impl.walk([&](func::ReturnOp ret) {
    builder.setInsertionPoint(ret);
    for (auto [value, out] : llvm::zip_equal(ret.getOperands(), outputs)) {
      if (isa<RankedTensorType>(value.getType())) {
        auto store = bufferization::MaterializeInDestinationOp::create(
            builder, ret.getLoc(), value, out);
        store.setRestrict(true);
        store.setWritable(true);
      } else {
        memref::StoreOp::create(builder, ret.getLoc(), value, out,
                                ValueRange());
      }
    }
    func::ReturnOp::create(builder, ret.getLoc());
    ret.erase();
  });
  impl.setFunctionType(
      builder.getFunctionType(body.getArgumentTypes(), TypeRange()));
}

/// The LLVM types the lowered impl takes for `param` (memref descriptors are
/// expanded into allocated ptr, aligned ptr, offset, sizes, strides).
void appendLoweredTypes(const CParam &param, MLIRContext *ctx,
                        SmallVectorImpl<Type> &types) {
  if (param.byValue) {
    types.push_back(param.elementType);
    return;
  }
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  auto i64 = IntegerType::get(ctx, 64);
  types.append({ptr, ptr, i64});
  types.append(2 * param.shape.size(), i64);
}

/// Adds llvm.func @<cName>(ptr/scalars) -> i32 calling the lowered impl, and
/// makes every other function internal so that only the C entry points are
/// exported.
LogicalResult buildCWrappers(ModuleOp module, ArrayRef<Entry> entries) {
  MLIRContext *ctx = module.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  auto i1 = IntegerType::get(ctx, 1);
  auto i32 = IntegerType::get(ctx, 32);
  auto i64 = IntegerType::get(ctx, 64);
  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  llvm::StringSet<> exported;

  for (const Entry &entry : entries) {
    auto impl = module.lookupSymbol<LLVM::LLVMFuncOp>(entry.implName);
    if (!impl)
      return emitError(module.getLoc(), "the lowering did not produce @")
             << entry.implName << " as an llvm.func";
    SmallVector<Type> expected;
    for (const CParam &param : entry.params)
      appendLoweredTypes(param, ctx, expected);
    LLVM::LLVMFunctionType implType = impl.getFunctionType();
    if (!isa<LLVM::LLVMVoidType>(implType.getReturnType()) ||
        implType.isVarArg() || implType.getParams() != ArrayRef(expected))
      return emitError(impl.getLoc(), "unexpected lowered signature ")
             << implType << " for entry '" << entry.mlirName << "'";

    SmallVector<Type> cTypes;
    for (const CParam &param : entry.params)
      cTypes.push_back(param.byValue ? param.elementType : Type(ptrType));
    Location loc = impl.getLoc();
    auto wrapper = LLVM::LLVMFuncOp::create(
        builder, loc, entry.cName, LLVM::LLVMFunctionType::get(i32, cTypes));
    exported.insert(entry.cName);
    Block *check = wrapper.addEntryBlock(builder);
    Block *call = builder.createBlock(&wrapper.getBody());
    Block *fail = builder.createBlock(&wrapper.getBody());

    // Any NULL array pointer: return 1.
    builder.setInsertionPointToEnd(check);
    Value null = LLVM::ZeroOp::create(builder, loc, ptrType);
    Value anyNull =
        LLVM::ConstantOp::create(builder, loc, i1, builder.getBoolAttr(false));
    for (auto [param, arg] :
         llvm::zip_equal(entry.params, check->getArguments())) {
      if (param.byValue)
        continue;
      Value isNull = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::eq,
                                          arg, null);
      anyNull = LLVM::OrOp::create(builder, loc, anyNull, isNull);
    }
    LLVM::CondBrOp::create(builder, loc, anyNull, fail, call);
    builder.setInsertionPointToEnd(fail);
    LLVM::ReturnOp::create(builder, loc,
                           LLVM::ConstantOp::create(
                               builder, loc, i32, builder.getI32IntegerAttr(1))
                               .getResult());

    // Contiguous row-major descriptors over the caller's arrays.
    builder.setInsertionPointToEnd(call);
    auto constant = [&](int64_t v) -> Value {
      return LLVM::ConstantOp::create(builder, loc, i64,
                                      builder.getI64IntegerAttr(v));
    };
    SmallVector<Value> args;
    for (auto [param, arg] :
         llvm::zip_equal(entry.params, check->getArguments())) {
      if (param.byValue) {
        args.push_back(arg);
        continue;
      }
      args.append({arg, arg, constant(0)});
      for (int64_t size : param.shape)
        args.push_back(constant(size));
      int64_t stride = 1;
      SmallVector<Value> strides(param.shape.size());
      for (int64_t d = param.shape.size() - 1; d >= 0; --d) {
        strides[d] = constant(stride);
        stride *= param.shape[d];
      }
      llvm::append_range(args, strides);
    }
    LLVM::CallOp::create(builder, loc, impl, args);
    LLVM::ReturnOp::create(builder, loc,
                           LLVM::ConstantOp::create(
                               builder, loc, i32, builder.getI32IntegerAttr(0))
                               .getResult());
    builder.setInsertionPointToEnd(module.getBody());
  }

  for (auto func : module.getOps<LLVM::LLVMFuncOp>())
    if (!func.isExternal() && !exported.contains(func.getSymName()))
      func.setLinkage(LLVM::Linkage::Internal);
  return success();
}
/// A TargetMachine for the host triple and --mcpu.
std::unique_ptr<llvm::TargetMachine> createTargetMachine() {
  llvm::Triple triple(llvm::sys::getProcessTriple());
  std::string error;
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target) {
    toolError() << error << "\n";
    return nullptr;
  }
  std::string cpu = targetCPU;
  std::string features;
  if (cpu == "native") {
    cpu = llvm::sys::getHostCPUName().str();
    llvm::SubtargetFeatures hostFeatures;
    for (const auto &feature : llvm::sys::getHostCPUFeatures())
      hostFeatures.AddFeature(feature.getKey(), feature.getValue());
    features = hostFeatures.getString();
  } else {
    // A generic subtarget answers without warning about an unknown CPU.
    std::unique_ptr<llvm::MCSubtargetInfo> info(
        target->createMCSubtargetInfo(triple, "", ""));
    if (!info || !info->isCPUStringValid(cpu)) {
      toolError() << "--mcpu=" << cpu << " is not a CPU of " << triple.str()
                  << "\n";
      return nullptr;
    }
  }
  std::unique_ptr<llvm::TargetMachine> machine(target->createTargetMachine(
      triple, cpu, features, llvm::TargetOptions(), llvm::Reloc::PIC_,
      std::nullopt, llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    toolError() << "cannot create a target machine for " << triple.str()
                << "\n";
  return machine;
}

void optimize(llvm::Module &module, llvm::TargetMachine &machine) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(mam);
  builder.registerCGSCCAnalyses(cgam);
  builder.registerFunctionAnalyses(fam);
  builder.registerLoopAnalyses(lam);
  builder.crossRegisterProxies(lam, fam, cgam, mam);
  builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3)
      .run(module, mam);
}

/// What the object needs from the system at link time.
struct RuntimeDeps {
  SmallVector<std::string> libc; // libc and libm functions.
  SmallVector<std::string> openmp;
  bool mutableGlobals = false; // Calls are not reentrant.
};

/// Classifies the functions `module` calls but does not define. Anything but
/// the C library and the OpenMP runtime (e.g. MLIR's runner utils) is an
/// error: the object must not need MLIR at run time.
FailureOr<RuntimeDeps> collectRuntimeDeps(llvm::Module &module) {
  llvm::TargetLibraryInfoImpl tlii(module.getTargetTriple());
  llvm::TargetLibraryInfo tli(tlii);
  RuntimeDeps deps;
  bool ok = true;
  for (llvm::Function &f : module) {
    if (!f.isDeclaration() || f.isIntrinsic() || f.use_empty())
      continue;
    StringRef name = f.getName();
    llvm::LibFunc libFunc;
    if (name.starts_with("__kmpc_") || name.starts_with("omp_")) {
      deps.openmp.push_back(name.str());
    } else if (tli.getLibFunc(f, libFunc)) {
      deps.libc.push_back(name.str());
    } else {
      toolError() << "the generated code calls '" << name
                  << "', which is neither in the C library nor in the OpenMP "
                     "runtime\n";
      ok = false;
    }
  }
  if (!ok)
    return failure();
  deps.mutableGlobals = llvm::any_of(
      module.globals(), [](auto &global) { return !global.isConstant(); });
  return deps;
}

LogicalResult emitCode(llvm::Module &module, llvm::TargetMachine &machine,
                       llvm::raw_fd_ostream &os) {
  if (emitKind == EmitKind::LLVMIR) {
    module.print(os, nullptr);
    return success();
  }
  // Object writers seek; stdout cannot.
  std::optional<llvm::buffer_ostream> buffered;
  llvm::raw_pwrite_stream *out = &os;
  if (!os.supportsSeeking())
    out = &buffered.emplace(os);
  llvm::legacy::PassManager pm;
  if (machine.addPassesToEmitFile(pm, *out, nullptr,
                                  emitKind == EmitKind::Object
                                      ? llvm::CodeGenFileType::ObjectFile
                                      : llvm::CodeGenFileType::AssemblyFile)) {
    toolError() << "the target cannot emit this file type\n";
    return failure();
  }
  pm.run(module);
  return success();
}

std::string headerGuard(StringRef path) {
  std::string guard;
  for (char c : llvm::sys::path::filename(path))
    guard.push_back(llvm::isAlnum(c) ? llvm::toUpper(c) : '_');
  if (guard.empty() || llvm::isDigit(guard.front()))
    guard.insert(0, "TCONV_");
  return guard + "_";
}

void writeHeader(llvm::raw_ostream &os, ArrayRef<Entry> entries,
                 const RuntimeDeps &deps, StringRef objectPath) {
  std::string guard = headerGuard(headerFilename);
  StringRef object = emitKind != EmitKind::Object || objectPath == "-"
                         ? StringRef("the object")
                         : llvm::sys::path::filename(objectPath);
  os << "/* Generated by tconv-compile from "
     << llvm::sys::path::filename(inputFilename) << "; do not edit.\n"
     << " *\n"
     << " * Each function runs one entry point of the module. Arrays are\n"
     << " * caller-owned, contiguous and row-major (the element order of the\n"
     << " * MLIR tensor type, e.g. NCHW); inputs are only read, outputs are\n"
     << " * overwritten and must not overlap any input. Returns 0, or 1 if an\n"
     << " * array pointer is NULL.\n";
  if (deps.mutableGlobals)
    os << " * NOT reentrant: the code keeps state in global variables; do not\n"
       << " * run two calls at the same time.\n";
  else
    os << " * Calls are reentrant.\n";
  os << " *\n"
     << " * Link with: " << object << " -lm";
  if (!deps.openmp.empty())
    os << " -L" << TCONV_LLVM_LIBRARY_DIR << " -lomp";
  os << "\n";
  if (!deps.openmp.empty())
    os << " * The code is parallelized with OpenMP: it needs the LLVM OpenMP\n"
       << " * runtime (libomp) at run time; OMP_NUM_THREADS sets the "
          "threads.\n";
  else
    os << " * The code is sequential and needs no OpenMP runtime.\n";
  if (!deps.libc.empty()) {
    os << " * C library functions used:";
    for (const std::string &name : deps.libc)
      os << " " << name;
    os << "\n";
  }
  os << " */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include <stdint.h>\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n";
  for (const Entry &entry : entries) {
    std::string macro = StringRef(entry.cName).upper();
    os << "\n/* " << entry.mlirSignature << " */\n";
    for (const CParam &param : entry.params) {
      if (param.byValue)
        continue;
      std::string name = macro + "_" + StringRef(param.name).upper();
      int64_t numel = 1;
      for (int64_t size : param.shape)
        numel *= size;
      os << "#define " << name << "_RANK " << param.shape.size() << "\n";
      if (!param.shape.empty()) {
        os << "#define " << name << "_SHAPE {";
        llvm::interleaveComma(param.shape, os);
        os << "}\n";
      }
      os << "#define " << name << "_NUMEL " << numel << "\n";
    }
    os << "int " << entry.cName << "(";
    llvm::interleave(
        entry.params, os,
        [&](const CParam &param) {
          StringRef type = *cTypeName(param.elementType);
          if (param.byValue) {
            os << type << " " << param.name;
            return;
          }
          os << (param.isOutput ? "" : "const ") << type << " *" << param.name
             << " /* ";
          if (param.shape.empty())
            os << "scalar";
          for (int64_t size : param.shape)
            os << "[" << size << "]";
          os << " */";
        },
        ", ");
    os << ");\n";
  }
  os << "\n#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
}
} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  // Registered passes can be named in --mlir-print-ir-after and friends.
  registerAllPasses();
  tconv::registerAllPasses();
  registerMLIRContextCLOptions();
  registerPassManagerCLOptions();
  registerAsmPrinterCLOptions();
  llvm::cl::HideUnrelatedOptions(toolCategory);
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "tconv ahead-of-time compiler: MLIR on tensors -> object + C header\n");

  std::unique_ptr<llvm::TargetMachine> machine = createTargetMachine();
  if (!machine)
    return 1;
  tconv::LowerToLLVMOptions options;
  options.transposeStrategy = transposeStrategy;
  options.parallel = parallel;
  // The widest vector registers of the target CPU.
  tconv::setNativeVectorWidth(
      options, machine->getMCSubtargetInfo()->checkFeatures("+avx512f"));
  std::string optionError;
  llvm::raw_string_ostream optionErrorStream(optionError);
  if (failed(options.parseFromString(pipelineOptions, optionErrorStream))) {
    toolError() << "invalid --pipeline-options '" << pipelineOptions << "'";
    if (!optionError.empty())
      llvm::errs() << ": " << llvm::StringRef(optionError).trim();
    llvm::errs() << "\n";
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
  llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> input =
      tconv::readFileWithLimit(inputFilename, (uint64_t(1) << 31) - 1);
  if (!input) {
    toolError() << llvm::toString(input.takeError()) << "\n";
    return 1;
  }

  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
  tconv::registerAllDialects(registry);
  MLIRContext context(registry);
  context.loadDialect<bufferization::BufferizationDialect, func::FuncDialect,
                      LLVM::LLVMDialect, memref::MemRefDialect>();

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*input), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, &context);
  if (!module)
    return 1;

  FailureOr<SmallVector<Entry>> entries = selectEntries(*module);
  if (failed(entries))
    return 1;
  // Only the C entry points are exported; the originals and every other
  // function go away unless something still calls them.
  SmallVector<func::FuncOp> originals(module->getOps<func::FuncOp>());
  for (func::FuncOp func : originals)
    if (!func.isExternal())
      func.setPrivate();
  for (const Entry &entry : *entries)
    buildImpl(module->lookupSymbol<func::FuncOp>(entry.mlirName), entry);
  if (failed(verify(*module)))
    return 1;

  PassManager pm(&context);
  if (failed(applyPassManagerCLOptions(pm)))
    return 1;
  pm.addPass(createSymbolDCEPass());
  tconv::buildLowerToLLVMPipeline(pm, options);
  if (failed(pm.run(*module)) || failed(buildCWrappers(*module, *entries)))
    return 1;

  llvm::LLVMContext llvmContext;
  std::unique_ptr<llvm::Module> llvmModule = translateModuleToLLVMIR(
      *module, llvmContext, llvm::sys::path::filename(inputFilename));
  if (!llvmModule) {
    toolError() << "translation to LLVM IR failed\n";
    return 1;
  }
  llvmModule->setTargetTriple(machine->getTargetTriple());
  llvmModule->setDataLayout(machine->createDataLayout());
  for (llvm::Function &f : *llvmModule) {
    if (f.isDeclaration())
      continue;
    f.addFnAttr("target-cpu", machine->getTargetCPU());
    if (!machine->getTargetFeatureString().empty())
      f.addFnAttr("target-features", machine->getTargetFeatureString());
  }
  optimize(*llvmModule, *machine);

  FailureOr<RuntimeDeps> deps = collectRuntimeDeps(*llvmModule);
  if (failed(deps) || failed(emitCode(*llvmModule, *machine, output->os())))
    return 1;
  if (header)
    writeHeader(header->os(), *entries, *deps, outputFilename);
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
