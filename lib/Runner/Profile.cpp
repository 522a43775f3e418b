//===- Profile.cpp - Timing the ops of a profiled kernel ------------------===//

#include "Profile.h"

#include "tconv/Codegen/Passes.h"

#include "mlir/IR/BuiltinAttributes.h"

#include <chrono>

using namespace mlir;
using namespace mlir::tconv;

namespace {
using Clock = std::chrono::steady_clock;

/// The timings of the call in progress on this thread. The brackets are at
/// the top level of functions, so their calls come from the thread that
/// called the entry, never from OpenMP workers.
struct ActiveProfile {
  std::vector<Clock::time_point> started;
  llvm::SmallVector<double> millis;
  llvm::SmallVector<int64_t> entries;
};
thread_local ActiveProfile *activeProfile = nullptr;
} // namespace

static void profileBegin(int64_t id) {
  ActiveProfile *profile = activeProfile;
  if (profile && id >= 0 && static_cast<size_t>(id) < profile->started.size()) {
    ++profile->entries[id];
    profile->started[id] = Clock::now();
  }
}

static void profileEnd(int64_t id) {
  Clock::time_point now = Clock::now();
  ActiveProfile *profile = activeProfile;
  if (profile && id >= 0 && static_cast<size_t>(id) < profile->started.size())
    profile->millis[id] +=
        std::chrono::duration<double, std::milli>(now - profile->started[id])
            .count();
}

std::vector<ProfiledOp> mlir::tconv::takeProfiledOps(ModuleOp module) {
  std::vector<ProfiledOp> ops;
  auto table = module->getAttrOfType<ArrayAttr>(kProfiledOpsAttrName);
  if (!table)
    return ops;
  for (auto entry : table.getAsRange<DictionaryAttr>()) {
    auto text = [&](StringRef key) {
      auto value = entry.getAs<StringAttr>(key);
      return value ? value.str() : std::string();
    };
    ProfiledOp op;
    op.name = text("name");
    op.types = text("types");
    op.attributes = text("attributes");
    op.location = text("location");
    op.function = text("function");
    if (auto flops = entry.getAs<FloatAttr>("flops"))
      op.flops = flops.getValueAsDouble();
    if (auto brackets = entry.getAs<IntegerAttr>("brackets"))
      op.brackets = brackets.getInt();
    ops.push_back(std::move(op));
  }
  module->removeAttr(kProfiledOpsAttrName);
  return ops;
}

llvm::orc::SymbolMap
mlir::tconv::getProfileSymbols(llvm::orc::MangleAndInterner interner) {
  llvm::orc::SymbolMap symbols;
  symbols[interner(kProfileBeginName)] = {
      llvm::orc::ExecutorAddr::fromPtr(&profileBegin),
      llvm::JITSymbolFlags::Exported};
  symbols[interner(kProfileEndName)] = {
      llvm::orc::ExecutorAddr::fromPtr(&profileEnd),
      llvm::JITSymbolFlags::Exported};
  return symbols;
}

llvm::Expected<std::vector<ProfileSample>>
Kernel::profile(llvm::ArrayRef<HostTensor> arguments, unsigned runs,
                unsigned warmup) const {
  llvm::SmallVector<HostTensor> results =
      allocateResults(getSignature().getBatchOf(arguments));
  llvm::Expected<BoundCall> call = bind(arguments, results);
  if (!call)
    return call.takeError();
  size_t numOps = getProfiledOps().size();
  ActiveProfile profile;
  profile.started.resize(numOps);
  std::vector<ProfileSample> samples;
  activeProfile = &profile;
  for (unsigned i = 0; i < warmup + runs; ++i) {
    profile.millis.assign(numOps, 0.0);
    profile.entries.assign(numOps, 0);
    Clock::time_point start = Clock::now();
    (*call)();
    double millis =
        std::chrono::duration<double, std::milli>(Clock::now() - start)
            .count();
    if (i >= warmup)
      samples.push_back({millis, profile.millis, profile.entries});
  }
  activeProfile = nullptr;
  return samples;
}
