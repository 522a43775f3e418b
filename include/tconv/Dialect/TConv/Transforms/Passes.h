//===- Passes.h - tconv dialect transformations -----------------*- C++ -*-===//
//
// Passes on the tconv dialect, and the rewrites behind them for pipelines and
// patterns that want to call them directly.
//
//===----------------------------------------------------------------------===//

#ifndef TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_H
#define TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_H

#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace mlir {
class RewriterBase;
namespace tconv {
class ConvTransposeOp;

/// How a transposed convolution becomes stride-1 direct convolutions.
enum class TransposeStrategy {
  /// `Phase` if any stride is > 1, else `ZeroInsert` (which then inserts
  /// nothing: it only pads or crops the input and flips the kernel).
  Auto,
  /// One direct convolution over the input with stride - 1 zeros inserted
  /// between neighbours.
  ZeroInsert,
  /// One direct convolution per output phase (prod(strides) of them), each
  /// over the original input with the kernel taps of its phase: no
  /// multiplications by inserted zeros.
  Phase,
};

/// Parses "auto", "zero-insert" or "phase".
std::optional<TransposeStrategy> parseTransposeStrategy(llvm::StringRef name);

/// Replaces `op` with tconv.conv ops of stride 1 and tensor/linalg ops that
/// reshape the input and the filter. The rewriter's insertion point is
/// changed. Handles every attribute combination the verifier accepts.
LogicalResult decomposeConvTranspose(RewriterBase &rewriter, ConvTransposeOp op,
                                     TransposeStrategy strategy);

#define GEN_PASS_DECL
#include "tconv/Dialect/TConv/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "tconv/Dialect/TConv/Transforms/Passes.h.inc"

} // namespace tconv
} // namespace mlir

#endif // TCONV_DIALECT_TCONV_TRANSFORMS_PASSES_H
