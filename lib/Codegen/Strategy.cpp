//===- Strategy.cpp - Which schedule a convolution gets -------------------===//

#include "tconv/Codegen/Strategy.h"

#include "tconv/Codegen/Passes.h"

#include "DepthwiseRows.h"
#include "FunctionInputs.h"
#include "TileSplitting.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace mlir::tconv;

StringRef mlir::tconv::stringifyScheduleKind(ScheduleKind kind) {
  switch (kind) {
  case ScheduleKind::ChannelsLast:
    return "channels-last";
  case ScheduleKind::ChannelsLastLoops:
    return "channels-last-loops";
  case ScheduleKind::Width:
    return "width";
  case ScheduleKind::Plain:
    return "plain";
  case ScheduleKind::DepthwiseRows:
    return "depthwise-rows";
  }
  llvm_unreachable("unknown schedule kind");
}

std::optional<ScheduleKind> mlir::tconv::symbolizeScheduleKind(StringRef name) {
  return llvm::StringSwitch<std::optional<ScheduleKind>>(name)
      .Case("channels-last", ScheduleKind::ChannelsLast)
      .Case("channels-last-loops", ScheduleKind::ChannelsLastLoops)
      .Case("width", ScheduleKind::Width)
      .Case("plain", ScheduleKind::Plain)
      .Case("depthwise-rows", ScheduleKind::DepthwiseRows)
      .Default(std::nullopt);
}

bool mlir::tconv::isChannelsLast(ScheduleKind kind) {
  return kind == ScheduleKind::ChannelsLast ||
         kind == ScheduleKind::ChannelsLastLoops;
}

//===----------------------------------------------------------------------===//
// The attribute
//===----------------------------------------------------------------------===//

/// f32 accumulators per vdpbf16ps (zmm).
static constexpr int64_t kBF16DotLanes = 16;

namespace {
/// The integer entries of the attribute and the field each one fills.
struct SizeEntry {
  llvm::StringLiteral name;
  int64_t ConvSchedule::*field;
};
} // namespace

static constexpr SizeEntry kSizeEntries[] = {
    {"vector_width", &ConvSchedule::vectorWidth},
    {"ow_tile", &ConvSchedule::owTile},
    {"f_tile", &ConvSchedule::fTile},
    {"c_tile", &ConvSchedule::cTile},
    {"kw_tile", &ConvSchedule::kwTile},
    {"row_tile", &ConvSchedule::rowTile},
    {"vec_tile", &ConvSchedule::vecTile},
    {"dot_width", &ConvSchedule::dotWidth},
    {"winograd_tile", &ConvSchedule::winogradTile},
    {"rows_outer", &ConvSchedule::rowsOuter},
};

DictionaryAttr ConvSchedule::toAttr(MLIRContext *ctx) const {
  Builder b(ctx);
  SmallVector<NamedAttribute> entries = {
      b.getNamedAttr("kind", b.getStringAttr(stringifyScheduleKind(kind)))};
  for (const SizeEntry &entry : kSizeEntries)
    if (int64_t value = this->*entry.field)
      entries.push_back(b.getNamedAttr(entry.name, b.getI64IntegerAttr(value)));
  return b.getDictionaryAttr(entries);
}

/// The sizes each kind must have.
static SmallVector<StringRef> requiredSizes(ScheduleKind kind) {
  switch (kind) {
  case ScheduleKind::ChannelsLast:
    return {"vector_width", "ow_tile", "f_tile", "kw_tile"};
  case ScheduleKind::Width:
    return {"vector_width", "f_tile", "row_tile", "vec_tile"};
  case ScheduleKind::DepthwiseRows:
    return {"vector_width"};
  case ScheduleKind::ChannelsLastLoops:
  case ScheduleKind::Plain:
    return {};
  }
  llvm_unreachable("unknown schedule kind");
}

FailureOr<std::optional<ConvSchedule>> mlir::tconv::getSchedule(Operation *op) {
  Attribute attr = op->getAttr(kScheduleAttrName);
  if (!attr)
    return std::optional<ConvSchedule>();
  auto fail = [&](const Twine &message) {
    op->emitError() << "bad " << kScheduleAttrName << ": " << message;
    return failure();
  };
  auto dict = dyn_cast<DictionaryAttr>(attr);
  if (!dict)
    return fail("expected a dictionary");
  auto kindName = dict.getAs<StringAttr>("kind");
  if (!kindName)
    return fail("expected a string 'kind'");
  std::optional<ScheduleKind> kind = symbolizeScheduleKind(kindName.getValue());
  if (!kind)
    return fail("unknown kind '" + kindName.getValue() +
                "'; expected channels-last, channels-last-loops, width, "
                "plain or depthwise-rows");
  ConvSchedule schedule;
  schedule.kind = *kind;
  for (NamedAttribute entry : dict) {
    if (entry.getName() == "kind")
      continue;
    const SizeEntry *size =
        llvm::find_if(kSizeEntries, [&](const SizeEntry &e) {
          return e.name == entry.getName().getValue();
        });
    if (size == std::end(kSizeEntries))
      return fail("unknown entry '" + entry.getName().getValue() + "'");
    auto value = dyn_cast<IntegerAttr>(entry.getValue());
    if (!value || value.getInt() < 1)
      return fail("'" + entry.getName().getValue() +
                  "' must be an integer of at least 1");
    schedule.*(size->field) = value.getInt();
  }
  for (StringRef name : requiredSizes(*kind))
    if (!dict.get(name))
      return fail("kind '" + kindName.getValue() + "' needs '" + name + "'");
  if (schedule.kind == ScheduleKind::ChannelsLast &&
      schedule.fTile % schedule.vectorWidth != 0)
    return fail("f_tile must be a multiple of vector_width");
  if (schedule.dotWidth &&
      (schedule.kind != ScheduleKind::ChannelsLast || schedule.dotWidth != 2 ||
       schedule.vectorWidth != kBF16DotLanes ||
       schedule.cTile % schedule.dotWidth != 0))
    return fail("dot_width must be 2, on a channels-last schedule with "
                "vector_width 16 and an even c_tile");
  if (schedule.winogradTile &&
      (schedule.kind != ScheduleKind::ChannelsLast ||
       schedule.winogradTile != 2))
    return fail("winograd_tile must be 2, on a channels-last schedule");
  return std::optional<ConvSchedule>(schedule);
}

