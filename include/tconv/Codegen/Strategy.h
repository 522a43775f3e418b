//===- Strategy.h - Which schedule a convolution gets ----------*- C++ -*-===//
//
// Every schedule decision for a convolution, in one place: the schedule kind
// (channels-last FMA tiles, vectors along the output width, depthwise rows,
// or none), its tile sizes, the vector width for the target and whether it
// runs as Winograd F(2x2, r x r).
// --tconv-select-strategy records the decision on each tconv.conv (and
// depthwise tconv.conv_transpose) as a `tconv.schedule` attribute;
// --tconv-convert-to-linalg (--tconv-lower-depthwise-transpose) picks the
// layout from it and carries it to the linalg op, whose vectorizer obeys it.
// The passes keep the mechanism (splitting remainders, emission).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_CODEGEN_STRATEGY_H
#define TCONV_CODEGEN_STRATEGY_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlir::tconv {
class ConvOp;
class ConvTransposeOp;

/// The discardable attribute holding a convolution's ConvSchedule.
inline constexpr llvm::StringLiteral kScheduleAttrName = "tconv.schedule";

enum class ScheduleKind {
  /// Channels-last layout, tiles of vector FMAs along the output channels
  /// (tconv-vectorize-convs).
  ChannelsLast,
  /// Channels-last layout, no vector schedule (depthwise with a channel
  /// multiplier): plain loops.
  ChannelsLastLoops,
  /// NCHW, vectors along the output width (tconv-vectorize-convs-along-width).
  Width,
  /// NCHW, plain loops (grouped convolutions).
  Plain,
  /// A depthwise transposed convolution as one phase-interleaved generic,
  /// vectorized along output rows (tconv-lower-depthwise-transpose,
  /// tconv-vectorize-depthwise-rows).
  DepthwiseRows,
};

/// Whether `op` should run as one ungrouped convolution per group
/// (tconv-split-groups): grouped with several input channels per group,
/// which no vector schedule covers (depthwise ones have their own), and
/// at most kMaxSplitGroups groups: compile time grows faster than their
/// number (100000 groups took minutes).
inline constexpr int64_t kMaxSplitGroups = 32;
bool shouldSplitGroups(ConvOp op);

/// The names `kind` takes in the attribute: "channels-last",
/// "channels-last-loops", "width", "plain", "depthwise-rows".
llvm::StringRef stringifyScheduleKind(ScheduleKind kind);
std::optional<ScheduleKind> symbolizeScheduleKind(llvm::StringRef name);

/// Whether the kind computes in channels-last layout.
bool isChannelsLast(ScheduleKind kind);

/// The schedule of one convolution. Tile sizes are in elements of the
/// accumulator type; unused ones are 0 and not printed.
struct ConvSchedule {
  ScheduleKind kind = ScheduleKind::Plain;
  /// Lanes per vector of the accumulator type (f64 has half of f32's).
  int64_t vectorWidth = 0;
  /// ChannelsLast: output positions, output channels, input channels (0 for
  /// depthwise) and kernel taps per tile (targets: remainders get smaller
  /// tiles).
  /// Width: fTile output channels per tile.
  int64_t owTile = 0, fTile = 0, cTile = 0, kwTile = 0;
  /// Width: output rows (2-D and 3-D) or width vectors (1-D) per tile.
  int64_t rowTile = 0, vecTile = 0;
  /// ChannelsLast: input channels each accumulator lane sums per
  /// instruction: 2 for bf16 with AVX512_BF16's vdpbf16ps (operands stay
  /// bf16, input channels in pairs); 0 (absent): one FMA per channel in the
  /// accumulator type.
  int64_t dotWidth = 0;
  /// ChannelsLast: 2 for a 3x3 convolution computed as Winograd F(2x2, 3x3)
  /// (tconv-winograd-convs); the tile sizes are then those of its 16
  /// transformed products, 1x1 convolutions. 0 (absent): direct.
  int64_t winogradTile = 0;
  /// ChannelsLast: 1 to order the tiles output rows first, blocks of output
  /// channels inside (chooseRowsOuter); 0 (absent): channel blocks first.
  int64_t rowsOuter = 0;

  /// e.g. {kind = "channels-last", vector_width = 8 : i64, ow_tile = 4 : i64,
  /// f_tile = 16 : i64, c_tile = 4 : i64, kw_tile = 3 : i64}.
  DictionaryAttr toAttr(MLIRContext *ctx) const;
};

/// The schedule recorded on `op`, std::nullopt if none; an error on `op`
/// (and failure) if the attribute is malformed: unknown kind, a missing or
/// non-positive size, an f-tile that is not a whole number of vectors.
FailureOr<std::optional<ConvSchedule>> getSchedule(Operation *op);

