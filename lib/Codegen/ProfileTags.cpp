//===- ProfileTags.cpp - Source-op ids carried in locations ---------------===//

#include "ProfileTags.h"

#include "tconv/Codegen/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/AttrTypeSubElements.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

static constexpr llvm::StringLiteral kProfileIdKey = "tconv.profile_id";

/// The id a FusedLoc's metadata marks, if it is a mark.
static std::optional<int64_t> getMarkedId(FusedLoc loc) {
  auto metadata = dyn_cast_or_null<DictionaryAttr>(loc.getMetadata());
  if (!metadata || metadata.size() != 1)
    return std::nullopt;
  auto id = metadata.getAs<IntegerAttr>(kProfileIdKey);
  if (!id)
    return std::nullopt;
  return id.getInt();
}

Location mlir::tconv::tagWithProfileId(Location loc, int64_t id) {
  Builder builder(loc.getContext());
  auto metadata = builder.getDictionaryAttr(
      builder.getNamedAttr(kProfileIdKey, builder.getI64IntegerAttr(id)));
  return FusedLoc::get(loc.getContext(), {loc}, metadata);
}

llvm::SmallVector<int64_t, 1> mlir::tconv::getProfileIds(Location loc) {
  llvm::SmallVector<int64_t, 1> ids;
  loc->walk([&](Location inner) {
    if (auto fused = dyn_cast<FusedLoc>(inner))
      if (std::optional<int64_t> id = getMarkedId(fused))
        if (!llvm::is_contained(ids, *id))
          ids.push_back(*id);
    return WalkResult::advance();
  });
  return ids;
}

void mlir::tconv::stripProfileTags(Operation *root) {
  AttrTypeReplacer replacer;
  replacer.addReplacement([](FusedLoc loc) -> std::optional<Attribute> {
    if (!getMarkedId(loc))
      return std::nullopt;
    // The mark wraps the op's own location: unwrap it (the replacer then
    // unmarks what is inside).
    return LocationAttr(FusedLoc::get(loc.getContext(), loc.getLocations()));
  });
  replacer.recursivelyReplaceElementsIn(root, /*replaceAttrs=*/false,
                                        /*replaceLocs=*/true,
                                        /*replaceTypes=*/false);
}

void mlir::tconv::tagCopiedFunction(func::FuncOp copy) {
  auto module = copy->getParentOfType<ModuleOp>();
  auto tableAttr =
      module ? module->getAttrOfType<ArrayAttr>(kProfiledOpsAttrName)
             : ArrayAttr();
  if (!tableAttr)
    return;
  SmallVector<Attribute> table(tableAttr.getValue());
  Builder builder(copy.getContext());
  llvm::DenseMap<int64_t, int64_t> newIds;
  AttrTypeReplacer replacer;
  replacer.addReplacement([&](FusedLoc loc) -> std::optional<Attribute> {
    std::optional<int64_t> id = getMarkedId(loc);
    if (!id || *id < 0 || *id >= static_cast<int64_t>(tableAttr.size()) ||
        !isa<DictionaryAttr>(tableAttr[*id]))
      return std::nullopt;
    auto [it, inserted] = newIds.try_emplace(*id, table.size());
    if (inserted) {
      NamedAttrList entry(cast<DictionaryAttr>(tableAttr[*id]));
      entry.set("function", builder.getStringAttr(copy.getSymName()));
      table.push_back(entry.getDictionary(copy.getContext()));
    }
    // Unmarked (as stripProfileTags does), then marked with the new id.
    return LocationAttr(tagWithProfileId(
        FusedLoc::get(loc.getContext(), loc.getLocations()), it->second));
  });
  replacer.recursivelyReplaceElementsIn(copy, /*replaceAttrs=*/false,
                                        /*replaceLocs=*/true,
                                        /*replaceTypes=*/false);
  module->setAttr(kProfiledOpsAttrName, builder.getArrayAttr(table));
}

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
  if (op->getNumResults() == 0)
    return text;
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

DictionaryAttr mlir::tconv::describeProfiledOp(Operation *op) {
  Builder builder(op->getContext());
  return builder.getDictionaryAttr({
      builder.getNamedAttr("name",
                           builder.getStringAttr(op->getName().getStringRef())),
      builder.getNamedAttr("types", builder.getStringAttr(describeTypes(op))),
      builder.getNamedAttr("attributes",
                           builder.getStringAttr(describeAttributes(op))),
      builder.getNamedAttr(
          "location", builder.getStringAttr(describeLocation(op->getLoc()))),
      builder.getNamedAttr("flops", builder.getF64FloatAttr(countFlops(op))),
      builder.getNamedAttr("function",
                           builder.getStringAttr(
                               op->getParentOfType<func::FuncOp>().getName())),
  });
}
