//===- VectorizeConvs.h - Pieces of tconv-vectorize-convs ------*- C++ -*-===//
//
// Shared by the files of tconv-vectorize-convs: the pass
// (VectorizeConvs.cpp), the filter packing (VectorizeConvsPacking.cpp), the
// tiling down to 1-D convolutions (VectorizeConvsTiling.cpp) and the vector
// lowering to FMAs (VectorizeConvsFMA.cpp). The tile sizes come from the
// strategy (tconv/Codegen/Strategy.h).
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_VECTORIZECONVS_H
#define TCONV_LIB_CODEGEN_VECTORIZECONVS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::tconv {

/// The convolutions the schedule handles, all channels-last:
/// linalg.conv_{1,2,3}d_n*c_*cf (`Full`, loops (n, o.., f, k.., c)) and
/// linalg.depthwise_conv_{1,2,3}d_n*c_*c (`Depthwise`, loops (n, o.., c, k..)).
enum class ConvKind { Full, Depthwise };

/// Loop dims of a scheduled convolution, read off its indexing maps (the
/// named ops do not all order their loops alike).
struct ConvLoops {
  ConvKind kind;
  unsigned rank; // spatial dims
  unsigned count;
  unsigned batch;
  SmallVector<unsigned, 3> outSpatial; // o_1..o_r, innermost (ow) last
  unsigned outChannel;                 // f, or c for depthwise
  SmallVector<unsigned, 3> kernel;     // k_1..k_r, innermost (kw) last
  std::optional<unsigned> inChannel;   // c of full convolutions

  unsigned ow() const { return outSpatial.back(); }
  unsigned kw() const { return kernel.back(); }
};

/// Tile sizes of one part: output positions, output channels, input
/// channels (full convolutions) and kernel width; and the order of the
/// tiles (ConvSchedule::rowsOuter).
struct TilePlan {
  int64_t ow, outChannel, inChannel, kw;
  bool rowsOuter = false;
};

/// The loops of `op` if it is one of the convolutions the schedule handles.
std::optional<ConvLoops> scheduledConv(Operation *op);

//===----------------------------------------------------------------------===//
// Filter packing (VectorizeConvsPacking.cpp)
//===----------------------------------------------------------------------===//

/// A packed filter (see packFilter) the tiles of a convolution read from.
struct PackedFilter {
  Value filter, packed;
  int64_t block = 0;
  /// `packed` is a view of a blocked copy, read in place by the tiles.
  bool readInPlace = false;
};

/// A constant `filter` packed into `packedType` at compile time: packed
/// element `index` is the filter's element at linear offset
/// `sourceOf(index, filter strides)`; a splat stays a splat. Null if
/// `filter` is not a constant with readable float values.
Value foldPackedFilter(
    RewriterBase &rewriter, Location loc, Value filter,
    RankedTensorType packedType,
    function_ref<int64_t(ArrayRef<int64_t>, ArrayRef<int64_t>)> sourceOf);

/// A linalg.generic of `shape` whose element at loop indices i is
/// `source[sourceExprs(i)]`: a copy into a new layout.
Value createGather(OpBuilder &b, Location loc, Value source,
                   ArrayRef<AffineExpr> sourceExprs, ArrayRef<int64_t> shape);

/// The source of `value` if a linalg.generic copies it into `value`'s
/// layout by a permutation of its dims (a filter argument's OIHW -> HWIO
/// change), with that permutation: filter dim `perm.getDimPosition(j)` is
/// source dim j.
std::optional<std::pair<Value, AffineMap>> getPermutedSource(Value value);

/// The filter of a full convolution, K.. x C x F, packed as
/// F/block x K.. x C x block: the slice an output-channel tile reads is then
/// contiguous instead of `block` values every F. Constant filters are packed
/// now; otherwise a linalg.generic does it (see fusePacking).
Value packFilter(RewriterBase &rewriter, Location loc, Value filter,
                 int64_t block);

