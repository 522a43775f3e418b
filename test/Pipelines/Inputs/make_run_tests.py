#!/usr/bin/python3
"""Regenerates test/Pipelines/run-*.mlir: tconv models with constant integer
inputs whose expected outputs come from torch (float64), printed flattened
by printMemrefF32. Run with a Python that has torch and numpy:
  /usr/bin/python3 test/Pipelines/Inputs/make_run_tests.py
"""
import os
import numpy as np
import torch
import torch.nn.functional as F

# mlir-runner calls @main without arguments: no workspace argument (the
# temporaries are malloc'ed instead; tconv-run's tests cover the workspace).
RUN = ("// RUN: tconv-opt %s --tconv-lower-to-llvm=workspace=false{OPTS} \\\n"
       "// RUN: | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \\\n"
       "// RUN: | FileCheck %s\n")


def tt(shape, et):
    return "tensor<" + "x".join(map(str, shape)) + "x" + et + ">"


def dense(a):
    if a.ndim == 0:
        return repr(float(a))
    return "[" + ", ".join(dense(x) for x in a) + "]"


def fmt(v):
    s = "%g" % v
    return "0" if s == "-0" else s


class Conv:
    def __init__(self, name, n, c, sp, m, k, s=None, pads=None, dl=None, g=1, bias=True, et="f32", seed=0, post=None, opad=None):
        nd = len(sp)
        self.name, self.et, self.g, self.bias, self.post = name, et, g, bias, post
        self.opad = opad
        self.s = s or [1] * nd
        self.pads = pads or [0] * (2 * nd)
        self.dl = dl or [1] * nd
        rng = np.random.default_rng(seed)
        self.x = rng.integers(-2, 3, size=[n, c] + sp).astype(np.float64)
        wshape = [c, m // g] + k if opad is not None else [m, c // g] + k
        self.w = rng.integers(-2, 3, size=wshape).astype(np.float64)
        self.b = rng.integers(-4, 5, size=[m]).astype(np.float64) if bias else None
        if opad is not None:
            tconv = [F.conv_transpose1d, F.conv_transpose2d, F.conv_transpose3d][nd - 1]
            full = tconv(torch.tensor(self.x), torch.tensor(self.w), None, stride=self.s, dilation=self.dl, groups=g)
            padspec = []
            for i in reversed(range(nd)):
                padspec += [0, opad[i]]
            full = F.pad(full, padspec)
            idx = [slice(None), slice(None)] + [slice(self.pads[i], full.shape[2 + i] - self.pads[nd + i]) for i in range(nd)]
            y = full[tuple(idx)]
            if bias:
                y = y + torch.tensor(self.b).reshape([1, m] + [1] * nd)
            self.y = y.numpy()
            return
        xt = torch.tensor(self.x)
        padspec = []
        for i in reversed(range(nd)):
            padspec += [self.pads[i], self.pads[nd + i]]
        xt = F.pad(xt, padspec)
        conv = [F.conv1d, F.conv2d, F.conv3d][nd - 1]
        y = conv(xt, torch.tensor(self.w), torch.tensor(self.b) if bias else None,
                 stride=self.s, dilation=self.dl, groups=g)
        if post:
            y = post(y)
        self.y = y.numpy()

    def func(self):
        et = self.et
        xs, ws, ys = list(self.x.shape), list(self.w.shape), list(self.y.shape)
        m = ys[1]
        args = [f"%x: {tt(xs, et)}", f"%w: {tt(ws, et)}"] + ([f"%b: {tt([m], et)}"] if self.bias else [])
        ops = "%x, %w" + (", %b" if self.bias else "")
        types = ", ".join([tt(xs, et), tt(ws, et)] + ([tt([m], et)] if self.bias else []))
        nd = len(xs) - 2
        attrs = []
        if self.s != [1] * nd: attrs.append(f"strides = {self.s}")
        if self.pads != [0] * (2 * nd): attrs.append(f"pads = {self.pads}")
        if self.dl != [1] * nd: attrs.append(f"dilations = {self.dl}")
        if self.opad is not None and self.opad != [0] * nd: attrs.append(f"output_padding = {self.opad}")
        if self.g != 1: attrs.append(f"group = {self.g}")
        opname = "tconv.conv_transpose" if self.opad is not None else "tconv.conv"
        body = f"  %y = {opname} {ops} {' '.join(attrs)}\n      : ({types}) -> {tt(ys, et)}\n"
        ret = "%y"
        if self.post_mlir:
            body += self.post_mlir
            ret = "%r"
        return (f"func.func @{self.name}({', '.join(args)}) -> {tt(ys, et)} {{\n" + body +
                f"  return {ret} : {tt(ys, et)}\n}}\n")

    post_mlir = ""

    def call(self, i):
        et = self.et
        xs, ws, ys = list(self.x.shape), list(self.w.shape), list(self.y.shape)
        total = int(np.prod(ys))
        lines = [f"  %x{i} = arith.constant dense<{dense(self.x)}> : {tt(xs, et)}",
                 f"  %w{i} = arith.constant dense<{dense(self.w)}> : {tt(ws, et)}"]
        ops = f"%x{i}, %w{i}"
        types = [tt(xs, et), tt(ws, et)]
        if self.bias:
            lines.append(f"  %b{i} = arith.constant dense<{dense(self.b)}> : {tt([ys[1]], et)}")
            ops += f", %b{i}"
            types.append(tt([ys[1]], et))
        lines.append(f"  %y{i} = call @{self.name}({ops}) : ({', '.join(types)}) -> {tt(ys, et)}")
        src = f"%y{i}"
        if et != "f32":
            cast = "arith.truncf" if et == "f64" else "arith.extf"
            lines.append(f"  %e{i} = {cast} %y{i} : {tt(ys, et)} to {tt(ys, 'f32')}")
            src = f"%e{i}"
        reassoc = "[[" + ", ".join(map(str, range(len(ys)))) + "]]"
        lines += [f"  %f{i} = tensor.collapse_shape {src} {reassoc} : {tt(ys, 'f32')} into tensor<{total}xf32>",
                  f"  %m{i} = bufferization.to_buffer %f{i} : tensor<{total}xf32> to memref<{total}xf32>",
                  f"  %u{i} = memref.cast %m{i} : memref<{total}xf32> to memref<*xf32>",
                  f"  call @printMemrefF32(%u{i}) : (memref<*xf32>) -> ()"]
        return "\n".join(lines)

    def check(self):
        vals = ",  ".join(fmt(v) for v in self.y.reshape(-1))
        return f"// CHECK-LABEL: sizes = [{int(np.prod(self.y.shape))}]\n// CHECK-NEXT: [{vals}]\n"


def write(path, header, convs, opts=""):
    out = [RUN.replace("{OPTS}", opts), header, ""]
    for c in convs:
        out.append(f"// {c.name}: {c.doc}")
        out.append(c.check())
    out += [c.func() for c in convs]
    out.append("func.func @main() {")
    out += [c.call(i) for i, c in enumerate(convs)]
    out += ["  return", "}", "func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}", ""]
    open(path, "w").write("\n".join(out))


D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "")

