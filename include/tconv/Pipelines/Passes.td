#ifndef TCONV_PIPELINES_PASSES_TD
#define TCONV_PIPELINES_PASSES_TD

include "mlir/Pass/PassBase.td"

def TConvEmitCInterface : Pass<"tconv-emit-c-interface", "::mlir::ModuleOp"> {
  let summary = "Request C-compatible wrappers for every public function";
  let description = [{
    Sets `llvm.emit_c_interface` on every public `func.func` that has a body,
    so that `--convert-func-to-llvm` also emits `_mlir_ciface_<name>`, which
    takes each memref as a pointer to its descriptor. A JIT or C++ caller
    then needs no knowledge of how descriptors are exploded into scalar
    arguments.

    Example:

    ```mlir
    func.func @f(%a: memref<4xf32>) { ... }
    ```

    becomes

    ```mlir
    func.func @f(%a: memref<4xf32>) attributes {llvm.emit_c_interface} { ... }
    ```
  }];
}

#endif // TCONV_PIPELINES_PASSES_TD
