// f16 tensors are exchanged as '<f2' .npy files; bf16 ones (NumPy has no
// bfloat16) as '<f4' files, rounded to nearest-even on the way in.

// RUN: tconv-run %s --entry=bf16 --input=%S/Inputs/seed_x.npy --output=%t.bf16.npy --print | FileCheck %s --check-prefix=BF16
// BF16:      result #0: tensor<1x1x2xbf16>
// BF16:        values: 1, 2
// RUN: tconv-run %s --entry=f32 --input=%t.bf16.npy | FileCheck %s --check-prefix=F32
// F32:       result #0: tensor<1x1x2xf32>
// F32:         values: 1, 2

// RUN: not tconv-run %s --entry=bf16 --input=%S/Inputs/seed_x_f64.npy 2>&1 | FileCheck %s --check-prefix=BF16-DTYPE
// BF16-DTYPE: tconv-run: {{.*}}seed_x_f64.npy: dtype f64 does not match argument #0 of @bf16 (tensor<1x1x2xbf16>) (bf16 is read from float32 '<f4' files)

// RUN: tconv-run %s --entry=f16 --random-inputs=3 --output=%t.f16.npy --print | FileCheck %s --check-prefix=F16
// RUN: tconv-run %s --entry=f16 --input=%t.f16.npy | FileCheck %s --check-prefix=F16
// F16:       result #0: tensor<1x1x2xf16>
// F16-NEXT:    min -0.787109  max 0.941895  mean 0.0773926
// F16-NEXT:    values: 0.941895, -0.787109
// RUN: not tconv-run %s --entry=f16 --input=%S/Inputs/seed_x.npy 2>&1 | FileCheck %s --check-prefix=F16-DTYPE
// F16-DTYPE: tconv-run: {{.*}}seed_x.npy: dtype f32 does not match argument #0 of @f16 (tensor<1x1x2xf16>)

func.func @bf16(%x: tensor<1x1x2xbf16>) -> tensor<1x1x2xbf16> {
  return %x : tensor<1x1x2xbf16>
}
func.func @f32(%x: tensor<1x1x2xf32>) -> tensor<1x1x2xf32> {
  return %x : tensor<1x1x2xf32>
}
func.func @f16(%x: tensor<1x1x2xf16>) -> tensor<1x1x2xf16> {
  return %x : tensor<1x1x2xf16>
}