/// What the target and the user ask of every schedule. fTile is in f32
/// lanes (the same bytes for f64).
struct StrategyOptions {
  int64_t vectorWidth = 8; // f32 lanes per vector register
  int64_t owTile = 4;
  int64_t fTile = 16;
  int64_t cTile = 4;
  /// The target has AVX512_BF16 (vdpbf16ps).
  bool bf16Dot = false;
  /// f32 3x3 convolutions may run as Winograd F(2x2, 3x3).
  bool winograd = false;
  /// Full-width vector FMAs the target issues per cycle.
  int64_t fmaPipes = 1;
};

/// A CPU as the schedule sees it: LLVM's name for it and its features
/// (LLVM's names, e.g. "avx512f"), from a target machine (tconv-run,
/// tconv-compile) or from the name alone (--tconv-lower-to-llvm's
/// target-cpu).
struct TargetCpu {
  bool isX86 = false;
  llvm::StringRef name;
  llvm::function_ref<bool(llvm::StringRef feature)> hasFeature;
};

/// f32 lanes in the widest vector registers of `cpu`: 16 with AVX-512, 8
/// with AVX, 4 otherwise (SSE, NEON).
int64_t getVectorLanes(const TargetCpu &cpu);
/// Whether `cpu` has AVX512_BF16 (vdpbf16ps on 512-bit vectors).
bool hasBF16Dot(const TargetCpu &cpu);
/// Full-width vector FMAs `cpu` issues per cycle: 2 for the AVX-512 cores
/// with two 512-bit FMA pipes (Intel's server cores, Zen 5), 1 for others
/// (Zen 4 runs each 512-bit FMA as two 256-bit halves).
int64_t getFmaPipes(const TargetCpu &cpu);
/// Whether bf16 convolutions run faster on vdpbf16ps (two products a lane)
/// than as f32 FMAs on operands extended to f32: where the CPU has
/// AVX512_BF16 and runs it on each of its FMA pipes. Intel's cores run it
/// on one of two ports, at the FMAs' rate with pairs to pack (C1 in bf16 on
/// Emerald Rapids: 14.7 ms on vdpbf16ps, 8.6 as f32 FMAs).
bool prefersBF16Dot(const TargetCpu &cpu);

/// Output channels per tile for `vectorWidth`: two vectors, so that a tile
/// keeps ow-tile x 2 accumulators in registers on AVX2 and AVX-512 alike.
int64_t defaultFTile(int64_t vectorWidth);
/// Output positions per tile for `vectorWidth`: 4 (8 accumulators) with
/// AVX2's 16 vector registers, 14 (28) with AVX-512's 32.
int64_t defaultOwTile(int64_t vectorWidth);
/// Input channels per reduction step for `vectorWidth`: 4 with AVX2, 1
/// with AVX-512, whose tiles take their reuse from more accumulators.
int64_t defaultCTile(int64_t vectorWidth);
/// Accumulators of the width schedule: AVX-512's 32 vector registers hold
/// twice AVX2's 16.
int64_t widthAccumulators(int64_t vectorWidth);
/// Lanes of `elementType` in a vector of `vectorWidth` f32 lanes.
int64_t lanesFor(Type elementType, int64_t vectorWidth);

/// The type a convolution on `elementType` (f16, bf16, f32, f64) accumulates
/// in: f16 and bf16 in f32 (tconv-convert-to-linalg), f32 and f64 in
/// themselves.
FloatType getAccumulatorType(Type elementType);

/// Whether a convolution is better vectorized along its output width with
/// `lanes`-wide vectors, in NCHW, than along its output channels in
/// channels-last form: ungrouped, f32, fewer than `lanes` output channels
/// (a channel vector would be partly empty), unit stride and dilation
/// along the width and at least `lanes` outputs along it.
bool isWidthVectorConv(ConvOp op, int64_t lanes);

/// Whether a convolution between its function's NCHW input and NCHW result
/// (read from an argument, returned or inserted into what is returned) is
/// better NCHW with width vectors, on a core with one FMA pipe: a pointwise
/// one that only pointwise ones share its input with (a non-overlapping
/// transposed convolution's phases), whose channels-last tiles would reuse
/// no input value across taps and pay two layout changes for nothing. f32,
/// ungrouped, a whole number of vectors along the width. T4 on Zen 4: 6-10%
/// faster at 1 and 2 threads. The 3-D T6's phases (one vector of output
/// channels, 1-8 taps) gained 1-2% at 1 thread and lost up to 10% at 2
/// (their padded input copied NCHW instead of inside the layout change), so
/// they stay channels-last.
bool prefersWidthAtBoundary(ConvOp op, int64_t lanes);

/// Whether `op` runs faster as Winograd F(2x2, r x r) than directly: 2-D,
/// ungrouped, f32 or bf16 (the caller checks bf16 has vdpbf16ps), a 3x3 or
/// 2x2 kernel at unit stride and dilation, an even output size, and enough
/// channels (16 for 3x3; 32 for 2x2, twice that in bf16 and again with
/// `fmaPipes` 2) and output tiles (64) that the products outweigh the
/// transforms.
bool fitsWinograd(ConvOp op, int64_t fmaPipes);

