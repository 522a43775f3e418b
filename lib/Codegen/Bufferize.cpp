//===- Bufferize.cpp - One-shot bufferization with tconv's boundaries -----===//

#include "tconv/Codegen/Passes.h"

#include "tconv/Codegen/BatchLoop.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotAnalysis.h"
#include "mlir/Dialect/Bufferization/Transforms/OneShotModuleBufferize.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVBUFFERIZE
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;
using namespace mlir::bufferization;

/// A contiguous buffer of `tensor`'s shape at a dynamic offset: an image
/// inside a batched buffer.
static BaseMemRefType getImageBufferType(TensorType tensor,
                                         Attribute memorySpace) {
  auto ranked = cast<RankedTensorType>(tensor);
  SmallVector<int64_t> strides(ranked.getRank(), 1);
  for (int64_t d = ranked.getRank() - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * ranked.getDimSize(d + 1);
  auto layout = StridedLayoutAttr::get(tensor.getContext(),
                                       ShapedType::kDynamic, strides);
  return MemRefType::get(ranked.getShape(), ranked.getElementType(), layout,
                         memorySpace);
}

namespace {
struct BufferizePass : public tconv::impl::TConvBufferizeBase<BufferizePass> {
  void runOnOperation() override {
    OneShotBufferizationOptions options;
    options.bufferizeFunctionBoundaries = true;
    options.setFunctionBoundaryTypeConversion(
        LayoutMapOption::IdentityLayoutMap);
    options.functionArgTypeConverterFn =
        [](TensorLikeType type, Attribute memorySpace, func::FuncOp func,
           const BufferizationOptions &) -> BufferLikeType {
      auto tensor = cast<TensorType>(type);
      if (func->hasAttr(tconv::kBatchImageAttrName) &&
          isa<RankedTensorType>(tensor) && tensor.hasStaticShape())
        return cast<BufferLikeType>(getImageBufferType(tensor, memorySpace));
      return cast<BufferLikeType>(
          getMemRefTypeWithStaticIdentityLayout(tensor, memorySpace));
    };
    BufferizationState state;
    if (failed(runOneShotModuleBufferize(getOperation(), options, state)))
      signalPassFailure();
  }
};
} // namespace
