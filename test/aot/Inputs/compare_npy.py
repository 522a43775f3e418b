"""Compares two float32 .npy files: same shape, |a - b| <= atol + rtol * |b|.

Usage: compare_npy.py ACTUAL EXPECTED [--rtol R] [--atol A]
Prints the largest difference; exits 1 on a mismatch. Standard library only.
"""
import argparse
import ast
import struct
import sys


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:6] != b"\x93NUMPY":
        sys.exit(f"{path}: not a .npy file")
    major = data[6]
    size_bytes = 2 if major == 1 else 4
    (header_len,) = struct.unpack(
        "<H" if size_bytes == 2 else "<I", data[8 : 8 + size_bytes])
    start = 8 + size_bytes
    header = ast.literal_eval(data[start : start + header_len].decode("latin1"))
    if header["descr"] != "<f4" or header["fortran_order"]:
        sys.exit(f"{path}: expected little-endian float32 in C order, got {header}")
    shape = tuple(header["shape"])
    count = 1
    for dim in shape:
        count *= dim
    body = data[start + header_len :]
    if len(body) != 4 * count:
        sys.exit(f"{path}: {len(body)} data bytes for shape {shape}")
    return shape, struct.unpack(f"<{count}f", body)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("actual")
    parser.add_argument("expected")
    parser.add_argument("--rtol", type=float, default=1e-5)
    parser.add_argument("--atol", type=float, default=1e-5)
    args = parser.parse_args()
    shape_a, a = load(args.actual)
    shape_e, e = load(args.expected)
    if shape_a != shape_e:
        sys.exit(f"shape mismatch: {shape_a} vs {shape_e}")
    worst, worst_index, bad = 0.0, 0, 0
    for i, (x, y) in enumerate(zip(a, e)):
        diff = abs(x - y)
        if diff > worst:
            worst, worst_index = diff, i
        if not diff <= args.atol + args.rtol * abs(y):
            bad += 1
    print(f"{len(a)} values, max |diff| {worst:.3g} at flat index {worst_index}, "
          f"{bad} outside tolerance")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