def conv(doc, *a, **k):
    c = Conv(*a, **k); c.doc = doc; return c

write(D + "run-conv2d.mlir",
"""// Numerics of scheduled 2-D convolutions against torch: each part of the
// split (output width 5 = 4 + 1, output channels 9 = 8 + 1, input channels
// 17 = 16 + 1) must land in the right place.""",
[conv("splits in ow, f and c; pads; bias", "remainders", 1, 17, [2, 5], 9, [2, 3], pads=[0, 1, 1, 1], seed=1),
 conv("stride 2, dilation 2, asymmetric pads, batch 2", "strided_dilated", 2, 3, [7, 9], 16, [3, 2], s=[2, 2], pads=[2, 0, 1, 3], dl=[2, 2], seed=2),
 conv("ungrouped, no bias, kernel as large as the padded input", "big_kernel", 1, 2, [3, 3], 8, [3, 5], pads=[0, 1, 0, 1], bias=False, seed=3)])

write(D + "run-conv1d-3d.mlir",
"""// Numerics of 1-D and 3-D convolutions (f32 and f64) against torch.""",
[conv("1-D, stride 3, dilation 2, 33 output channels", "conv1d", 1, 4, [23], 33, [3], s=[3], pads=[2, 1], dl=[2], seed=4),
 conv("1-D f64", "conv1d_f64", 2, 3, [9], 5, [2], pads=[1, 1], et="f64", seed=5),
 conv("3-D, strides and dilations", "conv3d", 1, 3, [4, 5, 6], 10, [2, 2, 3], s=[1, 2, 1], pads=[1, 0, 1, 0, 1, 1], dl=[2, 1, 1], seed=6)])

