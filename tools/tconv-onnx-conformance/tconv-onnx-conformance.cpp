//===- tconv-onnx-conformance.cpp - ONNX backend test cases through tconv -===//
//
// tconv-onnx-conformance [--xfail=FILE] [--filter=SUBSTRING] [--summary] DIR...
//
// Runs every ONNX backend test case under each DIR (DIR/<case>/model.onnx
// with test_data_set_*/input_*.pb and output_*.pb) the way tconv-run does:
// import, compile with --tconv-lower-to-llvm, run, and compare each output
// with ONNX's tolerances (|got - expected| <= atol + rtol * |expected|, rtol
// 1e-3, atol 1e-7; integers and bools exactly). A case is skipped if one of
// its operators is not supported (the operator is named) or if it takes or
// returns tensors of a type tconv-run does not hold (e.g. STRING, sequences;
// named). Prints one line per case (unless --summary) and a
// summary: counts per directory, pass rates, skipped types and operators.
// Exits 1 if a case fails that is not listed in the --xfail file (one case
// name per line, '#' comments) or a listed case passes.
//
//===----------------------------------------------------------------------===//

#include "tconv/Frontend/ONNX/ImportONNX.h"
#include "tconv/Runner/Runner.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/MLIRContext.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <onnx/onnx_pb.h>

#include <cmath>
#include <cstring>
#include <map>

using namespace mlir::tconv;
namespace cl = llvm::cl;

static cl::list<std::string> directories(cl::Positional, cl::OneOrMore,
                                         cl::desc("<test data dir>..."));
static cl::opt<std::string> xfailFile("xfail",
                                      cl::desc("Cases expected to fail"),
                                      cl::value_desc("file"));
static cl::opt<bool>
    summaryOnly("summary",
                cl::desc("Print the summary only, not one line per case"));
static cl::opt<std::string>
    filter("filter", cl::desc("Only cases whose name contains this"),
           cl::value_desc("substring"));

static constexpr double kRelativeTolerance = 1e-3;
static constexpr double kAbsoluteTolerance = 1e-7;

namespace {
enum class Outcome { Pass, SkipOperator, SkipType, Fail };
struct Result {
  Outcome outcome;
  /// Why, for skips and failures; which inputs were bound, for passes.
  std::string detail;
  /// What the summary counts: the skipped operator or tensor type, whether
  /// inputs were bound at import, whether the model has a convolution.
  std::string skippedWhat{};
  bool bound = false;
  bool hasConv = false;
};
} // namespace

/// The data types tconv-run's tensors hold (HostTensor's element types).
static bool isRunnableType(int32_t elemType) {
  switch (elemType) {
  case onnx::TensorProto::FLOAT:
  case onnx::TensorProto::DOUBLE:
  case onnx::TensorProto::FLOAT16:
  case onnx::TensorProto::BFLOAT16:
  case onnx::TensorProto::INT64:
  case onnx::TensorProto::INT32:
  case onnx::TensorProto::INT16:
  case onnx::TensorProto::INT8:
  case onnx::TensorProto::UINT64:
  case onnx::TensorProto::UINT32:
  case onnx::TensorProto::UINT16:
  case onnx::TensorProto::UINT8:
  case onnx::TensorProto::BOOL:
    return true;
  default:
    return false;
  }
}

static std::string typeName(int32_t elemType) {
  if (onnx::TensorProto::DataType_IsValid(elemType))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(elemType));
  return "type " + std::to_string(elemType);
}

/// A skip result if the case cannot run through tconv-run.
static std::optional<Result> skipReason(const onnx::ModelProto &model) {
  for (const onnx::NodeProto &node : model.graph().node())
    if ((!node.domain().empty() && node.domain() != "ai.onnx") ||
        !isSupportedONNXOperator(node.op_type()))
      return Result{Outcome::SkipOperator,
                    "unsupported operator " + node.op_type(), node.op_type()};
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &t : model.graph().initializer())
    initializers.insert(t.name());
  auto check = [&](const onnx::ValueInfoProto &v,
                   llvm::StringRef what) -> std::optional<Result> {
    int32_t type = v.type().tensor_type().elem_type();
    if (isRunnableType(type))
      return std::nullopt;
    return Result{Outcome::SkipType,
                  "tensor type " + typeName(type) + " of " + what.str() +
                      " '" + v.name() + "'",
                  typeName(type)};
  };
  for (const onnx::ValueInfoProto &v : model.graph().input())
    if (!initializers.contains(v.name()))
      if (auto skip = check(v, "input"))
        return skip;
  for (const onnx::ValueInfoProto &v : model.graph().output())
    if (auto skip = check(v, "output"))
      return skip;
  return std::nullopt;
}

