// DCGAN's 512 -> 256 layer with a dynamic batch: chunks of 8 images run
// Winograd products, whose four phases' transformed filters (18.9 MB) are
// more than the chunks can share through the caches. With one chunk
// (N = 8 to 15) the batch loop calls @main.chunk.once, which transforms
// each phase's filter just before its products as the static code does;
// with more (N = 16) the transforms run once before the loop over chunks.
// Checked against the reference at N = 8, 9 and 16.

// RUN: tconv-run %s --random-inputs --batch=8 --verify --print --dump-ir=loops | FileCheck %s -DN=8 --check-prefixes=CHECK,IR
// RUN: tconv-run %s --random-inputs --batch=9 --verify --print --profile=1 | FileCheck %s -DN=9 --check-prefixes=CHECK,PROFILE
// RUN: tconv-run %s --random-inputs --batch=16 --verify --print | FileCheck %s -DN=16

// IR-LABEL: func.func @main(
//       IR:   scf.if
//       IR:     func.call @main.chunk.once(
//       IR:   } else {
//       IR:     func.call @main.chunk(
// IR-LABEL: func.func private @main.chunk(
// IR-LABEL: func.func private @main.chunk.once(
//  IR-SAME:     tconv.batch_single_image

// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x256x16x16xf32>

// The profile times @main.chunk.once's ops as its own rows: its ops are not
// counted as the brackets of @main.chunk's (which would halve their runs).
// PROFILE:     profile: 1 calls
// PROFILE-NOT: ran 0 times per call
// PROFILE:     (rest)

func.func @main(%x: tensor<?x512x8x8xf32>, %w: tensor<512x256x4x4xf32>) -> tensor<?x256x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<?x256x16x16xf32>
  return %y : tensor<?x256x16x16xf32>
}