//===----------------------------------------------------------------------===//
// The rules
//===----------------------------------------------------------------------===//

int64_t mlir::tconv::getVectorLanes(const TargetCpu &cpu) {
  if (cpu.isX86) {
    if (cpu.hasFeature("avx512f"))
      return 16;
    if (cpu.hasFeature("avx"))
      return 8;
  }
  return 4;
}

bool mlir::tconv::hasBF16Dot(const TargetCpu &cpu) {
  return cpu.isX86 && cpu.hasFeature("avx512f") &&
         cpu.hasFeature("avx512bf16");
}

namespace {
/// An AVX-512 core with two 512-bit FMA pipes, which LLVM's features do not
/// tell apart from one with a single pipe (Zen 4 runs each 512-bit FMA as
/// two 256-bit halves).
struct TwoPipeCore {
  llvm::StringLiteral cpu;
  /// Whether both pipes also run vdpbf16ps (AMD); Intel's run it on one.
  bool bf16DotOnEveryPipe;
};
} // namespace

static constexpr TwoPipeCore kTwoPipeCores[] = {
    {"skylake-avx512", false}, {"cascadelake", false},
    {"cooperlake", false},     {"icelake-server", false},
    {"sapphirerapids", false}, {"emeraldrapids", false},
    {"graniterapids", false},  {"graniterapids-d", false},
    {"diamondrapids", false},  {"znver5", true}};

static const TwoPipeCore *twoPipeCore(const TargetCpu &cpu) {
  if (getVectorLanes(cpu) != 16)
    return nullptr;
  const TwoPipeCore *core =
      llvm::find_if(kTwoPipeCores, [&](const TwoPipeCore &candidate) {
        return candidate.cpu == cpu.name;
      });
  return core == std::end(kTwoPipeCores) ? nullptr : core;
}

int64_t mlir::tconv::getFmaPipes(const TargetCpu &cpu) {
  return twoPipeCore(cpu) ? 2 : 1;
}

bool mlir::tconv::prefersBF16Dot(const TargetCpu &cpu) {
  const TwoPipeCore *core = twoPipeCore(cpu);
  return hasBF16Dot(cpu) && (!core || core->bf16DotOnEveryPipe);
}

int64_t mlir::tconv::defaultFTile(int64_t vectorWidth) {
  return 2 * vectorWidth;
}

/// Vector registers of the target: AVX-512 (16 f32 lanes) has 32, AVX2
/// and narrower 16.
static int64_t vectorRegisters(int64_t vectorWidth) {
  return vectorWidth >= 16 ? 32 : 16;
}

int64_t mlir::tconv::defaultOwTile(int64_t vectorWidth) {
  return vectorRegisters(vectorWidth) >= 32 ? 14 : 4;
}

int64_t mlir::tconv::defaultCTile(int64_t vectorWidth) {
  return vectorRegisters(vectorWidth) >= 32 ? 1 : 4;
}

int64_t mlir::tconv::widthAccumulators(int64_t vectorWidth) {
  return vectorWidth >= 16 ? 16 : 8;
}

int64_t mlir::tconv::lanesFor(Type elementType, int64_t vectorWidth) {
  return std::max<int64_t>(1, vectorWidth * 32 /
                                  elementType.getIntOrFloatBitWidth());
}

FloatType mlir::tconv::getAccumulatorType(Type elementType) {
  auto type = cast<FloatType>(elementType);
  if (type.getWidth() < 32)
    return Float32Type::get(type.getContext());
  return type;
}

/// Kernel taps per reduction step: the whole kernel width is unrolled into
/// the vectorized body unless that body would get too large.
static int64_t kwTileFor(int64_t kernelWidth) {
  constexpr int64_t kMaxUnrolledTaps = 16;
  return kernelWidth <= kMaxUnrolledTaps ? kernelWidth : 1;
}

/// The widest kernel a stride-2 transposed convolution's phases have.
static constexpr int64_t kMaxNarrowKernel = 2;

/// Input channels per reduction step: at most `cTile`, and fewer for wide
/// kernels so that a step unrolls at most 48 (tap, channel) pairs. Bigger
/// bodies are no faster but compile much slower (a 9x9 F-CNN: 1.0 s of
/// MLIR lowering at 16 channels x 9 taps, 0.35 s at 4 x 9). Kernels at most
/// 2 taps wide (the phases of stride-2 transposed convolutions) take one
/// channel per step: LLVM schedules every input broadcast of an unrolled
/// step first, and with more channels those spill (1 channel measured 2-8%
/// faster on T1-T7 than 4).
static int64_t cTileFor(int64_t kernelWidth, int64_t cTile) {
  constexpr int64_t kMaxUnrolledProducts = 48;
  if (kernelWidth <= kMaxNarrowKernel)
    return 1;
  return std::clamp<int64_t>(kMaxUnrolledProducts / kwTileFor(kernelWidth), 1,
                             cTile);
}

