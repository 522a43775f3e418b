// A transposed convolution whose phases run Winograd products over chunks
// of 8 images. Its batch loop makes the taps-first copy of the filter
// (256 KiB) and, from it, the four phases' transformed filters, all before
// the loop over chunks; the copy is dead once they are made, so
// tconv-plan-workspace gives its bytes to the chunks' workspace (the
// workspace: 1.32 MB instead of 1.58). Checked against the reference at
// N = 8 (one chunk) and N = 9 (a chunk and a lone image).

// RUN: tconv-run %s --random-inputs --batch=8 --verify --print --dump-ir=loops | FileCheck %s -DN=8 --check-prefixes=CHECK,IR
// RUN: tconv-run %s --random-inputs --batch=9 --verify --print | FileCheck %s -DN=9

// IR-LABEL: func.func @main(
//  IR-SAME:     %[[WS:[^:]*]]: memref<1318912xi8>)
//  IR-SAME:     tconv.batch_loop
//       IR:   %[[COPY:.*]] = memref.view %[[WS]][%[[ZERO:.*]]][] : memref<1318912xi8> to memref<4x4x64x64xf32>
//       IR:   %[[CHUNK_WS:.*]] = memref.view %[[WS]][%[[ZERO]]][] : memref<1318912xi8> to memref<{{[0-9]+}}xi8>
//       IR:   scf.for
//       IR:     func.call @main.chunk({{.*}}, %[[CHUNK_WS]])

// CHECK: verify result #0: {{.*}}: ok
// CHECK: result #0: tensor<[[N]]x64x16x16xf32>

func.func @main(%x: tensor<?x64x8x8xf32>, %w: tensor<64x64x4x4xf32>) -> tensor<?x64x16x16xf32> {
  %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
      : (tensor<?x64x8x8xf32>, tensor<64x64x4x4xf32>) -> tensor<?x64x16x16xf32>
  return %y : tensor<?x64x16x16xf32>
}
