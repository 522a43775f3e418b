//===- FixedShapes.cpp - Graph input shapes given by the user -------------===//
//
// `--fix-shape=NAME:SHAPE` imports a model for one shape of an input whose
// dims the model leaves symbolic: a dynamic batch then compiles as the
// static code of that batch (no loop over images, any node allowed), and a
// dynamic spatial dim, which tconv cannot compile, becomes a static one.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace mlir::tconv;

llvm::Error mlir::tconv::parseFixedShape(StringRef spec,
                                         ONNXImportOptions &options) {
  auto [name, shape] = spec.rsplit(':');
  auto fail = [&](const Twine &why) {
    return llvm::createStringError("--fix-shape=" + spec + ": " + why);
  };
  if (name.empty() || shape.empty() || name == spec)
    return fail("expected NAME:SHAPE, e.g. input:1x3x224x224");
  SmallVector<int64_t> dims;
  SmallVector<StringRef> parts;
  shape.split(parts, 'x');
  for (StringRef part : parts) {
    int64_t dim;
    if (part.getAsInteger(10, dim) || dim < 1 || dim > INT32_MAX)
      return fail("'" + part + "' is not a size from 1 to 2^31 - 1");
    dims.push_back(dim);
  }
  if (!options.fixedShapes.try_emplace(name, std::move(dims)).second)
    return fail("input '" + name + "' is given twice");
  return llvm::Error::success();
}

llvm::Error onnx_import::applyFixedShapes(
    onnx::ModelProto &model,
    const llvm::StringMap<SmallVector<int64_t>> &shapes) {
  onnx::GraphProto &graph = *model.mutable_graph();
  llvm::StringSet<> initializers, found;
  for (const onnx::TensorProto &tensor : graph.initializer())
    initializers.insert(tensor.name());
  SmallVector<std::string> names;
  for (onnx::ValueInfoProto &input : *graph.mutable_input()) {
    if (initializers.contains(input.name()))
      continue;
    names.push_back(input.name());
    auto it = shapes.find(input.name());
    if (it == shapes.end())
      continue;
    ArrayRef<int64_t> dims = it->second;
    auto fail = [&](const Twine &why) {
      return llvm::createStringError("--fix-shape: input '" + input.name() +
                                     "' " + why);
    };
    if (!input.type().has_tensor_type())
      return fail("is not a tensor");
    onnx::TensorShapeProto &shape =
        *input.mutable_type()->mutable_tensor_type()->mutable_shape();
    if (shape.dim_size() != 0 && shape.dim_size() != int64_t(dims.size()))
      return fail("has rank " + Twine(shape.dim_size()) + ", the shape given " +
                  "has rank " + Twine(dims.size()));
    for (int i = 0; i < shape.dim_size(); ++i)
      if (shape.dim(i).has_dim_value() && shape.dim(i).dim_value() != dims[i])
        return fail("has dim " + Twine(i) + " = " +
                    Twine(shape.dim(i).dim_value()) + " in the model, the " +
                    "shape given has " + Twine(dims[i]));
    shape.clear_dim();
    for (int64_t dim : dims)
      shape.add_dim()->set_dim_value(dim);
    found.insert(input.name());
  }
  for (const auto &entry : shapes)
    if (!found.contains(entry.getKey()))
      return llvm::createStringError(
          "--fix-shape: the model has no graph input '" + entry.getKey() +
          "' (its inputs: " + llvm::join(names, ", ") + ")");
  if (!shapes.empty()) {
    // Shapes below the inputs are ONNX's to infer again.
    graph.clear_value_info();
    for (onnx::ValueInfoProto &output : *graph.mutable_output())
      if (output.type().has_tensor_type())
        output.mutable_type()->mutable_tensor_type()->clear_shape();
  }
  return llvm::Error::success();
}
