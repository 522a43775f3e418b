// --dump-ir=STAGE prints the module after that stage of
// --tconv-lower-to-llvm, then runs it as usual. The entry's inputs are
// read-only and it gets a C interface.

// RUN: tconv-run %s --input=%S/Inputs/seed_x.npy --input=%S/Inputs/seed_w.npy --dump-ir=decompose --print | FileCheck %s --check-prefix=DECOMPOSE
// DECOMPOSE:      // -----// IR after stage 'decompose' //----- //
// DECOMPOSE:      func.func @main(%{{.*}}: tensor<1x1x2xf32> {bufferization.writable = false}, %{{.*}}: tensor<1x1x3xf32> {bufferization.writable = false}) -> tensor<1x1x3xf32> attributes {llvm.emit_c_interface}
// DECOMPOSE-NOT:  tconv.conv_transpose
// DECOMPOSE:      tconv.conv
// DECOMPOSE-NOT:  tconv.conv_transpose
// DECOMPOSE:      result #0: tensor<1x1x3xf32>
// DECOMPOSE:        values: 2, 5, 4

// The C interface takes the result as an out-param after the arguments.
// RUN: tconv-run %s --random-inputs --dump-ir=llvm | FileCheck %s --check-prefix=LLVM
// LLVM:     // -----// IR after stage 'llvm' //----- //
// LLVM:     llvm.func @_mlir_ciface_main(%{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr, %{{.*}}: !llvm.ptr)
// LLVM-NOT: result #0

func.func @main(%x: tensor<1x1x2xf32>, %w: tensor<1x1x3xf32>) -> tensor<1x1x3xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2] pads = [1, 1]
      : (tensor<1x1x2xf32>, tensor<1x1x3xf32>) -> tensor<1x1x3xf32>
  return %y : tensor<1x1x3xf32>
}

// Without inputs or other actions --dump-ir only prints, and exits 0.
// RUN: tconv-run %s --dump-ir=fused | FileCheck %s --check-prefix=ONLY
// ONLY:     // -----// IR after stage 'fused' //----- //
// ONLY:     linalg.conv_1d_nwc_wcf
// ONLY-NOT: result #0

// --dump-ir=all: every stage, to stdout or one file each in --dump-ir-dir.
// RUN: tconv-run %s --dump-ir=all | FileCheck %s --check-prefix=ALL
// ALL:      IR after stage 'decompose'
// ALL:      IR after stage 'linalg'
// ALL:      IR after stage 'fused'
// ALL:      IR after stage 'vectorized'
// ALL:      IR after stage 'bufferized'
// ALL:      IR after stage 'loops'
// ALL:      IR after stage 'llvm'
// RUN: rm -rf %t.dir && tconv-run %s --dump-ir=all --dump-ir-dir=%t.dir/stages
// RUN: ls %t.dir/stages | FileCheck %s --check-prefix=FILES
// FILES:      1-decompose.mlir
// FILES-NEXT: 2-linalg.mlir
// FILES-NEXT: 3-fused.mlir
// FILES-NEXT: 4-vectorized.mlir
// FILES-NEXT: 5-bufferized.mlir
// FILES-NEXT: 6-loops.mlir
// FILES-NEXT: 7-llvm.mlir
// RUN: FileCheck %s --check-prefix=LLVMFILE --input-file=%t.dir/stages/7-llvm.mlir
// LLVMFILE: llvm.func @_mlir_ciface_main(
// RUN: tconv-opt %t.dir/stages/3-fused.mlir | FileCheck %s --check-prefix=ONLY-PARSES
// ONLY-PARSES: func.func @main

// RUN: not tconv-run %s --dump-ir-dir=%t.dir 2>&1 | FileCheck %s --check-prefix=NODUMP
// NODUMP: tconv-run: --dump-ir-dir needs --dump-ir=STAGE or --dump-ir=all
// RUN: touch %t.file && not tconv-run %s --dump-ir=all --dump-ir-dir=%t.file/x 2>&1 | FileCheck %s --check-prefix=BADDIR
// BADDIR: tconv-run: {{.*}}.file/x: cannot create:
