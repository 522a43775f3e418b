//===- BatchLoop.h - A batch as a loop over images --------------*- C++ -*-===//
//
// Shared by `--tconv-outline-batch` and importers that build the per-image
// function themselves (the ONNX importer imports a dynamic-batch model at
// N = 1): the public function with a dynamic (or a large static) dim 0
// loops over its images and calls the static per-image function on each.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_CODEGEN_BATCHLOOP_H
#define TCONV_CODEGEN_BATCHLOOP_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "llvm/ADT/StringRef.h"

namespace mlir::tconv {

/// Marks a public function whose body already is the loop over images, so
/// that `--tconv-outline-batch` leaves it alone.
inline constexpr llvm::StringLiteral kBatchLoopAttrName = "tconv.batch_loop";

/// Marks the per-image (and chunk) functions `buildBatchLoop` calls: their
/// tensors are images of the caller's batched buffers, which tconv-bufferize
/// gives a contiguous layout at a dynamic offset.
inline constexpr llvm::StringLiteral kBatchImageAttrName = "tconv.batch_image";

/// Marks a copy of a per-image (or chunk) function that a dynamic-batch
/// loop calls at most once per call: the per-image function's when exactly
/// one image is left to run (N = 1, or one after the chunks), or the chunk
/// function's when one chunk runs and what the chunks would share is too
/// large (tconv-hoist-batch-invariants). Nothing moves out of it, and its
/// runtime filters are copied chunk by chunk as in a static function
/// (tconv-chunk-output-channels), with the padding and prefetches of those
/// copies. Also marked kBatchImageAttrName.
inline constexpr llvm::StringLiteral kBatchSingleImageAttrName =
    "tconv.batch_single_image";

/// Whether work the same for every image may move out of `function` into
/// the batch loop that calls it (tconv-hoist-batch-invariants): a per-image
/// or chunk function (kBatchImageAttrName), unless it runs a lone image
/// (kBatchSingleImageAttrName). Passes that would make that work costlier
/// per image, or change the layout it hands over, leave such a function be.
inline bool mayMoveWorkToBatchLoop(Operation *function) {
  return function && function->hasAttr(kBatchImageAttrName) &&
         !function->hasAttr(kBatchSingleImageAttrName);
}

/// A copy of `function`, placed after it and named `name` (made unique in
/// the module), marked kBatchSingleImageAttrName: a batch loop calls it at
/// most once per call. Its ops get profile ids of their own if the module
/// has been numbered for profiling, so that a profile tells it apart.
func::FuncOp cloneForOneRun(func::FuncOp function, llvm::StringRef name);

/// A tensor with a dynamic batch: dim 0 dynamic, every other dim static.
bool isBatchedType(Type type);

/// Gives `driver` (bodiless, with at least one batched argument) a body that
/// loops over the N images of its batched arguments, calls `image` on each
/// (batch-free arguments as they are) and inserts each image of the results,
/// which must all be batched. `image` takes and returns the image types of
/// `driver`'s (dim 0 of 1 where the driver's is ? or a static N): an
/// argument whose type differs is a batched one. With a `chunk` function
/// (the same body on dim 0 of K > 1), the loop calls it on K images at a
/// time while K remain, and `image` on the rest. When `driver`'s batch is
/// dynamic and `image` has a runtime filter that the strategy copies chunk
/// by chunk (copiesFilterInChunks), a copy of `image`, `<driver>.single`
/// (kBatchSingleImageAttrName), runs a lone remaining image instead: its
/// copies per chunk overlap the products, where the image loop copies the
/// whole filter before its first image. It reads and writes each image in
/// place: each callee gets an output argument per result, the image of the
/// driver's result that it materializes its result in (bufferized at a
/// dynamic offset, see kBatchImageAttrName). Marks `driver` with
/// kBatchLoopAttrName and the callees with kBatchImageAttrName.
void buildBatchLoop(func::FuncOp driver, func::FuncOp image,
                    func::FuncOp chunk = {});

/// The tensor.empty that `result`, returned by a driver `buildBatchLoop`
/// built, starts from, if nothing but the batch loops passes it on: the
/// loops' inits, and the scf.if arms that keep it when a loop has nothing
/// to run. A caller that has the result's buffer replaces it with that
/// buffer's tensor. Null if `result` is made otherwise.
tensor::EmptyOp getBatchResultInit(Value result);

} // namespace mlir::tconv

#endif // TCONV_CODEGEN_BATCHLOOP_H
