//===- CInterface.cpp - C entry points of an ahead-of-time object ---------===//
//
// The C side of tconv-compile's objects: which functions are exported, their
// memref-taking impls, and the plain-pointer wrappers around the lowered
// impls (AheadOfTime.h).
//
//===----------------------------------------------------------------------===//

#include "tconv/Target/AheadOfTime.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "tconv/Codegen/BatchLoop.h"
#include "tconv/Codegen/Passes.h"
#include "tconv/Support/HostTensor.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::tconv;

static constexpr llvm::StringLiteral kImplPrefix = "__tconv_impl.";

/// The C spelling of a supported element type, or nullopt.
std::optional<StringRef> mlir::tconv::getCTypeName(Type type, bool isUnsigned) {
  if (type.isF32())
    return StringRef("float");
  if (type.isF64())
    return StringRef("double");
  if (type.isF16() || type.isBF16())
    return StringRef("uint16_t"); // Raw IEEE half / bfloat16 bits.
  if (!type.isSignlessInteger())
    return std::nullopt;
  switch (type.getIntOrFloatBitWidth()) {
  case 8:
    return StringRef(isUnsigned ? "uint8_t" : "int8_t");
  case 16:
    return StringRef(isUnsigned ? "uint16_t" : "int16_t");
  case 32:
    return StringRef(isUnsigned ? "uint32_t" : "int32_t");
  case 64:
    return StringRef(isUnsigned ? "uint64_t" : "int64_t");
  }
  return std::nullopt;
}

