//===- Pipelines.cpp - tconv lowering pipelines --------------------------===//

#include "tconv/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/TosaToLinalg/TosaToLinalg.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "mlir/Transforms/Passes.h"
#include "tconv/Conversion/Passes.h"
#include "tconv/Dialect/TConv/Transforms/Passes.h"
#include "tconv/Codegen/Passes.h"
#include "tconv/Codegen/Strategy.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"
#include "llvm/TargetParser/X86TargetParser.h"

using namespace mlir;
using namespace mlir::tconv;

static constexpr llvm::StringLiteral kStageNames[] = {
    "decompose",  "linalg", "fused", "vectorized",
    "bufferized", "loops",  "llvm"};

llvm::ArrayRef<llvm::StringRef> mlir::tconv::lowerToLLVMStageNames() {
  static const llvm::SmallVector<llvm::StringRef> names(std::begin(kStageNames),
                                                        std::end(kStageNames));
  return names;
}

/// Canonicalization and CSE. Region simplification (region DCE, block
/// merging) is off: it finds nothing in this structured IR (the output is
/// byte-identical on the example models) but took 15% of the canonicalizer
/// time over the unrolled convolution bodies.
static void addCleanup(OpPassManager &funcPm) {
  funcPm.addPass(createCanonicalizerPass(
      GreedyRewriteConfig()
          .setUseTopDownTraversal(true)
          .setRegionSimplificationLevel(GreedySimplifyRegionLevel::Disabled)));
  funcPm.addPass(createCSEPass());
}

/// The schedule options of tconv-select-strategy.
static TConvSelectStrategyOptions
strategyOptions(const tconv::LowerToLLVMOptions &options) {
  TConvSelectStrategyOptions strategy;
  strategy.vectorWidth = options.vectorWidth;
  strategy.owTile = options.owTile;
  strategy.fTile = options.fTile;
  strategy.cTile = options.cTile;
  strategy.bf16Dot = options.bf16Dot;
  strategy.winograd = options.winograd;
  strategy.fmaPipes = options.fmaPipes;
  return strategy;
}

void mlir::tconv::addBatchOutlining(OpPassManager &pm,
                                    const LowerToLLVMOptions &options) {
  // A dynamic batch becomes a loop over a static per-image function; so
  // does a static one that the strategy runs image by image.
  pm.addPass(createTConvOutlineBatch({/*staticBatches=*/options.vectorize,
                                   /*batchChunks=*/options.vectorize}));
}

/// tconv.conv_transpose -> tconv.conv.
static void addDecomposeStage(OpPassManager &pm,
                              const tconv::LowerToLLVMOptions &options) {
  addBatchOutlining(pm, options);
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  // Upstream convolutions (TOSA, linalg) take the same path as tconv's.
  funcPm.addPass(createTConvRaiseConvolutions());
  funcPm.addPass(createTConvPrepareUpstreamOps());
  // Depthwise ones take a phase-interleaved form of their own, vectorized
  // along output rows: their schedule is chosen now.
  if (options.vectorize && options.transposeStrategy != "zero-insert") {
    funcPm.addPass(createTConvSelectStrategy(strategyOptions(options)));
    funcPm.addPass(createTConvLowerDepthwiseTranspose());
  }
  // Large runtime filters: chunks of output channels, each filter slice
  // copied into L2 for the phases that read it.
  if (options.vectorize && options.transposeStrategy != "zero-insert")
    funcPm.addPass(createTConvChunkOutputChannels({options.fTile}));
  funcPm.addPass(createDecomposeTransposePass(
      DecomposeTransposePassOptions{options.transposeStrategy}));
  // Grouped convolutions take the ungrouped schedules, one per group.
  if (options.vectorize)
    funcPm.addPass(createTConvSplitGroups());
  addCleanup(funcPm);
}

/// Every tensor computation (tosa, elementwise arith/math, tconv) becomes
/// linalg on tensors.
static void addLinalgStage(OpPassManager &pm,
                           const tconv::LowerToLLVMOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(tosa::createTosaToLinalgNamed());
  funcPm.addPass(tosa::createTosaToLinalg());
  funcPm.addPass(createTosaToArithPass());
  funcPm.addPass(createTosaToTensorPass());
  funcPm.addPass(createConvertElementwiseToLinalgPass());
  // Each convolution's schedule, which picks its layout below.
  if (options.vectorize)
    funcPm.addPass(createTConvSelectStrategy(strategyOptions(options)));
  TConvConvertToLinalgOptions toLinalg;
  toLinalg.channelsLast = options.vectorize;
  funcPm.addPass(createTConvConvertToLinalg(toLinalg));
  // What a loop's iterations share (the input's layout change and pads in
  // every chunk of tconv-chunk-output-channels) is computed once before it.
  funcPm.addPass(createLoopInvariantCodeMotionPass());
  addCleanup(funcPm);
}