write(D + "run-grouped.mlir",
"""// Numerics of grouped and depthwise convolutions against torch.""",
[conv("grouped 2-D (group 2)", "grouped2d", 1, 6, [4, 5], 4, [3, 3], pads=[1, 1, 1, 1], g=2, seed=7),
 conv("depthwise 2-D, stride 2", "depthwise2d", 1, 5, [6, 6], 5, [3, 3], s=[2, 2], pads=[1, 1, 1, 1], g=5, seed=8),
 conv("depthwise 2-D with multiplier 3", "depthwise_multiplier", 1, 2, [4, 4], 6, [2, 2], g=2, seed=9),
 conv("grouped 1-D (group 3), dilation 2", "grouped1d", 2, 6, [8], 9, [2], dl=[2], g=3, seed=10),
 conv("grouped 3-D (group 2)", "grouped3d", 1, 4, [3, 3, 3], 4, [2, 2, 2], g=2, bias=False, seed=11)])

write(D + "run-half.mlir",
"""// f16 and bf16 convolutions accumulate in f32; the operands are small
// integers, so the f16/bf16 results are exact.""",
[conv("f16 2-D with bias", "half2d", 1, 8, [3, 5], 9, [3, 3], pads=[1, 1, 1, 1], et="f16", seed=12),
 conv("bf16 1-D", "bf16_1d", 1, 3, [6], 4, [3], et="bf16", seed=13),
 conv("f16 depthwise 2-D", "half_depthwise", 1, 3, [4, 4], 3, [3, 3], pads=[1, 1, 1, 1], g=3, et="f16", seed=14)])

c = conv("conv, then arith.maximumf ReLU, tosa.clamp to [0, 2], math.tanh", "mixed", 1, 3, [3, 4], 4, [3, 3], pads=[1, 1, 1, 1], seed=15,
         post=lambda y: torch.tanh(torch.clamp(torch.relu(y), 0.0, 2.0)))
c.post_mlir = """  %zero = arith.constant dense<0.0> : tensor<1x4x3x4xf32>
  %relu = arith.maximumf %y, %zero : tensor<1x4x3x4xf32>
  %clamp = tosa.clamp %relu {min_val = 0.0 : f32, max_val = 2.0 : f32}
      : (tensor<1x4x3x4xf32>) -> tensor<1x4x3x4xf32>
  %r = math.tanh %clamp : tensor<1x4x3x4xf32>
"""
write(D + "run-mixed-ops.mlir",
"""// A model mixing tconv with upstream elementwise ops on tensors (arith,
// tosa, math): they fuse into the layout change after the convolution.""",
[c])

write(D + "run-conv-transpose.mlir",
"""// Transposed convolutions through the whole pipeline (decomposed into
// direct convolutions, then scheduled), against torch's conv_transpose with
// ONNX pads (crop) and output_padding.""",
[conv("the seed example: x = [1, -1], w = [1, -2, 2] gives [x1*w2, x1*w3 + x2*w1, x2*w2]", "seed1d", 1, 1, [2], 1, [3], s=[2], pads=[1, 1], bias=False, opad=[0], seed=22),
 conv("2-D, stride 2, output_padding 1, asymmetric pads, 16 -> 12 channels", "strided2d", 1, 16, [4, 5], 12, [3, 3], s=[2, 2], pads=[1, 0, 0, 2], opad=[1, 1], seed=21),
 conv("grouped 2-D with C_out/group = 2, stride 3 > kernel 2", "grouped2d", 1, 4, [3, 3], 4, [2, 2], s=[3, 3], g=2, opad=[0, 2], seed=22),
 conv("1-D, stride 4, dilation 2 (vocoder-like upsampling)", "upsample1d", 1, 3, [5], 2, [5], s=[4], pads=[2, 1], dl=[2], opad=[1], seed=23)])
