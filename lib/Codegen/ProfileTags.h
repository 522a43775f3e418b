//===- ProfileTags.h - Source-op ids carried in locations -------*- C++ -*-===//
//
// tconv-tag-profiled-ops numbers the ops of the `fused` stage; the id must
// reach the loops the later stages make of each op, which are new ops
// (tiles, vector code, copies). Rewrites give new ops the location of the op
// they replace, so the id travels in the location: a FusedLoc whose metadata
// is {tconv.profile_id = N}. tconv-instrument-ops reads the ids after
// bufferization and removes them.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_LIB_CODEGEN_PROFILETAGS_H
#define TCONV_LIB_CODEGEN_PROFILETAGS_H

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/SmallVector.h"

namespace mlir::tconv {

/// `loc` marked as coming from the profiled op `id`.
Location tagWithProfileId(Location loc, int64_t id);

/// The ids marked anywhere in `loc` (several where rewrites fused the
/// locations of ops), each once, in order of appearance.
llvm::SmallVector<int64_t, 1> getProfileIds(Location loc);

/// What the op computes, for the profile's table (tconv.profiled_ops):
/// {name, types, attributes, location, function: strings, flops: f64}. The
/// op must be in a func.func.
DictionaryAttr describeProfiledOp(Operation *op);

/// Removes every mark from the locations in and under `root`.
void stripProfileTags(Operation *root);

/// Gives the marked ops of `copy`, a copy of a function the module's table
/// (tconv.profiled_ops) describes, ids of their own: new entries, copies of
/// the original ones naming `copy` as their function. The profile then
/// times and counts the copy's runs apart from the original's. Nothing to
/// do in a module without a table.
void tagCopiedFunction(func::FuncOp copy);

} // namespace mlir::tconv

#endif // TCONV_LIB_CODEGEN_PROFILETAGS_H
