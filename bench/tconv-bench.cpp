//===- tconv-bench.cpp - tconv against oneDNN and XNNPACK, side by side --===//
//
// For each problem and thread count: compiles the one-op tconv model with
// the pipeline tconv-run uses (each transpose strategy asked for, with the
// filter compiled in, for any batch, and the layer as other frontends write
// it), builds oneDNN primitives on plain NCHW memory (what a user holding
// NCHW tensors calls) and on oneDNN's own blocked layouts, and XNNPACK's
// NHWC operators, checks every result against oneDNN's NCHW result (and
// oneDNN against a loop-nest reference when that is cheap), then times the
// kernel calls, interleaved, and prints medians, page faults and workspaces.
//
//===----------------------------------------------------------------------===//

#include "BenchOptions.h"
#include "ConvProblem.h"
#include "Measure.h"
#include "NaiveConv.h"
#include "OneDnnConv.h"
#include "OpenMPWorkers.h"
#include "SameFlopsMatmul.h"
#include "TConvContender.h"
#include "XnnpackConv.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <ctime>
#include <fstream>
#include <optional>
#include <random>
#include <thread>

using namespace tconv::bench;
/// The parsed command line; read-only after main parses it.
static BenchOptions opts;

namespace {
/// One implementation of one problem at one thread count.
struct Contender {
  std::string key;   // "tconv:auto", "onednn:nchw", ...
  std::string label; // column header
  std::string detail;
  Timed timed;
  std::function<llvm::Expected<std::vector<float>>()> result;
  std::optional<double> error; // checked relative error
  std::optional<int64_t> workspaceBytes; // tconv's compiled code
  std::string failure;         // why it has no time
  bool wrong = false;          // failed the check
  bool computesProblem = true; // false: a reference speed, not checked
};

struct Row {
  const ConvProblem *problem;
  int threads;
  std::vector<std::unique_ptr<Contender>> contenders;
  /// coreToCoreRoundTripNs before and after the timed rounds.
  std::optional<std::pair<double, double>> coreRoundTripNs;
  const Contender *find(llvm::StringRef key) const {
    for (const auto &c : contenders)
      if (c->key == key)
        return c.get();
    return nullptr;
  }
};

struct Comparison {
  double relError;
  size_t worst;
};

Comparison compare(const std::vector<float> &got,
                   const std::vector<float> &ref) {
  double maxRef = 0, maxDiff = 0;
  size_t worst = 0;
  for (size_t i = 0; i < ref.size(); ++i) {
    maxRef = std::max(maxRef, std::fabs(double(ref[i])));
    double diff = std::fabs(double(got[i]) - double(ref[i]));
    // NaN compares false: count it as the worst possible element.
    if (!(diff <= maxDiff)) {
      maxDiff = std::isnan(diff) ? INFINITY : diff;
      worst = i;
    }
  }
  return {maxRef > 0 ? maxDiff / maxRef : maxDiff, worst};
}

std::string indexString(llvm::ArrayRef<int64_t> shape, size_t flat) {
  llvm::SmallVector<int64_t> index(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    index[d] = flat % shape[d];
    flat /= shape[d];
  }
  return "[" +
         llvm::join(llvm::map_range(
                        index, [](int64_t i) { return std::to_string(i); }),
                    ",") +
         "]";
}

std::vector<float> randomTensor(int64_t size, unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v(size);
  for (float &x : v)
    x = dist(gen);
  return v;
}

int64_t product(llvm::ArrayRef<int64_t> shape) {
  int64_t p = 1;
  for (int64_t d : shape)
    p *= d;
  return p;
}

/// The bf16 contenders: their operands and result are rounded to bf16.
bool isBF16(llvm::StringRef key) { return key.ends_with(":bf16"); }

/// Reports a failed check on stderr and marks the contender.
void reportWrong(Contender &c, const ConvProblem &p, int threads,
                 llvm::StringRef oracle, const std::vector<float> &got,
                 const std::vector<float> &ref, Comparison cmp,
                 double tolerance) {
  c.wrong = true;
  c.failure = "WRONG";
  llvm::errs() << llvm::formatv(
      "error: {0} at {1} thread(s): {2} differs from {3}: max rel error "
      "{4:e} > {5:e}, worst at {6}: got {7}, expected {8}\n",
      p.id, threads, c.label, oracle, cmp.relError, tolerance,
      indexString(p.resultShape(), cmp.worst), got[cmp.worst],
      ref[cmp.worst]);
}

/// Calls a contender once and returns its result, perturbed if asked.
llvm::Expected<std::vector<float>> firstResult(Contender &c,
                                               const ConvProblem &p) {
  if (llvm::Error err = c.timed.enter())
    return std::move(err);
  c.timed.call();
  auto result = c.result();
  if (!result)
    return result.takeError();
  size_t expected = product(p.resultShape());
  if (result->size() != expected)
    return llvm::createStringError(llvm::formatv(
        "returned {0} elements, expected {1}", result->size(), expected));
  if (c.key == opts.injectError)
    (*result)[result->size() / 2] += 1.0f;
  return result;
}

class Bench {
public:
  /// `fmaPeak`: fmaPeakGflopsPerCore(), 0 if unknown.
  Bench(llvm::raw_ostream &table, double fmaPeak)
      : table(table), fmaPeak(fmaPeak) {}

  /// Runs one problem at every thread count; false if anything failed.
  bool runProblem(const ConvProblem &p);
  void printHeader();
  /// The tables under the main one: dynamic batch and upstream forms
  /// against the tconv op, then memory.
  void printFormsTable();
  void printMatmulTable();
  void printMemoryTable();
  const std::vector<Row> &getRows() const { return rows; }

private:
  void printRow(const Row &row);
  bool runAtThreads(const ConvProblem &p, int threads,
                    const std::vector<float> &input,
                    const std::vector<float> &filter,
                    const std::optional<std::vector<float>> &naive);