/// The most output positions per tile, as a multiple of ow-tile, for
/// convolutions with few output channels.
static constexpr int64_t kMaxOwScale = 4;

/// Whether a reduction step that unrolls `taps` taps fits in 32 vector
/// registers: besides the accumulators (`positions` x `fVectors`),
/// it holds the inputs its taps share (`positions` + taps - 1: broadcasts,
/// or for depthwise ones a vector per vector of channels) and a filter
/// vector per tap and vector of channels, for each input channel of the
/// step; LLVM interleaves the channels of a step, so one channel's operands
/// count. More would spill (14 x 2 accumulators with 3 taps do).
static bool tapsFitRegisters(int64_t positions, int64_t fVectors,
                             int64_t taps, bool depthwise) {
  constexpr int64_t kRegisters = 32;
  int64_t inputs = (positions + taps - 1) * (depthwise ? fVectors : 1);
  int64_t filterVectors = taps * fVectors;
  return positions * fVectors + inputs + filterVectors <= kRegisters;
}

ConvSchedule
mlir::tconv::selectChannelsLastSchedule(Type accType, int64_t outChannels,
                                        int64_t outWidth, int64_t kernelWidth,
                                        bool depthwise,
                                        const StrategyOptions &options) {
  ConvSchedule schedule;
  schedule.kind = ScheduleKind::ChannelsLast;
  int64_t lanes = lanesFor(accType, options.vectorWidth);
  schedule.vectorWidth = lanes;
  // f-tile is in f32 lanes: the same bytes for f64.
  schedule.fTile = std::max(lanes, options.fTile / options.vectorWidth * lanes);
  schedule.owTile = options.owTile;
  // Fewer channels than f-tile asks for: more output positions per tile
  // keep as many accumulators in flight (FMA latency, not throughput,
  // bounds a tile with few).
  DimPlan f = planDim(outChannels, schedule.fTile, lanes);
  if (f.splitPoint == 0) {
    int64_t wanted = llvm::divideCeil(schedule.fTile, lanes);
    int64_t got = llvm::divideCeil(f.tile, lanes);
    schedule.owTile = options.owTile * std::min(kMaxOwScale, wanted / got);
  }
  schedule.kwTile = kwTileFor(kernelWidth);
  if (!depthwise)
    schedule.cTile = cTileFor(kernelWidth, options.cTile);
  // With 32 registers the tiles hold up to 28 accumulators, and a step
  // unrolls as many taps of the kernel row as divide it and still fit (8 x
  // 2 accumulators with 2 taps do, or with 3 of a 9-tap row: C1's 9x9 ran
  // 5% faster than with one tap at a time, which always fits).
  if (vectorRegisters(options.vectorWidth) >= 32) {
    DimPlan ow = planDim(outWidth, schedule.owTile, 1);
    int64_t positions = ow.splitPoint == 0 ? ow.tile : schedule.owTile;
    int64_t fVectors = llvm::divideCeil(
        f.splitPoint == 0 ? f.tile : schedule.fTile, lanes);
    int64_t taps = schedule.kwTile;
    while (taps > 1 && (schedule.kwTile % taps != 0 ||
                        !tapsFitRegisters(positions, fVectors, taps, depthwise)))
      --taps;
    schedule.kwTile = taps;
  }
  return schedule;
}

/// The largest divisor of `n` that is at most `limit` (at least 1).
static int64_t largestDivisorAtMost(int64_t n, int64_t limit) {
  for (int64_t d = std::min(n, std::max<int64_t>(limit, 1)); d > 1; --d)
    if (n % d == 0)
      return d;
  return 1;
}

ConvSchedule mlir::tconv::selectWidthSchedule(unsigned rank,
                                              int64_t outChannels, int64_t rows,
                                              int64_t width, int64_t lanes,
                                              int64_t accumulators) {
  ConvSchedule schedule;
  schedule.kind = ScheduleKind::Width;
  schedule.vectorWidth = lanes;
  // Output channels times rows (times vectors along a 1-D width) in
  // registers: each input vector feeds fTile FMAs, each broadcast filter
  // value rowTile x vecTile.
  schedule.fTile = largestDivisorAtMost(outChannels, 4);
  schedule.rowTile = 1;
  schedule.vecTile = 1;
  int64_t perChannel = std::max<int64_t>(1, accumulators / schedule.fTile);
  if (rank >= 2)
    schedule.rowTile = largestDivisorAtMost(rows, perChannel);
  else if (int64_t fullVectors = width / lanes)
    schedule.vecTile = largestDivisorAtMost(fullVectors, perChannel);
  return schedule;
}

/// Whether `value` becomes (part of) its function's result unchanged:
/// returned, or inserted into a tensor that is. Its NCHW layout is then the
/// caller's, and a channels-last schedule would change it back.
static bool isReturnedAsIs(Value value) {
  while (value.hasOneUse()) {
    Operation *user = *value.getUsers().begin();
    if (user->hasTrait<OpTrait::ReturnLike>())
      return isa<FunctionOpInterface>(user->getParentOp());
    // tconv-compile's C entry points write the result to a caller's buffer.
    if (auto store = dyn_cast<bufferization::MaterializeInDestinationOp>(user))
      return store.getSource() == value && isFunctionInput(store.getDest());
    auto insert = dyn_cast<tensor::InsertSliceOp>(user);
    if (!insert)
      return false;
    value = insert.getResult();
  }
  return false;
}

