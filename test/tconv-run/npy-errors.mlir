// Every malformed or mismatching .npy input is a one-line error naming the
// file and what differs, with exit code 1.

// RUN: not tconv-run %s --input=%S/Inputs/bad_magic.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=MAGIC
// MAGIC: tconv-run: {{.*}}bad_magic.npy: not a .npy file (bad magic string)

// RUN: not tconv-run %s --input=%S/Inputs/truncated_header.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=HEADER
// HEADER: tconv-run: {{.*}}truncated_header.npy: truncated .npy header (needs 118 bytes, file has 30)

// RUN: not tconv-run %s --input=%S/Inputs/truncated_data.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=DATA
// DATA: tconv-run: {{.*}}truncated_data.npy: truncated data: shape 1x1x2 of '<f4' needs 8 bytes, file has 4

// RUN: not tconv-run %s --input=%S/Inputs/fortran.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=FORTRAN
// FORTRAN: tconv-run: {{.*}}fortran.npy: Fortran-order arrays are not supported (save a C-order array, e.g. np.ascontiguousarray)

// RUN: not tconv-run %s --input=%S/Inputs/int32.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=INT
// INT: tconv-run: {{.*}}int32.npy: dtype i32 does not match argument #0 of @main (tensor<1x1x2xf32>)

// RUN: not tconv-run %s --input=%S/Inputs/bigendian.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=BIG
// BIG: tconv-run: {{.*}}bigendian.npy: unsupported dtype '>f4' (supported: '<f2', '<f4', '<f8', '|b1', '|i1', '<i2', '<i4', '<i8', '|u1', '<u2', '<u4', '<u8', big-endian data is not supported)

// RUN: not tconv-run %s --input=%S/Inputs/seed_x_f64.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: tconv-run: {{.*}}seed_x_f64.npy: dtype f64 does not match argument #0 of @main (tensor<1x1x2xf32>)

// RUN: not tconv-run %s --input=%S/Inputs/seed_x_1x2.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: tconv-run: {{.*}}seed_x_1x2.npy: shape 1x2 does not match argument #0 of @main (tensor<1x1x2xf32>)

// RUN: not tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_x.npy 2>&1 | FileCheck %s --check-prefix=SECOND
// SECOND: tconv-run: {{.*}}seed_x.npy: shape 1x1x2 does not match argument #1 of @main (tensor<1x1x3xf32>)

// RUN: not tconv-run %s --input=%t.missing.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=MISSING
// MISSING: tconv-run: {{.*}}.missing.npy: cannot read: No such file or directory

// RUN: not tconv-run %s --input=%S/Inputs/seed_x.npy 2>&1 | FileCheck %s --check-prefix=FEW
// FEW: tconv-run: @main takes 2 arguments but 1 --input value given; no value for #1 (add --input or --random-inputs)

// RUN: not tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --input=%S/Inputs/seed_w.npy 2>&1 | FileCheck %s --check-prefix=MANY
// MANY: tconv-run: 3 --input values given in order, but @main takes 2 arguments

// RUN: not tconv-run %s --random-inputs --output=%t.a.npy --output=%t.b.npy 2>&1 | FileCheck %s --check-prefix=OUTPUTS
// OUTPUTS: tconv-run: 2 --output files given, but @main returns 1 result

// RUN: not tconv-run %s --random-inputs --output=%t.no/such/dir.npy 2>&1 | FileCheck %s --check-prefix=WRITE
// WRITE: tconv-run: {{.*}}.no/such/dir.npy: cannot write: No such file or directory

// The signature of the seed example; only the argument types matter here.
func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  return %w : tensor<1x1x3xf32>
}