  /// The first tconv column's GFLOP/s as a share of the FMA peak of the
  /// row's cores, if both are known.
  bool hasPeakColumn() const;

  llvm::raw_ostream &table;
  double fmaPeak;
  std::vector<Row> rows;
};
} // namespace

/// tconv with the filter compiled in (strategy auto).
static constexpr llvm::StringLiteral kConstantFilterKey = "tconv:const-filter";

/// The same in bf16: the counterpart of oneDNN bf16, whose weight reorder is
/// untimed too.
static constexpr llvm::StringLiteral kBF16ConstantFilterKey =
    "tconv:const-filter:bf16";

/// XNNPACK on NHWC tensors (2-D problems).
static constexpr llvm::StringLiteral kXnnpackKey = "xnnpack:nhwc";

/// oneDNN's sgemm of a transposed convolution's FLOPs (SameFlopsMatmul.h).
static constexpr llvm::StringLiteral kMatmulKey = "onednn:sgemm";

/// Column keys in table order.
static std::vector<std::string> columnKeys() {
  std::vector<std::string> keys;
  if (opts.tconv) {
    for (const std::string &s : opts.strategies)
      keys.push_back("tconv:" + s);
    if (opts.constantFilter)
      keys.push_back(kConstantFilterKey.str());
  }
  keys.push_back("onednn:nchw");
  if (opts.onednnBlocked)
    keys.push_back("onednn:blocked");
  if (opts.xnnpack)
    keys.push_back(kXnnpackKey.str());
  if (opts.bf16) {
    if (opts.tconv)
      keys.push_back("tconv:bf16");
    if (opts.tconv && opts.constantFilter)
      keys.push_back(kBF16ConstantFilterKey.str());
    keys.push_back("onednn:bf16");
  }
  return keys;
}

/// tconv compiled for any batch, called at the problem's N.
static constexpr llvm::StringLiteral kDynamicBatchKey = "tconv:dyn-batch";

/// Keys of the forms table: tconv's model variants other than the tconv op
/// at a static shape, timed against "tconv:auto".
static std::vector<std::string> formKeys() {
  std::vector<std::string> keys;
  if (!opts.tconv)
    return keys;
  if (opts.dynamicBatch)
    keys.push_back(kDynamicBatchKey.str());
  for (const std::string &form : opts.upstreamForms)
    keys.push_back("upstream:" + form);
  return keys;
}

static std::string columnLabel(llvm::StringRef key) {
  if (key == kBF16ConstantFilterKey)
    return "tconv bf16 const-filter";
  if (key.consume_front("upstream:")) {
    if (key == "tosa")
      return "tosa";
    return (key == "zero-insert" ? "torch-mlir " : "linalg ") + key.str();
  }
  if (key.consume_front("tconv:"))
    return ("tconv " + key).str();
  if (key == kXnnpackKey)
    return "XNNPACK nhwc";
  return key == "onednn:nchw"    ? "oneDNN nchw"
         : key == "onednn:bf16" ? "oneDNN bf16"
                                : "oneDNN blocked";
}

/// Time ratios shown, numerator and denominator keys.
static std::vector<std::pair<std::string, std::string>> ratioKeys() {
  std::vector<std::pair<std::string, std::string>> ratios;
  std::vector<std::string> keys = columnKeys();
  if (!opts.tconv) {
    if (opts.onednnBlocked)
      ratios.push_back({"onednn:blocked", "onednn:nchw"});
    return ratios;
  }
  ratios.push_back({keys[0], "onednn:nchw"});
  if (opts.onednnBlocked)
    ratios.push_back({keys[0], "onednn:blocked"});
  if (opts.strategies.size() > 1)
    ratios.push_back({keys[1], keys[0]});
  if (opts.constantFilter && opts.onednnBlocked)
    ratios.push_back({kConstantFilterKey.str(), "onednn:blocked"});
  if (opts.xnnpack)
    ratios.push_back({keys[0], kXnnpackKey.str()});
  // bf16 against oneDNN's, and against tconv's own f32 time.
  if (opts.bf16) {
    ratios.push_back({"tconv:bf16", "onednn:bf16"});
    if (opts.constantFilter)
      ratios.push_back({kBF16ConstantFilterKey.str(), "onednn:bf16"});
    ratios.push_back({"tconv:bf16", keys[0]});
  }
  return ratios;
}

bool Bench::hasPeakColumn() const {
  return fmaPeak > 0 && opts.tconv && !columnKeys().empty();
}

void Bench::printHeader() {
  std::vector<std::string> keys = columnKeys();
  auto ratios = ratioKeys();
  table << "| id | thr | CPUs | core ns |";
  for (const std::string &k : keys)
    table << " " << columnLabel(k) << " ms |";
  for (const std::string &k : keys)
    table << " " << columnLabel(k) << " GFLOP/s |";
  for (const auto &[a, b] : ratios)
    table << " " << columnLabel(a) << " / " << columnLabel(b) << " |";
  if (hasPeakColumn())
    table << " " << columnLabel(keys[0]) << " % of peak |";
  table << "\n|---|---:|---:|---:|";
  for (size_t i = 0; i < 2 * keys.size() + ratios.size() + hasPeakColumn();
       ++i)
    table << "---:|";
  table << "\n";
  table.flush();
}

/// The contender's timed calls, if it passed its check and was timed.
static const Timed *timedCalls(const Contender *c) {
  if (!c || !c->failure.empty() || c->timed.samples.empty())
    return nullptr;
  return &c->timed;
}

static std::optional<double> medianOf(const Contender *c) {
  if (const Timed *t = timedCalls(c))
    return summarize(t->samples).median;
  return std::nullopt;
}

/// A median in ms, or what became of the contender: ok (checked, not
/// timed), WRONG, FAILED, unchecked, or — (none).
static std::string timeCell(const Contender *c) {
  if (auto m = medianOf(c))
    return llvm::formatv("{0:f3}", *m * 1e3);
  if (!c)
    return "—";
  return c->failure.empty() ? "ok" : c->failure;
}

