//===- FuzzModule.cpp - libFuzzer target of parse, verify and lowering ----===//
//
// The fuzzer's bytes choose attributes, not characters: dtype, 1-3 spatial
// dims, shapes, strides, pads, dilations, output_padding, group, bias, a
// splat filter, a chain of one or two tconv ops, a dynamic batch (`?` dim 0,
// tconv-outline-batch), the result returned once or twice, a
// --transpose-strategy and the AVX-512 schedules with or without bf16-dot,
// with values from small ranges and, in a quarter of the modules, sometimes
// extreme ones (0, -1, 2^31, 2^40, 2^62, ...). The result types are the inferred ones when the
// geometry is valid, random otherwise. The module is parsed and verified;
// what verifies is lowered with --tconv-lower-to-llvm, which must succeed or
// fail with a diagnostic: never crash, hang or allocate with the tensor
// sizes.
//
//===----------------------------------------------------------------------===//

#include "tconv/Dialect/TConv/IR/ConvGeometry.h"
#include "tconv/InitAll.h"
#include "tconv/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include "llvm/ADT/StringExtras.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <string>

using namespace mlir;
using namespace mlir::tconv;

/// Whether this module may take extreme values: a quarter of the modules,
/// so that the others verify and reach the lowering.
static bool hostile = false;

static int64_t pickValue(FuzzedDataProvider &fdp, int64_t lo, int64_t hi) {
  static const int64_t kExtremes[] = {
      0,       -1,        1,         (int64_t(1) << 31) - 1, int64_t(1) << 31,
      1000000, int64_t(1) << 32, int64_t(1) << 40, int64_t(1) << 62,
      INT64_MAX};
  if (hostile && fdp.ConsumeIntegralInRange<int>(0, 7) == 0)
    return kExtremes[fdp.ConsumeIntegralInRange<size_t>(
        0, std::size(kExtremes) - 1)];
  return fdp.ConsumeIntegralInRange<int64_t>(lo, hi);
}

static std::string tensorType(llvm::ArrayRef<int64_t> shape,
                              llvm::StringRef type) {
  std::string text = "tensor<";
  for (int64_t size : shape)
    text += std::to_string(size) + "x";
  return text + type.str() + ">";
}

/// Whether this module's activations have a dynamic batch.
static bool dynamicBatch = false;

/// The type of an input or result: dim 0 is the batch.
static std::string activationType(llvm::ArrayRef<int64_t> shape,
                                  llvm::StringRef type) {
  std::string text = tensorType(shape, type);
  if (!dynamicBatch)
    return text;
  return "tensor<?" + text.substr(text.find('x'));
}

static std::string list(llvm::ArrayRef<int64_t> values) {
  return "[" +
         llvm::join(llvm::map_range(
                        values, [](int64_t v) { return std::to_string(v); }),
                    ", ") +
         "]";
}