/// Elementwise producers and consumers merge (layout changes, bias, ReLU,
/// truncation); transposes of constant weights fold.
static void addFusedStage(OpPassManager &pm,
                          const tconv::LowerToLLVMOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createLinalgElementwiseOpFusionPass());
  addCleanup(funcPm);
  // After the fusion: the transforms stay apart from the layout changes.
  if (options.vectorize) {
    funcPm.addPass(createTConvWinogradConvs());
    addCleanup(funcPm);
  }
  if (options.profile)
    pm.addPass(createTConvTagProfiledOps());
}

/// Convolutions are tiled, reduced to 1-D and vectorized; so are layout
/// changes.
static void addVectorizedStage(OpPassManager &pm,
                               const tconv::LowerToLLVMOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  // The row vectorizer reads through zero tensor.pads: it runs before they
  // are decomposed.
  if (options.vectorize) {
    TConvVectorizeDepthwiseRowsOptions rows;
    rows.vectorWidth = options.vectorWidth;
    funcPm.addPass(createTConvVectorizeDepthwiseRows(rows));
  }
  // Producers write straight into their consumers' buffers (the interior of
  // a padded input, a slice of an output)... Empty-tensor elimination runs a
  // one-shot bufferization analysis, 100x cheaper before the convolutions
  // are unrolled than after (the IR it leaves is the same). On the module, it
  // sees function arguments as writable destinations: a per-image function
  // of a dynamic batch computes its result in the caller's output.
  // Inputs that FMA tiles will read element by element are padded in their
  // own layout (see tconv-fold-layout-changes-into-reads below).
  if (options.vectorize) {
    funcPm.addPass(createTConvPadBeforeLayoutChanges());
    if (options.profile)
      pm.addPass(createTConvTagProfiledOps({/*refresh=*/true}));
  }
  pm.nest<func::FuncOp>().addPass(createTConvDecomposePads());
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  OpPassManager &vectorizePm = pm.nest<func::FuncOp>();
  if (options.vectorize) {
    TConvVectorizeConvsOptions schedule;
    schedule.owTile = options.owTile;
    schedule.fTile = options.fTile;
    schedule.cTile = options.cTile;
    schedule.fVector = options.vectorWidth;
    vectorizePm.addPass(createTConvVectorizeConvs(schedule));
    TConvVectorizeConvsAlongWidthOptions widthSchedule;
    widthSchedule.vectorWidth = options.vectorWidth;
    widthSchedule.accumulators = widthAccumulators(options.vectorWidth);
    vectorizePm.addPass(createTConvVectorizeConvsAlongWidth(widthSchedule));
    // Tiles that broadcast their input elements read it in NCHW.
    vectorizePm.addPass(createTConvFoldLayoutChangesIntoReads());
  }
  addCleanup(vectorizePm);
  // ...which the layout changes, tiled and split from here on, keep doing.
  // Blocks as wide as a vector register: whole-register loads and stores.
  if (options.vectorize) {
    TConvVectorizeLayoutChangesOptions layoutChanges;
    layoutChanges.tile = options.vectorWidth;
    vectorizePm.addPass(createTConvVectorizeLayoutChanges(layoutChanges));
    addCleanup(vectorizePm);
  }
}

/// Tensors become buffers. Function results become out-params the caller
/// allocates (see Pipelines.h).
static void addBufferizedStage(OpPassManager &pm,
                               const tconv::LowerToLLVMOptions &options) {
  // What the images of a dynamic batch share is computed once per call.
  pm.addPass(createTConvHoistBatchInvariants());
  pm.addPass(createTConvEntryPointABI());
  pm.nest<func::FuncOp>().addPass(createTConvUntieEmptyTensors());
  pm.addPass(createTConvBufferize());
  // A per-image function's results are its output arguments (BatchLoop.h).
  pm.addPass(bufferization::createDropEquivalentBufferResultsPass());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  // A dynamic batch: results built in place, the per-image buffers of its
  // loop allocated once per call.
  pm.nest<func::FuncOp>().addPass(createTConvForwardResultCopies());
  pm.nest<func::FuncOp>().addPass(bufferization::createBufferLoopHoistingPass());
  if (options.workspace)
    pm.addPass(createTConvPlanWorkspace());
  // The deallocation pipeline canonicalizes before its analysis and ends with
  // CSE and canonicalization: no cleanup of our own around it.
  bufferization::buildBufferDeallocationPipeline(pm);
  if (options.profile)
    pm.addPass(createTConvInstrumentOps());
}