void Bench::printRow(const Row &row) {
  std::vector<std::string> keys = columnKeys();
  double flops = row.problem->flops();
  table << "| " << row.problem->id << " | " << row.threads << " |";
  double wall = 0, cpu = 0;
  for (const auto &c : row.contenders) {
    wall += c->timed.wallSeconds;
    cpu += c->timed.cpuSeconds;
  }
  if (wall > 0)
    table << llvm::formatv(" {0:f2}{1} |", cpu / wall,
                           cpu / wall < 0.9 * row.threads ? " (!)" : "");
  else
    table << " — |";
  if (row.coreRoundTripNs)
    table << llvm::formatv(" {0:f0} / {1:f0} |", row.coreRoundTripNs->first,
                           row.coreRoundTripNs->second);
  else
    table << " — |";
  for (const std::string &k : keys)
    table << " " << timeCell(row.find(k)) << " |";
  for (const std::string &k : keys) {
    if (auto m = medianOf(row.find(k)))
      table << llvm::formatv(" {0:f1} |", flops / *m * 1e-9);
    else
      table << " — |";
  }
  for (const auto &[a, b] : ratioKeys()) {
    auto ma = medianOf(row.find(a)), mb = medianOf(row.find(b));
    if (ma && mb)
      table << llvm::formatv(" {0:f2} |", *ma / *mb);
    else
      table << " — |";
  }
  if (hasPeakColumn()) {
    if (auto m = medianOf(row.find(keys[0])))
      table << llvm::formatv(" {0:f0} |",
                             flops / *m * 1e-9 / (fmaPeak * row.threads) * 100);
    else
      table << " — |";
  }
  table << "\n";
  table.flush();
}

void Bench::printFormsTable() {
  std::vector<std::string> keys = formKeys();
  if (keys.empty())
    return;
  table << "\nThe same problem compiled for any batch (`?`, called at the "
           "problem's N) and written as other frontends write it, against "
           "the tconv op (tconv auto), same run:\n\n| id | thr | tconv auto "
           "ms |";
  for (const std::string &k : keys)
    table << " " << columnLabel(k) << " ms |";
  for (const std::string &k : keys)
    table << " " << columnLabel(k) << " / tconv auto |";
  table << "\n|---|---:|---:|";
  for (size_t i = 0; i < 2 * keys.size(); ++i)
    table << "---:|";
  table << "\n";
  for (const Row &row : rows) {
    std::optional<double> base = medianOf(row.find("tconv:auto"));
    table << "| " << row.problem->id << " | " << row.threads << " | "
          << timeCell(row.find("tconv:auto")) << " |";
    for (const std::string &k : keys)
      table << " " << timeCell(row.find(k)) << " |";
    for (const std::string &k : keys) {
      auto m = medianOf(row.find(k));
      if (m && base)
        table << llvm::formatv(" {0:f2} |", *m / *base);
      else
        table << " — |";
    }
    table << "\n";
  }
  table.flush();
}

void Bench::printMatmulTable() {
  bool any = llvm::any_of(rows, [](const Row &r) {
    return medianOf(r.find(kMatmulKey)).has_value();
  });
  if (!any)
    return;
  table << "\nTransposed convolutions that are a matrix product (stride = "
           "kernel): tconv against oneDNN's sgemm of the same FLOPs, without "
           "the scatter, same run:\n\n| id | thr | tconv auto ms | oneDNN "
           "sgemm ms | tconv auto GFLOP/s | oneDNN sgemm GFLOP/s | tconv auto "
           "/ sgemm GFLOP/s |\n|---|---:|---:|---:|---:|---:|---:|\n";
  for (const Row &row : rows) {
    auto conv = medianOf(row.find("tconv:auto"));
    auto matmul = medianOf(row.find(kMatmulKey));
    if (!conv || !matmul)
      continue;
    double flops = row.problem->flops();
    table << llvm::formatv("| {0} | {1} | {2:f3} | {3:f3} | {4:f1} | {5:f1} | "
                           "{6:f2} |\n",
                           row.problem->id, row.threads, *conv * 1e3,
                           *matmul * 1e3, flops / *conv * 1e-9,
                           flops / *matmul * 1e-9, *matmul / *conv);
  }
  table.flush();
}

/// Makes `timed` run on libomp with `threads` threads: before each burst
/// `setup` runs and the workers are started; for another runtime's burst
/// they are stopped (OpenMPWorkers.h).
static void runOnOpenMP(Timed &timed, int threads,
                        std::function<llvm::Error()> setup) {
  timed.runtime = "openmp";
  timed.release = stopOpenMPWorkers;
  timed.enter = [threads, setup = std::move(setup)] {
    llvm::Error err = setup();
    startOpenMPWorkers(threads);
    return err;
  };
}

/// Minor page faults per timed call, if the contender was timed.
static std::optional<double> faultsPerCall(const Contender *c) {
  if (const Timed *t = timedCalls(c))
    return double(t->minorFaults) / t->samples.size();
  return std::nullopt;
}

void Bench::printMemoryTable() {
  std::vector<std::string> keys = columnKeys(), workspaceKeys;
  llvm::append_range(keys, formKeys());
  for (llvm::StringRef k : keys)
    if (k.starts_with("tconv:") || k.starts_with("upstream:"))
      workspaceKeys.push_back(k.str());
  table << "\nMemory: minor page faults per timed call (getrusage around "
           "the timed calls) and the workspace of tconv's compiled code "
           "(KiB):\n\n| id | thr |";
  for (const std::string &k : keys)
    table << " " << columnLabel(k) << " faults |";
  for (const std::string &k : workspaceKeys)
    table << " " << columnLabel(k) << " KiB |";
  table << "\n|---|---:|";
  for (size_t i = 0; i < keys.size() + workspaceKeys.size(); ++i)
    table << "---:|";
  table << "\n";
  for (const Row &row : rows) {
    table << "| " << row.problem->id << " | " << row.threads << " |";
    for (const std::string &k : keys) {
      if (auto f = faultsPerCall(row.find(k)))
        table << llvm::formatv(" {0:f1} |", *f);
      else
        table << " — |";
    }
    for (const std::string &k : workspaceKeys) {
      const Contender *c = row.find(k);
      if (c && c->workspaceBytes)
        table << llvm::formatv(" {0:f1} |", *c->workspaceBytes / 1024.0);
      else
        table << " — |";
    }
    table << "\n";
  }
  table.flush();
}