/// Once the tiles read the packed filter only, folds the layout change that
/// produced the filter into the packing: one pass over the weights. A
/// packFilter result (`outputChannelBlocks`) of a permuted copy becomes one
/// permutation of the copy's source, which vectorizes as a layout change.
void fusePacking(RewriterBase &rewriter, Value packed,
                 bool outputChannelBlocks = false);

/// The linalg.generic that only copies elements of its one input into a
/// fresh layout, reading the input's innermost dim along the result's
/// innermost dim: a tile of its result is a set of contiguous rows of the
/// input, which FoldRowGatherIntoRead reads in place.
linalg::GenericOp getRowGather(Value value);

/// A copy of `source` (an elementwise linalg.generic of values that it reads
/// with permutations, as the taps-first copy of a transposed convolution's
/// filter, possibly scaled) with its innermost dim split in blocks of
/// `block` moved outermost: S2[mb][s..][mi] = S[s..][mb * block + mi],
/// computed from the generic's inputs directly (each input's matching dim is
/// expanded first, so that the copy stays a permutation the layout-change
/// vectorizer handles). Null if `source` is not such a generic.
Value blockedCopy(RewriterBase &rewriter, Value source, int64_t block);

/// The packed filter (F/block x K.. x C x block) of a convolution whose
/// filter is a row gather of `source` at taps given by the gather, as a row
/// gather of `blocked` (see blockedCopy): never materialized, its tiles are
/// read in place.
Value packedViewOfBlockedCopy(RewriterBase &rewriter, Location loc,
                              linalg::GenericOp gather, Value blocked);

/// Makes the tiled convolution `conv` read its filter tile from `packed`
/// (see packFilter) instead of from slices of `filter`.
void usePackedFilter(RewriterBase &rewriter, linalg::LinalgOp conv,
                     Value filter, Value packed, int64_t block);

//===----------------------------------------------------------------------===//
// Tiling (VectorizeConvsTiling.cpp)
//===----------------------------------------------------------------------===//

/// The all-parallel linalg op on tensors that computes `value` element by
/// element over its identity-mapped init, without reading the init: a
/// fill, a broadcast, a copy into a new layout.
linalg::LinalgOp getElementwiseProducer(Value value);

/// Splits `op` until each part's output positions and channels (and input
/// channels) are a whole number of tiles; returns the parts with their tile
/// sizes (the target's kernel width for each).
SmallVector<std::pair<linalg::LinalgOp, TilePlan>>
splitConvIntoTileableParts(RewriterBase &rewriter, linalg::LinalgOp op,
                           ConvLoops loops, const TilePlan &target,
                           int64_t quantum, int64_t inChannelQuantum = 1);

/// Gives `conv` an initializer of its own (CSE shares one bias broadcast
/// among the phases of a transposed convolution) and, when the convolution
/// is inserted into a slice of a bigger tensor (a phase into the whole
/// output), makes the initializer write that slice instead of a tensor of
/// its own: tiles then accumulate in place and nothing is copied.
void giveOwnInitializer(RewriterBase &rewriter, linalg::LinalgOp conv);

/// A tiled convolution and the tile of its initializer (an elementwise
/// producer of its output, see giveOwnInitializer)
/// fused into its output tile, if any.
struct TiledPart {
  linalg::LinalgOp conv;
  linalg::LinalgOp initializer;
};

/// Tiles one part: scf.forall over output tiles, scf.for over the reduction.
/// The initializer of the output (a fill, a bias broadcast) is fused into the
/// output tiles: the accumulators then start from its values in registers
/// instead of reading a buffer it filled in a separate pass.
FailureOr<TiledPart> tilePart(RewriterBase &rewriter, linalg::LinalgOp part,
                              ConvLoops loops, const TilePlan &plan,
                              const PackedFilter &packing);