/// Whether width vectors can compute `op`: ungrouped, f32, unit stride
/// and dilation along the width.
static bool fitsWidthVectors(ConvOp op) {
  ConvGeometry g = op.getGeometry();
  auto isF32 = [](Value v) {
    return cast<ShapedType>(v.getType()).getElementType().isF32();
  };
  return g.group == 1 && isF32(op.getInput()) && isF32(op.getFilter()) &&
         isF32(op.getOutput()) && g.strides.back() == 1 &&
         g.dilations.back() == 1;
}

bool mlir::tconv::isWidthVectorConv(ConvOp op, int64_t lanes) {
  ArrayRef<int64_t> result = op.getOutput().getType().getShape();
  return fitsWidthVectors(op) && result[1] < lanes && result.back() >= lanes;
}

bool mlir::tconv::prefersWidthAtBoundary(ConvOp op, int64_t lanes) {
  auto isPointwise = [](ConvOp conv) {
    return llvm::all_of(conv.getFilter().getType().getShape().drop_front(2),
                        [](int64_t k) { return k == 1; });
  };
  // The convolutions reading the same input (the other phases) share its
  // layout change: one that keeps channels-last keeps it for all.
  Value input = op.getInput();
  bool everyReaderPointwise =
      llvm::all_of(input.getUsers(), [&](Operation *user) {
        auto conv = dyn_cast<ConvOp>(user);
        return conv && conv.getInput() == input && isPointwise(conv);
      });
  ArrayRef<int64_t> result = op.getOutput().getType().getShape();
  return fitsWidthVectors(op) && everyReaderPointwise &&
         result.back() >= lanes && result.back() % lanes == 0 &&
         isFunctionInput(input) && isReturnedAsIs(op.getOutput());
}

/// Whether `op` can run on vdpbf16ps: ungrouped, bf16, input channels in
/// pairs and output channels in whole vectors (the tiles read the filter
/// packed as pairs of input channels per vector lane).
static bool fitsBF16Dot(ConvOp op, const StrategyOptions &options) {
  ArrayRef<int64_t> filterShape = op.getFilter().getType().getShape();
  auto isBF16 = [](Value v) {
    return cast<ShapedType>(v.getType()).getElementType().isBF16();
  };
  return options.bf16Dot && options.vectorWidth == kBF16DotLanes &&
         op.getGeometry().group == 1 && isBF16(op.getInput()) &&
         isBF16(op.getFilter()) && isBF16(op.getOutput()) &&
         filterShape[1] % 2 == 0 && filterShape[0] % kBF16DotLanes == 0;
}

/// The vdpbf16ps schedule: each step multiplies a pair of input channels
/// (one 32-bit broadcast) by 16 output channels, so a tile holds more
/// accumulators than the FMA one (32 zmm: ow-tile x f-tile/16 of them plus
/// the filter vectors) and reduces several pairs per step. A narrow kernel
/// (the phases of a stride-2 transposed convolution) with one vector of
/// output channels gets 4x the positions: 6 accumulators leave vdpbf16ps
/// latency-bound (the 3-D T6 phases ran 10% faster with 16 positions; T3's
/// two vectors of channels ran 2% slower with 8 than with 6 positions).
/// Those tiles reduce one pair per step: LLVM schedules a step's broadcasts
/// first, and 16 accumulators with the 17 broadcasts of two taps spill
/// whatever the pairs per step (T6 in bf16 on Zen 4: 0.75 -> 0.68 ms with
/// one pair instead of four; with its filter a constant, whose loads LLVM
/// also hoists, 0.80-0.95 -> 0.67).
static ConvSchedule selectBF16DotSchedule(int64_t outChannels,
                                          int64_t kernelWidth) {
  constexpr int64_t kOwTile = 6, kFTile = 64, kMaxPairTaps = 12,
                    kAccumulators = kOwTile * kFTile / kBF16DotLanes;
  ConvSchedule schedule;
  schedule.kind = ScheduleKind::ChannelsLast;
  schedule.vectorWidth = kBF16DotLanes;
  schedule.dotWidth = 2;
  schedule.fTile = std::min(kFTile, outChannels);
  schedule.kwTile = kwTileFor(kernelWidth);
  bool manyPositions =
      kernelWidth <= kMaxNarrowKernel && schedule.fTile == kBF16DotLanes;
  schedule.owTile = manyPositions ? kAccumulators : kOwTile;
  schedule.cTile =
      manyPositions
          ? schedule.dotWidth
          : 2 * std::clamp<int64_t>(kMaxPairTaps / schedule.kwTile, 1, 4);
  return schedule;
}

bool mlir::tconv::shouldSplitGroups(ConvOp op) {
  int64_t groups = op.getGeometry().group;
  return groups > 1 && groups <= kMaxSplitGroups &&
         op.getFilter().getType().getDimSize(1) > 1;
}