bool Bench::runProblem(const ConvProblem &p) {
  unsigned seed = std::hash<std::string>()(p.id);
  std::vector<float> input = randomTensor(product(p.inputShape), seed);
  std::vector<float> filter = randomTensor(product(p.filterShape), seed + 1);
  std::optional<std::vector<float>> naive;
  if (p.flops() <= opts.naiveMaxGflop * 1e9)
    naive = naiveConv(p, input, filter);
  bool ok = true;
  for (int threads : opts.threads)
    ok &= runAtThreads(p, threads, input, filter, naive);
  return ok;
}

bool Bench::runAtThreads(const ConvProblem &p, int threads,
                         const std::vector<float> &input,
                         const std::vector<float> &filter,
                         const std::optional<std::vector<float>> &naive) {
  Row row{&p, threads, {}, std::nullopt};
  bool ok = true;
  auto fail = [&](Contender &c, llvm::Error err) {
    c.failure = "FAILED";
    llvm::errs() << "error: " << p.id << " at " << threads << " thread(s): "
                 << c.label << ": " << llvm::toString(std::move(err)) << "\n";
    ok = false;
  };

  // oneDNN partitions work when a primitive is created: set threads first.
  auto weights = opts.onednnDeconvWeights == "iohw"
                     ? OneDnnConv::DeconvWeights::InMajor
                     : OneDnnConv::DeconvWeights::OutMajor;
  auto addOneDnn = [&](llvm::StringRef key, OneDnnConv::Layout layout,
                       bool bf16 = false) {
    auto c = std::make_unique<Contender>();
    c->key = key.str();
    c->label = columnLabel(key);
    c->timed.name = c->label;
    runOnOpenMP(c->timed, threads,
                [threads] { return setOneDnnThreads(threads); });
    if (llvm::Error err = c->timed.enter()) {
      fail(*c, std::move(err));
    } else if (auto conv = OneDnnConv::create(p, layout, weights, input,
                                              filter, bf16)) {
      std::shared_ptr<OneDnnConv> shared = std::move(*conv);
      c->detail = shared->implementation();
      if (p.isTransposed() && layout == OneDnnConv::Layout::Plain)
        c->detail += ", " + opts.onednnDeconvWeights + " weights";
      c->timed.call = [shared] { shared->run(); };
      c->result = [shared] { return shared->result(); };
    } else {
      fail(*c, conv.takeError());
    }
    row.contenders.push_back(std::move(c));
  };
  addOneDnn("onednn:nchw", OneDnnConv::Layout::Plain);
  if (opts.onednnBlocked)
    addOneDnn("onednn:blocked", OneDnnConv::Layout::Blocked);
  if (opts.bf16)
    addOneDnn("onednn:bf16", OneDnnConv::Layout::Blocked, /*bf16=*/true);
  if (opts.xnnpack && XnnpackConv::supports(p)) {
    auto c = std::make_unique<Contender>();
    c->key = kXnnpackKey.str();
    c->label = columnLabel(kXnnpackKey);
    c->timed.name = c->label;
    c->timed.runtime = "pthreadpool";
    if (auto x = XnnpackConv::create(p, threads, input, filter)) {
      std::shared_ptr<XnnpackConv> shared = std::move(*x);
      c->timed.enter = [shared] { return shared->acquireThreads(); };
      c->timed.release = [shared] { shared->releaseThreads(); };
      c->detail = "NHWC input and result, " +
                  (threads > 1 ? "pthreadpool of " + std::to_string(threads) +
                                     " threads"
                               : std::string("the calling thread"));
      c->timed.call = [shared] { shared->run(); };
      c->result = [shared] { return shared->result(); };
    } else {
      fail(*c, x.takeError());
    }
    row.contenders.push_back(std::move(c));
  }

  if (opts.matmulPeer && SameFlopsMatmul::applies(p)) {
    auto c = std::make_unique<Contender>();
    c->key = kMatmulKey.str();
    c->label = "oneDNN sgemm, same FLOPs";
    c->timed.name = c->label;
    c->computesProblem = false;
    runOnOpenMP(c->timed, threads,
                [threads] { return setOneDnnThreads(threads); });
    if (auto m = SameFlopsMatmul::create(p, input, filter)) {
      std::shared_ptr<SameFlopsMatmul> shared = std::move(*m);
      c->detail = "dnnl_sgemm, [pixels x C] * [C x M*k..] per image";
      c->timed.call = [shared] { shared->run(); };
    } else {
      fail(*c, m.takeError());
    }
    row.contenders.push_back(std::move(c));
  }

  auto addTConv = [&](llvm::StringRef key, const TConvVariant &variant) {
    auto c = std::make_unique<Contender>();
    c->key = key.str();
    c->label = columnLabel(c->key);
    c->timed.name = c->label;
    if (auto tc = TConvContender::create(p, variant, opts.pipelineOptions,
                                         threads, input, filter)) {
      std::shared_ptr<TConvContender> shared = std::move(*tc);
      c->detail = shared->description();
      c->workspaceBytes = shared->workspaceBytes();
      // The bound call sets its thread count on every call.
      runOnOpenMP(c->timed, threads, [] { return llvm::Error::success(); });
      c->timed.call = [shared] { shared->run(); };
      c->result = [shared] { return shared->result(); };
    } else {
      fail(*c, tc.takeError());
    }
    row.contenders.push_back(std::move(c));
  };
  for (const std::string &strategy : opts.strategies) {
    if (!opts.tconv)
      break;
    // The strategy only changes transposed convolutions.
    if (!p.isTransposed() && strategy != opts.strategies.front())
      continue;
    TConvVariant variant;
    variant.strategy = strategy;
    addTConv("tconv:" + strategy, variant);
  }
  if (opts.tconv && opts.constantFilter) {
    TConvVariant variant;
    variant.constantFilter = true;
    addTConv(kConstantFilterKey, variant);
  }
  if (opts.tconv && opts.dynamicBatch) {
    TConvVariant variant;
    variant.dynamicBatch = true;
    addTConv(kDynamicBatchKey, variant);
  }
  for (const std::string &name : opts.upstreamForms) {
    if (!opts.tconv)
      break;
    // A form that cannot hold the problem (not 2-D, grouped, ...) has no
    // contender: its cell shows "—".
    TConvVariant variant;
    variant.form = parseUpstreamForm(name);
    if (buildUpstreamModel(p, *variant.form))
      addTConv("upstream:" + name, variant);
  }
  if (opts.tconv && opts.bf16) {
    TConvVariant variant;
    variant.bf16 = true;
    addTConv("tconv:bf16", variant);
    if (opts.constantFilter) {
      variant.constantFilter = true;
      addTConv(kBF16ConstantFilterKey, variant);
    }
  }

  // The oracle: oneDNN on NCHW memory, itself checked against loop nests
  // when those are affordable.
  Contender &oracle = *row.contenders.front();
  std::vector<float> reference;
  if (oracle.failure.empty()) {
    if (auto result = firstResult(oracle, p)) {
      reference = std::move(*result);
      if (naive) {
        Comparison cmp = compare(reference, *naive);
        oracle.error = cmp.relError;
        if (!(cmp.relError <= opts.tolerance)) {
          reportWrong(oracle, p, threads, "the loop-nest reference",
                      reference, *naive, cmp, opts.tolerance);
          ok = false;
        }
      }
    } else {
      fail(oracle, result.takeError());
    }
  }
  if (!oracle.failure.empty()) {
    llvm::errs() << "error: " << p.id
                 << ": no trusted oneDNN result; nothing else is checked\n";
    for (auto &c : row.contenders)
      if (c->failure.empty())
        c->failure = "unchecked";
    rows.push_back(std::move(row));
    printRow(rows.back());
    return false;
  }

  std::vector<Timed *> timed;
  for (auto &c : row.contenders) {
    if (!c->failure.empty())
      continue;
    if (c.get() != &oracle && c->computesProblem) {
      auto result = firstResult(*c, p);
      if (!result) {
        fail(*c, result.takeError());
        continue;
      }
      Comparison cmp = compare(*result, reference);
      c->error = cmp.relError;
      double tolerance = isBF16(c->key) ? opts.bf16Tolerance : opts.tolerance;
      if (!(cmp.relError <= tolerance)) {
        reportWrong(*c, p, threads, "oneDNN nchw", *result, reference, cmp,
                    tolerance);
        ok = false;
        continue;
      }
    }
    timed.push_back(&c->timed);
  }

  if (!opts.checkOnly && !timed.empty()) {
    // The checks' workers sleep first: they would share the CPUs with the
    // round trip's threads. measure() leaves them asleep.
    for (Timed *t : timed)
      if (t->release)
        t->release();
    double before = coreToCoreRoundTripNs();
    MeasureOptions options;
    options.minTime = opts.minTime;
    if (llvm::Error err = measure(timed, options)) {
      llvm::errs() << "error: " << p.id << ": "
                   << llvm::toString(std::move(err)) << "\n";
      ok = false;
    }
    row.coreRoundTripNs = {before, coreToCoreRoundTripNs()};
  }
  rows.push_back(std::move(row));
  printRow(rows.back());
  return ok;
}

