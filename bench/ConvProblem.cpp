//===- ConvProblem.cpp - Benchmark problems of tconv-bench ---------------===//

#include "ConvProblem.h"

#include "tconv/Dialect/TConv/IR/TConvDialect.h"
#include "tconv/Dialect/TConv/IR/TConvOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace tconv::bench;
using mlir::tconv::ConvGeometry;

llvm::SmallVector<int64_t> ConvProblem::resultShape() const {
  return isTransposed() ? mlir::tconv::convTransposeResultShape(
                              inputShape, filterShape, geometry)
                        : mlir::tconv::convResultShape(inputShape, filterShape,
                                                       geometry);
}

double ConvProblem::flops() const {
  return isTransposed()
             ? mlir::tconv::convTransposeFlops(inputShape, filterShape)
             : mlir::tconv::convFlops(filterShape, resultShape());
}

static std::string joinDims(llvm::ArrayRef<int64_t> dims) {
  return llvm::join(llvm::map_range(dims, [](int64_t d) {
                      return std::to_string(d);
                    }),
                    "x");
}

/// "2" when every value is 2, "2x1" otherwise.
static std::string compact(llvm::ArrayRef<int64_t> values) {
  if (llvm::all_equal(values))
    return std::to_string(values.front());
  return joinDims(values);
}

std::string ConvProblem::describe() const {
  const ConvGeometry &g = geometry;
  std::string s;
  llvm::raw_string_ostream os(s);
  os << (isTransposed() ? "conv_transpose " : "conv ") << joinDims(inputShape)
     << " * " << joinDims(filterShape) << " s" << compact(g.strides);
  if (llvm::equal(g.padsBegin, g.padsEnd))
    os << " p" << compact(g.padsBegin);
  else
    os << " p" << joinDims(g.onnxPads());
  if (llvm::any_of(g.dilations, [](int64_t d) { return d != 1; }))
    os << " d" << compact(g.dilations);
  if (llvm::any_of(g.outputPadding, [](int64_t d) { return d != 0; }))
    os << " op" << compact(g.outputPadding);
  if (g.group != 1)
    os << " g" << g.group;
  return s;
}

/// The filter values as an attribute of `type` (f32 or bf16, rounded to
/// nearest even).
static mlir::DenseElementsAttr
constantFilterAttr(mlir::RankedTensorType type, llvm::ArrayRef<float> values) {
  if (type.getElementType().isF32())
    return mlir::DenseElementsAttr::get(type, values);
  const llvm::fltSemantics &semantics =
      llvm::cast<mlir::FloatType>(type.getElementType()).getFloatSemantics();
  llvm::SmallVector<llvm::APFloat> rounded;
  for (float value : values) {
    llvm::APFloat v(value);
    bool losesInfo;
    v.convert(semantics, llvm::APFloat::rmNearestTiesToEven, &losesInfo);
    rounded.push_back(v);
  }
  return mlir::DenseElementsAttr::get(type, rounded);
}

llvm::Expected<std::string>
ConvProblem::buildModule(llvm::ArrayRef<float> constantFilter,
                         bool dynamicBatch, bool bf16) const {
  mlir::MLIRContext context;
  context.loadDialect<mlir::arith::ArithDialect, mlir::func::FuncDialect,
                      mlir::tconv::TConvDialect>();
  std::string diagnostics;
  mlir::ScopedDiagnosticHandler handler(&context, [&](mlir::Diagnostic &d) {
    diagnostics += d.str();
    return mlir::success();
  });

  mlir::OpBuilder b(&context);
  mlir::Location loc = mlir::NameLoc::get(b.getStringAttr(id));
  mlir::Type element = bf16 ? b.getBF16Type() : b.getF32Type();
  llvm::SmallVector<int64_t> inputDims(inputShape), resultDims(resultShape());
  if (dynamicBatch)
    inputDims[0] = resultDims[0] = mlir::ShapedType::kDynamic;
  auto inputType = mlir::RankedTensorType::get(inputDims, element);
  auto filterType = mlir::RankedTensorType::get(filterShape, element);
  auto resultType = mlir::RankedTensorType::get(resultDims, element);

  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::ModuleOp::create(loc);
  b.setInsertionPointToEnd(module->getBody());
  llvm::SmallVector<mlir::Type> argumentTypes = {inputType};
  if (constantFilter.empty())
    argumentTypes.push_back(filterType);
  auto func = mlir::func::FuncOp::create(
      b, loc, kEntryName, b.getFunctionType(argumentTypes, resultType));
  b.setInsertionPointToEnd(func.addEntryBlock());
  mlir::Value input = func.getArgument(0);
  mlir::Value filter =
      constantFilter.empty()
          ? func.getArgument(1)
          : mlir::arith::ConstantOp::create(
                b, loc, filterType,
                constantFilterAttr(filterType, constantFilter))
                .getResult();
  mlir::Value result =
      isTransposed()
          ? mlir::tconv::ConvTransposeOp::create(b, loc, input, filter,
                                                 mlir::Value(), geometry)
                .getResult()
          : mlir::tconv::ConvOp::create(b, loc, input, filter, mlir::Value(),
                                        geometry)
                .getResult();
  mlir::func::ReturnOp::create(b, loc, result);

  if (mlir::failed(mlir::verify(*module)))
    return llvm::createStringError("problem " + id + " is invalid: " +
                                   diagnostics);
  std::string text;
  llvm::raw_string_ostream os(text);
  module->print(os);
  return text;
}

