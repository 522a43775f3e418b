//===- ShapeInference.cpp - ONNX shape inference without exceptions -------===//
//
// ONNX reports shape inference failures by throwing. This file, the only one
// built with exceptions, turns them into a message.
//
//===----------------------------------------------------------------------===//

#include "Importer.h"

#include <onnx/defs/schema.h>
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

std::optional<std::string>
mlir::tconv::onnx_import::checkArity(const onnx::NodeProto &node,
                                     int64_t opset) {
  try {
    const onnx::OpSchema *schema = onnx::OpSchemaRegistry::Schema(
        node.op_type(), static_cast<int>(opset), "");
    if (!schema)
      return "operator '" + node.op_type() + "' does not exist in opset " +
             std::to_string(opset);
    int inputs = node.input_size(), outputs = node.output_size();
    if (inputs < schema->min_input() || inputs > schema->max_input())
      return "has " + std::to_string(inputs) + " inputs, opset " +
             std::to_string(opset) + " wants " +
             std::to_string(schema->min_input()) + " to " +
             std::to_string(schema->max_input());
    if (outputs < schema->min_output() || outputs > schema->max_output())
      return "has " + std::to_string(outputs) + " outputs, opset " +
             std::to_string(opset) + " wants " +
             std::to_string(schema->min_output()) + " to " +
             std::to_string(schema->max_output());
    const auto &formal = schema->inputs();
    for (int i = 0; i < inputs && !formal.empty(); ++i) {
      const auto &param = formal[std::min<size_t>(i, formal.size() - 1)];
      if (node.input(i).empty() &&
          param.GetOption() != onnx::OpSchema::FormalParameterOption::Optional)
        return "required input #" + std::to_string(i) + " ('" +
               param.GetName() + "') is missing";
    }
  } catch (const std::exception &e) {
    return std::string(e.what());
  }
  return std::nullopt;
}

std::optional<unsigned>
mlir::tconv::onnx_import::getSameTypeInput(const onnx::NodeProto &node,
                                           int64_t opset, unsigned output) {
  try {
    const onnx::OpSchema *schema = onnx::OpSchemaRegistry::Schema(
        node.op_type(), static_cast<int>(opset), "");
    if (!schema || schema->outputs().empty())
      return std::nullopt;
    const auto &outputs = schema->outputs();
    const std::string &type =
        outputs[std::min<size_t>(output, outputs.size() - 1)].GetTypeStr();
    // A variadic last formal input covers the remaining actual inputs.
    const auto &formal = schema->inputs();
    for (int i = 0; i < node.input_size() && !formal.empty(); ++i)
      if (!node.input(i).empty() &&
          formal[std::min<size_t>(i, formal.size() - 1)].GetTypeStr() == type)
        return i;
  } catch (const std::exception &) {
  }
  return std::nullopt;
}

std::optional<std::string> mlir::tconv::onnx_import::checkInputTypes(
    const onnx::NodeProto &node, int64_t opset,
    llvm::function_ref<int32_t(unsigned)> dtypeOf) {
  try {
    const onnx::OpSchema *schema = onnx::OpSchemaRegistry::Schema(
        node.op_type(), static_cast<int>(opset), "");
    if (!schema)
      return std::nullopt;
    const auto &formal = schema->inputs();
    for (int i = 0; i < node.input_size() && !formal.empty(); ++i) {
      if (node.input(i).empty())
        continue;
      const auto &param = formal[std::min<size_t>(i, formal.size() - 1)];
      // The schema spells types as "tensor(uint8)", "tensor(float16)"...
      std::string type =
          "tensor(" + llvm::StringRef(dtypeName(dtypeOf(i))).lower() + ")";
      if (llvm::any_of(param.GetTypes(),
                       [&](onnx::DataType t) { return *t == type; }))
        continue;
      return "input '" + node.input(i) + "' is " + dtypeName(dtypeOf(i)) +
             ", a type " + node.op_type() + " (opset " +
             std::to_string(opset) + ") does not take for '" +
             param.GetName() + "'";
    }
  } catch (const std::exception &) {
  }
  return std::nullopt;
}