/// The fewest input and output channels a Winograd convolution has, by
/// kernel size: the transforms cost a pass over memory per product, which
/// the products must outweigh. F(2x2, 3x3) saves 2.25x of the
/// multiplications and pays from 16 channels (16 -> 32 at 112x112: 16%
/// faster at 1 thread, even at 2); F(2x2, 2x2) saves 1.78x and needs more:
/// 4x4 stride-2 transposed convolutions at 64x64 inputs, 32 -> 32 (T3):
/// 1.28 -> 1.15 ms at 1 thread, 0.68 -> 0.63 at 2; 64 -> 32: 0.61 -> 0.52,
/// 0.34 -> 0.32; 32 -> 16 even; 16 -> 16 and 16 -> 32 slower. In bf16,
/// whose direct products run at twice the rate, T3 was slower (0.76 ->
/// 0.89 ms) and T2's 128 -> 64 as fast: 64 there, and twice that on a core
/// with two full-width FMA pipes (Intel AVX-512), whose direct products run
/// twice as fast. In f32 there, stage by stage, T3 took 1.6 ms as Winograd
/// and 1.0 direct; block by block (winogradFusedRows, V and M in cache),
/// 32 channels pay again (Emerald Rapids, 1 / 2 threads, Winograd / direct:
/// T3 0.94 / 0.97 and 0.46 / 0.52 ms; 48 -> 48 at 32x32 inputs 0.44 / 0.52
/// and 0.30 / 0.38; 64 -> 32 1.69 / 1.86 and 0.84 / 0.99; 32 -> 32 at
/// 128x128 inputs, the one loss, 4.44 / 4.22 and 2.23 / 2.19).
static int64_t minWinogradChannels(int64_t kernelSize, Type elementType,
                                   int64_t fmaPipes) {
  if (kernelSize == 3)
    return 16;
  return elementType.isBF16() ? 64 * fmaPipes : 32;
}

/// The fewest 2x2 output tiles (over the batch) a Winograd convolution has:
/// a runtime filter is transformed in every call, alpha^2 x C x F values,
/// which few tiles do not repay (T1 at N = 1, 16 tiles of 512 -> 256
/// channels per phase: 3.4 ms instead of 3.1; at N = 8, 128 tiles: 16.5 ms
/// instead of 19.3).
static constexpr int64_t kMinWinogradTiles = 64;

/// Whether a 2-D convolution at unit stride and dilation with an FCHW
/// filter of `filterShape` and an NCHW result of `resultShape` in
/// `elementType` pays as Winograd: fitsWinograd without the checks of the op.
static bool winogradPays(ArrayRef<int64_t> filterShape,
                         ArrayRef<int64_t> resultShape, Type elementType,
                         int64_t fmaPipes) {
  if (filterShape[2] != filterShape[3] ||
      (filterShape[2] != 2 && filterShape[2] != 3) ||
      resultShape[2] % 2 != 0 || resultShape[3] % 2 != 0)
    return false;
  int64_t minChannels =
      minWinogradChannels(filterShape[2], elementType, fmaPipes);
  uint64_t tiles = 1;
  for (int64_t factor :
       {resultShape[0], resultShape[2] / 2, resultShape[3] / 2})
    tiles = llvm::SaturatingMultiply<uint64_t>(tiles, factor);
  return filterShape[0] >= minChannels && filterShape[1] >= minChannels &&
         tiles >= kMinWinogradTiles;
}

/// Whether the convolution of `op`'s operands and result is 2-D, ungrouped,
/// and f32 or bf16 throughout: the only ones Winograd takes.
static bool hasWinogradOperands(Operation *op, const ConvGeometry &g) {
  auto result = cast<ShapedType>(op->getResult(0).getType());
  Type elementType = result.getElementType();
  return result.getRank() == 4 && g.group == 1 &&
         (elementType.isF32() || elementType.isBF16()) &&
         llvm::all_of(op->getOperandTypes(), [&](Type type) {
           return cast<ShapedType>(type).getElementType() == elementType;
         });
}

bool mlir::tconv::fitsWinograd(ConvOp op, int64_t fmaPipes) {
  ConvGeometry g = op.getGeometry();
  if (!hasWinogradOperands(op, g) ||
      !llvm::all_equal({g.strides[0], g.strides[1], g.dilations[0],
                        g.dilations[1], int64_t(1)}))
    return false;
  return winogradPays(op.getFilter().getType().getShape(),
                      op.getOutput().getType().getShape(),
                      op.getOutput().getType().getElementType(), fmaPipes);
}

/// Whether the phases tconv-decompose-transpose cuts `op` into (kernel /
/// stride taps each, when the stride divides the kernel and the output)
/// fit Winograd. Chunked, each chunk would transform the input again: T1
/// at N = 8 in bf16 (Winograd phases; two 4 MB filter copies, 5.3x its
/// activations) ran 21-26% slower chunked.
static bool phasesFitWinograd(ConvTransposeOp op, int64_t fmaPipes) {
  ConvGeometry g = op.getGeometry();
  if (!hasWinogradOperands(op, g) || g.dilations[0] != 1 ||
      g.dilations[1] != 1)
    return false;
  ArrayRef<int64_t> filter = op.getFilter().getType().getShape();
  ArrayRef<int64_t> result = op.getOutput().getType().getShape();
  SmallVector<int64_t> phaseFilter = {filter[1], filter[0], 0, 0};
  SmallVector<int64_t> phaseResult = {result[0], result[1], 0, 0};
  for (unsigned d = 0; d < 2; ++d) {
    int64_t stride = g.strides[d];
    if (filter[2 + d] % stride != 0 || result[2 + d] % stride != 0)
      return false;
    phaseFilter[2 + d] = filter[2 + d] / stride;
    phaseResult[2 + d] = result[2 + d] / stride;
  }
  return winogradPays(phaseFilter, phaseResult,
                      op.getOutput().getType().getElementType(), fmaPipes);
}

