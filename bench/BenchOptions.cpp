//===- BenchOptions.cpp - Command line of tconv-bench --------------------===//

#include "BenchOptions.h"
#include "UpstreamForms.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <functional>

using namespace tconv::bench;

namespace {
enum class Kind { Bool, Value };

struct Flag {
  const char *name;
  Kind kind;
  const char *help;
  std::function<llvm::Error(BenchOptions &, llvm::StringRef)> set;
};

llvm::Error flagError(llvm::StringRef flag, const llvm::Twine &why) {
  return llvm::createStringError("--" + flag + ": " + why);
}

std::vector<std::string> splitList(llvm::StringRef text) {
  llvm::SmallVector<llvm::StringRef> parts;
  text.split(parts, ',', -1, /*KeepEmpty=*/false);
  return std::vector<std::string>(parts.begin(), parts.end());
}

llvm::Expected<double> parseNonNegative(llvm::StringRef flag,
                                        llvm::StringRef text) {
  double v;
  if (text.getAsDouble(v) || !std::isfinite(v) || v < 0)
    return flagError(flag, "expected a number >= 0, got '" + text + "'");
  return v;
}

auto setDouble(double BenchOptions::*field, const char *name) {
  return [field, name](BenchOptions &o, llvm::StringRef text) -> llvm::Error {
    auto v = parseNonNegative(name, text);
    if (!v)
      return v.takeError();
    o.*field = *v;
    return llvm::Error::success();
  };
}

auto setString(std::string BenchOptions::*field) {
  return [field](BenchOptions &o, llvm::StringRef text) {
    o.*field = text.str();
    return llvm::Error::success();
  };
}

auto setBool(bool BenchOptions::*field) {
  return [field](BenchOptions &o, llvm::StringRef text) {
    o.*field = text == "true";
    return llvm::Error::success();
  };
}

const std::vector<Flag> &flags() {
  static const std::vector<Flag> table = {
      {"shapes", Kind::Value,
       "Standard problems to run, e.g. T1,C2 (default: all, unless --problem "
       "is given)",
       [](BenchOptions &o, llvm::StringRef text) {
         llvm::append_range(o.shapes, splitList(text));
         return llvm::Error::success();
       }},
      {"problem", Kind::Value,
       "An extra problem ID:OP:INPUT:FILTER[:stride=S][:pad=P][:dil=D]"
       "[:opad=O][:group=G], e.g. X1:conv_transpose:1x4x5x5:4x2x3x3:stride=2:"
       "pad=1 (repeatable)",
       [](BenchOptions &o, llvm::StringRef text) {
         o.problems.push_back(text.str());
         return llvm::Error::success();
       }},
      {"threads", Kind::Value, "Thread counts (default: 1,2)",
       [](BenchOptions &o, llvm::StringRef text) -> llvm::Error {
         o.threads.clear();
         for (const std::string &part : splitList(text)) {
           int t;
           if (llvm::StringRef(part).getAsInteger(10, t) || t < 1)
             return flagError("threads", "expected integers >= 1, got '" +
                                             text + "'");
           o.threads.push_back(t);
         }
         if (o.threads.empty())
           return flagError("threads", "expected at least one thread count");
         return llvm::Error::success();
       }},
      {"strategies", Kind::Value,
       "Transpose strategies tconv compiles transposed convolutions with: "
       "auto, phase, zero-insert (default: auto,zero-insert)",
       [](BenchOptions &o, llvm::StringRef text) -> llvm::Error {
         o.strategies = splitList(text);
         if (o.strategies.empty())
           return flagError("strategies", "expected at least one strategy");
         for (const std::string &s : o.strategies)
           if (s != "auto" && s != "phase" && s != "zero-insert")
             return flagError("strategies",
                              "expected auto, phase or zero-insert, got '" +
                                  s + "'");
         return llvm::Error::success();
       }},
      {"pipeline-options", Kind::Value,
       "More --tconv-lower-to-llvm options for tconv, e.g. \"ow-tile=6 "
       "f-tile=32\" (default: none; the vector width follows the host)",
       setString(&BenchOptions::pipelineOptions)},
      {"min-time", Kind::Value,
       "Seconds of timed calls per contender, problem and thread count "
       "(default: 0.5)",
       setDouble(&BenchOptions::minTime, "min-time")},
      {"check-only", Kind::Bool, "Check results, do not time",
       setBool(&BenchOptions::checkOnly)},
      {"onednn-blocked", Kind::Bool,
       "Also run oneDNN on its own blocked layouts, reorders untimed "
       "(default: true)",
       setBool(&BenchOptions::onednnBlocked)},
      {"xnnpack", Kind::Bool,
       "Also run XNNPACK's convolution / deconvolution (2-D problems) on "
       "NHWC tensors, as its users hold them (default: true)",
       setBool(&BenchOptions::xnnpack)},
      {"matmul-peer", Kind::Bool,
       "On transposed convolutions with stride = kernel, also time oneDNN's "
       "sgemm of the same FLOPs (the product the convolution amounts to, "
       "without its scatter; not checked) (default: true)",
       setBool(&BenchOptions::matmulPeer)},
      {"constant-filter", Kind::Bool,
       "Also time tconv with the filter compiled into the model as a "
       "constant (packed at compile time, as with a model's fixed weights; "
       "strategy auto), next to oneDNN blocked whose weight reorder is not "
       "timed either (default: true)",
       setBool(&BenchOptions::constantFilter)},
      {"dynamic-batch", Kind::Bool,
       "Also time tconv compiled for any batch (input and result "
       "tensor<?x...>), called at the problem's N, next to the static code "
       "(default: true)",
       setBool(&BenchOptions::dynamicBatch)},
      {"upstream-forms", Kind::Value,
       "The same 2-D layer as other frontends write it, raised and compiled "
       "by tconv: tosa (tosa.conv2d / tosa.transpose_conv2d, NHWC), "
       "nhwc_fhwc and ngchw (tensor.pad + linalg), zero-insert (torch-mlir's "
       "transposed convolution); none for no form (default: all four)",
       [](BenchOptions &o, llvm::StringRef text) -> llvm::Error {
         o.upstreamForms = splitList(text);
         if (o.upstreamForms == std::vector<std::string>{"none"}) {
           o.upstreamForms.clear();
           return llvm::Error::success();
         }
         for (const std::string &f : o.upstreamForms)
           if (!parseUpstreamForm(f))
             return flagError("upstream-forms",
                              "expected tosa, nhwc_fhwc, ngchw, zero-insert "
                              "or none, got '" +
                                  f + "'");
         return llvm::Error::success();
       }},
      {"batch", Kind::Value,
       "Run every selected problem at this N instead of its own (default: "
       "the problem's)",
       [](BenchOptions &o, llvm::StringRef text) -> llvm::Error {
         if (text.getAsInteger(10, o.batch) || o.batch < 1 ||
             o.batch > 4096)
           return flagError("batch", "expected an integer in [1, 4096], got '" +
                                         text + "'");
         return llvm::Error::success();
       }},
      {"tconv", Kind::Bool,
       "Run tconv; false runs oneDNN alone (default: true)",
       setBool(&BenchOptions::tconv)},
      {"onednn-deconv-weights", Kind::Value,
       "How the NCHW oneDNN contender takes a transposed-convolution filter "
       "C x M/g x k: iohw (as stored) or oihw (repacked; oneDNN 2.6 then "
       "runs reference loops) (default: iohw)",
       [](BenchOptions &o, llvm::StringRef text) -> llvm::Error {
         if (text != "iohw" && text != "oihw")
           return flagError("onednn-deconv-weights",
                            "expected iohw or oihw, got '" + text + "'");
         o.onednnDeconvWeights = text.str();
         return llvm::Error::success();
       }},
      {"tolerance", Kind::Value,
       "Largest accepted max|x - ref| / max|ref| (default: 1e-4)",
       setDouble(&BenchOptions::tolerance, "tolerance")},
      {"naive-max-gflop", Kind::Value,
       "Check oneDNN against loop nests on problems of at most this many "
       "GFLOP; 0: never (default: 0.3)",
       setDouble(&BenchOptions::naiveMaxGflop, "naive-max-gflop")},
      {"json", Kind::Value, "Write the results as JSON to this file",
       setString(&BenchOptions::json)},
      {"report", Kind::Value,
       "Write a Markdown report (table, machine, command) to this file",
       setString(&BenchOptions::report)},
      {"list", Kind::Bool, "List the selected problems and exit",
       setBool(&BenchOptions::list)},
      {"print-model", Kind::Value,
       "Print the tconv model of a selected problem and exit",
       setString(&BenchOptions::printModel)},
      {"inject-error", Kind::Value,
       "Testing: perturb one element of a contender's result (e.g. "
       "tconv:auto) to show the check fails",
       setString(&BenchOptions::injectError)},
      {"help", Kind::Bool, "Print this help", setBool(&BenchOptions::help)},
  };
  return table;
}
} // namespace