//===----------------------------------------------------------------------===//
// Output files
//===----------------------------------------------------------------------===//

static llvm::json::Value toJson(const Row &row) {
  const ConvProblem &p = *row.problem;
  llvm::json::Array contenders;
  for (const auto &c : row.contenders) {
    llvm::json::Object o{{"key", c->key}, {"label", c->label}};
    if (!c->detail.empty())
      o["detail"] = c->detail;
    if (c->error)
      o["max_rel_error"] = *c->error;
    o["status"] = c->failure.empty() ? "ok" : c->failure;
    if (!c->timed.samples.empty()) {
      Summary s = summarize(c->timed.samples);
      o["median_ms"] = s.median * 1e3;
      o["p25_ms"] = s.p25 * 1e3;
      o["p75_ms"] = s.p75 * 1e3;
      o["min_ms"] = s.min * 1e3;
      o["calls"] = static_cast<int64_t>(s.count);
      o["gflops"] = p.flops() / s.median * 1e-9;
      if (c->timed.wallSeconds > 0)
        o["cpus"] = c->timed.cpuSeconds / c->timed.wallSeconds;
      o["minor_faults_per_call"] =
          double(c->timed.minorFaults) / c->timed.samples.size();
    }
    if (c->workspaceBytes)
      o["workspace_bytes"] = *c->workspaceBytes;
    contenders.push_back(std::move(o));
  }
  llvm::json::Object o{
      {"id", p.id},
      {"name", p.name},
      {"problem", p.describe()},
      {"result_shape", llvm::json::Array(p.resultShape())},
      {"flops", p.flops()},
      {"threads", row.threads},
      {"contenders", std::move(contenders)},
  };
  if (row.coreRoundTripNs)
    o["core_round_trip_ns"] = llvm::json::Array{row.coreRoundTripNs->first,
                                                row.coreRoundTripNs->second};
  return o;
}

