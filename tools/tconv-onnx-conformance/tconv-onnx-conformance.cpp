//===- tconv-onnx-conformance.cpp - ONNX backend test cases through tconv -===//
//
// tconv-onnx-conformance [--xfail=FILE] [--filter=SUBSTRING] DIR...
//
// Runs every ONNX backend test case under each DIR (DIR/<case>/model.onnx
// with test_data_set_*/input_*.pb and output_*.pb) the way tconv-run does:
// import, compile with --tconv-lower-to-llvm, run, and compare each output
// with ONNX's tolerances (|got - expected| <= atol + rtol * |expected|, rtol
// 1e-3, atol 1e-7). A case is skipped if one of its operators is not
// supported (the operator is named) or if it takes or returns non-float
// tensors (tconv-run's tensors are float). Prints one line per case and the
// counts; exits 1 if a case fails that is not listed in the --xfail file
// (one case name per line, '#' comments) or a listed case passes.
//
//===----------------------------------------------------------------------===//

#include "tconv/Frontend/ONNX/ImportONNX.h"
#include "tconv/Runner/Runner.h"

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
#include <map>

using namespace mlir::tconv;
namespace cl = llvm::cl;

static cl::list<std::string> directories(cl::Positional, cl::OneOrMore,
                                         cl::desc("<test data dir>..."));
static cl::opt<std::string> xfailFile("xfail",
                                      cl::desc("Cases expected to fail"),
                                      cl::value_desc("file"));
static cl::opt<std::string>
    filter("filter", cl::desc("Only cases whose name contains this"),
           cl::value_desc("substring"));

static constexpr double kRelativeTolerance = 1e-3;
static constexpr double kAbsoluteTolerance = 1e-7;

namespace {
enum class Outcome { Pass, Skip, Fail };
struct Result {
  Outcome outcome;
  std::string detail;
};
} // namespace

static bool isFloatType(int32_t elemType) {
  return elemType == onnx::TensorProto::FLOAT ||
         elemType == onnx::TensorProto::DOUBLE ||
         elemType == onnx::TensorProto::FLOAT16 ||
         elemType == onnx::TensorProto::BFLOAT16;
}

/// Why the case cannot run through tconv-run, or an empty string.
static std::string skipReason(const onnx::ModelProto &model) {
  for (const onnx::NodeProto &node : model.graph().node())
    if ((!node.domain().empty() && node.domain() != "ai.onnx") ||
        !isSupportedONNXOperator(node.op_type()))
      return "unsupported operator " + node.op_type();
  llvm::StringSet<> initializers;
  for (const onnx::TensorProto &t : model.graph().initializer())
    initializers.insert(t.name());
  for (const onnx::ValueInfoProto &v : model.graph().input())
    if (!initializers.contains(v.name()) &&
        !isFloatType(v.type().tensor_type().elem_type()))
      return "non-float input '" + v.name() + "'";
  for (const onnx::ValueInfoProto &v : model.graph().output())
    if (!isFloatType(v.type().tensor_type().elem_type()))
      return "non-float output '" + v.name() + "'";
  return "";
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
  std::string reason = skipReason(model);
  if (!reason.empty())
    return {Outcome::Skip, reason};

  auto source = loadModuleSource((*file)->getBuffer(), modelPath);
  if (!source)
    return {Outcome::Fail, llvm::toString(source.takeError())};
  RunnerOptions options;
  options.threads = 1;
  auto kernel = Kernel::compile(*source, modelPath, options);
  if (!kernel)
    return {Outcome::Fail, llvm::toString(kernel.takeError())};

  std::error_code ec;
  std::vector<std::string> dataSets;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (llvm::sys::path::filename(it->path()).starts_with("test_data_set_"))
      dataSets.push_back(it->path());
  llvm::sort(dataSets);
  if (dataSets.empty())
    return {Outcome::Fail, "no test_data_set_* directory"};
  for (const std::string &set : dataSets) {
    llvm::SmallVector<HostTensor> inputs;
    for (const std::string &path : numberedFiles(set, "input_")) {
      auto tensor = readTensorProtoFile(path);
      if (!tensor)
        return {Outcome::Fail, llvm::toString(tensor.takeError())};
      inputs.push_back(std::move(*tensor));
    }
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
      auto expected = readTensorProtoFile(path);
      if (!expected)
        return {Outcome::Fail, llvm::toString(expected.takeError())};
      const HostTensor &got = (*results)[index];
      if (got.getShape() != expected->getShape())
        return {Outcome::Fail, "output " + std::to_string(index) +
                                   " has shape " + got.getType().shapeStr() +
                                   ", expected " +
                                   expected->getType().shapeStr()};
      for (int64_t i = 0, e = got.getNumElements(); i < e; ++i) {
        double a = got.getValue(i), b = expected->getValue(i);
        if (std::isnan(a) && std::isnan(b))
          continue;
        if (a == b)
          continue;
        if (!(std::fabs(a - b) <=
              kAbsoluteTolerance + kRelativeTolerance * std::fabs(b))) {
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

  int passed = 0, skipped = 0, failed = 0, xfailed = 0, xpassed = 0;
  std::map<std::string, int> skippedOperators;
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
        ++(expected ? xpassed : passed);
        break;
      case Outcome::Skip:
        tag = "SKIP";
        ++skipped;
        if (llvm::StringRef(r.detail).starts_with("unsupported operator "))
          ++skippedOperators[r.detail.substr(21)];
        else
          ++skippedOperators["(" + r.detail.substr(0, r.detail.find(' ')) +
                             " tensors)"];
        break;
      case Outcome::Fail:
        tag = expected ? "XFAIL" : "FAIL";
        ++(expected ? xfailed : failed);
        break;
      }
      llvm::outs() << tag << ": " << name;
      if (!r.detail.empty())
        llvm::outs() << ": " << llvm::StringRef(r.detail).split('\n').first;
      llvm::outs() << "\n";
      llvm::outs().flush();
    }
  }
  llvm::outs() << "skipped operators:";
  for (const auto &[op, count] : skippedOperators)
    llvm::outs() << " " << op << " (" << count << ")";
  llvm::outs() << "\n";
  llvm::outs() << "passed: " << passed << "\nskipped: " << skipped
               << "\nfailed: " << failed << "\nexpected failures: " << xfailed
               << "\nunexpected passes: " << xpassed << "\n";
  return failed || xpassed ? 1 : 0;
}
