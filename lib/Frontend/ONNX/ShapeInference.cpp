//===- ShapeInference.cpp - ONNX shape inference without exceptions -------===//
//
// ONNX reports shape inference failures by throwing. This file, the only one
// built with exceptions, turns them into a message.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include <onnx/shape_inference/implementation.h>

#include <exception>

std::optional<std::string>
mlir::tconv::onnx_import::inferShapes(onnx::ModelProto &model) {
  try {
    onnx::ShapeInferenceOptions options(/*check_type_val=*/false,
                                        /*strict_mode_val=*/0,
                                        /*data_prop_val=*/true);
    onnx::shape_inference::InferShapes(model, onnx::OpSchemaRegistry::Instance(),
                                       options);
  } catch (const std::exception &e) {
    return std::string(e.what());
  }
  return std::nullopt;
}