/// The transformed inputs and products of a whole batch go through memory
/// once each; above about a quarter of the L3 cache they no longer stay in
/// it between the transforms and the products: per image, C2 at N = 8 ran
/// 12.3 ms instead of 19.5 (T2 at N = 8: 16.5 instead of 18.1), while T1
/// (8 images of 4x4 tiles, 3.5 MB) ran 13% slower, its products too small.
bool mlir::tconv::winogradPerImage(int64_t batch, int64_t tiles,
                                   int64_t products, int64_t inChannels,
                                   int64_t outChannels) {
  constexpr int64_t kMaxBatchBytes = int64_t(8) << 20;
  uint64_t bytes = sizeof(float);
  for (int64_t factor : {batch, tiles, products, inChannels + outChannels})
    bytes = llvm::SaturatingMultiply<uint64_t>(bytes, factor);
  return batch > 1 && bytes > uint64_t(kMaxBatchBytes);
}

/// A product of a single row of few tiles (T1's phases: 4 tiles of 512 ->
/// 256 channels) has too few positions for a whole register tile and reads
/// its product's filter (C x F) for every 4 of them; the rows of tiles are
/// contiguous, so a product takes several as one longer row.
int64_t mlir::tconv::winogradProductRows(int64_t tileRows, int64_t tileCols) {
  constexpr int64_t kMinPositions = 16;
  for (int64_t rows = 1; rows < tileRows; ++rows)
    if (tileRows % rows == 0 && rows * tileCols >= kMinPositions)
      return rows;
  return std::max<int64_t>(tileRows, 1);
}

/// Row by row, every thread reads all of U (a product's C x F per block of
/// rows) and keeps the V and M it transformed; product by product, it reads
/// its share of U once and V and M of every row. Whichever is smaller goes
/// through the caches for each share: T1 (8 images of 4x4 tiles, 512 ->
/// 256 channels) streamed 9 x 512 KB of U per image from L3, and its
/// products ran no faster at 2 threads (2.9 ms) than at 1 (3.0).
bool mlir::tconv::winogradFilterMajor(int64_t tiles, int64_t inChannels,
                                      int64_t outChannels) {
  uint64_t filter =
      llvm::SaturatingMultiply<uint64_t>(inChannels, outChannels);
  uint64_t rows = llvm::SaturatingMultiply<uint64_t>(
      tiles, llvm::SaturatingAdd<uint64_t>(inChannels, outChannels));
  return filter > rows;
}

// Stage by stage, the transformed inputs and the products of every tile
// make a round trip through memory (C2: 3.2 MB each); a block of rows at a
// time, they stay in L2 while every block re-reads U, which must stay
// there too: the products run row-major (not filter-major) and U and a
// block's V and M take at most half of L2 (1 MiB of Emerald Rapids' 2,
// Zen 5's 1 MiB minus room for the input rows and outputs).
bool mlir::tconv::winogradFusedRows(int64_t tiles, int64_t rows,
                                    int64_t tileCols, int64_t products,
                                    int64_t inChannels, int64_t outChannels) {
  constexpr uint64_t kMaxCachedBytes = 1 << 20;
  if (winogradFilterMajor(tiles, inChannels, outChannels))
    return false;
  auto bytes = [](std::initializer_list<int64_t> factors) {
    uint64_t total = sizeof(float);
    for (int64_t factor : factors)
      total = llvm::SaturatingMultiply<uint64_t>(total, factor);
    return total;
  };
  uint64_t filter = bytes({products, inChannels, outChannels});
  uint64_t block =
      bytes({products, rows, tileCols, inChannels + outChannels});
  return llvm::SaturatingAdd(filter, block) <= kMaxCachedBytes;
}

// A batch whose activations outgrow the caches streams each layout change
// and temporary through memory once per batch; image by image, they stay in
// L2/L3 between producer and consumer. Measured (1 thread, largest batched
// tensor): T3 at N = 8 (16 MB) 12.4 -> 10.5 ms, C2 at N = 8 (6.4 MB) 11.9
// -> 10.9, T2 at N = 8 (8 MB) 14.7 -> 14.0; T1 at N = 8 (2 MB) is 12%
// slower image by image (each image has too few tiles for Winograd).
uint64_t mlir::tconv::staticBytes(ShapedType type) {
  return llvm::SaturatingMultiply<uint64_t>(
      type.getNumElements(),
      llvm::divideCeil(type.getElementTypeBitWidth(), 8));
}

bool mlir::tconv::runsImageByImage(int64_t batch,
                                   uint64_t largestBatchedBytes) {
  constexpr uint64_t kMinBatchedBytes = uint64_t(4) << 20;
  return batch > 1 && largestBatchedBytes >= kMinBatchedBytes;
}

// Small images run faster 8 at a time, as a static batch of 8 would run
// whole: each call has 8 times the tiles, enough for Winograd on T1's 8x8
// images, whose products cost 0.99 ms an image where the direct phases of
// one image take 1.6 (the filter transform, hoisted, is paid once per call
// either way).
int64_t mlir::tconv::batchChunkImages(uint64_t largestImageBytes) {
  constexpr int64_t kChunkImages = 8;
  uint64_t chunkBytes =
      llvm::SaturatingMultiply<uint64_t>(largestImageBytes, kChunkImages);
  return runsImageByImage(kChunkImages, chunkBytes) ? 1 : kChunkImages;
}