std::string tconv::bench::benchUsage() {
  std::string s = "USAGE: tconv-bench [options]\n\n"
                  "Compiles one-op tconv models and times them against "
                  "oneDNN, after checking their results.\n\nOPTIONS:\n";
  for (const Flag &f : flags())
    s += llvm::formatv("  --{0}{1}\n      {2}\n", f.name,
                       f.kind == Kind::Value ? "=<value>" : "", f.help);
  return s;
}

llvm::Expected<BenchOptions> tconv::bench::parseBenchOptions(int argc,
                                                             char **argv) {
  BenchOptions options;
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (!arg.consume_front("--") && !arg.consume_front("-"))
      return llvm::createStringError("unexpected argument '" + arg +
                                     "' (see --help)");
    llvm::StringRef name = arg.take_until([](char c) { return c == '='; });
    llvm::StringRef value = arg.drop_front(name.size());
    bool hasValue = value.consume_front("=");
    auto flag = llvm::find_if(
        flags(), [name](const Flag &f) { return name == f.name; });
    if (flag == flags().end())
      return llvm::createStringError("unknown option '--" + name +
                                     "' (see --help)");
    if (flag->kind == Kind::Bool) {
      if (!hasValue)
        value = "true";
      else if (value != "true" && value != "false")
        return flagError(name, "expected true or false, got '" + value + "'");
    } else if (!hasValue) {
      if (i + 1 == argc)
        return flagError(name, "expects a value");
      value = argv[++i];
    }
    if (llvm::Error err = flag->set(options, value))
      return std::move(err);
  }
  return options;
}