/// Whether a Winograd convolution of `batch` images runs one image at a
/// time rather than all at once: `tiles` output tiles per image,
/// `products` transform products, `inChannels` and `outChannels`.
bool winogradPerImage(int64_t batch, int64_t tiles, int64_t products,
                      int64_t inChannels, int64_t outChannels);

/// Tile rows (a divisor of `tileRows`) each Winograd product multiplies at
/// once, as one row of `tileRows`'s divisor x `tileCols` output positions.
int64_t winogradProductRows(int64_t tileRows, int64_t tileCols);

/// Whether the loop of Winograd products runs product by product (each
/// thread multiplying all `tiles` by its share of the transformed filters)
/// rather than tile row by tile row (each multiplying the rows it
/// transformed by every product's filter), for `inChannels` and
/// `outChannels`.
bool winogradFilterMajor(int64_t tiles, int64_t inChannels,
                         int64_t outChannels);

/// Whether each block of a Winograd convolution's tile rows goes through
/// its input transforms, products and output transforms in one iteration
/// of one parallel loop (its transformed inputs and products staying in
/// cache) rather than each stage over every tile, for `tiles` output tiles,
/// `rows` tile rows per block, `tileCols` tiles per row, `products`
/// transform products, `inChannels` and `outChannels` (f32 products).
bool winogradFusedRows(int64_t tiles, int64_t rows, int64_t tileCols,
                       int64_t products, int64_t inChannels,
                       int64_t outChannels);

/// Bytes of a statically shaped `type`, saturating at UINT64_MAX: the sizes
/// the strategy weighs (batched tensors, filters against inputs).
uint64_t staticBytes(ShapedType type);

/// Whether a function on a static batch of `batch` images computes them one
/// at a time (tconv-outline-batch), given the bytes of its largest batched
/// tensor.
bool runsImageByImage(int64_t batch, uint64_t largestBatchedBytes);

/// The images per call of a chunk function that the loop over a dynamic
/// batch runs while that many remain (single images after), given the bytes
/// of the largest tensor of one image; 1 for no chunks.
int64_t batchChunkImages(uint64_t largestImageBytes);

/// Whether a batch loop computes once, before its loop, batch-free results
/// of `bytes` in all that its per-image (or chunk) function then reads on
/// every call (tconv-hoist-batch-invariants); if not, a loop with a single
/// iteration calls a copy of the function that makes them itself.
bool sharesAcrossImages(uint64_t bytes);

/// The schedule of `op` for the target and options.
ConvSchedule selectSchedule(ConvOp op, const StrategyOptions &options);

/// The depthwise-rows schedule for a depthwise transposed convolution that
/// tconv-lower-depthwise-transpose can take; none for others, whose
/// direct convolutions get theirs once decomposed.
std::optional<ConvSchedule>
selectTransposeSchedule(ConvTransposeOp op, const StrategyOptions &options);

/// Output channels per chunk when the convolution `op` runs as a loop over
/// chunks of its output channels (tconv-chunk-output-channels), each with
/// its slice of the filter; 0 when it runs whole. Chunks are multiples of
/// `fTile` (f32 lanes) whose filter slice fits in half of L2 and whose
/// filter copies and f32 result fit a thread's stack scratch.
int64_t outputChannelChunk(ConvOp op, int64_t fTile);
int64_t outputChannelChunk(ConvTransposeOp op, int64_t fTile);

/// Whether `op` (a tconv.conv or tconv.conv_transpose) has a runtime filter
/// whose copies outweigh its activations, and neither it nor its phases run
/// as Winograd: one that outputChannelChunk splits into chunks of output
/// channels whenever a multiple of the tile fits one.
bool copiesFilterInChunks(Operation *op);

/// The channels-last schedule of a convolution with `outChannels` output
/// channels, `outWidth` outputs along the width and a kernel `kernelWidth`
/// taps wide, accumulating in `accType`; depthwise ones have no
/// input-channel tile.
ConvSchedule selectChannelsLastSchedule(Type accType, int64_t outChannels,
                                        int64_t outWidth, int64_t kernelWidth,
                                        bool depthwise,
                                        const StrategyOptions &options);

/// The width schedule of an NCHW convolution of `rank` spatial dims with
/// `outChannels` output channels, `rows` output rows (second innermost
/// spatial dim; 1 for 1-D) and `width` outputs along the width, with
/// `lanes`-wide vectors and at most about `accumulators` in registers.
ConvSchedule selectWidthSchedule(unsigned rank, int64_t outChannels,
                                 int64_t rows, int64_t width, int64_t lanes,
                                 int64_t accumulators);

} // namespace mlir::tconv

#endif // TCONV_CODEGEN_STRATEGY_H
