// RUN: tconv-opt %s --tconv-plan-workspace=alignment=48 -verify-diagnostics

// expected-error @below {{tconv-plan-workspace: alignment must be a power of two, got 48}}
module {
}
