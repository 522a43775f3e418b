//===- VectorizeConvs.cpp - Tile and vectorize channels-last convs -------===//
//
// The schedule of --tconv-lower-to-llvm: split, tile, reduce to 1-D,
// vectorize, hoist the accumulators and lower the contractions to FMAs.
// Tile sizes come from the convolution's `tconv.schedule` (see
// tconv/Codegen/Strategy.h), or from the pass options for convolutions
// without one. The pieces live in VectorizeConvs{Packing,Tiling,FMA}.cpp.
//
//===----------------------------------------------------------------------===//

#include "tconv/Codegen/Passes.h"

#include "VectorizeConvs.h"

#include "TileSplitting.h"
#include "ZeroRows.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/UB/IR/UBOps.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/X86Vector/X86VectorDialect.h"
#include "tconv/Codegen/Strategy.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVVECTORIZECONVS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::tconv;

/// bf16 operands into f32 accumulators: only for vdpbf16ps schedules.
static bool isBF16IntoF32(linalg::LinalgOp op) {
  return getElementTypeOrSelf(op.getDpsInits()[0].getType()).isF32() &&
         llvm::all_of(op.getDpsInputs(), [](Value input) {
           return getElementTypeOrSelf(input.getType()).isBF16();
         });
}

static bool isSchedulable(linalg::LinalgOp op) {
  if (!scheduledConv(op) || !op.hasPureTensorSemantics() ||
      op.hasDynamicShape())
    return false;
  if (isBF16IntoF32(op))
    return true;
  Type elementType = getElementTypeOrSelf(op.getDpsInits()[0].getType());
  if (!elementType.isF32() && !elementType.isF64())
    return false;
  return llvm::all_of(op->getOperandTypes(), [&](Type type) {
    return getElementTypeOrSelf(type) == elementType;
  });
}

namespace {
struct VectorizeConvsPass
    : public tconv::impl::TConvVectorizeConvsBase<VectorizeConvsPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    if (owTile < 1 || cTile < 1 || fVector < 1 || fTile < fVector ||
        fTile % fVector != 0) {
      func.emitError() << "tconv-vectorize-convs: tiles must be >= 1 and "
                          "f-tile a multiple of f-vector";
      return signalPassFailure();
    }
    scheduledLanes.clear();
    SmallVector<linalg::LinalgOp> convs;
    func.walk([&](linalg::LinalgOp op) {
      if (isSchedulable(op))
        convs.push_back(op);
    });

    IRRewriter rewriter(&getContext());
    // Blocked copies of phase filter sources (see blockedCopy), by source and
    // block size.
    llvm::DenseMap<std::pair<Value, int64_t>, Value> blockedCopies;
    // The same for vdpbf16ps: pair-packed copies of phase filter sources.
    llvm::DenseMap<Value, Value> pairCopies;
    // Innermost convolution tiles and the initializer tiles fused with them.
    SmallVector<linalg::LinalgOp> tiles;
    // Whether vdpbf16ps tiles were emitted (their accumulators are hoisted
    // with the others').
    bool dotTiles = false;
    for (linalg::LinalgOp conv : convs) {
      ConvLoops loops = *scheduledConv(conv);
      FailureOr<std::optional<ConvSchedule>> schedule = scheduleOf(conv, loops);
      if (failed(schedule))
        return signalPassFailure();
      // Another kind of schedule: left to its own pass. bf16 operands
      // without vdpbf16ps: plain loops.
      if (!*schedule || ((*schedule)->dotWidth == 0) == isBF16IntoF32(conv))
        continue;
      giveOwnInitializer(rewriter, conv);
      int64_t lanes = (*schedule)->vectorWidth;
      TilePlan target{(*schedule)->owTile, (*schedule)->fTile,
                      (*schedule)->cTile, (*schedule)->kwTile,
                      (*schedule)->rowsOuter != 0};
      int64_t channels = conv.getStaticLoopRanges()[loops.outChannel];
      DimPlan f = planDim(channels, target.outChannel, lanes);
      // Several whole blocks of output channels: each reads a packed,
      // contiguous filter slice.
      PackedFilter packing;
      // vdpbf16ps tiles read pairs of input channels from a filter packed
      // for them (VectorizeConvsBF16Dot.cpp).
      Value filterPairs;
      if ((*schedule)->dotWidth) {
        Value filter = conv.getDpsInputs()[1];
        // The phases of a transposed convolution read their taps from one
        // pair-packed copy of the whole taps-first filter.
        rewriter.setInsertionPoint(conv);
        if (linalg::GenericOp gather = getRowGather(filter))
          filterPairs = pairsViewOfTapGather(rewriter, conv.getLoc(), gather,
                                             pairCopies);
        // Winograd's products each read one entry of a stack packed once.
        if (!filterPairs)
          filterPairs = pairsViewOfStackEntry(rewriter, conv.getLoc(), filter,
                                              pairCopies);
        if (!filterPairs)
          filterPairs = packFilterPairs(rewriter, conv.getLoc(), filter);
      } else if (loops.kind == ConvKind::Full) {
        // Packed inside a parallel loop (Winograd's products), the copy
        // would be allocated in every iteration: those read it as it is.
        if (f.splitPoint == 0 && f.tile < channels &&
            !conv->getParentOfType<scf::ForallOp>()) {
          packing.filter = conv.getDpsInputs()[1];
          packing.block = f.tile;
          // The phases of a transposed convolution gather their filters
          // from one taps-first copy of the whole filter: a blocked copy of
          // it, made once, serves every phase in place. Others are packed.
          if (linalg::GenericOp gather = getRowGather(packing.filter)) {
            Value source = gather.getDpsInputs()[0];
            Value &blocked = blockedCopies[{source, f.tile}];
            if (!blocked)
              blocked = blockedCopy(rewriter, source, f.tile);
            if (blocked) {
              rewriter.setInsertionPoint(conv);
              packing.packed = packedViewOfBlockedCopy(rewriter, conv.getLoc(),
                                                       gather, blocked);
              packing.readInPlace = true;
            }
          }
          if (!packing.packed) {
            rewriter.setInsertionPoint(conv);
            packing.packed =
                packFilter(rewriter, conv.getLoc(), packing.filter, f.tile);
          }
        }
      }
      Value filter = conv.getDpsInputs()[1];
      Value input = conv.getDpsInputs()[0];
      int64_t pairQuantum = filterPairs ? 2 : 1;
      // vdpbf16ps tiles at the left and right edges skip the taps that
      // read padding columns: split off to static offsets.
      SmallVector<std::pair<linalg::LinalgOp, TilePlan>> parts;
      SmallVector<linalg::LinalgOp> edges = {conv};
      if (filterPairs) {
        DimPlan ow = planDim(conv.getStaticLoopRanges()[loops.ow()],
                             target.ow, 1);
        if (ow.tile)
          target.ow = ow.tile;
        edges = splitBorderTiles(rewriter, conv, loops.ow(), loops.rank,
                                 target.ow);
      }
      for (linalg::LinalgOp edge : edges)
        llvm::append_range(parts,
                           splitConvIntoTileableParts(rewriter, edge, loops,
                                                      target, lanes,
                                                      pairQuantum));
      for (auto [part, plan] : parts) {
        FailureOr<TiledPart> tiled =
            tilePart(rewriter, part, loops, plan, packing);
        if (failed(tiled)) {
          part.emitError() << "tconv-vectorize-convs: tiling failed";
          return signalPassFailure();
        }
        FailureOr<linalg::LinalgOp> conv1d =
            reduceTo1D(rewriter, tiled->conv, loops);
        if (failed(conv1d)) {
          tiled->conv.emitError() << "tconv-vectorize-convs: tile is not 1-D";
          return signalPassFailure();
        }
        if (tiled->initializer)
          tiles.push_back(tiled->initializer);
        if (!filterPairs)
          tiles.push_back(*conv1d);
        else if (failed(emitBF16DotTile(rewriter, *conv1d, filter,
                                        filterPairs, input)))
          return signalPassFailure();
        else
          dotTiles = true;
      }
      if (packing.packed && !packing.readInPlace)
        fusePacking(rewriter, packing.packed, /*outputChannelBlocks=*/true);
      if (filterPairs)
        fusePacking(rewriter, filterPairs);
    }

