#!/usr/bin/python3
"""Writes the small ONNX models the lit tests in test/Frontend/ONNX import.

Run with Debian's /usr/bin/python3 (python3-onnx, numpy, python3-torch) from
this directory:
    /usr/bin/python3 make_test_models.py
The .onnx files are committed; the tests do not need Python.
"""
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13


def model(nodes, inputs, outputs, initializers=(), opset=OPSET, name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, list(initializers))
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 8
    return m


def tensor(name, shape, dtype=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, dtype, shape)


def weights(name, shape, seed=0):
    rng = np.random.default_rng(seed)
    return numpy_helper.from_array(
        rng.uniform(-1, 1, shape).astype(np.float32), name)


def save(m, path):
    onnx.save(m, path)


def conv(name, attrs, x_shape, w_shape, y_shape, transposed=False, bias=True):
    inits = [weights("W", w_shape)]
    inputs = ["X", "W"]
    if bias:
        channels = w_shape[1] * attrs.get("group", 1) if transposed else w_shape[0]
        inits.append(weights("B", [channels], 1))
        inputs.append("B")
    node = helper.make_node("ConvTranspose" if transposed else "Conv", inputs,
                            ["Y"], name=name, **attrs)
    save(model([node], [tensor("X", x_shape)], [tensor("Y", y_shape)], inits),
         name + ".onnx")