/// "AMD EPYC (AVX-512)": lscpu's model name and the widest vector ISA.
static std::string cpuModel() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line, model = "unknown", isa;
  while (std::getline(cpuinfo, line)) {
    llvm::StringRef l(line);
    llvm::StringRef value = l.split(':').second.trim();
    if (l.starts_with("model name"))
      model = value.str();
    if (!l.starts_with("flags"))
      continue;
    llvm::SmallVector<llvm::StringRef> flags;
    value.split(flags, ' ');
    isa = llvm::is_contained(flags, "avx512f") ? "AVX-512"
          : llvm::is_contained(flags, "avx2")  ? "AVX2"
                                               : "no AVX2";
    break;
  }
  return isa.empty() ? model : model + " (" + isa + ")";
}

static std::string environmentSummary() {
  std::string s;
  for (const char *name :
       {"GLIBC_TUNABLES", "OMP_NUM_THREADS", "OMP_WAIT_POLICY",
        "GOMP_SPINCOUNT", "KMP_BLOCKTIME", "DNNL_VERBOSE"})
    if (const char *value = getenv(name))
      s += llvm::formatv("`{0}={1}` ", name, value).str();
  return s.empty() ? "none of the relevant variables set" : s;
}

/// The 1-minute load average, the best hint of how shared the machine was.
static std::string loadAverage() {
  std::ifstream loadavg("/proc/loadavg");
  std::string oneMinute;
  if (!(loadavg >> oneMinute))
    return "unknown";
  return oneMinute;
}

static std::string nowString() {
  std::time_t t = std::time(nullptr);
  char buffer[64];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%d %H:%M:%S %Z",
                std::localtime(&t));
  return buffer;
}

/// How the numbers were made, for the report.
static std::string methodText() {
  return llvm::formatv(
      R"(## Method

- **Contenders.** *tconv <strategy>*: the problem's one-op model
  (`tconv-bench --print-model=ID` prints it) compiled by TConvRunner with
  `--tconv-lower-to-llvm`, as `tconv-run` does, for the host CPU, with
  transpose strategy `auto` (phase decomposition) and `zero-insert`;
  convolutions have no strategy. *tconv const-filter*: the same model
  with the filter compiled in as a constant, so the pipeline packs it at
  compile time as for a model's fixed weights (strategy auto): the
  counterpart of oneDNN blocked, whose weight reorder is not timed either.
  *oneDNN nchw*:
  `deconvolution_forward` / `convolution_forward`, `forward_inference`,
  direct algorithm, on plain `ncw`/`nchw`/`ncdhw` memory with the filter as
  the user holds it (`oi*` for a convolution; for a transposed convolution
  the ONNX `C x M/g x k` filter, described as `io*`/`gio*`, not copied).
  *oneDNN blocked*: the same primitive on the layouts oneDNN picks itself
  (`format_tag::any`), reorders done before timing: what a framework that
  keeps tensors blocked would see. *tconv bf16*, *oneDNN bf16*: the
  problem in bf16 (operands rounded to nearest even, f32 accumulation,
  bf16 result): tconv's model (strategy auto; vdpbf16ps when the CPU has
  AVX512_BF16) against the oneDNN primitive on its blocked bf16 layouts,
  conversions in the untimed reorders; *tconv bf16 const-filter* has the
  bf16 filter compiled in, as *tconv const-filter* in f32; *tconv bf16 /
  tconv {3}* is bf16's time over tconv's own f32 time.
  *XNNPACK nhwc* (2-D problems): XNNPACK's `convolution2d_nhwc_f32` /
  `deconvolution2d_nhwc_f32` operators. XNNPACK only takes NHWC tensors, so
  it is timed on NHWC input and result as its users hold them (converted
  from the problem's NCHW once, untimed; the result goes back to NCHW for
  the check only), filter packed when the operator is created (untimed),
  `xnn_run_operator` timed, with a pthreadpool of the row's threads (none
  at 1 thread). Its pool is not libomp's, and both keep idle workers
  spinning after a call (libomp for 200 ms; pthreadpool's never slept
  between bursts), which on 2 CPUs halved whichever contender ran next.
  So before a burst on another runtime, the previous runtime's workers are
  stopped (pthreadpool destroyed, libomp `omp_pause_resource_all(hard)`)
  and the next one's are started, untimed.
  *oneDNN sgemm, same FLOPs* (transposed convolutions with stride = kernel,
  no pads: T4): `dnnl_sgemm` of [pixels x C] * [C x M*k..] per image on the
  problem's own operands, the product the layer amounts to without its
  scatter: a speed bound, not checked.
- **Checks.** Before any timing, every result is compared with oneDNN nchw's
  (max |x - ref| / max |ref| <= {0}; {4} for bf16 results); oneDNN nchw's is compared with loop
  nests written from the definitions (NaiveConv.cpp) when the problem has at
  most {1} GFLOP. Inputs are uniform in [-1, 1).
- **Timing.** Only the kernel call: tconv's JIT-compiled entry with bound,
  preallocated input, filter and result buffers; oneDNN's `execute` plus
  `stream::wait` on memories created beforehand. Compilation, primitive
  creation and reorders are not timed. After a warm-up (at least 3 calls and
  50 ms each) the contenders run in rounds of equal-length bursts
  (A B C D A B C D ...), each call timed; a contender gets at least {2} s of
  calls. The table gives medians; ratios are ratios of medians of the same
  run (< 1: the first-named is faster). *CPUs* is process CPU time over wall
  time during the timed calls: the threads asked for when the machine was
  free, fewer when other jobs took CPUs; `(!)` marks rows that got less
  than 90% of what they asked for: their times are inflated, and a 2-thread
  row that got 1 CPU says nothing about scaling. *core ns* is the time a
  cache line takes from one thread to another and back (two threads
  passing a counter; median of 20 samples of 100 trips), measured before
  and after the row's rounds: 60-150 ns when this virtual machine's two
  vCPUs sit close, 300-800 ns in the phases (minutes long, several per
  hour) when the host places them further apart. In those phases code that
  hands data from thread to thread slows down, tconv's more than oneDNN's
  (C2 at 2 threads: 0.67 ms close, up to 1.6 ms apart, in `tconv-run` as
  here): a 2-thread row with a large *core ns* was timed in such a phase.
  *% of peak* is the first tconv column's GFLOP/s over the FMA peak of the
  row's cores, measured once before the rows: 16 independent chains of FMAs
  on the widest vectors the CPU has (512-bit with AVX-512F), best of 5 runs
  of 20 ms. Counting useful FLOPs, Winograd layers pass 100%.