    for (linalg::LinalgOp tile : tiles) {
      rewriter.setInsertionPoint(tile);
      FailureOr<linalg::VectorizationResult> result =
          linalg::vectorize(rewriter, tile);
      if (failed(result)) {
        tile.emitError() << "tconv-vectorize-convs: vectorization failed";
        return signalPassFailure();
      }
      rewriter.replaceOp(tile, result->replacements);
    }
    if (tiles.empty() && !dotTiles)
      return;
    if (failed(lowerToFMAs(rewriter, func, [&](Type type) {
          auto it = scheduledLanes.find(type);
          return it != scheduledLanes.end() ? it->second
                                            : lanesFor(type, fVector);
        })))
      return signalPassFailure();
  }

private:
  /// The channels-last schedule of `conv`: its `tconv.schedule`, or one
  /// from the pass options. None if the recorded schedule is of another
  /// kind; failure (reported) if it does not fit.
  FailureOr<std::optional<ConvSchedule>> scheduleOf(linalg::LinalgOp conv,
                                                    const ConvLoops &loops) {
    FailureOr<std::optional<ConvSchedule>> recorded = getSchedule(conv);
    if (failed(recorded))
      return failure();
    Type accType = getElementTypeOrSelf(conv.getDpsInits()[0].getType());
    SmallVector<int64_t> ranges = conv.getStaticLoopRanges();
    if (!*recorded)
      return std::optional<ConvSchedule>(selectChannelsLastSchedule(
          accType, ranges[loops.outChannel], ranges[loops.ow()],
          ranges[loops.kw()],
          loops.kind == ConvKind::Depthwise,
          StrategyOptions{fVector, owTile, fTile, cTile}));
    ConvSchedule schedule = **recorded;
    if (schedule.kind != ScheduleKind::ChannelsLast)
      return std::optional<ConvSchedule>();
    if (loops.inChannel && schedule.cTile < 1) {
      conv.emitError() << "tconv-vectorize-convs: the schedule of a full "
                          "convolution needs c_tile";
      return failure();
    }
    // One vector width per element type: the unrolling reads it by type.
    auto [it, inserted] =
        scheduledLanes.try_emplace(accType, schedule.vectorWidth);
    if (!inserted && it->second != schedule.vectorWidth) {
      conv.emitError() << "tconv-vectorize-convs: schedules disagree on "
                          "vector_width for "
                       << accType;
      return failure();
    }
    return std::optional<ConvSchedule>(schedule);
  }

  /// Vector width (elements) by element type, from the recorded schedules.
  llvm::DenseMap<Type, int64_t> scheduledLanes;
};
} // namespace