def main():
    os.chdir(os.path.dirname(os.path.abspath(__file__)))
    # Conv / ConvTranspose attribute forms.
    conv("conv_same_upper", dict(auto_pad="SAME_UPPER", strides=[2, 2],
                                 kernel_shape=[4, 4]),
         [1, 2, 7, 8], [3, 2, 4, 4], [1, 3, 4, 4])
    conv("conv_same_lower", dict(auto_pad="SAME_LOWER", strides=[2, 2]),
         [1, 2, 7, 8], [3, 2, 4, 4], [1, 3, 4, 4])
    conv("conv_valid_dilated_group", dict(auto_pad="VALID", dilations=[2],
                                          group=2),
         [1, 4, 9], [6, 2, 3], [1, 6, 5])
    conv("convtranspose_output_shape", dict(strides=[3, 2],
                                            output_shape=[10, 8]),
         [1, 1, 3, 3], [1, 2, 3, 3], [1, 2, 10, 8], transposed=True)
    conv("convtranspose_same_upper", dict(auto_pad="SAME_UPPER",
                                          strides=[2, 2]),
         [1, 2, 3, 3], [2, 3, 3, 3], [1, 3, 6, 6], transposed=True,
         bias=False)
    conv("convtranspose_pads_output_padding",
         dict(strides=[4], pads=[3, 2], output_padding=[1], group=2),
         [1, 4, 5], [4, 3, 8], [1, 6, 20], transposed=True)

    # A PyTorch-style shape chain: Shape -> Gather -> Unsqueeze -> Concat ->
    # Reshape, folded at import time.
    nodes = [
        helper.make_node("Shape", ["X"], ["s"], name="shape"),
        helper.make_node("Constant", [], ["zero"], name="zero",
                         value=numpy_helper.from_array(np.array(0, np.int64))),
        helper.make_node("Gather", ["s", "zero"], ["n"], name="batch"),
        helper.make_node("Unsqueeze", ["n", "axes"], ["n1"], name="unsq"),
        helper.make_node("Concat", ["n1", "minus1"], ["newshape"], axis=0,
                         name="cat"),
        helper.make_node("Reshape", ["X", "newshape"], ["flat"], name="flat"),
        helper.make_node("Relu", ["flat"], ["Y"], name="relu"),
    ]
    inits = [numpy_helper.from_array(np.array([0], np.int64), "axes"),
             numpy_helper.from_array(np.array([-1], np.int64), "minus1")]
    save(model(nodes, [tensor("X", [2, 3, 4])], [tensor("Y", [2, 12])], inits),
         "shape_chain.onnx")

    # Two named inputs and outputs, a large and a small initializer.
    nodes = [
        helper.make_node("Add", ["a", "big"], ["sum"], name="add"),
        helper.make_node("Mul", ["sum", "b"], ["prod"], name="mul"),
        helper.make_node("Sigmoid", ["prod"], ["gate"], name="sigmoid"),
        helper.make_node("Mul", ["prod", "small"], ["scaled"], name="scale"),
    ]
    inits = [weights("big", [4, 32]),
             numpy_helper.from_array(np.array([0.5], np.float32), "small")]
    save(model(nodes, [tensor("a", [4, 32]), tensor("b", [4, 32])],
               [tensor("gate", [4, 32]), tensor("scaled", [4, 32])], inits),
         "names.onnx")

    # External data: the weights live in a file beside the model (onnx.save
    # appends to an existing file).
    if os.path.exists("external_data.bin"):
        os.remove("external_data.bin")
    conv_node = helper.make_node("Conv", ["X", "W"], ["Y"], name="conv",
                                 pads=[1, 1, 1, 1])
    m = model([conv_node], [tensor("X", [1, 2, 5, 5])],
              [tensor("Y", [1, 4, 5, 5])], [weights("W", [4, 2, 3, 3])])
    onnx.save(m, "external_data.onnx", save_as_external_data=True,
              all_tensors_to_one_file=True, location="external_data.bin",
              size_threshold=0)
    m = model([conv_node], [tensor("X", [1, 2, 5, 5])],
              [tensor("Y", [1, 4, 5, 5])], [weights("W", [4, 2, 3, 3])])
    onnx.save(m, "external_data_missing.onnx", save_as_external_data=True,
              all_tensors_to_one_file=True, location="no_such_file.bin",
              size_threshold=0)
    os.remove("no_such_file.bin")

    # Bad models, one error each.
    save(model([helper.make_node("LSTM", ["X", "W", "R"], ["Y"], name="rnn",
                                 hidden_size=2)],
               [tensor("X", [1, 1, 2]), tensor("W", [1, 8, 2]),
                tensor("R", [1, 8, 2])], [tensor("Y", None)]),
         "bad_operator.onnx")
    save(model([helper.make_node("Cast", ["X"], ["Y"], name="narrow",
                                 to=TensorProto.STRING)],
               [tensor("X", [2])], [tensor("Y", [2], TensorProto.STRING)]),
         "bad_attribute_value.onnx")
    save(model([helper.make_node("Relu", ["X"], ["Y"], name="act",
                                 not_an_onnx_attribute=3)],
               [tensor("X", [2])], [tensor("Y", [2])]),
         "bad_attribute_name.onnx")
    save(model([helper.make_node("Relu", ["X"], ["Y"], name="act")],
               [tensor("X", [2, "width"])], [tensor("Y", [2, "width"])]),
         "bad_dim_param.onnx")
    # Dynamic batches that mix the images: refused, naming the node.
    save(model([helper.make_node("Reshape", ["X", "shape"], ["Y"],
                                 name="flatten_all")],
               [tensor("X", ["batch", 2, 3])], [tensor("Y", [1, "total"])],
               [numpy_helper.from_array(np.array([1, -1], np.int64),
                                        "shape")]),
         "bad_batch_reshape.onnx")
    save(model([helper.make_node("Softmax", ["X"], ["Y"], name="over_batch",
                                 axis=0)],
               [tensor("X", ["batch", 4])], [tensor("Y", ["batch", 4])]),
         "bad_batch_softmax.onnx")
    stats = [numpy_helper.from_array(np.full(2, v, np.float32), name)
             for name, v in [("s", 1), ("b", 0), ("m", 0), ("v", 1)]]
    save(model([helper.make_node("BatchNormalization",
                                 ["X", "s", "b", "m", "v"], ["Y"],
                                 name="batch_stats", training_mode=1)],
               [tensor("X", ["batch", 2, 3])], [tensor("Y", ["batch", 2, 3])],
               stats, opset=15),
         "bad_batch_bn_training.onnx")
    save(model([helper.make_node("Relu", ["X"], ["Y"], name="a"),
                helper.make_node("Relu", ["Z"], ["W"], name="b")],
               [tensor("X", ["batch", 4]), tensor("Z", ["n", 4])],
               [tensor("Y", ["batch", 4]), tensor("W", ["n", 4])]),
         "bad_batch_symbols.onnx")
    save(model([helper.make_node("Conv", ["X", "W"], ["Y"], name="conv")],
               [tensor("X", ["batch", 3, 5, 5]), tensor("W", ["batch", 3, 3, 3])],
               [tensor("Y", None)]),
         "bad_batch_filter.onnx")
    # One value as two outputs: each gets a buffer of its own.
    save(model([helper.make_node("Relu", ["X"], ["Y"], name="act")],
               [tensor("X", ["batch", 4])],
               [tensor("Y", ["batch", 4]), tensor("Y", ["batch", 4])]),
         "batch_output_twice.onnx")
    save(model([helper.make_node("Identity", ["X"], ["Y"], name="id")],
               [tensor("X", [2], TensorProto.STRING)],
               [tensor("Y", [2], TensorProto.STRING)]),
         "bad_dtype.onnx")
    save(model([helper.make_node("Relu", ["X"], ["Y"], name="act")],
               [tensor("X", [2])], [tensor("Y", [2])], opset=18),
         "bad_opset.onnx")
    save(model([helper.make_node("Add", ["X", "missing"], ["Y"], name="add")],
               [tensor("X", [2])], [tensor("Y", [2])]),
         "bad_missing_initializer.onnx")
    save(model([helper.make_node("Add", ["X", "b"], ["a"], name="first"),
                helper.make_node("Relu", ["a"], ["b"], name="second")],
               [tensor("X", [2])], [tensor("a", [2])]),
         "bad_cycle.onnx")
    # ONNX graphs define each name once (SSA).
    save(model([helper.make_node("Relu", ["X"], ["Y"], name="act")],
               [tensor("X", ["batch", 4]), tensor("X", [])],
               [tensor("Y", ["batch", 4])]),
         "bad_duplicate_input.onnx")
    save(model([helper.make_node("Add", ["X", "b"], ["Y"], name="add")],
               [tensor("X", [2])], [tensor("Y", [2])],
               [weights("b", [2]), weights("b", [2], seed=1)]),
         "bad_duplicate_initializer.onnx")
    save(model([helper.make_node("Relu", ["X"], ["a"], name="first"),
                helper.make_node("Neg", ["a"], ["X"], name="again")],
               [tensor("X", [2])], [tensor("a", [2])]),
         "bad_redefined.onnx")
    save(model([helper.make_node("ConvTranspose", ["X", "W"], ["Y"],
                                 name="up", strides=[2], output_padding=[2])],
               [tensor("X", [1, 1, 4])], [tensor("Y", None)],
               [weights("W", [1, 1, 3])]),
         "bad_output_padding.onnx")
    save(model([helper.make_node("Conv", ["X"], ["Y"], name="lonely")],
               [tensor("X", [1, 1, 4, 4])], [tensor("Y", None)]),
         "bad_arity.onnx")
    save(model([helper.make_node("Conv", ["X", ""], ["Y"], name="blank")],
               [tensor("X", [1, 1, 4, 4])], [tensor("Y", None)]),
         "bad_empty_input.onnx")
    save(model([helper.make_node("Conv", ["X", "W"], ["Y"], name="flat")],
               [tensor("X", [4, 4])], [tensor("Y", None)],
               [weights("W", [1, 1, 3])]),
         "bad_rank.onnx")
    good = model([helper.make_node("Relu", ["X"], ["Y"], name="act")],
                 [tensor("X", [2])], [tensor("Y", [2])]).SerializeToString()
    with open("bad_truncated.onnx", "wb") as f:
        f.write(good[: len(good) // 2])
    with open("bad_corrupt.onnx", "wb") as f:
        f.write(b"\x08\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x12garbage")

    # Multiplies by one: reads back a result tconv-run wrote as .pb.
    save(model([helper.make_node("Mul", ["X", "one"], ["Y"], name="copy")],
               [tensor("X", [1, 4, 5, 5])], [tensor("Y", [1, 4, 5, 5])],
               [numpy_helper.from_array(np.array(1, np.float32), "one")]),
         "copy.onnx")

    # A Conv with .pb input and output for tconv-run.
    x = np.random.default_rng(2).uniform(-1, 1, [1, 2, 5, 5]).astype(np.float32)
    with open("conv_input.pb", "wb") as f:
        f.write(numpy_helper.from_array(x, "X").SerializeToString())

    unsigned_models()
    dynamic_batch()
    dynamic_batch_shapes()


def unsigned_models():
    """Unsigned and int16 operators whose signed forms give other values
    (opset 14: the first whose Div takes 8- and 16-bit integers)."""
    U8, F = TensorProto.UINT8, TensorProto.FLOAT
    nodes = [
        helper.make_node("Div", ["a", "b"], ["div"], name="div"),
        helper.make_node("Max", ["a", "b"], ["max"], name="max"),
        helper.make_node("Min", ["a", "b"], ["min"], name="min"),
        helper.make_node("Clip", ["a", "lo", "hi"], ["clip"], name="clip"),
        helper.make_node("Cast", ["a"], ["to_float"], name="to_float", to=F),
        helper.make_node("Cast", ["a"], ["to_int32"], name="to_int32",
                         to=TensorProto.INT32),
        helper.make_node("Cast", ["f"], ["from_float"], name="from_float",
                         to=U8),
        helper.make_node("Pow", ["base", "a"], ["pow"], name="pow"),
        helper.make_node("MaxPool", ["p"], ["pool"], name="pool",
                         kernel_shape=[3], pads=[1, 1]),
    ]
    inits = [numpy_helper.from_array(np.array(50, np.uint8), "lo"),
             numpy_helper.from_array(np.array(150, np.uint8), "hi"),
             numpy_helper.from_array(np.array(1.01, np.float32), "base")]
    outputs = [tensor(n, [4], U8) for n in ["div", "max", "min", "clip"]]
    outputs += [tensor("to_float", [4]),
                tensor("to_int32", [4], TensorProto.INT32),
                tensor("from_float", [4], U8), tensor("pow", [4]),
                tensor("pool", [1, 1, 4], U8)]
    save(model(nodes, [tensor("a", [4], U8), tensor("b", [4], U8),
                       tensor("f", [4]), tensor("p", [1, 1, 4], U8)],
               outputs, inits, opset=14), "unsigned_uint8.onnx")

    nodes = [
        helper.make_node("Max", ["u16a", "u16b"], ["max16"], name="max16"),
        helper.make_node("Div", ["u32a", "u32b"], ["div32"], name="div32"),
        helper.make_node("Cast", ["u32a"], ["wide32"], name="wide32",
                         to=TensorProto.INT64),
        helper.make_node("Max", ["u64a", "u64b"], ["max64"], name="max64"),
        helper.make_node("Min", ["u64a", "u64b"], ["min64"], name="min64"),
        helper.make_node("Cast", ["u64a"], ["real64"], name="real64",
                         to=TensorProto.DOUBLE),
        helper.make_node("Min", ["i16a", "i16b"], ["min_i16"], name="min_i16"),
        helper.make_node("Max", ["i16a", "i16b"], ["max_i16"], name="max_i16"),
        helper.make_node("MaxPool", ["q"], ["pool_i8"], name="pool_i8",
                         kernel_shape=[3], pads=[1, 1]),
    ]
    types = {"u16": TensorProto.UINT16, "u32": TensorProto.UINT32,
             "u64": TensorProto.UINT64, "i16": TensorProto.INT16}
    inputs = [tensor(t + s, [2], dt) for t, dt in types.items() for s in "ab"]
    inputs.append(tensor("q", [1, 1, 4], TensorProto.INT8))
    outputs = [tensor("max16", [2], types["u16"]),
               tensor("div32", [2], types["u32"]),
               tensor("wide32", [2], TensorProto.INT64),
               tensor("max64", [2], types["u64"]),
               tensor("min64", [2], types["u64"]),
               tensor("real64", [2], TensorProto.DOUBLE),
               tensor("min_i16", [2], types["i16"]),
               tensor("max_i16", [2], types["i16"]),
               tensor("pool_i8", [1, 1, 4], TensorProto.INT8)]
    save(model(nodes, inputs, outputs, opset=14), "unsigned_wide.onnx")

    # Neg does not take unsigned tensors: one error, not a wrapped value.
    save(model([helper.make_node("Neg", ["X"], ["Y"], name="negate")],
               [tensor("X", [2], U8)], [tensor("Y", [2], U8)]),
         "bad_unsigned_neg.onnx")


def export_dynamic_batch(net, x, name, save_values=True):
    """PyTorch's export of `net` with dynamic_axes (dim 0 of x and y is the
    symbol 'batch') as NAME.onnx; with `save_values`, x and net(x) at x's N
    as NAME_x3.npy and NAME_y3.npy."""
    import torch

    torch.onnx.export(net, x, name + ".onnx", input_names=["x"],
                      output_names=["y"], opset_version=13,
                      dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}})
    if save_values:
        with torch.no_grad():
            np.save(name + "_x3.npy", x.numpy())
            np.save(name + "_y3.npy", net(x).numpy())


