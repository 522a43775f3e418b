//===- ReferencePipeline.cpp - The oracle's lowering to LLVM --------------===//

#include "ReferencePipeline.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Conversion/TosaToLinalg/TosaToLinalg.h"
#include "mlir/Dialect/Arith/Transforms/Passes.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tosa/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Transforms/Passes.h"
#include "tconv/Codegen/Passes.h"
#include "tconv/Conversion/Passes.h"
#include "tconv/Conversion/TConvToReference/Passes.h"

using namespace mlir;

void mlir::tconv::buildReferenceLoweringPipeline(OpPassManager &pm) {
  // The scalar loops below are static: a dynamic batch loops over images.
  pm.addPass(createTConvOutlineBatch());
  // Tensor level: tconv ops to scalar loops, everything else to linalg.
  OpPassManager &tensors = pm.nest<func::FuncOp>();
  tensors.addPass(createTConvLowerToReferencePass());
  // linalg.softmax through upstream's decomposition; math.erf stays for
  // libm.
  tensors.addPass(createTConvPrepareUpstreamOps());
  // Upstream lowers tosa.transpose_conv2d only through its decomposition.
  tensors.addPass(tosa::createTosaOptionalDecompositionsPass());
  tensors.addPass(tosa::createTosaToLinalgNamed());
  tensors.addPass(tosa::createTosaToLinalg());
  tensors.addPass(createTosaToArithPass());
  tensors.addPass(createTosaToTensorPass());
  tensors.addPass(createConvertElementwiseToLinalgPass());
  tensors.addPass(createCanonicalizerPass());
  // A value returned twice gets a copy: one out-param per result.
  tensors.addPass(createTConvUntieEmptyTensors());

  // Buffers, with the results as caller-allocated out-params.
  pm.addPass(createTConvBufferize());
  // A per-image function's results are its output arguments (BatchLoop.h).
  pm.addPass(bufferization::createDropEquivalentBufferResultsPass());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());

  // Loops, then LLVM. memref before scf-to-cf, as in --tconv-lower-to-llvm.
  pm.nest<func::FuncOp>().addPass(createConvertLinalgToLoopsPass());
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createFinalizeMemRefToLLVMConversionPass());
  pm.addPass(createSCFToControlFlowPass());
  pm.nest<func::FuncOp>().addPass(math::createMathExtendToSupportedTypes());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  pm.addPass(arith::createArithExpandOpsPass());
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}
