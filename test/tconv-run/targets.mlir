// --mcpu/--mattr choose the CPU the JIT compiles for; the schedule's vector
// width follows it (8 f32 lanes with AVX2), and the host must run the code.

// RUN: tconv-run %s --mcpu=x86-64-v3 --random-inputs --verify --dump-ir=vectorized | FileCheck %s --check-prefix=AVX2
// RUN: tconv-run %s --mattr=-avx512f --random-inputs --verify --dump-ir=vectorized | FileCheck %s --check-prefix=AVX2
// AVX2:     IR after stage 'vectorized'
// AVX2-NOT: vector.fma {{.*}} : vector<16xf32>
// AVX2:     vector.fma {{.*}} : vector<8xf32>
// AVX2-NOT: vector.fma {{.*}} : vector<16xf32>
// AVX2:     verify result #0: {{.*}}: ok

// A CPU or features this machine lacks (no CPU has both AMD's SSE4a and
// Intel's AMX) are refused before any code runs.
// RUN: not tconv-run %s --random-inputs --mattr=+sse4a,+amx-tile 2>&1 | FileCheck %s --check-prefix=LACKS
// LACKS: tconv-run: this CPU ({{.*}}) lacks features of target CPU '{{.*}}' that the code may use: {{.*}}{{sse4a|amx-tile}}{{.*}}; code compiled in process must run here (cross-compile with tconv-compile)
// RUN: not tconv-run %s --random-inputs --target=aarch64-linux-gnu --mcpu=generic 2>&1 | FileCheck %s --check-prefix=TRIPLE
// TRIPLE: tconv-run: target 'aarch64-unknown-linux-gnu' is not this machine's ({{.*}}): code compiled in process runs here; cross-compile with tconv-compile
// RUN: not tconv-run %s --random-inputs --mcpu=pentium9 2>&1 | FileCheck %s --check-prefix=CPU
// CPU: tconv-run: 'pentium9' is not a CPU of x86_64
// RUN: not tconv-run %s --random-inputs --mattr=avx2 2>&1 | FileCheck %s --check-prefix=SIGN
// SIGN: tconv-run: feature 'avx2' needs a + (enable) or - (disable) sign, e.g. +avx2
// RUN: not tconv-run %s --random-inputs --mattr=+avx9 2>&1 | FileCheck %s --check-prefix=FEATURE
// FEATURE: tconv-run: 'avx9' is not a feature of x86_64

func.func @main(%x: tensor<1x8x10x10xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x8x8xf32> {
  %y = tconv.conv %x, %w : (tensor<1x8x10x10xf32>, tensor<16x8x3x3xf32>) -> tensor<1x16x8x8xf32>
  return %y : tensor<1x16x8x8xf32>
}