/// Files dir/prefix0.pb, dir/prefix1.pb, ... in order.
static std::vector<std::string> numberedFiles(llvm::StringRef dir,
                                              llvm::StringRef prefix) {
  std::vector<std::string> files;
  for (int i = 0;; ++i) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, prefix + llvm::Twine(i) + ".pb");
    if (!llvm::sys::fs::exists(path))
      return files;
    files.push_back(std::string(path));
  }
}

static Result runModel(llvm::StringRef dir, const onnx::ModelProto &model,
                       llvm::StringRef contents);

static Result runCase(llvm::StringRef dir) {
  llvm::SmallString<256> modelPath(dir);
  llvm::sys::path::append(modelPath, "model.onnx");
  auto file = llvm::MemoryBuffer::getFile(modelPath, /*IsText=*/false,
                                          /*RequiresNullTerminator=*/false);
  if (!file)
    return {Outcome::Fail, "cannot read model.onnx"};
  onnx::ModelProto model;
  if (!model.ParseFromArray((*file)->getBufferStart(),
                            static_cast<int>((*file)->getBufferSize())))
    return {Outcome::Fail, "model.onnx does not parse"};
  Result result = runModel(dir, model, (*file)->getBuffer());
  result.hasConv = llvm::any_of(model.graph().node(), [](const auto &node) {
    return node.op_type() == "Conv" || node.op_type() == "ConvTranspose";
  });
  return result;
}