static bool isCIdentifier(StringRef name) {
  if (name.empty() || llvm::isDigit(name.front()))
    return false;
  return llvm::all_of(name,
                      [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

/// Describes the C parameter for one argument or result type of `func`.
static LogicalResult describeParam(func::FuncOp func, Type type, bool isOutput,
                            unsigned index, SmallVectorImpl<CParam> &params) {
  CParam param;
  param.name = (Twine(isOutput ? "out" : "in") + Twine(index)).str();
  param.isOutput = isOutput;
  param.isUnsigned = isOutput ? !!func.getResultAttr(index, kUnsignedAttrName)
                              : !!func.getArgAttr(index, kUnsignedAttrName);
  if (auto tensor = dyn_cast<RankedTensorType>(type)) {
    // A dynamic batch (dim 0) is the C function's `n`.
    if (tensor.getNumDynamicDims() > (tensor.isDynamicDim(0) ? 1 : 0))
      return emitError(func.getLoc(), "entry '")
             << func.getSymName() << "': " << param.name << " has type " << type
             << "; the C interface needs static shapes (but for a dynamic "
                "batch, dim 0)";
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
  if (!getCTypeName(param.elementType))
    return emitError(func.getLoc(), "entry '")
           << func.getSymName() << "': element type " << param.elementType
           << " of " << param.name << " has no C equivalent";
  params.push_back(std::move(param));
  return success();
}

/// Picks the entry functions and checks that their signatures have a C form.
FailureOr<SmallVector<CEntry>>
mlir::tconv::selectCEntries(ModuleOp module, ArrayRef<std::string> names,
                            StringRef prefix) {
  SmallVector<func::FuncOp> funcs;
  if (names.empty()) {
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        funcs.push_back(func);
    if (funcs.empty())
      return emitError(module.getLoc(),
                       "the module has no public function to compile");
  } else {
    llvm::StringSet<> seen;
    for (const std::string &name : names) {
      if (!seen.insert(name).second)
        continue;
      auto func = module.lookupSymbol<func::FuncOp>(name);
      if (!func || func.isExternal())
        return emitError(module.getLoc(), "--entry=")
               << name
               << ": the module has no function with a body of that name";
      funcs.push_back(func);
    }
  }

  SmallVector<CEntry> entries;
  llvm::StringSet<> cNames;
  for (func::FuncOp func : funcs) {
    CEntry entry;
    entry.mlirName = func.getSymName().str();
    entry.cName = (prefix + entry.mlirName).str();
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
static void buildImpl(func::FuncOp func, const CEntry &entry) {
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
      // A batch loop's images go straight into the output: empty-tensor
      // elimination would give it to only one arm of the scf.if around
      // each loop, the other arm a buffer of its own, allocated and copied
      // into the output after the loops.
      if (impl->hasAttr(kBatchLoopAttrName))
        if (tensor::EmptyOp init = getBatchResultInit(value)) {
          OpBuilder atInit(init);
          Value whole = bufferization::ToTensorOp::create(
              atInit, init.getLoc(), init.getType(), out, /*restrict=*/true,
              /*writable=*/true);
          init.getResult().replaceAllUsesWith(whole);
          init.erase();
        }
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

void mlir::tconv::buildCEntryImpls(ModuleOp module,
                                   ArrayRef<CEntry> entries) {
  module.getContext()
      ->loadDialect<bufferization::BufferizationDialect, LLVM::LLVMDialect,
                    memref::MemRefDialect>();
  // Only the C entry points are exported; the originals and every other
  // function go away unless something still calls them.
  SmallVector<func::FuncOp> originals(module.getOps<func::FuncOp>());
  for (func::FuncOp func : originals)
    if (!func.isExternal())
      func.setPrivate();
  for (const CEntry &entry : entries)
    buildImpl(module.lookupSymbol<func::FuncOp>(entry.mlirName), entry);
}

/// The LLVM types the lowered impl takes for `param` (memref descriptors are
/// expanded into allocated ptr, aligned ptr, offset, sizes, strides).
static void appendLoweredTypes(const CParam &param, MLIRContext *ctx,
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

LogicalResult mlir::tconv::buildCWrappers(ModuleOp module,
                                          MutableArrayRef<CEntry> entries) {
  MLIRContext *ctx = module.getContext();
  auto ptrType = LLVM::LLVMPointerType::get(ctx);
  auto i1 = IntegerType::get(ctx, 1);
  auto i32 = IntegerType::get(ctx, 32);
  auto i64 = IntegerType::get(ctx, 64);
  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  llvm::StringSet<> exported;

  for (CEntry &entry : entries) {
    auto impl = module.lookupSymbol<LLVM::LLVMFuncOp>(entry.implName);
    if (!impl)
      return emitError(module.getLoc(), "the lowering did not produce @")
             << entry.implName << " as an llvm.func";
    // Every C entry takes a workspace, used if the impl has temporaries.
    int64_t workspaceBytes = 0;
    auto size = impl->getAttrOfType<IntegerAttr>(kWorkspaceSizeAttrName);
    if (size)
      workspaceBytes = size.getInt();
    CParam workspace;
    workspace.name = "workspace";
    workspace.elementType = IntegerType::get(ctx, 8);
    workspace.shape = {workspaceBytes};
    workspace.isWorkspace = true;
    entry.params.push_back(workspace);
    SmallVector<Type> expected;
    for (const CParam &param : entry.params)
      if (!param.isWorkspace || size)
        appendLoweredTypes(param, ctx, expected);
    LLVM::LLVMFunctionType implType = impl.getFunctionType();
    if (!isa<LLVM::LLVMVoidType>(implType.getReturnType()) ||
        implType.isVarArg() || implType.getParams() != ArrayRef(expected))
      return emitError(impl.getLoc(), "unexpected lowered signature ")
             << implType << " for entry '" << entry.mlirName << "'";

    SmallVector<Type> cTypes;
    if (entry.hasDynamicBatch())
      cTypes.push_back(i64);
    for (const CParam &param : entry.params)
      cTypes.push_back(param.byValue ? param.elementType : Type(ptrType));
    Location loc = impl.getLoc();
    auto wrapper = LLVM::LLVMFuncOp::create(
        builder, loc, entry.cName, LLVM::LLVMFunctionType::get(i32, cTypes));
    exported.insert(entry.cName);
    Block *check = wrapper.addEntryBlock(builder);
    Block *call = builder.createBlock(&wrapper.getBody());
    Block *fail = builder.createBlock(&wrapper.getBody());

    // Any NULL array pointer (an empty workspace may be NULL): return 1. A
    // misaligned workspace: return 2. A batch n < 1: kBatchOutOfRange.
    builder.setInsertionPointToEnd(check);
    ValueRange cArgs = check->getArguments();
    Value batch;
    if (entry.hasDynamicBatch()) {
      batch = cArgs.front();
      cArgs = cArgs.drop_front();
    }
    Value null = LLVM::ZeroOp::create(builder, loc, ptrType);
    Value anyNull =
        LLVM::ConstantOp::create(builder, loc, i1, builder.getBoolAttr(false));
    Value misaligned = anyNull;
    for (auto [param, arg] : llvm::zip_equal(entry.params, cArgs)) {
      if (param.byValue || (param.isWorkspace && workspaceBytes == 0))
        continue;
      Value isNull = LLVM::ICmpOp::create(builder, loc, LLVM::ICmpPredicate::eq,
                                          arg, null);
      anyNull = LLVM::OrOp::create(builder, loc, anyNull, isNull);
      if (param.isWorkspace) {
        Value address = LLVM::PtrToIntOp::create(builder, loc, i64, arg);
        Value low = LLVM::AndOp::create(
            builder, loc, address,
            LLVM::ConstantOp::create(
                builder, loc, i64,
                builder.getI64IntegerAttr(kWorkspaceAlignment - 1)));
        misaligned = LLVM::ICmpOp::create(
            builder, loc, LLVM::ICmpPredicate::ne, low,
            LLVM::ConstantOp::create(builder, loc, i64,
                                     builder.getI64IntegerAttr(0)));
      }
    }
    Value code = LLVM::SelectOp::create(
        builder, loc, anyNull,
        LLVM::ConstantOp::create(builder, loc, i32,
                                 builder.getI32IntegerAttr(1)),
        LLVM::ConstantOp::create(builder, loc, i32,
                                 builder.getI32IntegerAttr(2)));
    Value bad = LLVM::OrOp::create(builder, loc, anyNull, misaligned);
    if (batch) {
      Value badBatch = LLVM::ICmpOp::create(
          builder, loc, LLVM::ICmpPredicate::slt, batch,
          LLVM::ConstantOp::create(builder, loc, i64,
                                   builder.getI64IntegerAttr(1)));
      code = LLVM::SelectOp::create(
          builder, loc, badBatch,
          LLVM::ConstantOp::create(builder, loc, i32,
                                   builder.getI32IntegerAttr(kBatchOutOfRange)),
          code);
      bad = LLVM::OrOp::create(builder, loc, bad, badBatch);
    }
    LLVM::CondBrOp::create(builder, loc, bad, fail, call);
    builder.setInsertionPointToEnd(fail);
    LLVM::ReturnOp::create(builder, loc, code);

    // Contiguous row-major descriptors over the caller's arrays.
    builder.setInsertionPointToEnd(call);
    auto constant = [&](int64_t v) -> Value {
      return LLVM::ConstantOp::create(builder, loc, i64,
                                      builder.getI64IntegerAttr(v));
    };
    SmallVector<Value> args;
    for (auto [param, arg] : llvm::zip_equal(entry.params, cArgs)) {
      if (param.byValue) {
        args.push_back(arg);
        continue;
      }
      if (param.isWorkspace && !size)
        continue;
      args.append({arg, arg, constant(0)});
      for (int64_t size : param.shape)
        args.push_back(ShapedType::isDynamic(size) ? batch : constant(size));
      // Only dim 0 may be n: no stride depends on it.
      int64_t stride = 1;
      SmallVector<Value> strides(param.shape.size());
      for (int64_t d = param.shape.size() - 1; d >= 0; --d) {
        strides[d] = constant(stride);
        if (d > 0)
          stride *= param.shape[d];
      }
      llvm::append_range(args, strides);
    }
    LLVM::CallOp::create(builder, loc, impl, args);
    LLVM::ReturnOp::create(builder, loc,
                           LLVM::ConstantOp::create(
                               builder, loc, i32, builder.getI32IntegerAttr(0))
                               .getResult());

    // size_t <cName>_workspace_size(void)
    builder.setInsertionPointToEnd(module.getBody());
    std::string sizeName = entry.cName + "_workspace_size";
    auto sizeFn = LLVM::LLVMFuncOp::create(
        builder, loc, sizeName, LLVM::LLVMFunctionType::get(i64, {}));
    exported.insert(sizeName);
    builder.setInsertionPointToEnd(sizeFn.addEntryBlock(builder));
    LLVM::ReturnOp::create(builder, loc, constant(workspaceBytes));
    builder.setInsertionPointToEnd(module.getBody());
  }

  for (auto func : module.getOps<LLVM::LLVMFuncOp>())
    if (!func.isExternal() && !exported.contains(func.getSymName()))
      func.setLinkage(LLVM::Linkage::Internal);
  return success();
}