def dynamic_batch():
    """PyTorch's export with dynamic_axes: dim 0 is the symbol 'batch'. The
    input and PyTorch's output at N = 3 go with it."""
    import torch

    torch.manual_seed(0)

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 4, 3, padding=1)
            self.up = torch.nn.ConvTranspose2d(4, 2, 4, stride=2, padding=1)

        def forward(self, x):
            y = torch.nn.functional.leaky_relu(self.conv(x), 0.2)
            y = torch.nn.functional.pad(y, (1, 1, 1, 1), mode="reflect")
            return torch.tanh(self.up(y))

    export_dynamic_batch(Net().eval(), torch.rand(3, 3, 8, 8) * 2 - 1,
                         "dynamic_batch")


def dynamic_batch_shapes():
    """Reshapes whose target PyTorch computes from x.size(0) (Shape, Gather,
    Unsqueeze, Concat), as pixel_shuffle and a flatten export with
    dynamic_axes; and a model that multiplies by the batch size."""
    import torch

    torch.manual_seed(1)

    class Shuffle(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = torch.nn.Conv2d(3, 8, 3, padding=1)
            self.up = torch.nn.ConvTranspose2d(2, 4, 4, stride=2, padding=1)

        def forward(self, x):
            y = torch.nn.functional.pixel_shuffle(self.conv(x), 2)
            y = torch.relu(self.up(y))
            return y.reshape(y.size(0), -1)

    class TimesBatch(torch.nn.Module):
        def forward(self, x):
            return torch.relu(x) * x.size(0)

    net = Shuffle().eval()
    x = torch.rand(3, 3, 6, 6) * 2 - 1
    export_dynamic_batch(net, x, "dynamic_batch_shapes")
    export_dynamic_batch(TimesBatch(), x, "dynamic_batch_size_as_data",
                         save_values=False)


if __name__ == "__main__":
    main()
