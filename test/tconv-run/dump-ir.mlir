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