/// Remaining linalg ops and vector ops become scf/affine loops; parallel
/// tiles become OpenMP.
static void addLoopsStage(OpPassManager &pm,
                          const tconv::LowerToLLVMOptions &options) {
  OpPassManager &funcPm = pm.nest<func::FuncOp>();
  funcPm.addPass(createTConvExpandStridedCopies());
  funcPm.addPass(createTConvInnermostOutputLoops());
  // Layout changes, fills and unscheduled ops: parallel loops share the
  // OpenMP threads with the convolution tiles.
  if (options.parallel)
    funcPm.addPass(createConvertLinalgToParallelLoopsPass());
  else
    funcPm.addPass(createConvertLinalgToLoopsPass());
  funcPm.addPass(createTConvApproximateMath());
  // Folding subviews into transfers can give them non-minor maps (a vector
  // along a dim that is not innermost): vector-to-scf lowers those, so it
  // runs after. Reshapes become strided views first: their folding into
  // transfers is wrong upstream (ReshapesAsViews.cpp).
  funcPm.addPass(createTConvReshapesAsViews());
  funcPm.addPass(memref::createFoldMemRefAliasOpsPass());
  funcPm.addPass(createConvertVectorToSCFPass(
      VectorTransferToSCFOptions().enableFullUnroll()));
  // Which loops run in parallel, decided on their final bodies: the tiles'
  // transfers are unrolled by now.
  if (options.parallel)
    pm.addPass(createTConvOuterParallelLoops());
  OpPassManager &loopsPm = pm.nest<func::FuncOp>();
  loopsPm.addPass(createForallToParallelLoopPass());
  // Each parallel step fetches the next step's slice of a large argument
  // while it multiplies (after the loops are final: it numbers their
  // iterations).
  if (options.vectorize && options.prefetchNextSlices)
    loopsPm.addPass(createTConvPrefetchNextSlices());
  // Results larger than the caches bypass them (after the loops are final:
  // the stores' indices are their induction variables).
  if (options.streamingStores)
    loopsPm.addPass(createTConvStreamingResultStores());
  if (options.parallel)
    pm.addPass(createConvertSCFToOpenMPPass());
  OpPassManager &funcPm2 = pm.nest<func::FuncOp>();
  funcPm2.addPass(createLowerAffinePass());
  addCleanup(funcPm2);
  // One team for consecutive parallel loops, barriers only where needed
  // (after the cleanup: it reads indices as arith on constants).
  if (options.parallel)
    funcPm2.addPass(createTConvMergeParallelRegions());
}

/// Everything to the LLVM dialect. memref before scf-to-cf: the OpenMP
/// lowering leaves memref.alloca_scope inside scf regions.
static void addLLVMStage(OpPassManager &pm,
                         const tconv::LowerToLLVMOptions &options) {
  // What the workspace cannot serve, a buffer of each parallel iteration,
  // goes on the stack of the thread running it. After every canonicalizer:
  // it would inline the alloca_scopes that free it per iteration.
  if (options.workspace)
    pm.addNestedPass<func::FuncOp>(createTConvThreadScratchOnStack());
  // LLVM's x86 backend aborts on some bf16 vectors; it gets i16 ones.
  pm.addNestedPass<func::FuncOp>(createTConvExpandBF16Conversions(
      TConvExpandBF16ConversionsOptions{options.bf16Convert}));
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createSCFToControlFlowPass());
  // Vector ops first: this pass also lowers multi-dimensional vector ops to
  // 1-D ones, which the dialect interfaces below do not.
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.x86Vector = options.bf16Dot; // vdpbf16ps
  pm.addPass(createConvertVectorToLLVMPass(vectorToLLVM));
  // Math, arith, OpenMP, func, cf and ub in one conversion through their
  // ConvertToLLVMPatternInterface (registered by registerAllExtensions), a
  // single walk instead of one pass each over the expanded IR.
  pm.addPass(createConvertToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void mlir::tconv::addLowerToLLVMStage(
    OpPassManager &pm, llvm::StringRef stage,
    const tconv::LowerToLLVMOptions &options) {
  using StageFn = void (*)(OpPassManager &, const tconv::LowerToLLVMOptions &);
  static const StageFn stages[] = {
      addDecomposeStage,  addLinalgStage, addFusedStage, addVectorizedStage,
      addBufferizedStage, addLoopsStage,  addLLVMStage};
  static_assert(std::size(stages) == std::size(kStageNames));
  const auto *it = llvm::find(kStageNames, stage);
  assert(it != std::end(kStageNames) && "unknown stage");
  stages[it - std::begin(kStageNames)](pm, options);
}

void mlir::tconv::buildLowerToLLVMPipeline(
    OpPassManager &pm, const tconv::LowerToLLVMOptions &options) {
  for (llvm::StringRef stage : lowerToLLVMStageNames()) {
    addLowerToLLVMStage(pm, stage, options);
    if (stage == options.stopAfter)
      return;
  }
}

void mlir::tconv::scheduleForCpu(tconv::LowerToLLVMOptions &options,
                                 const TargetCpu &cpu) {
  // setValue leaves an option "not given": a target-cpu applied after
  // tconv-run's own schedule still overrides it.
  auto setUnlessGiven = [](auto &option, auto value) {
    if (!option.hasValue())
      option.setValue(value);
  };
  setUnlessGiven(options.vectorWidth, getVectorLanes(cpu));
  int64_t lanes = options.vectorWidth;
  setUnlessGiven(options.fTile, defaultFTile(lanes));
  setUnlessGiven(options.owTile, defaultOwTile(lanes));
  setUnlessGiven(options.cTile, defaultCTile(lanes));
  setUnlessGiven(options.bf16Dot, prefersBF16Dot(cpu));
  setUnlessGiven(options.bf16Convert, hasBF16Dot(cpu));
  setUnlessGiven(options.fmaPipes, getFmaPipes(cpu));
}

LogicalResult mlir::tconv::applyTargetCpu(
    tconv::LowerToLLVMOptions &options,
    llvm::function_ref<void(const llvm::Twine &)> emitError) {
  StringRef name = options.targetCpu;
  if (name.empty())
    return success();
  llvm::StringMap<bool> features;
  std::string cpuName;
  bool isX86 = true;
  if (name == "host") {
    cpuName = llvm::sys::getHostCPUName().str();
    features = llvm::sys::getHostCPUFeatures();
    isX86 = llvm::Triple(llvm::sys::getProcessTriple()).isX86();
  } else if (llvm::X86::parseArchX86(name, /*Only64Bit=*/true) !=
             llvm::X86::CK_None) {
    cpuName = name.str();
    SmallVector<StringRef> listed;
    llvm::X86::getFeaturesForCPU(name, listed);
    // The list leaves out what its features imply (avx2: avx).
    for (StringRef feature : listed) {
      features[feature] = true;
      llvm::X86::updateImpliedFeatures(feature, true, features);
    }
  } else {
    emitError("target-cpu '" + name +
              "' is neither host nor an x86-64 CPU LLVM knows (e.g. "
              "x86-64-v3, x86-64-v4, znver5, sapphirerapids)");
    return failure();
  }
  auto hasFeature = [&](StringRef feature) {
    return features.lookup(feature);
  };
  scheduleForCpu(options, TargetCpu{isX86, cpuName, hasFeature});
  return success();
}

LogicalResult mlir::tconv::verifyLowerToLLVMOptions(
    const tconv::LowerToLLVMOptions &options,
    llvm::function_ref<void(const llvm::Twine &)> emitError) {
  StringRef stopAfter = options.stopAfter;
  if (!stopAfter.empty() && !llvm::is_contained(kStageNames, stopAfter)) {
    emitError("unknown stage '" + stopAfter + "' for stop-after; expected " +
              llvm::join(lowerToLLVMStageNames(), ", "));
    return failure();
  }
  for (const auto &[name, value] :
       {std::pair<StringRef, int64_t>{"ow-tile", options.owTile},
        {"f-tile", options.fTile},
        {"c-tile", options.cTile},
        {"vector-width", options.vectorWidth}}) {
    if (value < 1) {
      emitError(name + " must be at least 1, got " + Twine(value));
      return failure();
    }
  }
  if (options.fTile % options.vectorWidth != 0) {
    emitError("f-tile (" + Twine(options.fTile) +
              ") must be a multiple of vector-width (" +
              Twine(options.vectorWidth) + ")");
    return failure();
  }
  StringRef strategy = options.transposeStrategy;
  if (!llvm::is_contained({"auto", "phase", "zero-insert"}, strategy)) {
    emitError("unknown transpose-strategy '" + strategy +
              "'; expected auto, phase or zero-insert");
    return failure();
  }
  return success();
}

void mlir::tconv::registerPipelines() {
  registerPassPipeline(
      "tconv-lower-to-llvm",
      "Lower a func.func on tensors (tconv, tosa, linalg, tensor and "
      "elementwise arith/math ops) to the LLVM dialect",
      [](OpPassManager &pm, StringRef text,
         function_ref<LogicalResult(const Twine &)> errorHandler) {
        tconv::LowerToLLVMOptions options;
        if (failed(options.parseFromString(text)))
          return failure();
        auto report = [&](const Twine &message) {
          (void)errorHandler("--tconv-lower-to-llvm: " + message);
        };
        if (failed(applyTargetCpu(options, report)))
          return failure();
        if (failed(verifyLowerToLLVMOptions(options, report)))
          return failure();
        buildLowerToLLVMPipeline(pm, options);
        return success();
      },
      [](function_ref<void(const detail::PassOptions &)> optionsHandler) {
        optionsHandler(tconv::LowerToLLVMOptions());
      });
}