// Results shared by every call of an image function are read back from
// memory on each when they outgrow the caches: T1's four phases' Winograd
// filter transforms (18.9 MB, made before the loop over chunks of 8 images
// from an 8 MB taps-first filter) put its dynamic batch at N = 8 7-11%
// behind the static code, which makes each transform just before its
// products read it. A lone chunk making them itself (the .once copy) took
// 0.925 / 0.948 of the time at N = 8 (2 / 1 threads), 0.943 / 0.978 at
// N = 12, level with the static code; over more chunks sharing still pays
// (not sharing at N = 32: 1.04 / 1.15).
bool mlir::tconv::sharesAcrossImages(uint64_t bytes) {
  constexpr uint64_t kMaxSharedBytes = uint64_t(16) << 20;
  return bytes <= kMaxSharedBytes;
}

/// Whether a direct channels-last convolution orders its tiles output rows
/// first. Threads split the outermost tiles: with channel blocks first,
/// each reads the whole input and writes every output row; with rows first,
/// it reads only its own input rows (mostly written by the op before on
/// the same core), writes the rows the op after reads on that core, and
/// reads the whole filter. Rows first pays when the filter is the smaller
/// operand and small enough to be re-read from L2 for every row (512 KiB:
/// half of Zen 5's L2). Measured at 2 threads: T4 (128 KiB phase filters,
/// 1 MiB input) 12% faster, the 3-D T6 2-8%, the rest level; T1n1 (2 MiB
/// phase filters) 47% slower, which the rule keeps channel blocks first.
static bool chooseRowsOuter(ConvOp op) {
  constexpr uint64_t kMaxFilterBytes = 512 * 1024;
  uint64_t filterBytes = staticBytes(op.getFilter().getType());
  return filterBytes <= kMaxFilterBytes &&
         filterBytes <= staticBytes(op.getInput().getType());
}

ConvSchedule mlir::tconv::selectSchedule(ConvOp op,
                                         const StrategyOptions &options) {
  ConvGeometry g = op.getGeometry();
  ArrayRef<int64_t> filterShape = op.getFilter().getType().getShape();
  ArrayRef<int64_t> result = op.getOutput().getType().getShape();
  unsigned rank = result.size() - 2;
  if (isWidthVectorConv(op, options.vectorWidth) ||
      (options.fmaPipes == 1 &&
       prefersWidthAtBoundary(op, options.vectorWidth)))
    return selectWidthSchedule(rank, result[1], rank >= 2 ? result[rank] : 1,
                               result.back(), options.vectorWidth,
                               widthAccumulators(options.vectorWidth));
  bool depthwise = g.group > 1 && filterShape[1] == 1;
  ConvSchedule schedule;
  if (g.group > 1 && !depthwise) {
    schedule.kind = ScheduleKind::Plain;
    return schedule;
  }
  // Several output channels per input channel: no vector schedule.
  if (depthwise && filterShape[0] != g.group) {
    schedule.kind = ScheduleKind::ChannelsLastLoops;
    return schedule;
  }
  // Winograd's products are 1x1 convolutions over the 2x2 output tiles.
  bool winograd = options.winograd && fitsWinograd(op, options.fmaPipes);
  if (fitsBF16Dot(op, options)) {
    ConvSchedule dot = selectBF16DotSchedule(
        result[1], winograd ? 1 : filterShape.back());
    dot.winogradTile = winograd ? 2 : 0;
    dot.rowsOuter = !winograd && chooseRowsOuter(op);
    return dot;
  }
  Type accType =
      getAccumulatorType(op.getOutput().getType().getElementType());
  // bf16 ones without vdpbf16ps run plain loops: no products to save.
  if (winograd && accType == op.getOutput().getType().getElementType()) {
    ConvSchedule products = selectChannelsLastSchedule(
        accType, result[1], result.back() / 2, /*kernelWidth=*/1,
        /*depthwise=*/false, options);
    products.winogradTile = 2;
    return products;
  }
  ConvSchedule direct = selectChannelsLastSchedule(
      accType, result[1], result.back(), filterShape.back(), depthwise,
      options);
  direct.rowsOuter = chooseRowsOuter(op);
  return direct;
}

std::optional<ConvSchedule>
mlir::tconv::selectTransposeSchedule(ConvTransposeOp op,
                                     const StrategyOptions &options) {
  if (!canLowerDepthwiseTranspose(op))
    return std::nullopt;
  ConvSchedule schedule;
  schedule.kind = ScheduleKind::DepthwiseRows;
  schedule.vectorWidth = lanesFor(
      getAccumulatorType(op.getOutput().getType().getElementType()),
      options.vectorWidth);
  return schedule;
}