/// Rewrites a tiled convolution whose outer output and kernel dims are all 1
/// as the 1-D convolution of its kind (linalg.conv_1d_nwc_wcf or
/// linalg.depthwise_conv_1d_nwc_wc) on rank-reduced slices.
FailureOr<linalg::LinalgOp> reduceTo1D(RewriterBase &rewriter,
                                       linalg::LinalgOp conv, ConvLoops loops);

//===----------------------------------------------------------------------===//
// bf16 tiles on vdpbf16ps (VectorizeConvsBF16Dot.cpp)
//===----------------------------------------------------------------------===//

/// The bf16 filter of a full convolution, K.. x C x F (C even, F a multiple
/// of 16), packed as F/16 x K.. x C/2 x 32 (16 output channels x a pair of
/// input channels, pair innermost): the operand of one
/// vdpbf16ps, 16 output channels times a pair of input channels, is one
/// contiguous vector. Constant filters are packed now.
Value packFilterPairs(RewriterBase &rewriter, Location loc, Value filter);

/// packFilterPairs of `source`, made once (right after `source`) and kept
/// in `pairCopies` for every view that reads through it.
Value packedPairsOnce(RewriterBase &rewriter, Value source,
                      llvm::DenseMap<Value, Value> &pairCopies);

/// The packFilterPairs layout of a transposed convolution's phase filter
/// `gather` (a row gather of taps from a taps-first copy, channels as they
/// are), as a row gather of packFilterPairs of that copy, made once per
/// copy and kept in `pairCopies`: the tiles' reads fold into reads of it
/// (FoldRowGatherIntoRead), so the phases share one packed copy instead of
/// each gathering and packing its taps. Null if `gather` moves the channels.
Value pairsViewOfTapGather(RewriterBase &rewriter, Location loc,
                           linalg::GenericOp gather,
                           llvm::DenseMap<Value, Value> &pairCopies);

/// The packFilterPairs layout of `filter` when it is one entry of a stack
/// of filters made outside the loop that slices it (Winograd's transformed
/// filters, alpha^2 x K.. x C x F, one product's in each iteration): a slice
/// of packFilterPairs of the whole stack, packed once and kept in
/// `pairCopies`, so that the loop may run in parallel without a copy per
/// iteration. Null for other filters.
Value pairsViewOfStackEntry(RewriterBase &rewriter, Location loc, Value filter,
                            llvm::DenseMap<Value, Value> &pairCopies);

/// Replaces the 1-D bf16 convolution tile `conv` (linalg.conv_1d_nwc_wcf,
/// f32 accumulators), whose filter is a slice of `filter`, by vdpbf16ps
/// that read the filter from `pairs` (packFilterPairs of `filter`): the
/// accumulators are read once, updated for every tap and pair of input
/// channels, and written back. A tile whose input is a slice of `input` at
/// a static column leaves out the taps that read its zero border columns.
LogicalResult emitBF16DotTile(RewriterBase &rewriter, linalg::LinalgOp conv,
                              Value filter, Value pairs, Value input);

//===----------------------------------------------------------------------===//
// FMA emission (VectorizeConvsFMA.cpp)
//===----------------------------------------------------------------------===//

/// Splits each contraction of `func` into one per output position, input
/// channel and vector of `lanesFor(element type)` output channels, turns
/// the slices of the big transfer_reads into small reads, hoists the
/// accumulators into registers and lowers the contractions to
/// broadcast-and-FMA.
LogicalResult lowerToFMAs(RewriterBase &rewriter, func::FuncOp func,
                          function_ref<int64_t(Type)> lanesFor);

//===----------------------------------------------------------------------===//
// Accumulators from initializers (VectorizeConvsInitializers.cpp)
//===----------------------------------------------------------------------===//

/// Lets the accumulators of the tiles of `func` start from the vectors their
/// fused initializer writes, instead of reading them back from the tile,
/// and drops those writes where the accumulators overwrite them all.
LogicalResult startAccumulatorsFromInitializers(RewriterBase &rewriter,
                                                func::FuncOp func);

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_VECTORIZECONVS_H