//===----------------------------------------------------------------------===//
// Standard problems
//===----------------------------------------------------------------------===//

static ConvProblem makeProblem(llvm::StringRef id, llvm::StringRef name,
                               ConvKind kind, llvm::ArrayRef<int64_t> input,
                               llvm::ArrayRef<int64_t> filter, int64_t stride,
                               int64_t pad, int64_t outputPadding = 0,
                               int64_t group = 1) {
  ConvProblem p;
  p.id = id.str();
  p.name = name.str();
  p.kind = kind;
  p.inputShape.assign(input.begin(), input.end());
  p.filterShape.assign(filter.begin(), filter.end());
  unsigned n = input.size() - 2;
  p.geometry = ConvGeometry::identity(n);
  p.geometry.strides.assign(n, stride);
  p.geometry.padsBegin.assign(n, pad);
  p.geometry.padsEnd.assign(n, pad);
  p.geometry.outputPadding.assign(n, outputPadding);
  p.geometry.group = group;
  return p;
}

const std::vector<ConvProblem> &tconv::bench::standardProblems() {
  constexpr ConvKind T = ConvKind::ConvTranspose, C = ConvKind::Conv;
  static const std::vector<ConvProblem> problems = {
      makeProblem("T1", "DCGAN-G4", T, {8, 512, 8, 8}, {512, 256, 4, 4}, 2, 1),
      makeProblem("T2", "DCGAN-G2", T, {1, 128, 32, 32}, {128, 64, 4, 4}, 2, 1),
      makeProblem("T3", "FCNN-TR", T, {1, 32, 64, 64}, {32, 32, 4, 4}, 2, 1),
      makeProblem("T4", "UNet-up", T, {1, 256, 32, 32}, {256, 128, 2, 2}, 2,
                  0),
      makeProblem("T5", "bilinear", T, {1, 21, 64, 64}, {21, 1, 4, 4}, 2, 1,
                  /*outputPadding=*/0, /*group=*/21),
      makeProblem("T6", "3-D", T, {1, 32, 16, 16, 16}, {32, 16, 3, 3, 3}, 2, 1,
                  /*outputPadding=*/1),
      makeProblem("T7", "vocoder", T, {1, 512, 256}, {512, 256, 16}, 8, 4),
      makeProblem("T8", "unit stride", T, {1, 64, 56, 56}, {64, 64, 3, 3}, 1,
                  1),
      makeProblem("C1", "FCNN-CR9", C, {1, 32, 64, 64}, {64, 32, 9, 9}, 1, 4),
      makeProblem("C2", "3x3", C, {1, 64, 56, 56}, {64, 64, 3, 3}, 1, 1),
      // The other batch of T1, T2, T3 and C2, for the dynamic-batch code
      // at N = 1 and 8.
      makeProblem("T1n1", "DCGAN-G4 N=1", T, {1, 512, 8, 8}, {512, 256, 4, 4},
                  2, 1),
      makeProblem("T2n8", "DCGAN-G2 N=8", T, {8, 128, 32, 32},
                  {128, 64, 4, 4}, 2, 1),
      makeProblem("T3n8", "FCNN-TR N=8", T, {8, 32, 64, 64}, {32, 32, 4, 4}, 2,
                  1),
      makeProblem("C2n8", "3x3 N=8", C, {8, 64, 56, 56}, {64, 64, 3, 3}, 1, 1),
  };
  return problems;
}

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

static llvm::Error parseError(llvm::StringRef spec, const llvm::Twine &why) {
  return llvm::createStringError("invalid problem '" + spec + "': " + why);
}

/// Bound of every size and attribute value: keeps shape formulas and
/// element counts far from int64 overflow.
constexpr int64_t kMaxValue = int64_t(1) << 28;

/// Parses 'x'-separated integers in [minValue, kMaxValue].
static llvm::Expected<llvm::SmallVector<int64_t>>
parseList(llvm::StringRef spec, llvm::StringRef what, llvm::StringRef text,
          int64_t minValue) {
  llvm::SmallVector<llvm::StringRef> parts;
  text.split(parts, 'x');
  llvm::SmallVector<int64_t> values;
  for (llvm::StringRef part : parts) {
    int64_t v;
    if (part.getAsInteger(10, v) || v < minValue || v > kMaxValue)
      return parseError(spec, what + " must be 'x'-separated integers in [" +
                                  llvm::Twine(minValue) + ", " +
                                  llvm::Twine(kMaxValue) + "], got '" + text +
                                  "'");
    values.push_back(v);
  }
  return values;
}