/// Runs every data set of the parsed case.
static Result runModel(llvm::StringRef dir, const onnx::ModelProto &model,
                       llvm::StringRef contents) {
  llvm::SmallString<256> modelPath(dir);
  llvm::sys::path::append(modelPath, "model.onnx");
  if (std::optional<Result> skip = skipReason(model))
    return *skip;

  std::error_code ec;
  std::vector<std::string> dataSets;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::path::filename(it->path()).starts_with("test_data_set_"))
      dataSets.push_back(it->path());
  llvm::sort(dataSets);
  if (dataSets.empty())
    return {Outcome::Fail, "no test_data_set_* directory"};
  // The graph inputs the data sets' input_<i>.pb files feed, in order.
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &t : model.graph().initializer())
    initializers.insert(t.name());
  std::vector<std::string> inputNames;
  // ONNX's data stores bfloat16 as UINT16: read so for BFLOAT16 inputs.
  std::vector<bool> inputIsBF16;
  for (const onnx::ValueInfoProto &v : model.graph().input())
    if (!initializers.contains(v.name())) {
      inputNames.push_back(v.name());
      inputIsBF16.push_back(v.type().tensor_type().elem_type() ==
                            onnx::TensorProto::BFLOAT16);
    }

  std::string bound;
  for (const std::string &set : dataSets) {
    llvm::SmallVector<HostTensor> inputs;
    for (const std::string &path : numberedFiles(set, "input_")) {
      size_t index = inputs.size();
      auto tensor = readTensorProtoFile(
          path, index < inputIsBF16.size() && inputIsBF16[index]);
      if (!tensor)
        return {Outcome::Fail, llvm::toString(tensor.takeError())};
      inputs.push_back(std::move(*tensor));
    }
    // Operands that must be constants (shapes, axes, pads...) but are graph
    // inputs in the test take the data set's values at import time: one
    // import and compile per data set.
    llvm::StringMap<HostTensor> inputValues;
    for (auto [name, tensor] : llvm::zip(inputNames, inputs))
      inputValues[name] = tensor.clone();
    ONNXImportOptions importOptions;
    importOptions.inputValues = &inputValues;
    mlir::MLIRContext context;
    auto module =
        importONNXModel(context, contents, modelPath, dir, importOptions);
    if (!module)
      return {Outcome::Fail, llvm::toString(module.takeError())};
    auto main = (*module)->lookupSymbol<mlir::func::FuncOp>("main");
    bound.clear();
    for (unsigned i = 0; i < main.getNumArguments(); ++i)
      if (main.getArgAttr(i, "onnx.value_bound"))
        bound += (bound.empty() ? "'" : ", '") + inputNames[i] + "'";
    std::string source;
    llvm::raw_string_ostream os(source);
    (*module)->print(os);
    RunnerOptions options;
    options.threads = 1;
    auto kernel = Kernel::compile(source, modelPath, options);
    if (!kernel)
      return {Outcome::Fail, llvm::toString(kernel.takeError())};

    auto results = (*kernel)->run(inputs);
    if (!results)
      return {Outcome::Fail, llvm::toString(results.takeError())};
    std::vector<std::string> outputs = numberedFiles(set, "output_");
    if (outputs.size() != results->size())
      return {Outcome::Fail, "the model returns " +
                                 std::to_string(results->size()) +
                                 " results, the data set has " +
                                 std::to_string(outputs.size())};
    for (auto [index, path] : llvm::enumerate(outputs)) {
      const HostTensor &got = (*results)[index];
      auto expected = readTensorProtoFile(
          path, got.getElementType() == ElementType::BF16);
      if (!expected)
        return {Outcome::Fail, llvm::toString(expected.takeError())};
      if (got.getShape() != expected->getShape())
        return {Outcome::Fail, "output " + std::to_string(index) +
                                   " has shape " + got.getType().shapeStr() +
                                   ", expected " +
                                   expected->getType().shapeStr()};
      if (got.getElementType() != expected->getElementType())
        return {Outcome::Fail,
                "output " + std::to_string(index) + " has element type " +
                    getElementTypeName(got.getElementType()).str() +
                    ", expected " +
                    getElementTypeName(expected->getElementType()).str()};
      // Integers must be equal (compared as bytes: int64 values do not all
      // fit a double); floats within ONNX's tolerances.
      bool exact = isIntegerElementType(got.getElementType());
      size_t width = getElementByteWidth(got.getElementType());
      for (int64_t i = 0, e = got.getNumElements(); i < e; ++i) {
        double a = got.getValue(i), b = expected->getValue(i);
        if (exact) {
          if (std::memcmp(got.bytes().data() + i * width,
                          expected->bytes().data() + i * width, width) == 0)
            continue;
        } else if ((std::isnan(a) && std::isnan(b)) || a == b ||
                   std::fabs(a - b) <=
                       kAbsoluteTolerance + kRelativeTolerance * std::fabs(b)) {
          continue;
        }
        {
          std::string text;
          llvm::raw_string_ostream os(text);
          os << llvm::sys::path::filename(set) << " output " << index
             << " element " << i << ": got " << llvm::format("%.8g", a)
             << ", expected " << llvm::format("%.8g", b);
          return {Outcome::Fail, text};
        }
      }
    }
  }
  if (!bound.empty())
    return {Outcome::Pass, "input " + bound + " bound at import", "", true};
  return {Outcome::Pass, ""};
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  cl::ParseCommandLineOptions(argc, argv,
                              "Run ONNX backend test cases through tconv\n");
  llvm::StringSet<> expectedFailures;
  if (!xfailFile.empty()) {
    auto file = llvm::MemoryBuffer::getFile(xfailFile);
    if (!file) {
      llvm::errs() << xfailFile << ": cannot read\n";
      return 1;
    }
    llvm::SmallVector<llvm::StringRef> lines;
    (*file)->getBuffer().split(lines, '\n');
    for (llvm::StringRef line : lines) {
      line = line.split('#').first.trim();
      if (!line.empty())
        expectedFailures.insert(line);
    }
  }

  struct Counts {
    int passed = 0, failed = 0, xfailed = 0, xpassed = 0, skippedType = 0,
        skippedOperator = 0;
  };
  std::vector<std::pair<std::string, Counts>> groups;
  Counts all;
  int bound = 0, convCases = 0, convPassed = 0;
  std::map<std::string, int> skippedOperators, skippedTypes;
  for (const std::string &root : directories) {
    std::error_code ec;
    std::vector<std::string> cases;
    for (llvm::sys::fs::directory_iterator it(root, ec), end; it != end && !ec;
         it.increment(ec))
      cases.push_back(it->path());
    if (ec) {
      llvm::errs() << root << ": cannot list: " << ec.message() << "\n";
      return 1;
    }
    llvm::sort(cases);
    std::string group = llvm::sys::path::filename(root).str();
    Counts counts;
    for (const std::string &dir : cases) {
      std::string name =
          group + "/" + llvm::sys::path::filename(dir).str();
      if (!filter.empty() && name.find(filter) == std::string::npos)
        continue;
      Result r = runCase(dir);
      bool expected = expectedFailures.contains(name);
      llvm::StringRef tag;
      switch (r.outcome) {
      case Outcome::Pass:
        tag = expected ? "XPASS" : "PASS";
        ++(expected ? counts.xpassed : counts.passed);
        bound += r.bound && !expected;
        break;
      case Outcome::SkipOperator:
        tag = "SKIP";
        ++counts.skippedOperator;
        ++skippedOperators[r.skippedWhat];
        break;
      case Outcome::SkipType:
        tag = "SKIP";
        ++counts.skippedType;
        ++skippedTypes[r.skippedWhat];
        break;
      case Outcome::Fail:
        tag = expected ? "XFAIL" : "FAIL";
        ++(expected ? counts.xfailed : counts.failed);
        break;
      }
      if (r.hasConv) {
        ++convCases;
        convPassed += r.outcome == Outcome::Pass && !expected;
      }
      if (summaryOnly)
        continue;
      llvm::outs() << tag << ": " << name;
      if (!r.detail.empty())
        llvm::outs() << ": " << llvm::StringRef(r.detail).split('\n').first;
      llvm::outs() << "\n";
      llvm::outs().flush();
    }
    groups.emplace_back(group, counts);
    all.passed += counts.passed;
    all.failed += counts.failed;
    all.xfailed += counts.xfailed;
    all.xpassed += counts.xpassed;
    all.skippedType += counts.skippedType;
    all.skippedOperator += counts.skippedOperator;
  }

  // The summary: counts per directory, the rates, what was skipped.
  llvm::raw_ostream &os = llvm::outs();
  os << llvm::format("%-18s %6s %6s %6s %6s %6s %6s\n", "", "pass", "fail",
                     "xfail", "xpass", "skip-t", "skip-o");
  groups.emplace_back("all", all);
  for (const auto &[group, c] : groups)
    os << llvm::format("%-18s %6d %6d %6d %6d %6d %6d\n", group.c_str(),
                       c.passed, c.failed, c.xfailed, c.xpassed,
                       c.skippedType, c.skippedOperator);
  auto percent = [](int part, int whole) {
    return whole ? 100.0 * part / whole : 0.0;
  };
  int runnable = all.passed + all.failed + all.xfailed + all.xpassed;
  int supported = runnable + all.skippedType;
  os << "cases with a Conv or ConvTranspose node: " << convPassed
     << " passed of " << convCases << "\n";
  os << "cases whose operators are all supported: " << all.passed
     << " passed of " << supported
     << llvm::format(" (%.1f%%)", percent(all.passed, supported))
     << "; of those whose tensor types tconv-run holds: " << all.passed
     << " of " << runnable
     << llvm::format(" (%.1f%%)", percent(all.passed, runnable)) << "\n";
  os << "passed with shape, axes, pads, sizes or scales inputs bound at "
        "import: "
     << bound << "\n";
  os << "skipped for their tensor types (skip-t):";
  for (const auto &[type, count] : skippedTypes)
    os << " " << type << " (" << count << ")";
  os << "\nskipped operators (skip-o):";
  for (const auto &[op, count] : skippedOperators)
    os << " " << op << " (" << count << ")";
  os << "\n";
  int failed = all.failed, xpassed = all.xpassed;
  return failed || xpassed ? 1 : 0;
}
