// RUN: tconv-opt %s --tconv-vectorize-convs=f-tile=12 -verify-diagnostics

// expected-error @below {{tconv-vectorize-convs: tiles must be >= 1 and f-tile a multiple of f-vector}}
func.func @bad_options() {
  return
}
