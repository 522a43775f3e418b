#!/usr/bin/python3
"""The example models through tconv-run against PyTorch 1.13 (and, with
--ort, ONNX Runtime), at the same thread counts: `make bench-models`.

Run with Debian's /usr/bin/python3 (python3-torch, numpy); tconv itself does
not need Python. Models: examples/onnx/*.onnx (PyTorch runs the modules of
examples/onnx/export_models.py that were exported to them) and
examples/models/*.mlir (PyTorch runs the same layers with torch.nn.functional,
the weights scaled on every call as the .mlir functions do).

Each round times every model with every contender at every thread count,
one after the other (A B A B ...): tconv-run --bench=CALLS --threads=T (the
median of CALLS kernel calls, compile time not counted), PyTorch the median
of CALLS calls of the module under torch.no_grad() with
torch.set_num_threads(T), ONNX Runtime the median of CALLS session.run calls
with intraOpNumThreads = T (bench/ort-bench.js under node). The table shows
the median over rounds of each contender's time and of the per-round ratio
tconv / contender (< 1: tconv is faster), so that a slow round on a shared
machine slows both sides of its ratio alike.
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


def scaled(shape, scale, generator):
    """Random weights in [-1, 1); the .mlir functions scale them per call."""
    return (torch.rand(shape, generator=generator) * 2 - 1, scale)


def mlir_model(name):
    """examples/models/NAME.mlir as torch.nn.functional calls."""
    g = torch.Generator().manual_seed(0)
    if name == "dcgan":
        x = torch.rand(1, 100, 1, 1, generator=g)
        ws = [scaled(s, k, g) for s, k in [
            ((100, 512, 4, 4), 0.245), ((512, 256, 4, 4), 0.0541),
            ((256, 128, 4, 4), 0.0765), ((128, 64, 4, 4), 0.108),
            ((64, 3, 4, 4), 0.153)]]

        def forward(x):
            y = F.relu(F.conv_transpose2d(x, ws[0][0] * ws[0][1]))
            for w, k in ws[1:-1]:
                y = F.relu(F.conv_transpose2d(y, w * k, stride=2, padding=1))
            w, k = ws[-1]
            return torch.tanh(F.conv_transpose2d(y, w * k, stride=2,
                                                 padding=1))
    elif name == "autoencoder":
        x = torch.rand(1, 3, 64, 64, generator=g)
        e1, e2 = scaled((16, 3, 3, 3), 0.471, g), scaled((32, 16, 3, 3), 0.204, g)
        d1, d2 = scaled((32, 16, 3, 3), 0.289, g), scaled((16, 3, 3, 3), 0.408, g)
        b = [torch.rand(n, generator=g) for n in (16, 32, 16, 3)]

        def forward(x):
            y = F.relu(F.conv2d(x, e1[0] * e1[1], b[0], stride=2, padding=1))
            y = F.relu(F.conv2d(y, e2[0] * e2[1], b[1], stride=2, padding=1))
            y = F.relu(F.conv_transpose2d(y, d1[0] * d1[1], b[2], stride=2,
                                          padding=1, output_padding=1))
            return torch.tanh(F.conv_transpose2d(
                y, d2[0] * d2[1], b[3], stride=2, padding=1,
                output_padding=1))
    elif name == "fcnn":
        x = torch.rand(1, 32, 64, 64, generator=g)
        w1, w2 = scaled((64, 32, 9, 9), 0.0481, g), scaled((32, 64, 7, 7), 0.0437, g)
        t1, w3 = scaled((32, 32, 4, 4), 0.217, g), scaled((16, 32, 5, 5), 0.0866, g)
        t2, w4 = scaled((16, 16, 4, 4), 0.306, g), scaled((1, 16, 1, 1), 0.612, g)
        b = [torch.rand(n, generator=g) for n in (64, 32, 32, 16, 16, 1)]

        def forward(x):
            y = F.relu(F.conv2d(x, w1[0] * w1[1], b[0], padding=4))
            y = F.relu(F.conv2d(y, w2[0] * w2[1], b[1], padding=3))
            y = F.relu(F.conv_transpose2d(y, t1[0] * t1[1], b[2], stride=2,
                                          padding=1))
            y = F.relu(F.conv2d(y, w3[0] * w3[1], b[3], padding=2))
            y = F.relu(F.conv_transpose2d(y, t2[0] * t2[1], b[4], stride=2,
                                          padding=1))
            return F.conv2d(y, w4[0] * w4[1], b[5])
    elif name == "vocoder":
        x = torch.rand(1, 80, 256, generator=g)
        w0, t1 = scaled((512, 80, 7), 0.104, g), scaled((512, 256, 16), 0.0765, g)
        t2, w3 = scaled((256, 128, 4), 0.108, g), scaled((1, 128, 7), 0.0818, g)
        b = [torch.rand(n, generator=g) for n in (512, 256, 128, 1)]

        def forward(x):
            y = F.leaky_relu(F.conv1d(x, w0[0] * w0[1], b[0], padding=3), 0.2)
            y = F.leaky_relu(F.conv_transpose1d(y, t1[0] * t1[1], b[1],
                                                stride=8, padding=4), 0.2)
            y = F.leaky_relu(F.conv_transpose1d(y, t2[0] * t2[1], b[2],
                                                stride=2, padding=1), 0.2)
            return torch.tanh(F.conv1d(y, w3[0] * w3[1], b[3], padding=3))
    else:
        raise KeyError(name)
    return forward, (x,)


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


def time_tconv(tconv_run, args, threads, calls):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([tconv_run, *args, f"--bench={calls}",
                        f"--threads={threads}", f"--bench-json={out.name}"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return json.load(open(out.name))["median_ms"]


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
    out = subprocess.run([node, script, os.path.join(ROOT, onnx_file),
                          str(threads), str(calls)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)["median_ms"]


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
    chosen = [m for m in MODELS
              if not args.models or m[0] in args.models.split(",")]
    ort_script = os.path.join(ROOT, "bench", "ort-bench.js")
    env_node = None
    if args.ort:
        os.environ["NODE_PATH"] = os.path.join(os.path.abspath(args.ort),
                                               "node_modules")
        env_node = "node"

    built = {label: build() for label, _, build, _ in chosen}
    # times[(label, threads, contender)] = one median per round;
    # ratios[(label, threads, contender)] = tconv / contender per round.
    times, ratios = {}, {}
    for r in range(args.rounds):
        for label, tconv_args, _, onnx_file in chosen:
            for t in threads:
                model, inputs = built[label]
                measured = {
                    "tconv": time_tconv(args.tconv_run, tconv_args, t,
                                        args.calls),
                    "torch": time_torch(model, inputs, t, args.calls)}
                if env_node and onnx_file:
                    measured["ort"] = time_ort(env_node, ort_script,
                                               onnx_file, t, args.calls)
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
    head = "| model | threads | PyTorch 1.13 ms | tconv ms | tconv / PyTorch |"
    rule = "|---|---:|---:|---:|---:|"
    if with_ort:
        head += " ONNX Runtime ms | tconv / ORT |"
        rule += "---:|---:|"
    lines = [head, rule]
    med = statistics.median
    for label, _, _, onnx_file in chosen:
        for t in threads:
            row = (f"| {label} | {t} | {med(times[(label, t, 'torch')]):.3f} "
                   f"| {med(times[(label, t, 'tconv')]):.3f} "
                   f"| **{med(ratios[(label, t, 'torch')]):.2f}** |")
            if with_ort:
                if onnx_file:
                    row += (f" {med(times[(label, t, 'ort')]):.3f} "
                            f"| **{med(ratios[(label, t, 'ort')]):.2f}** |")
                else:
                    row += " | |"
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
