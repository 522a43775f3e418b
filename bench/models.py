#!/usr/bin/python3
"""The example models through tconv-run against PyTorch 1.13 (and, with
--ort, ONNX Runtime), at the same thread counts: `make bench-models`.

Run with Debian's /usr/bin/python3 (python3-torch, numpy); tconv itself does
not need Python. Models: examples/onnx/*.onnx (PyTorch runs the modules of
examples/onnx/export_models.py that were exported to them) and
examples/models/*.mlir (PyTorch runs the same layers with torch.nn.functional,
the weights scaled on every call as the .mlir functions do), and as
"models/NAME (initializers)" the same layers with the weights scaled once and
exported to a temporary .onnx file as initializers, as trained models reach
users: tconv-run (checked against PyTorch's output first), PyTorch and ONNX
Runtime all run that model.

Each round times every model with every contender at every thread count,
one after the other (A B A B ...): tconv-run --bench=CALLS --threads=T (the
median of CALLS kernel calls, compile time not counted), PyTorch the median
of CALLS calls of the module under torch.no_grad() with
torch.set_num_threads(T), ONNX Runtime the median of CALLS session.run calls
with intraOpNumThreads = T (bench/ort-bench.js under node). The table shows
the median over rounds of each contender's time and of the per-round ratio
tconv / contender (< 1: tconv is faster), so that a slow round on a shared
machine slows both sides of its ratio alike.

It also shows what a process waits for before its first result: tconv-run's
compile time (the file to machine code; tconv-compile moves it to build
time) and ONNX Runtime's session creation, medians over rounds.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import torch
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "examples", "onnx"))
import export_models  # noqa: E402  (the PyTorch modules of examples/onnx)


def onnx_model(name):
    """A module of export_models.py, built as the script builds it."""
    for seed, (model_name, cls, shape) in enumerate(export_models.MODELS):
        if model_name == name:
            torch.manual_seed(seed)
            model = cls().eval()
            x = torch.from_numpy(
                np.load(os.path.join(ROOT, "examples", "onnx",
                                     name + ".input.npy")))
            assert tuple(x.shape) == shape
            return model, (x,)
    raise KeyError(name)


class MlirModel(torch.nn.Module):
    """The layers of an examples/models/*.mlir function. Its weights come
    as arguments, uniform in [-1, 1), and are scaled on every call; FOLDED
    scales them once and holds them, as a model whose weights are ONNX
    initializers does (exported so, they are initializers)."""

    def __init__(self, layers, weights, scales, biases, folded):
        super().__init__()
        self.layers, self.scales, self.folded = layers, scales, folded
        self.weights = torch.nn.ParameterList(
            torch.nn.Parameter(w * k if folded else w, requires_grad=False)
            for w, k in zip(weights, scales))
        self.biases = torch.nn.ParameterList(
            torch.nn.Parameter(b, requires_grad=False) for b in biases)

    def forward(self, x):
        ws = list(self.weights)
        if not self.folded:
            ws = [w * k for w, k in zip(ws, self.scales)]
        return self.layers(x, ws, list(self.biases))


def dcgan_layers(x, w, b):
    y = F.relu(F.conv_transpose2d(x, w[0]))
    for wi in w[1:-1]:
        y = F.relu(F.conv_transpose2d(y, wi, stride=2, padding=1))
    return torch.tanh(F.conv_transpose2d(y, w[-1], stride=2, padding=1))


def autoencoder_layers(x, w, b):
    y = F.relu(F.conv2d(x, w[0], b[0], stride=2, padding=1))
    y = F.relu(F.conv2d(y, w[1], b[1], stride=2, padding=1))
    y = F.relu(F.conv_transpose2d(y, w[2], b[2], stride=2, padding=1,
                                  output_padding=1))
    return torch.tanh(F.conv_transpose2d(y, w[3], b[3], stride=2, padding=1,
                                         output_padding=1))


def fcnn_layers(x, w, b):
    y = F.relu(F.conv2d(x, w[0], b[0], padding=4))
    y = F.relu(F.conv2d(y, w[1], b[1], padding=3))
    y = F.relu(F.conv_transpose2d(y, w[2], b[2], stride=2, padding=1))
    y = F.relu(F.conv2d(y, w[3], b[3], padding=2))
    y = F.relu(F.conv_transpose2d(y, w[4], b[4], stride=2, padding=1))
    return F.conv2d(y, w[5], b[5])


def vocoder_layers(x, w, b):
    y = F.leaky_relu(F.conv1d(x, w[0], b[0], padding=3), 0.2)
    y = F.leaky_relu(F.conv_transpose1d(y, w[1], b[1], stride=8, padding=4),
                     0.2)
    y = F.leaky_relu(F.conv_transpose1d(y, w[2], b[2], stride=2, padding=1),
                     0.2)
    return torch.tanh(F.conv1d(y, w[3], b[3], padding=3))


# name: (layers, input shape, [(weight shape, scale)], bias lengths)
MLIR_MODELS = {
    "dcgan": (dcgan_layers, (1, 100, 1, 1), [
        ((100, 512, 4, 4), 0.245), ((512, 256, 4, 4), 0.0541),
        ((256, 128, 4, 4), 0.0765), ((128, 64, 4, 4), 0.108),
        ((64, 3, 4, 4), 0.153)], []),
    "autoencoder": (autoencoder_layers, (1, 3, 64, 64), [
        ((16, 3, 3, 3), 0.471), ((32, 16, 3, 3), 0.204),
        ((32, 16, 3, 3), 0.289), ((16, 3, 3, 3), 0.408)], [16, 32, 16, 3]),
    "fcnn": (fcnn_layers, (1, 32, 64, 64), [
        ((64, 32, 9, 9), 0.0481), ((32, 64, 7, 7), 0.0437),
        ((32, 32, 4, 4), 0.217), ((16, 32, 5, 5), 0.0866),
        ((16, 16, 4, 4), 0.306), ((1, 16, 1, 1), 0.612)],
        [64, 32, 32, 16, 16, 1]),
    "vocoder": (vocoder_layers, (1, 80, 256), [
        ((512, 80, 7), 0.104), ((512, 256, 16), 0.0765),
        ((256, 128, 4), 0.108), ((1, 128, 7), 0.0818)], [512, 256, 128, 1]),
}


def mlir_model(name, folded=False):
    """examples/models/NAME.mlir as an MlirModel and its input."""
    layers, shape, weight_specs, bias_lengths = MLIR_MODELS[name]
    g = torch.Generator().manual_seed(0)
    x = torch.rand(shape, generator=g)
    weights = [torch.rand(s, generator=g) * 2 - 1 for s, _ in weight_specs]
    biases = [torch.rand(n, generator=g) for n in bias_lengths]
    model = MlirModel(layers, weights, [k for _, k in weight_specs], biases,
                      folded)
    return model.eval(), (x,)


# (label, tconv-run arguments, PyTorch builder, ONNX file or None)
MODELS = [
    ("onnx/dcgan", ["examples/onnx/dcgan.onnx",
                    "--input=examples/onnx/dcgan.input.npy"],
     lambda: onnx_model("dcgan"), "examples/onnx/dcgan.onnx"),
    ("onnx/unet", ["examples/onnx/unet.onnx",
                   "--input=examples/onnx/unet.input.npy"],
     lambda: onnx_model("unet"), "examples/onnx/unet.onnx"),
    ("onnx/superres", ["examples/onnx/superres.onnx",
                       "--input=examples/onnx/superres.input.npy"],
     lambda: onnx_model("superres"), "examples/onnx/superres.onnx"),
    ("onnx/vocoder", ["examples/onnx/vocoder.onnx",
                      "--input=examples/onnx/vocoder.input.npy"],
     lambda: onnx_model("vocoder"), "examples/onnx/vocoder.onnx"),
    ("models/dcgan", ["examples/models/dcgan.mlir", "--random-inputs"],
     lambda: mlir_model("dcgan"), None),
    ("models/autoencoder", ["examples/models/autoencoder.mlir",
                            "--random-inputs"],
     lambda: mlir_model("autoencoder"), None),
    ("models/fcnn", ["examples/models/fcnn.mlir", "--random-inputs"],
     lambda: mlir_model("fcnn"), None),
    ("models/vocoder", ["examples/models/vocoder.mlir", "--random-inputs"],
     lambda: mlir_model("vocoder"), None),
]


INITIALIZERS_LABEL = "models/{} (initializers)"


def with_initializers(name, directory, tconv_run):
    """A MODELS entry for examples/models/NAME with its weights folded and
    exported to DIRECTORY/NAME.onnx as initializers, as users export
    trained models; tconv, PyTorch and ONNX Runtime all run that model.
    tconv-run's result must match PyTorch's (exit 1 otherwise)."""
    model, inputs = mlir_model(name, folded=True)
    path = os.path.join(directory, name + ".onnx")
    torch.onnx.export(model, inputs, path, opset_version=export_models.OPSET,
                      input_names=["x"], output_names=["y"])
    given, expected = (os.path.join(directory, name + suffix)
                       for suffix in (".input.npy", ".expected.npy"))
    np.save(given, inputs[0].numpy())
    with torch.no_grad():
        np.save(expected, model(*inputs).numpy())
    subprocess.run([tconv_run, path, f"--input={given}",
                    f"--expected={expected}"], check=True,
                   stdout=subprocess.DEVNULL)
    return (INITIALIZERS_LABEL.format(name), [path, "--random-inputs"],
            lambda: (model, inputs), path)


def time_tconv(tconv_run, args, threads, calls):
    """The median call and the compile time (file to machine code)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([tconv_run, *args, f"--bench={calls}",
                        f"--threads={threads}", f"--bench-json={out.name}"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        report = json.load(open(out.name))
        return report["median_ms"], report["compile_ms"]


def time_torch(model, inputs, threads, calls):
    torch.set_num_threads(threads)
    times = []
    with torch.no_grad():
        for _ in range(2):  # warm-up, as tconv-run's
            model(*inputs)
        for _ in range(calls):
            start = time.perf_counter()
            model(*inputs)
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def time_ort(node, script, onnx_file, threads, calls):
    """The median call and the session's creation from the file."""
    out = subprocess.run([node, script, os.path.join(ROOT, onnx_file),
                          str(threads), str(calls)], check=True,
                         capture_output=True, text=True).stdout
    report = json.loads(out)
    return report["median_ms"], report["load_ms"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tconv-run", default=os.path.join(
        ROOT, "build", "bin", "tconv-run"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=30)
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--models", default="",
                        help="comma-separated labels (default: all)")
    parser.add_argument("--ort", default="",
                        help="the onnxruntime-node directory (node_modules "
                             "parent); adds ONNX Runtime for the .onnx models")
    parser.add_argument("--report", default="",
                        help="write the Markdown table here too")
    args = parser.parse_args()
    threads = [int(t) for t in args.threads.split(",")]

    def wanted(label):
        return not args.models or label in args.models.split(",")

    exported = tempfile.TemporaryDirectory()  # removed when main returns
    chosen = [m for m in MODELS if wanted(m[0])] + [
        with_initializers(name, exported.name, args.tconv_run)
        for name in MLIR_MODELS
        if wanted(INITIALIZERS_LABEL.format(name))]
    ort_script = os.path.join(ROOT, "bench", "ort-bench.js")
    env_node = None
    if args.ort:
        os.environ["NODE_PATH"] = os.path.join(os.path.abspath(args.ort),
                                               "node_modules")
        env_node = "node"

    built = {label: build() for label, _, build, _ in chosen}
    # times[(label, threads, contender)] = one median per round;
    # ratios[(label, threads, contender)] = tconv / contender per round;
    # loads[(label, threads, contender)] = tconv's compile time or ONNX
    # Runtime's session creation, per round.
    times, ratios, loads = {}, {}, {}
    for r in range(args.rounds):
        for label, tconv_args, _, onnx_file in chosen:
            for t in threads:
                model, inputs = built[label]
                measured, loaded = {}, {}
                measured["tconv"], loaded["tconv"] = time_tconv(
                    args.tconv_run, tconv_args, t, args.calls)
                measured["torch"] = time_torch(model, inputs, t, args.calls)
                if env_node and onnx_file:
                    measured["ort"], loaded["ort"] = time_ort(
                        env_node, ort_script, onnx_file, t, args.calls)
                for contender, ms in loaded.items():
                    loads.setdefault((label, t, contender), []).append(ms)
                for contender, ms in measured.items():
                    times.setdefault((label, t, contender), []).append(ms)
                    if contender != "tconv":
                        ratios.setdefault((label, t, contender), []).append(
                            measured["tconv"] / ms)
                print(f"round {r + 1}/{args.rounds} {label} {t} thr: " +
                      ", ".join(f"{c} {ms:.3f} ms"
                                for c, ms in measured.items()),
                      file=sys.stderr, flush=True)

    with_ort = bool(env_node)
    head = ("| model | threads | PyTorch 1.13 ms | tconv ms | tconv / PyTorch "
            "| tconv compile ms |")
    rule = "|---|---:|---:|---:|---:|---:|"
    if with_ort:
        head += " ONNX Runtime ms | tconv / ORT | ORT load ms |"
        rule += "---:|---:|---:|"
    lines = [head, rule]
    med = statistics.median
    for label, _, _, onnx_file in chosen:
        for t in threads:
            row = (f"| {label} | {t} | {med(times[(label, t, 'torch')]):.3f} "
                   f"| {med(times[(label, t, 'tconv')]):.3f} "
                   f"| **{med(ratios[(label, t, 'torch')]):.2f}** "
                   f"| {med(loads[(label, t, 'tconv')]):.0f} |")
            if with_ort:
                if onnx_file:
                    row += (f" {med(times[(label, t, 'ort')]):.3f} "
                            f"| **{med(ratios[(label, t, 'ort')]):.2f}** "
                            f"| {med(loads[(label, t, 'ort')]):.0f} |")
                else:
                    row += " | | |"
            lines.append(row)
    table = "\n".join(lines) + "\n"
    print(table, end="")
    if args.report:
        with open(args.report, "w") as f:
            f.write(f"Median of {args.rounds} interleaved rounds of "
                    f"{args.calls} calls; `bench/models.py "
                    f"{' '.join(sys.argv[1:])}`, "
                    f"{time.strftime('%Y-%m-%d')}, torch {torch.__version__}, "
                    f"load average {os.getloadavg()[0]:.1f}.\n\n" + table)


if __name__ == "__main__":
    main()
