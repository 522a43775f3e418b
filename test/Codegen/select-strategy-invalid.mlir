// RUN: tconv-opt %s --tconv-select-strategy="vector-width=16 f-tile=24" -verify-diagnostics

// expected-error @below {{tconv-select-strategy: sizes and fma-pipes must be >= 1 and f-tile a multiple of vector-width}}
func.func @bad_options() {
  return
}
