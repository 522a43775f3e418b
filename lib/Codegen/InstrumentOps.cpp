//===- InstrumentOps.cpp - Bracket computations with profiling calls -----===//

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace mlir::tconv {
#define GEN_PASS_DEF_TCONVINSTRUMENTOPS
#include "tconv/Codegen/Passes.h.inc"
} // namespace mlir::tconv

using namespace mlir;

/// "1x3x8x8xf32" for a shaped type, the type itself otherwise.
static void printTypeCompactly(Type type, llvm::raw_ostream &os) {
  auto shaped = dyn_cast<ShapedType>(type);
  if (!shaped || !shaped.hasRank()) {
    os << type;
    return;
  }
  for (int64_t size : shaped.getShape())
    os << (ShapedType::isDynamic(size) ? "?" : std::to_string(size)) << "x";
  os << shaped.getElementType();
}

static std::string describeTypes(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::interleaveComma(op->getOperandTypes(), os,
                        [&](Type t) { printTypeCompactly(t, os); });
  os << " -> ";
  llvm::interleaveComma(op->getResultTypes(), os,
                        [&](Type t) { printTypeCompactly(t, os); });
  return text;
}

/// What the op computes beyond its types: the convolution attributes
/// (strides, dilations), pad amounts, and for any linalg op its loops.
static std::string describeAttributes(Operation *op) {
  std::string text;
  llvm::raw_string_ostream os(text);
  auto sep = [&] { return text.empty() ? "" : " "; };
  for (NamedAttribute attr : op->getAttrs()) {
    StringRef name = attr.getName().strref();
    if (llvm::is_contained({"strides", "dilations", "static_low",
                            "static_high", "permutation"},
                           name)) {
      os << sep() << name << "=[";
      if (auto dense = dyn_cast<DenseIntElementsAttr>(attr.getValue()))
        llvm::interleaveComma(dense.getValues<int64_t>(), os);
      else if (auto array = dyn_cast<DenseI64ArrayAttr>(attr.getValue()))
        llvm::interleaveComma(array.asArrayRef(), os);
      os << "]";
    }
  }
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op)) {
    SmallVector<int64_t> ranges = linalgOp.getStaticLoopRanges();
    SmallVector<utils::IteratorType> iterators =
        linalgOp.getIteratorTypesArray();
    os << sep() << "loops=";
    for (auto [i, range] : llvm::enumerate(ranges))
      os << (i ? "x" : "")
         << (ShapedType::isDynamic(range) ? "?" : std::to_string(range))
         << (iterators[i] == utils::IteratorType::reduction ? "r" : "");
  }
  return text;
}

/// "file:line:col" of each source location the op came from.
static std::string describeLocation(Location loc) {
  SmallVector<std::string> places;
  loc->walk([&](Location inner) {
    if (auto file = dyn_cast<FileLineColLoc>(inner)) {
      std::string place = (file.getFilename().strref() + ":" +
                           Twine(file.getLine()) + ":" +
                           Twine(file.getColumn()))
                              .str();
      if (!llvm::is_contained(places, place))
        places.push_back(std::move(place));
    }
    return WalkResult::advance();
  });
  return llvm::join(places, " ");
}

/// Two FLOPs per point of the iteration space of an op with a reduction
/// (one multiply-add per point in convolutions and matmuls); 0 otherwise.
static double countFlops(Operation *op) {
  auto linalgOp = dyn_cast<linalg::LinalgOp>(op);
  if (!linalgOp || linalgOp.getNumReductionLoops() == 0)
    return 0;
  double points = 1;
  for (int64_t range : linalgOp.getStaticLoopRanges()) {
    if (ShapedType::isDynamic(range))
      return 0;
    points *= static_cast<double>(range);
  }
  return 2 * points;
}

static bool isInstrumented(Operation *op) {
  return (isa<linalg::LinalgOp>(op) && !isa<linalg::FillOp>(op)) ||
         isa<tensor::PadOp>(op);
}

namespace {
struct InstrumentOpsPass
    : public tconv::impl::TConvInstrumentOpsBase<InstrumentOpsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *ctx = &getContext();
    OpBuilder builder(ctx);
    Type i64 = builder.getI64Type();
    auto hookType = builder.getFunctionType({i64}, {});
    for (StringRef name : {tconv::kProfileBeginName, tconv::kProfileEndName}) {
      if (module.lookupSymbol(name)) {
        module.emitError() << "@" << name << " is already defined";
        return signalPassFailure();
      }
      builder.setInsertionPointToEnd(module.getBody());
      func::FuncOp::create(builder, module.getLoc(), name, hookType)
          .setPrivate();
    }

    SmallVector<Attribute> table;
    for (auto func : module.getOps<func::FuncOp>()) {
      if (func.isExternal())
        continue;
      for (Operation &op : llvm::make_early_inc_range(func.front())) {
        if (!isInstrumented(&op))
          continue;
        int64_t id = table.size();
        table.push_back(builder.getDictionaryAttr({
            builder.getNamedAttr(
                "name", builder.getStringAttr(op.getName().getStringRef())),
            builder.getNamedAttr("types",
                                 builder.getStringAttr(describeTypes(&op))),
            builder.getNamedAttr(
                "attributes", builder.getStringAttr(describeAttributes(&op))),
            builder.getNamedAttr(
                "location",
                builder.getStringAttr(describeLocation(op.getLoc()))),
            builder.getNamedAttr("flops",
                                 builder.getF64FloatAttr(countFlops(&op))),
        }));
        Location loc = op.getLoc();
        builder.setInsertionPoint(&op);
        Value idValue = arith::ConstantIntOp::create(builder, loc, i64, id);
        func::CallOp::create(builder, loc, tconv::kProfileBeginName,
                             TypeRange(), idValue);
        builder.setInsertionPointAfter(&op);
        func::CallOp::create(builder, loc, tconv::kProfileEndName,
                             TypeRange(), idValue);
      }
    }
    module->setAttr(tconv::kProfiledOpsAttrName, builder.getArrayAttr(table));
  }
};
} // namespace