static std::string generateModule(FuzzedDataProvider &fdp) {
  static const char *const kTypes[] = {"f32", "f16", "bf16", "f64"};
  hostile = fdp.ConsumeIntegralInRange<int>(0, 3) == 0;
  std::string type = kTypes[fdp.ConsumeIntegralInRange<int>(0, 3)];
  unsigned n = fdp.ConsumeIntegralInRange<unsigned>(1, 3);
  dynamicBatch = fdp.ConsumeIntegralInRange<int>(0, 3) == 0;
  llvm::SmallVector<int64_t> shape = {pickValue(fdp, 1, 2),
                                      pickValue(fdp, 1, 8)};
  for (unsigned i = 0; i < n; ++i)
    shape.push_back(pickValue(fdp, 1, 12));
  llvm::SmallVector<std::string> arguments, body;
  std::string value = "%x";
  arguments.push_back("%x: " + activationType(shape, type));
  unsigned numOps = fdp.ConsumeIntegralInRange<unsigned>(1, 2);
  for (unsigned k = 0; k < numOps; ++k) {
    bool transposed = fdp.ConsumeBool();
    ConvGeometry g = ConvGeometry::identity(n);
    int64_t channels = shape[1];
    g.group = fdp.ConsumeBool() ? channels : pickValue(fdp, 1, 4);
    if (!hostile && (g.group < 1 || channels % g.group != 0))
      g.group = 1;
    int64_t perGroupOut = pickValue(fdp, 1, 3);
    llvm::SmallVector<int64_t> kernel;
    for (unsigned i = 0; i < n; ++i) {
      kernel.push_back(pickValue(fdp, 1, 5));
      g.strides[i] = pickValue(fdp, 1, 8);
      g.dilations[i] = pickValue(fdp, 1, 3);
      g.padsBegin[i] = pickValue(fdp, 0, 6);
      g.padsEnd[i] = pickValue(fdp, 0, 6);
      g.outputPadding[i] = pickValue(fdp, 0, 2);
      if (!hostile)
        g.outputPadding[i] %= std::max(g.strides[i], g.dilations[i]);
    }
    // Attributes left out take their defaults (in the result type too).
    bool hasStrides = fdp.ConsumeBool(), hasPads = fdp.ConsumeBool(),
         hasDilations = fdp.ConsumeBool(), hasOutputPadding = fdp.ConsumeBool();
    ConvGeometry defaults = ConvGeometry::identity(n);
    if (!hasStrides)
      g.strides = defaults.strides;
    if (!hasPads) {
      g.padsBegin = defaults.padsBegin;
      g.padsEnd = defaults.padsEnd;
    }
    if (!hasDilations)
      g.dilations = defaults.dilations;
    if (!hasOutputPadding || !transposed)
      g.outputPadding = defaults.outputPadding;
    llvm::SmallVector<int64_t> filter;
    int64_t outChannels = g.group * perGroupOut;
    if (transposed)
      filter = {channels, perGroupOut};
    else
      filter = {outChannels, g.group > 0 ? channels / g.group : channels};
    llvm::append_range(filter, kernel);
    // The inferred result when the arithmetic works out, else anything.
    llvm::SmallVector<int64_t> result = {shape[0], outChannels};
    for (unsigned i = 0; i < n; ++i) {
      std::optional<int64_t> size =
          transposed ? checkedConvTransposeOutputSize(
                           shape[i + 2], kernel[i], g.strides[i],
                           g.padsBegin[i], g.padsEnd[i], g.dilations[i],
                           g.outputPadding[i])
                     : checkedConvOutputSize(shape[i + 2], kernel[i],
                                             g.strides[i], g.padsBegin[i],
                                             g.padsEnd[i], g.dilations[i]);
      result.push_back(size && *size >= 1 ? *size : pickValue(fdp, 1, 12));
    }
    std::string name = std::to_string(k);
    std::string filterValue = "%w" + name;
    std::string filterType = tensorType(filter, type);
    if (fdp.ConsumeIntegralInRange<int>(0, 3) == 0)
      body.push_back(filterValue + " = arith.constant dense<1.5> : " +
                     filterType);
    else
      arguments.push_back(filterValue + ": " + filterType);
    std::string operands = value + ", " + filterValue;
    std::string operandTypes = activationType(shape, type) + ", " + filterType;
    if (fdp.ConsumeBool()) {
      std::string biasType = tensorType(
          {hostile && fdp.ConsumeBool() ? pickValue(fdp, 1, 4) : outChannels},
          type);
      arguments.push_back("%b" + name + ": " + biasType);
      operands += ", %b" + name;
      operandTypes += ", " + biasType;
    }
    std::string attrs;
    if (hasStrides)
      attrs += " strides = " + list(g.strides);
    if (hasPads)
      attrs += " pads = " + list(g.onnxPads());
    if (hasDilations)
      attrs += " dilations = " + list(g.dilations);
    if (transposed && hasOutputPadding)
      attrs += " output_padding = " + list(g.outputPadding);
    if (g.group != 1)
      attrs += " group = " + std::to_string(g.group);
    value = "%y" + name;
    body.push_back(value + " = tconv." +
                   (transposed ? "conv_transpose " : "conv ") + operands +
                   attrs + " : (" + operandTypes + ") -> " +
                   activationType(result, type));
    shape = result;
  }
  std::string resultType = activationType(shape, type);
  std::string returned = value, resultTypes = resultType;
  if (fdp.ConsumeIntegralInRange<int>(0, 7) == 0) {
    returned += ", " + value;
    resultTypes += ", " + resultType;
  }
  std::string text = "func.func @main(" + llvm::join(arguments, ", ") +
                     ") -> (" + resultTypes + ") {\n";
  for (const std::string &line : body)
    text += "  " + line + "\n";
  return text + "  return " + returned + " : " + resultTypes + "\n}\n";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static MLIRContext *context = [] {
    DialectRegistry registry;
    tconv::registerAllDialects(registry);
    auto *ctx = new MLIRContext(registry);
    ctx->loadAllAvailableDialects();
    ctx->disableMultithreading();
    return ctx;
  }();
  FuzzedDataProvider fdp(data, size);
  static const char *const kStrategies[] = {"auto", "phase", "zero-insert"};
  const char *strategy = kStrategies[fdp.ConsumeIntegralInRange<int>(0, 2)];
  // AVX2-sized, or AVX-512 with or without the bf16 pair schedules.
  int schedules = fdp.ConsumeIntegralInRange<int>(0, 2);
  std::string text = generateModule(fdp);
  if (getenv("TCONV_FUZZ_PRINT"))
    llvm::errs() << "// strategy " << strategy << ", schedules " << schedules
                 << "\n"
                 << text;

  // Diagnostics are expected; crashes and sanitizer reports are findings.
  ScopedDiagnosticHandler quiet(context, [](Diagnostic &) { return success(); });
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(text, ParserConfig(context));
  if (!module)
    return 0;
  LowerToLLVMOptions options;
  options.transposeStrategy = strategy;
  if (schedules > 0) {
    options.targetCpu = "x86-64-v4"; // AVX-512's tiles
    (void)applyTargetCpu(options, [](const llvm::Twine &) {});
  }
  options.bf16Dot = schedules == 2;
  PassManager pm(context);
  buildLowerToLLVMPipeline(pm, options);
  (void)pm.run(*module);
  return 0;
}