/// A convolution whose filter outweighs its activations and arrives at run
/// time has it copied once per call into the layout its tiles read (taps
/// first for a transposed one's phases, tconv-decompose-transpose; HWCF for
/// a direct one, tconv-convert-to-linalg), through memory both ways, and
/// the tiles then read it from memory again: T1n1 (8 MB of 512 -> 256
/// channels, 4x4, against 0.4 MB of input and output) spent 0.77 ms of 2.44
/// on the copy and ran its phases at 140 GFLOP/s. Chunk by chunk of output
/// channels, each slice's copy stays in L2 for the tiles that read it (175
/// GFLOP/s): T1n1 2.49 -> 2.13 ms at 1 thread, 1.29 -> 1.13 at 2, the
/// threads sharing the chunks; the DCGAN example (weights as arguments,
/// scaled) 3.26 -> 2.80 and 1.85 -> 1.70; a 3x3 convolution of 512 -> 512
/// channels on 8x8 (9 MB) 2.89 -> 2.28 and 1.53 -> 1.21. A constant filter
/// is copied at compile time, which slicing it in a loop would undo;
/// activations as large as the filter (T1 at N = 8) repay the copy as it
/// is; a Winograd convolution would transform its input once per chunk.
/// A chunk's filter copies and f32 result are its thread's scratch, on the
/// stack if they fit tconv-thread-scratch-on-stack's buffer, else a malloc
/// per chunk: a bf16 slice is copied twice (the layout change and
/// vdpbf16ps's channel pairs, which the phases share). T1n1 in bf16 on Zen 4
/// with 64-channel chunks (then 3 MB of scratch): 1.8 ms at 1 thread, 2.9 at
/// 2; with 32 channels 1.8 and 0.90-1.02, unchunked 1.9-2.4 and 0.98-2.0.
static constexpr uint64_t kMaxChunkFilterBytes = 1 << 20;

/// The copies a filter's tiles read it through: bf16 ones two (the layout
/// change, then vdpbf16ps's pairs of input channels), others one.
static uint64_t filterCopies(RankedTensorType filterType) {
  return filterType.getElementType().isBF16() ? 2 : 1;
}

/// Whether `op`'s filter arrives at run time, static, larger than a chunk,
/// and its copies weigh at least 3x its activations: a filter that is
/// copied chunk by chunk. The vocoder layer T7 (8 MB against 2.5 MB of
/// activations: 3.2x) ran chunked 2-4% faster (Zen 4, AOT, alternating
/// calls), the vocoder example 0.4-0.8% (its next layer reads the chunks in
/// its own layout), with 4.7 MB of workspace instead of 11; in bf16 (two
/// 4 MB copies) 5-7% faster. T1 at N = 8 (2.7x) ran 5-12% slower at 2
/// threads chunked; its phases run as Winograd, which stays whole anyway.
static bool filterOutweighsActivations(Operation *op, Value filter,
                                       int64_t group) {
  constexpr uint64_t kMinFilterToActivations = 3;
  auto filterType = cast<RankedTensorType>(filter.getType());
  auto inputType = cast<RankedTensorType>(op->getOperand(0).getType());
  auto outputType = cast<RankedTensorType>(op->getResult(0).getType());
  if (group != 1 || !filterType.hasStaticShape() ||
      !inputType.hasStaticShape() || !outputType.hasStaticShape() ||
      matchPattern(filter, m_Constant()))
    return false;
  uint64_t filterBytes = staticBytes(filterType);
  uint64_t activationBytes =
      llvm::SaturatingAdd(staticBytes(inputType), staticBytes(outputType));
  return filterBytes > kMaxChunkFilterBytes &&
         llvm::SaturatingMultiply(filterBytes, filterCopies(filterType)) >=
             llvm::SaturatingMultiply(kMinFilterToActivations,
                                      activationBytes);
}

static int64_t outputChannelChunk(Operation *op, Value filter,
                                  unsigned channelDim, int64_t group,
                                  int64_t fTile) {
  if (fTile < 1 || !filterOutweighsActivations(op, filter, group))
    return 0;
  auto filterType = cast<RankedTensorType>(filter.getType());
  auto outputType = cast<RankedTensorType>(op->getResult(0).getType());
  uint64_t filterBytes = staticBytes(filterType);
  int64_t outChannels = filterType.getDimSize(channelDim);
  uint64_t channelBytes = filterBytes / outChannels;
  uint64_t copies = filterCopies(filterType);
  uint64_t resultChannelBytes =
      outputType.getNumElements() / outChannels * sizeof(float);
  uint64_t channelScratchBytes = channelBytes * copies + resultChannelBytes;
  int64_t chunk = 0;
  for (int64_t size = fTile; size < outChannels; size += fTile)
    if (outChannels % size == 0 &&
        size * channelBytes <= kMaxChunkFilterBytes &&
        size * channelScratchBytes <= uint64_t(kMaxThreadScratchBytes))
      chunk = size;
  return chunk;
}

int64_t mlir::tconv::outputChannelChunk(ConvTransposeOp op, int64_t fTile) {
  // As for a direct convolution (below), for the phases' products.
  if (phasesFitWinograd(op, /*fmaPipes=*/1))
    return 0;
  return ::outputChannelChunk(op, op.getFilter(), /*channelDim=*/1,
                              op.getGeometry().group, fTile);
}

int64_t mlir::tconv::outputChannelChunk(ConvOp op, int64_t fTile) {
  // Winograd's products take the whole filter at once (fmaPipes 1: the
  // fewest channels it asks for).
  if (fitsWinograd(op, /*fmaPipes=*/1))
    return 0;
  return ::outputChannelChunk(op, op.getFilter(), /*channelDim=*/0,
                              op.getGeometry().group, fTile);
}

bool mlir::tconv::copiesFilterInChunks(Operation *op) {
  if (auto transpose = dyn_cast<ConvTransposeOp>(op))
    return !phasesFitWinograd(transpose, /*fmaPipes=*/1) &&
           filterOutweighsActivations(op, transpose.getFilter(),
                                      transpose.getGeometry().group);
  auto conv = dyn_cast<ConvOp>(op);
  return conv && !fitsWinograd(conv, /*fmaPipes=*/1) &&
         filterOutweighsActivations(op, conv.getFilter(),
                                    conv.getGeometry().group);
}