/// Broadcasts one value to n, or accepts exactly n (or, for pads, 2n).
static llvm::Expected<llvm::SmallVector<int64_t>>
parsePerDim(llvm::StringRef spec, llvm::StringRef key, llvm::StringRef text,
            unsigned n, int64_t minValue, bool allowBeginEnd) {
  auto values = parseList(spec, key, text, minValue);
  if (!values)
    return values.takeError();
  if (values->size() == 1)
    return llvm::SmallVector<int64_t>(n, values->front());
  if (values->size() == n || (allowBeginEnd && values->size() == 2 * n))
    return values;
  return parseError(spec, key + " needs 1 or " + llvm::Twine(n) +
                              (allowBeginEnd ? " or " + llvm::Twine(2 * n)
                                             : llvm::Twine()) +
                              " values, got '" + text + "'");
}

llvm::Expected<ConvProblem> tconv::bench::parseProblem(llvm::StringRef spec) {
  llvm::SmallVector<llvm::StringRef> fields;
  spec.split(fields, ':');
  if (fields.size() < 4)
    return parseError(spec, "expected ID:OP:INPUT:FILTER[:key=value...]");

  ConvProblem p;
  p.id = fields[0].str();
  p.name = "custom";
  if (p.id.empty())
    return parseError(spec, "empty ID");
  if (fields[1] == "conv")
    p.kind = ConvKind::Conv;
  else if (fields[1] == "conv_transpose")
    p.kind = ConvKind::ConvTranspose;
  else
    return parseError(spec, "OP must be conv or conv_transpose, got '" +
                                fields[1] + "'");

  auto input = parseList(spec, "INPUT", fields[2], 1);
  if (!input)
    return input.takeError();
  auto filter = parseList(spec, "FILTER", fields[3], 1);
  if (!filter)
    return filter.takeError();
  if (input->size() < 3 || input->size() > 5 ||
      filter->size() != input->size())
    return parseError(spec, "INPUT and FILTER must both have rank 3, 4 or 5");
  p.inputShape = std::move(*input);
  p.filterShape = std::move(*filter);

  unsigned n = p.numSpatialDims();
  p.geometry = ConvGeometry::identity(n);
  for (llvm::StringRef field : llvm::drop_begin(fields, 4)) {
    auto [key, value] = field.split('=');
    if (key == "group") {
      if (value.getAsInteger(10, p.geometry.group) || p.geometry.group < 1 ||
          p.geometry.group > kMaxValue)
        return parseError(spec, "group must be an integer in [1, " +
                                    llvm::Twine(kMaxValue) + "], got '" +
                                    value + "'");
      continue;
    }
    llvm::SmallVector<int64_t> *target = nullptr;
    int64_t minValue = 0;
    if (key == "stride") {
      target = &p.geometry.strides;
      minValue = 1;
    } else if (key == "dil") {
      target = &p.geometry.dilations;
      minValue = 1;
    } else if (key == "opad") {
      if (!p.isTransposed())
        return parseError(spec, "opad is only valid for conv_transpose");
      target = &p.geometry.outputPadding;
    } else if (key != "pad") {
      return parseError(spec, "unknown key '" + key + "'");
    }
    auto values = parsePerDim(spec, key, value, n, minValue, key == "pad");
    if (!values)
      return values.takeError();
    if (key == "pad") {
      p.geometry.padsBegin.assign(values->begin(), values->begin() + n);
      p.geometry.padsEnd.assign(values->end() - n, values->end());
    } else {
      *target = std::move(*values);
    }
  }

  // Every buffer is allocated several times over: keep each below 1 GiB.
  auto tooLarge = [&](llvm::ArrayRef<int64_t> shape) {
    int64_t elements = 1;
    for (int64_t d : shape) {
      if (d > kMaxValue / elements)
        return true;
      elements *= d;
    }
    return false;
  };
  if (tooLarge(p.inputShape) || tooLarge(p.filterShape))
    return parseError(spec, "tensors of more than 2^28 elements are not "
                            "supported");
  // The verifier needs a type to check; a non-positive size cannot make one.
  llvm::SmallVector<int64_t> result = p.resultShape();
  for (int64_t size : llvm::drop_begin(result, 2))
    if (size < 1)
      return parseError(spec, "the result would have an empty spatial "
                              "dimension (size " +
                                  llvm::Twine(size) + ")");
  if (tooLarge(result))
    return parseError(spec, "tensors of more than 2^28 elements are not "
                            "supported");
  if (auto module = p.buildModule(); !module)
    return module.takeError();
  return p;
}
