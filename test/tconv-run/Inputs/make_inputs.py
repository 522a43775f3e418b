#!/usr/bin/env python3
"""Regenerates the checked-in inputs of the tconv-run tests (needs NumPy).

The PNG is written by hand with zlib so that it does not depend on libpng,
which tconv-run itself uses.
"""
import struct
import zlib

import numpy as np

np.save('seed_x.npy', np.array([1, 2], dtype='<f4').reshape(1, 1, 2))
np.save('seed_w.npy', np.array([1, 2, 3], dtype='<f4').reshape(1, 1, 3))
np.save('seed_w_inf.npy', np.array([1, np.inf, 3], dtype='<f4').reshape(1, 1, 3))
np.save('seed_x_f64.npy', np.array([1, 2], dtype='<f8').reshape(1, 1, 2))
np.save('seed_x_1x2.npy', np.array([1, 2], dtype='<f4').reshape(1, 2))
np.save('fortran.npy', np.asfortranarray(np.zeros((2, 3), dtype='<f4')))
np.save('int32.npy', np.array([1, 2], dtype='<i4').reshape(1, 1, 2))
np.save('bigendian.npy', np.array([1, 2], dtype='>f4').reshape(1, 1, 2))
# Three input channels whose f32 sum a + b + c the bf16 1x1 convolution of
# bf16-rounding.test rounds: ties to even, sticky bits, overflow, NaN.
max_bf16 = np.frombuffer(np.uint32(0x7f7f0000).tobytes(), dtype='<f4')[0]
rounding_cases = [
    (1, 2**-8, 0), (1.0078125, 2**-8, 0), (1, 2**-8, 2**-16),
    (max_bf16, 2**119, 0), (np.nan, 0, 0), (-1, -2**-8, 0), (1, 2**-9, 0),
    (1, 3 * 2**-9, 0), (-np.inf, 0, 0), (max_bf16, 2**118, 0),
    (-0.0, -0.0, -0.0), (2, 2**-7, 0), (2, 2**-7, 2**-15),
    (3.015625, 2**-7, 0), (100, 0.25, 0), (1, 1, 1)]
np.save('bf16-rounding.npy',
        np.ascontiguousarray(
            np.array(rounding_cases, dtype='<f4').T).reshape(1, 3, 16))
with open('bad_magic.npy', 'wb') as f:
    f.write(b'PK\x03\x04 this is a zip, not an npy file')
full = open('seed_x.npy', 'rb').read()
with open('truncated_header.npy', 'wb') as f:
    f.write(full[:40])
with open('truncated_data.npy', 'wb') as f:
    f.write(full[:-4])


def write_png(path, width, height, rows, color_type, bit_depth=8):
    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xffffffff
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', crc)
    raw = b''.join(b'\x00' + bytes(row) for row in rows)
    header = struct.pack('>IIBBBBB', width, height, bit_depth, color_type, 0, 0, 0)
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) +
                chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


# Row 0: red, green, blue; row 1: white, black, gray 51.
write_png('rgb_3x2.png', 3, 2, [[255, 0, 0, 0, 255, 0, 0, 0, 255],
                                [255, 255, 255, 0, 0, 0, 51, 51, 51]], 2)

# A header that declares 16384x16384 16-bit RGB (1.5 GiB of pixels) over
# 100 bytes of compressed data: rejected before anything is allocated.
with open('forged_16384x16384x16bit.png', 'wb') as f:
    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xffffffff
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', crc)
    header = struct.pack('>IIBBBBB', 16384, 16384, 16, 2, 0, 0, 0)
    f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) +
            chunk(b'IDAT', zlib.compress(b'\x00' * 100)) + chunk(b'IEND', b''))

# A header declaring 10^10 floats (40 GB) followed by 16 bytes.
with open('huge_declared.npy', 'wb') as f:
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 10000000000), }"
    header += ' ' * ((64 - (10 + len(header) + 1) % 64) % 64) + '\n'
    f.write(b'\x93NUMPY\x01\x00' + struct.pack('<H', len(header)) +
            header.encode() + b'\x00' * 16)