- **Memory.** Operands and results are allocated once, before timing.
  tconv's temporaries (layout copies, per-phase results) live in a
  workspace planned at compile time and allocated once per kernel: the
  timed call allocates nothing. The environment is not tuned (no
  `GLIBC_TUNABLES`, no `mallopt`). The memory table gives, per contender,
  the process's minor page faults (`getrusage`) during its timed bursts
  divided by its calls (about 0 when a call maps no fresh memory), and the
  workspace of tconv's compiled code (`Kernel::getWorkspaceBytes`).
- **Threads.** Both run on one OpenMP runtime, LLVM's libomp: tconv-bench
  links it ahead of libdnnl, so oneDNN's `GOMP_*`/`omp_*` calls bind to
  libomp's GNU-compatible entry points instead of libgomp's. With two
  runtimes in one process each one's idle workers spin while the other
  runs (libomp's for 200 ms by default); on 2 CPUs that made oneDNN's
  2-thread calls 20-200x slower. oneDNN alone on libgomp (`LD_PRELOAD` it,
  `--tconv=false`) times the same at 1 thread and slower at 2 threads on
  this shared machine (T2: 9.7-27.7 ms against 1.6-3.4 ms on libomp), so
  libomp does not handicap it. The runner sets tconv's thread count
  before every call; oneDNN's is set with `omp_set_num_threads` before each
  burst and before its primitives are created (they partition work then).
- **Noise.** The machine is shared with other jobs (2 vCPUs): the same
  measurement moves by 15-20% between runs. Compare ratios within a row,
  not absolute times across runs.
)",
      opts.tolerance, opts.naiveMaxGflop, opts.minTime,
      opts.strategies.front(), opts.bf16Tolerance);
}

/// How the second table was made: the dynamic-batch model and the upstream
/// forms (this replaces the hand-run rounds of bench/upstream-forms).
static std::string formsMethodText() {
  return R"(## Dynamic batch and upstream forms

The second table times other models of the same problem against *tconv
auto* (the tconv op, filter as an argument, strategy auto), in the same
interleaved rounds as every other contender, so that a ratio compares
times taken under the same load. Each is compiled by the same TConvRunner
pipeline, strategy auto, checked against oneDNN nchw like the others.

- *tconv dyn-batch*: the one-op model with input and result
  `tensor<?x...>`, compiled once for any N and called at the problem's N
  (the runner takes N from the arguments). T1n1, T2n8, T3n8 and C2n8 are
  T1, T2, T3 and C2 at their other batch size; `--batch=N` runs every
  selected problem at N.
- *Upstream forms*: the 2-D layer as other frontends write it, raised to
  tconv ops by `tconv-raise-convolutions`, the pipeline's first pass (the
  legend says "raised to tconv", or why not):
  *tosa*: `tosa.conv2d` / `tosa.transpose_conv2d` (TFLite, onnx-mlir and
  torch-mlir's TOSA path) on an NHWC input and result, filter OHWI
  (convolution) or MHWC (transposed); *linalg nhwc_fhwc*: `tensor.pad` +
  `linalg.conv_2d_nhwc_fhwc`; *linalg ngchw*: `tensor.pad` +
  `linalg.conv_2d_ngchw_gfchw` on the NCHW tensors seen as NGCHW (any
  group); *torch-mlir zero-insert*: torch-mlir's transposed convolution,
  the input inserted with strides into zeros (`tensor.insert_slice`), the
  filter flipped by a `linalg.generic`, then `linalg.conv_2d_nchw_fchw`.
  Each form gets its operands in its own layout (an NHWC user holds NHWC
  tensors), converted once before timing; its result is converted back to
  NCHW for the check only. `—`: the frontend has no one-op form of the
  problem (not 2-D, grouped for tosa and nhwc_fhwc, dilated TOSA
  transposed convolution, pads beyond the kernel's reach).
  bench/upstream-forms holds the C2 and T2 forms as files for `tconv-run`.
)";
}

static bool writeFile(llvm::StringRef path,
                      llvm::function_ref<void(llvm::raw_ostream &)> write) {
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_Text);
  if (ec) {
    llvm::errs() << "error: cannot write " << path << ": " << ec.message()
                 << "\n";
    return false;
  }
  write(os);
  return true;
}

//===----------------------------------------------------------------------===//
// main
//===----------------------------------------------------------------------===//

static llvm::Expected<std::vector<ConvProblem>> selectedProblems() {
  std::vector<ConvProblem> selected;
  const std::vector<ConvProblem> &standard = standardProblems();
  if (opts.shapes.empty() && opts.problems.empty())
    selected = standard;
  for (const std::string &id : opts.shapes) {
    auto it = llvm::find_if(
        standard, [&](const ConvProblem &p) { return p.id == id; });
    if (it == standard.end())
      return llvm::createStringError(
          "unknown shape '" + id + "'; known: " +
          llvm::join(llvm::map_range(standard,
                                     [](const ConvProblem &p) { return p.id; }),
                     ","));
    selected.push_back(*it);
  }
  for (const std::string &spec : opts.problems) {
    auto p = parseProblem(spec);
    if (!p)
      return p.takeError();
    selected.push_back(std::move(*p));
  }
  for (ConvProblem &p : selected) {
    if (!opts.batch)
      break;
    p.inputShape[0] = opts.batch;
    // The bound of parseProblem (every buffer exists several times).
    for (int64_t elements : {product(p.inputShape), product(p.resultShape())})
      if (elements > (int64_t(1) << 28))
        return llvm::createStringError(
            llvm::formatv("--batch={0}: problem {1} would have tensors of "
                          "more than 2^28 elements",
                          opts.batch, p.id));
  }
  llvm::StringSet<> ids;
  for (const ConvProblem &p : selected)
    if (!ids.insert(p.id).second)
      return llvm::createStringError("problem '" + p.id + "' given twice");
  return selected;
}

int main(int argc, char **argv) {
  llvm::InitLLVM init(argc, argv);
  auto fatal = [](llvm::Error err) {
    llvm::errs() << "error: " << llvm::toString(std::move(err)) << "\n";
    return 1;
  };
  auto parsed = parseBenchOptions(argc, argv);
  if (!parsed)
    return fatal(parsed.takeError());
  opts = std::move(*parsed);
  if (opts.help) {
    llvm::outs() << benchUsage();
    return 0;
  }
  auto problems = selectedProblems();
  if (!problems)
    return fatal(problems.takeError());

  if (opts.list) {
    for (const ConvProblem &p : *problems)
      llvm::outs() << llvm::formatv("{0,-4} {1,-12} {2}  ({3:f3} GFLOP)\n",
                                    p.id, p.name, p.describe(),
                                    p.flops() * 1e-9);
    return 0;
  }
  if (!opts.printModel.empty()) {
    auto it = llvm::find_if(*problems, [](const ConvProblem &p) {
      return p.id == opts.printModel;
    });
    if (it == problems->end())
      return fatal(llvm::createStringError(
          "--print-model: no selected problem '" + opts.printModel + "'"));
    auto module = it->buildModule();
    if (!module)
      return fatal(module.takeError());
    llvm::outs() << *module;
    return 0;
  }

  llvm::outs() << oneDnnDescription() << "\n\n";
  std::string tableText;
  llvm::raw_string_ostream tableCopy(tableText);
  // The table goes to stdout as rows complete and into the report.
  struct Tee : llvm::raw_ostream {
    llvm::raw_ostream &a, &b;
    Tee(llvm::raw_ostream &a, llvm::raw_ostream &b) : a(a), b(b) {
      SetUnbuffered();
    }
    void write_impl(const char *ptr, size_t size) override {
      a.write(ptr, size);
      a.flush();
      b.write(ptr, size);
    }
    uint64_t current_pos() const override { return 0; }
  } tee(llvm::outs(), tableCopy);

  std::string loadBefore = loadAverage();
  if (double load; !llvm::StringRef(loadBefore).getAsDouble(load) &&
                   load > 0.5 * std::thread::hardware_concurrency())
    llvm::errs() << "warning: load average " << loadBefore << " on "
                 << std::thread::hardware_concurrency()
                 << " CPUs: other work will disturb the times\n";
  // Before any runtime's workers exist: nothing else takes the core.
  double fmaPeak = fmaPeakGflopsPerCore();
  Bench bench(tee, fmaPeak);
  bench.printHeader();
  bool ok = true;
  for (const ConvProblem &p : *problems)
    ok &= bench.runProblem(p);
  bench.printFormsTable();
  bench.printMatmulTable();
  bench.printMemoryTable();

  std::string loadAfter = loadAverage();
  // Problems, implementations and errors, below the table.
  std::string legend;
  llvm::raw_string_ostream ls(legend);
  ls << "\n| id | name | problem | GFLOP | threads | implementation (max rel "
        "error vs oneDNN nchw) |\n|---|---|---|---:|---:|---|\n";
  for (const Row &row : bench.getRows()) {
    ls << llvm::formatv("| {0} | {1} | {2} | {3:f3} | {4} |", row.problem->id,
                        row.problem->name, row.problem->describe(),
                        row.problem->flops() * 1e-9, row.threads);
    for (const auto &c : row.contenders) {
      ls << " " << c->label;
      if (!c->detail.empty())
        ls << " `" << c->detail << "`";
      if (c->error)
        ls << llvm::formatv(" ({0:e1})", *c->error);
      if (!c->failure.empty())
        ls << " " << c->failure;
      ls << ";";
    }
    ls << " |\n";
  }
  llvm::outs() << legend << "\n" << TConvContender::runtimeInfo() << "\n";

  if (!opts.json.empty()) {
    llvm::json::Array rows;
    for (const Row &row : bench.getRows())
      rows.push_back(toJson(row));
    llvm::json::Object root{
        {"cpu", cpuModel()},
        {"date", nowString()},
        {"load_average", llvm::json::Array{loadBefore, loadAfter}},
        {"fma_peak_gflops_per_core", fmaPeak},
        {"onednn", oneDnnDescription()},
        {"tconv", TConvContender::runtimeInfo()},
        {"min_time_s", opts.minTime},
        {"rows", std::move(rows)},
    };
    ok &= writeFile(opts.json, [&](llvm::raw_ostream &os) {
      os << llvm::formatv("{0:2}", llvm::json::Value(std::move(root)))
         << "\n";
    });
  }
  if (!opts.report.empty()) {
    std::string command = llvm::join(llvm::ArrayRef(argv, argc), " ");
    ok &= writeFile(opts.report, [&](llvm::raw_ostream &os) {
      os << "# tconv vs oneDNN and XNNPACK\n\n"
         << "Generated by `make bench` (bench/tconv-bench.cpp); do not edit.\n\n"
         << "- machine: " << cpuModel() << ", "
         << std::thread::hardware_concurrency() << " logical CPUs\n"
         << "- date: " << nowString() << "\n"
         << "- load average (1 min) before / after: " << loadBefore << " / "
         << loadAfter << "\n"
         << llvm::formatv("- fp32 FMA peak of one core, measured before the "
                          "rows: {0:f1} GFLOP/s\n",
                          fmaPeak)
         << "- command: `" << command << "`\n"
         << "- environment: " << environmentSummary() << "\n"
         << "- " << oneDnnDescription() << "\n"
         << "- " << TConvContender::runtimeInfo() << "\n\n"
         << tableText << legend << "\n"
         << methodText() << "\n"
         << formsMethodText();
    });
  }
  return ok ? 0 : 1;
}
