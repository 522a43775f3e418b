#ifndef TCONV_CODEGEN_PASSES_TD
#define TCONV_CODEGEN_PASSES_TD

include "mlir/Pass/PassBase.td"

def TConvEntryPointABI : Pass<"tconv-entry-point-abi", "::mlir::ModuleOp"> {
  let summary = "Fix the calling convention of public functions";
  let description = [{
    Public functions with a body are the entry points a JIT or C++ caller
    invokes; this pass gives them the ABI documented in Pipelines.h. Run it
    before bufferization.

    * Tensor arguments are read-only (`bufferization.writable = false`):
      callers reuse input buffers across calls, so an op that would update an
      input in place works on a copy instead.
    * `llvm.emit_c_interface`: `--convert-func-to-llvm` also emits
      `_mlir_ciface_<name>`, which takes each memref as a pointer to its
      descriptor, so callers need not know how descriptors are exploded into
      scalar arguments.

    Example:

    ```mlir
    func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> { ... }
    ```

    becomes

    ```mlir
    func.func @f(%x: tensor<4xf32> {bufferization.writable = false})
        -> tensor<4xf32> attributes {llvm.emit_c_interface} { ... }
    ```
  }];
}

def TConvSelectStrategy
    : Pass<"tconv-select-strategy", "::mlir::func::FuncOp"> {
  let summary = "Record the schedule of each tconv.conv for the target";
  let description = [{
    Decides, for each `tconv.conv`, how it is computed and records it as a
    discardable `tconv.schedule` dictionary (see
    `include/tconv/Codegen/Strategy.h`): every schedule decision lives in
    one place, and `--dump-ir=linalg` shows what each convolution gets.
    `--tconv-convert-to-linalg` picks the layout from the kind and carries
    the attribute to the linalg convolution; `--tconv-vectorize-convs` and
    `--tconv-vectorize-convs-along-width` obey it. Kinds:

    * `width`: ungrouped f32 convolutions with fewer than `vector-width`
      output channels, unit stride and dilation along the width and at
      least `vector-width` outputs along it stay NCHW and get vectors along
      the width; so do, with `fma-pipes=1`, those between the caller's NCHW
      input and result (`prefersWidthAtBoundary`) with a pointwise kernel
      and a whole number of vectors along the width:
      `f_tile` channels times `row_tile` rows (2-D, 3-D) or
      `vec_tile` vectors (1-D) of accumulators per tile, up to 16 with
      AVX-512's 32 vector registers and 8 with AVX2's 16;
    * `channels-last`: other ungrouped and depthwise convolutions compute
      channels-last in tiles of `ow_tile` output positions x `f_tile`
      output channels (`f-tile` f32 lanes; as many bytes for f64), reducing
      `c_tile` input channels and `kw_tile` kernel taps per step. Few output
      channels scale `ow_tile` up (by up to 4) to keep as many accumulators;
      wide kernels take fewer input channels per step (at most 48 unrolled
      products), kernels at most 2 wide one; `kw_tile` is the whole kernel
      row (up to 16 taps) or, where its operands would not fit next to the
      accumulators in 32 registers, the largest divisor of it that does
      (3 of C1's 9 taps with 8 x 2 accumulators);
      with `bf16-dot` (a target with AVX512_BF16), ungrouped bf16 ones whose
      input channels come in pairs and output channels in vectors of 16
      get `dot_width = 2`: their operands stay bf16 and vdpbf16ps adds a
      pair of input channels per instruction to f32 accumulators, twice
      the products of an f32 FMA (4 vectors x 6 positions per tile, up to
      12 tap x channel-pair steps unrolled);
      With `winograd`, f32 ones (and bf16 ones with `dot_width`) with a
      2x2 or 3x3 kernel at unit stride and dilation, an even output size,
      enough channels and output tiles (`fitsWinograd`; 2x2 kernels need
      twice the channels on a target with `fma-pipes=2`) get
      `winograd_tile = 2` (`--tconv-winograd-convs`), the tile sizes then
      those of the 1x1 products over the H/2 x W/2 tiles. Direct ones whose
      filter is at most 512 KiB and no larger than their input get
      `rows_outer = 1`: their tiles go rows first, so that each thread
      reads its own input rows (mostly written on its core by the op
      before) and the whole small filter, instead of the whole input and
      half of the filter (T4 at 2 threads: 12% faster);
    * `channels-last-loops`: depthwise convolutions with a channel
      multiplier, channels-last, no vector schedule;
    * `plain`: other grouped convolutions, NCHW, no vector schedule;
    * `depthwise-rows`, on `tconv.conv_transpose`: depthwise transposed
      convolutions that `--tconv-lower-depthwise-transpose` takes, as one
      phase-interleaved generic vectorized along output rows
      (`--tconv-vectorize-depthwise-rows`). Other transposed convolutions
      get no schedule: their direct convolutions get one once decomposed.
      The pipeline runs this pass before that rewrite too.

    Sizes are in elements of the accumulator type (f32 for f16 and bf16);
    `vector_width` is the lanes of that type.

    Example (`vector-width=16 f-tile=32`, i.e. AVX-512):

    ```mlir
    %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
        : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>)
        -> tensor<1x64x56x56xf32>
    ```

    becomes

    ```mlir
    %y = tconv.conv %x, %w pads = [1, 1, 1, 1]
        {tconv.schedule = {c_tile = 4 : i64, f_tile = 32 : i64,
                           kind = "channels-last", kw_tile = 3 : i64,
                           ow_tile = 4 : i64, rows_outer = 1 : i64,
                           vector_width = 16 : i64}}
        : (tensor<1x64x56x56xf32>, tensor<64x64x3x3xf32>)
        -> tensor<1x64x56x56xf32>
    ```
  }];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"8",
           "f32 lanes per vector register of the target (8 for AVX2, 16 "
           "for AVX-512)">,
    Option<"owTile", "ow-tile", "int64_t", /*default=*/"4",
           "Channels-last: output positions per tile">,
    Option<"fTile", "f-tile", "int64_t", /*default=*/"16",
           "Channels-last: output channels per tile, in f32 lanes (a "
           "multiple of vector-width)">,
    Option<"cTile", "c-tile", "int64_t", /*default=*/"4",
           "Channels-last: input channels per reduction step (at most)">,
    Option<"bf16Dot", "bf16-dot", "bool", /*default=*/"false",
           "The target has AVX512_BF16: bf16 convolutions multiply pairs "
           "of input channels with vdpbf16ps (`dot_width = 2`)">,
    Option<"winograd", "winograd", "bool", /*default=*/"false",
           "f32 (and vdpbf16ps bf16) 3x3 and 2x2 convolutions that "
           "fitsWinograd takes run as Winograd F(2x2, r x r) "
           "(`winograd_tile = 2`)">,
    Option<"fmaPipes", "fma-pipes", "int64_t", /*default=*/"1",
           "Full-width vector FMAs the target issues per cycle (2 on "
           "Intel's AVX-512 server cores and Zen 5): direct products that "
           "run twice as fast need more channels to leave to Winograd">,
  ];
}

def TConvWinogradConvs : Pass<"tconv-winograd-convs", "::mlir::func::FuncOp"> {
  let summary = "3x3 and 2x2 convolutions as Winograd F(2x2, 3x3) and F(2x2, 2x2)";
  let description = [{
    A 3x3 convolution at unit stride spends 36 multiplications on each 2x2
    block of outputs; Winograd's minimal filtering algorithm F(2x2, 3x3)
    (Lavin and Gray, 2015) spends 16, 2.25x fewer, and F(2x2, 2x2) spends 9
    instead of 16 on the 2x2 phases of a stride-2 4x4 transposed
    convolution, at the price of transforms that only add, subtract and
    halve. With the FMA tiles at the machine's peak, fewer multiplications
    is what makes these layers faster.

    Each channels-last `linalg.conv_2d_nhwc_hwcf` whose `tconv.schedule`
    has `winograd_tile = 2` (`--tconv-select-strategy` with `winograd`,
    see `fitsWinograd` in Strategy.h) becomes, for an r x r kernel and
    alpha = r + 1:

    1. alpha^2 filter transforms U[a][c] = (G g GT)[a][c], 1x1xCxF each,
       folded at compile time for a constant filter, else in an
       `scf.forall` over the input channels that writes all alpha^2
       entries of a channel from its taps. A phase's sub-kernel gathered
       from a transposed convolution's filter by a generic is read through
       the gather's map, in the whole filter (T1: its four 2 MB copies and
       36 passes over them took 3.1 of 19.8 ms; `make bench` at 1 thread:
       19.9-21.6 ms before, 17.6-18.4 after);
    2. alpha^2 input transforms V[a][c] = (BT d B)[a][c] of the
       alpha x alpha patch d under every 2x2 output block: generics reading
       the padded input at stride 2, in an `scf.forall` over the tile rows
       (image, row), each iteration writing its row of all alpha^2 entries
       from the alpha input rows under it. One parallel loop for all the
       entries, not one per entry: each was a barrier, and on a host whose
       vCPUs sat far apart C2's 16 took 0.04 ms each instead of 0.006;
       a row's input stays in cache across its entries (T3 at 1 thread:
       1.15 -> 1.02 ms with step 4 alike);
    3. the alpha^2 products M[a][c] = V[a][c] * U[a][c] summed over C, as
       one 1x1 `linalg.conv_2d_nhwc_hwcf` on a block of tile rows, viewed
       as one row of at least 16 tiles where the rows are short (T1's
       phases: 4 rows of 4 tiles; with one row a product read its 512 KB
       of U for every 4 tiles, 26 -> 15 ms at 1 thread on Intel AVX-512),
       in an `scf.forall` over (image, block of rows, (a, c)): one body
       to vectorize (16 separate convolutions took 4 s more to compile),
       one parallel loop instead of a small one per product, and split
       over the threads by tile rows as the transforms' loops are, so that
       each thread multiplies the V it transformed and transforms back the
       M it multiplied (split by product instead, half of V and M moved between
       cores: C2 at 2 threads took 1.56-1.60 ms instead of 0.67 whenever
       the machine's cores were far apart, at most 1.11 split by rows).
       Where a product's filter outweighs its tiles (C x F > tiles x
       (C + F), `winogradFilterMajor`: T1's 512 x 256 per product over 8
       images of 16 tiles) the loop runs (product, image, block) instead:
       each thread reads its share of U once rather than all of U for
       every image (T1 at 1 thread: 15 -> 11 ms; its products had not run
       faster at 2 threads than at 1, streaming U from L3). The
       convolution keeps the schedule's tile sizes (`winograd_tile`
       dropped) for `--tconv-vectorize-convs`;
    4. 4 output transforms, one per position (p, q) of the 2x2 block,
       (AT M A)[p][q] added to the convolution's initial value (a filled
       scalar; a bias broadcast along the channels, read as its F values
       rather than materialized, written, copied for each phase and read
       again: T3 with a bias 1.18 -> 0.96 ms; or in place to any other
       tensor) and written at stride 2, in an `scf.forall` over the tile
       rows like step 2, each iteration writing the 2 output rows of its
       tiles.

    Where U and a block of tile rows' V and M fit in half of L2 together
    and the products run row-major (`winogradFusedRows`), steps 2-4 are one
    `scf.forall` over (image, block of rows) instead, each iteration
    transforming its block's inputs into a fresh V, running the alpha^2
    products one after the other (an `scf.for`) into a fresh M and writing
    its output rows: V and M never exist whole and stay in cache (in each
    thread's stack, `tconv-thread-scratch-on-stack`) from the stage that
    writes them to the one that reads them. C2 (64 -> 64 channels, 56x56):
    1.26 -> 0.98 ms at 1 thread, 0.67 -> 0.53 at 2; T2's four phases 0.80
    -> 0.74 at 2 threads.

    Stage by stage, a batch whose transformed inputs and products would not
    stay in cache (`winogradPerImage`) runs steps 2-4 in a loop over its
    images.

    bf16 operands into f32 (a `dot_width = 2` schedule, vdpbf16ps): the
    transforms compute in f32 and round V and U to bf16, the products
    accumulate in f32 and the output transforms stay f32; the loops are
    those of f32 (`--tconv-vectorize-convs` packs U in pairs of input
    channels once, before them). C2 in bf16: 1.04 -> 0.81 ms at 1 thread,
    max relative error 7e-3 of the largest output against the f32
    reference (direct: 2e-3). Its products had run in an `scf.for` around a
    parallel loop, each packing its filter: T2 in bf16 (four phases of 9
    products) opened 41 parallel regions a call, 0.66 -> 0.59 ms at 2
    threads with one, on Zen 4 (1.04 in `make bench` when the cores were far
    apart).

    The rounding differs from the direct sum: relative errors of about
    1e-6 in f32 where the direct convolution has about 1e-7. The
    pipeline's `winograd=false` keeps every convolution direct.

    Example (F(2x2, 3x3), C = F = 64, a zero initial value; the schedule
    shortened), stage by stage:

    ```mlir
    %y = linalg.conv_2d_nhwc_hwcf
        {tconv.schedule = {kind = "channels-last", winograd_tile = 2 : i64, ...}}
        ins(%x, %w : tensor<1x58x58x64xf32>, tensor<3x3x64x64xf32>)
        outs(%zero : tensor<1x56x56x64xf32>) -> tensor<1x56x56x64xf32>
    ```

    becomes

    ```mlir
    %u0 = linalg.generic ... ins(%w) outs(%u_all[0] : tensor<64x64xf32>)  // 16 of them
    %v = scf.forall (%n, %ty) in (1, 28) shared_outs(%v_all = ...) {
      %rows = tensor.extract_slice %x[%n, 2 * %ty, 0, 0] [1, 4, 58, 64] ...
      %v0 = linalg.generic ... ins(%rows, %rows, %rows, %rows)  // d[i][2x+j], 16 of them
          outs(%v_row[0] : tensor<1x1x28x64xf32>)
      ...
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %v_row_done into %v_all[0, %n, %ty, 0, 0] ...
      }
    }
    %m = scf.forall (%n, %ty, %k) in (1, 28, 16) shared_outs(%m_all = ...) {
      %p = linalg.conv_2d_nhwc_hwcf {tconv.schedule = {kind = "channels-last", ...}}
          ins(%v[%k, %n, %ty], %u[%k] : tensor<1x1x28x64xf32>, tensor<1x1x64x64xf32>)
          outs(%zero_k : tensor<1x1x28x64xf32>)
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %p into %m_all[%k, %n, %ty, 0, 0] ...
      }
    }
    %y = scf.forall (%n, %ty) in (1, 28) shared_outs(%out = %e) {
      %m_row = tensor.extract_slice %m[0, %n, %ty, 0, 0] [16, 1, 1, 28, 64] ...
      %rows = tensor.extract_slice %out[%n, 2 * %ty, 0, 0] [1, 2, 56, 64] ...
      %y00 = linalg.generic ... ins(%m_row, %m_row, ...)  // 9 of the 16, for (p, q) = (0, 0)
          outs(%rows[0, 0, 0, 0] [1, 1, 28, 64] [1, 1, 2, 1])
      %r0 = tensor.insert_slice %y00 into %rows[0, 0, 0, 0] [1, 1, 28, 64] [1, 1, 2, 1]
      ...                                       // (0, 1), (1, 0), (1, 1) alike
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %r3 into %out[%n, 2 * %ty, 0, 0] [1, 2, 56, 64] ...
      }
    }
    ```

    and block by block (blocks of one tile row here):

    ```mlir
    %u0 = linalg.generic ...                    // as above
    %y = scf.forall (%ty) in (28) shared_outs(%out = %e) {
      %v = bufferization.alloc_tensor() : tensor<16x1x1x28x64xf32>
      %v0 = linalg.generic ... ins(%rows, %rows, %rows, %rows)  // 16 of them
      ...
      %m = scf.for %k = %c0 to %c16 step %c1 iter_args(%m_all = %m_new) {
        %p = linalg.conv_2d_nhwc_hwcf {tconv.schedule = ...}
            ins(%v[%k], %u[%k] : tensor<1x1x28x64xf32>, tensor<1x1x64x64xf32>)
            outs(%zero_k : tensor<1x1x28x64xf32>)
        scf.yield %m_with_p : tensor<16x1x1x28x64xf32>
      }
      %y00 = linalg.generic ... ins(%m_row, %m_row, ...)  // (p, q) as above
      ...
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %r3 into %out[0, 2 * %ty, 0, 0] [1, 2, 56, 64] ...
      }
    }
    ```
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def TConvVectorizeConvs : Pass<"tconv-vectorize-convs", "::mlir::func::FuncOp"> {
  let summary = "Tile channels-last convolutions and vectorize them into FMAs";
  let description = [{
    The schedule of the tconv pipeline for static f32/f64 (and bf16, see below)
    `linalg.conv_{1,2,3}d_n*c_*cf` and `linalg.depthwise_conv_{1,2,3}d_n*c_*c`
    on tensors (what `--tconv-convert-to-linalg=channels-last` produces). The
    linalg vectorizer only handles 1-D convolutions, and only with static
    shapes, so every convolution is

    1. split along output width, output channels and input channels so that
       each part is a whole number of tiles (the remainders become separate
       parts with smaller, still static, tiles);
    2. tiled with `scf.forall` over (output channels `f-tile`, batch 1,
       outer output dims 1, output width `ow-tile`): independent output
       tiles that `--scf-forall-to-parallel` and OpenMP can distribute.
       Channel blocks are outermost, so that a block's filter slice stays in
       cache while it sweeps the output positions; with `rows_outer` the
       outer output dims come first and channel blocks go inside them, so
       that a thread's share of the tiles reads only its own rows of the
       input and writes its own rows of the output. With several blocks the
       filter is first packed as F/f-tile x K.. x C x f-tile (constants at
       compile time) so that each slice is contiguous. The phases of a
       transposed convolution gather their filters from one taps-first copy
       of the whole filter: they share one blocked copy of it instead
       (M/f-tile x k.. x C x f-tile, made in a single pass from what the
       taps-first copy reads, e.g. the filter and a scale) and their tiles
       read it in place. A `linalg.fill`
       initializing the output is fused into the output tiles: the
       accumulators start from the fill value in registers, with no separate
       pass over the output (for a phase of a transposed convolution, a
       strided one);
    3. tiled with `scf.for` over the reduction: outer kernel dims 1, input
       channels `c-tile` (fewer for wide kernels: a step unrolls at most 48
       taps x channels, beyond which bodies only compile slower; one for
       kernels at most 2 wide, whose unrolled steps otherwise spill input
       broadcasts), the innermost kernel dim whole (one tap per step
       beyond 16 taps, to bound the unrolled body);
    4. rewritten, now that every outer spatial dim is 1, as a
       `linalg.conv_1d_nwc_wcf` (or `linalg.depthwise_conv_1d_nwc_wc`) on
       rank-reduced slices;
    5. vectorized (only these 1-D convolutions: vectorizing anything else,
       like strided inserts, is not safe), unrolled to one vector of
       `f-vector` output channels per operation, and the accumulator tile is
       hoisted out of the reduction loops into registers;
    6. lowered from `vector.contract` to outer products, i.e. one broadcast
       input value times a vector of output channels added into the
       accumulator: `vector.fma`. Depthwise convolutions multiply a vector of
       channels by a vector of taps.

    With the defaults a tile keeps 4 x 16 outputs in 8 AVX2 vector registers
    (4 AVX-512 ones with `f-vector=16`), which leaves room for the operands.

    A bf16 convolution whose schedule has `dot_width = 2` (its operands bf16,
    its accumulators f32) takes steps 1-4 too, with its filter packed as
    F/16 x K.. x C/2 x 32 (16 output channels times a pair of input
    channels, the pair innermost; constants at compile time; a filter that
    is one entry of a stack made outside its loop, as Winograd's products
    read U, as a slice of the stack packed once; a filter that is a
    permuted copy of an argument, as the taps-first copy of a transposed
    convolution's filter, from a copy of that argument as C x K.. x F) and
    input channels tiled in pairs; each 1-D tile then becomes
    `x86vector.avx512.dot` (vdpbf16ps) of a broadcast input pair (one
    32-bit value) and a packed filter vector into the f32 accumulators,
    which are hoisted like the FMA ones. bf16 convolutions without it are
    left alone.

    A convolution carrying a `tconv.schedule` (`--tconv-select-strategy`)
    takes its tile sizes and vector width from it instead of the options,
    and is left alone if the schedule is of another kind; the options serve
    convolutions without one.

    Example (a 3x3 conv, 64 -> 64 channels, on 56x56):

    ```mlir
    %y = linalg.conv_2d_nhwc_hwcf
        ins(%x, %w : tensor<1x58x58x64xf32>, tensor<3x3x64x64xf32>)
        outs(%init : tensor<1x56x56x64xf32>) -> tensor<1x56x56x64xf32>
    ```

    becomes

    ```mlir
    %y = scf.forall (%oh, %ow, %f) in (56, 14, 4) shared_outs(...) {
      %acc = scf.for %kh = 0 to 3 iter_args(%a = ...) -> (vector<8xf32>, ...) {
        %r = scf.for %c = 0 to 64 step 16 iter_args(...) {
          ...
          %v = vector.fma %xc, %wc, %a0 : vector<8xf32>
          ...
        }
      }
      ...
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::ub::UBDialect",
    "::mlir::vector::VectorDialect",
    "::mlir::x86vector::X86VectorDialect",
  ];
  let options = [
    Option<"owTile", "ow-tile", "int64_t", /*default=*/"4",
           "Output positions (innermost spatial dim) per tile">,
    Option<"fTile", "f-tile", "int64_t", /*default=*/"16",
           "Output channels per tile (a multiple of f-vector)">,
    Option<"cTile", "c-tile", "int64_t", /*default=*/"4",
           "Input channels per reduction step (at most; wide kernels take "
           "fewer so that a step unrolls at most 48 taps x channels)">,
    Option<"fVector", "f-vector", "int64_t", /*default=*/"8",
           "Vector width in f32 lanes (8 for AVX2); f64 uses half">,
  ];
}

def TConvVectorizeConvsAlongWidth
    : Pass<"tconv-vectorize-convs-along-width", "::mlir::func::FuncOp"> {
  let summary = "Vectorize NCHW convolutions along the output width";
  let description = [{
    The schedule for convolutions with few output channels, which
    `--tconv-convert-to-linalg` leaves NCHW (see `width-vector-lanes`
    there): static f32 `linalg.conv_{1,2,3}d_nc*_fc*` with unit stride and
    dilation along the width. Channels-last vectors would be partly empty
    for them (3 output channels in 16 lanes). `--tconv-select-strategy`
    also gives this schedule, on cores with one FMA pipe, to pointwise
    convolutions between the caller's NCHW input and result (T4's phases),
    whose channels-last tiles would reuse nothing and cost two layout
    changes (T4 6-10% faster on Zen 4). A whole vector of output channels
    otherwise goes channels-last: the 3-D T6's 16-channel phases ran 1-2%
    faster with width vectors at 1 thread on Zen 4 but up to 10% slower at
    2, and on an Intel AVX-512 core with two FMA pipes 5% slower at 1
    thread and 15% at 2 (0.54 ms instead of 0.46).

    Each `scf.forall` tile keeps `f` output channels x `r` output rows (x
    `v` vectors along a 1-D width) of `vector-width` lanes in at most
    `accumulators` registers. For each input channel and kernel tap (the
    width taps unrolled) it reads `r x v` contiguous input vectors and
    broadcasts `f` filter values: `f x r x v` FMAs. Accumulators start from
    the initializer's value (zero fill, bias broadcast, or the init tensor).
    A width that is not a multiple of the lanes ends in a narrower tile.

    When the result is inserted with strides into a larger tensor (a phase
    of a transposed convolution: every s-th output column), the tile writes
    there directly: each vector is spread over `s x (lanes - 1) + 1` lanes
    by a shuffle and stored with a constant mask, leaving the other phases'
    columns alone. No phase buffer, no layout change. Two such phases of the
    same shape and schedule writing alternate columns of the same rows (the
    second inserted one column after the first, width stride 2, into the
    first's insertion) share one tile: one loop nest over the input channels
    and kernel rows reduces both (each its own width taps), and their
    accumulators are interleaved into whole rows of the output, stored
    unmasked, each output line written once. The pair keeps one phase's
    accumulators where two would not fit (half the rows per tile). T4's
    pointwise phases: 2.40 -> 2.37 ms at 1 thread, 1.20-1.31 -> 1.18 at 2;
    the DCGAN example's 3-channel output layer 0.063 -> 0.056 ms.

    A convolution carrying a `tconv.schedule` (`--tconv-select-strategy`)
    takes `f`, `r`, `v` and the lanes from it instead of the options, and
    is left alone if the schedule is of another kind; a width schedule on a
    convolution this pass cannot take, or with tiles that do not divide it,
    is an error.

    Example (16 lanes): the phase

    ```mlir
    %p = linalg.conv_2d_nchw_fchw ins(%x, %w : tensor<1x32x17x17xf32>,
        tensor<16x32x2x2xf32>) outs(%zero : tensor<1x16x16x16xf32>)
    %y = tensor.insert_slice %p into %out[0, 0, 1, 1] [1, 16, 16, 16]
        [1, 1, 2, 2]
    ```

    becomes

    ```mlir
    %y = scf.forall (%n, %fb, %rb) in (1, 4, 4) shared_outs(%o = %out) {
      %win = tensor.extract_slice %o[%n, %f0, %h, 1] [1, 4, 4, 31]
          [1, 1, 2, 1]
      %acc:16 = scf.for %c ... {    // 2 x 2 taps x 16 FMAs
        %xv = vector.transfer_read %x[...] : vector<16xf32>
        %wv = vector.broadcast %wij : f32 to vector<16xf32>
        vector.fma %xv, %wv, %acc
      }
      %s = vector.shuffle %acc#0, %acc#0 [0, 0, 1, 0, 2, ...]
          : vector<16xf32>, vector<16xf32>   // -> vector<31xf32>
      vector.transfer_write %s, %win[...], %every_other_lane
      ...
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"8",
           "Lanes per vector along the output width">,
    Option<"accumulators", "accumulators", "int64_t", /*default=*/"8",
           "Vector registers a tile accumulates in (16 on AVX-512's 32 "
           "registers)">,
  ];
}

def TConvDecomposePads : Pass<"tconv-decompose-pads", "::mlir::func::FuncOp"> {
  let summary = "Rewrite tensor.pad as border fills + insert_slice before "
                "bufferization";
  let description = [{
    One-shot bufferization turns a `tensor.pad` into a new buffer, a fill and
    a `memref.copy` of the source into it. Written as fills of the border
    plus `tensor.insert_slice` of the source instead, empty-tensor
    elimination lets the producer of the source (typically the layout change
    in front of a convolution) write straight into the interior of the padded
    buffer: every element is written once and there is no strided copy. A
    static pad with a constant value gets one fill per border slab (slab `d`:
    the padding of dim `d`, the interior of the dims before it, all of the
    dims after it); other pads fill the whole result first.

    Example:

    ```mlir
    %p = tensor.pad %x low[0, 1, 0] high[0, 1, 0] { ... yield %zero }
        : tensor<1x8x4xf32> to tensor<1x10x4xf32>
    ```

    becomes

    ```mlir
    %e = tensor.empty() : tensor<1x10x4xf32>
    %top = linalg.fill ins(%zero : f32) outs(%e0 : tensor<1x1x4xf32>)
        -> tensor<1x1x4xf32>
    %0 = tensor.insert_slice %top into %e[0, 0, 0] [1, 1, 4] [1, 1, 1]
    %bottom = linalg.fill ins(%zero : f32) outs(%e1 : tensor<1x1x4xf32>)
        -> tensor<1x1x4xf32>
    %1 = tensor.insert_slice %bottom into %0[0, 9, 0] [1, 1, 4] [1, 1, 1]
    %p = tensor.insert_slice %x into %1[0, 1, 0] [1, 8, 4] [1, 1, 1]
        : tensor<1x8x4xf32> into tensor<1x10x4xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TConvOutlineBatch : Pass<"tconv-outline-batch", "::mlir::ModuleOp"> {
  let summary = "Run a dynamic-batch (or a large static-batch) function as a "
                "loop over images of a static per-image function";
  let description = [{
    A public function whose tensor arguments and results have a dynamic
    batch (dim 0, all the others static) is compiled once for any N. Rather
    than carrying the dynamic size through every schedule, its body moves to
    a private `@<name>.image` function on batch-1 types, which the rest of
    the pipeline compiles like any static function (the same vectorized
    kernels, the same workspace plan), and the public function becomes an
    `scf.for` over the N images that calls it on `1 x ...` slices. The loop
    is sequential: the convolutions inside each image already share the
    OpenMP threads, and one image workspace then serves every iteration.
    Each image of a result is an extra, writable argument of the image
    function that its result materializes in: it is computed in place in
    the public function's result (see `--tconv-bufferize`).

    The rewrite is only valid if each op computes each image separately:
    `tconv.conv` / `tconv.conv_transpose` (filter and bias batch-free), the
    elementwise arith/math ops, TOSA elementwise ops (batch-free operands
    broadcast along a dim 0 of 1), TOSA pooling, resize, convolutions and
    transposes that keep dim 0 in place, tensor reshapes that keep it a
    group of its own (a flatten), slices and `tensor.pad` of the other dims
    (dim 0 whole; a pad by one value), linalg ops (fill, generic, matmul,
    convolutions) in which one parallel loop is dim 0 of every batched
    operand and of all outputs, indexes nothing else and is not read by
    `linalg.index`, and any pure op on batch-free values only (constants,
    weight transposes). Upstream IR sizes its results with the batch
    (`tensor.dim %x, 0` into `tensor.empty(%n)`, an `expand_shape`, a
    slice's size): static in the image function; any other use of the
    batch size is an error. Any other op reading a batched value is an
    error naming it. Every batched argument must have the same N at run
    time; results take that N. A function marked `tconv.batch_loop`
    already is such a loop (the ONNX importer builds it for a dynamic-batch
    model with `BatchLoop.h`; so does this pass, which is therefore
    idempotent) and is left alone.

    With `static-batches`, a function on a static batch N > 1 (its results
    and some arguments have dim 0 of N) takes the same form when the
    strategy says its images run faster one at a time
    (`runsImageByImage`: its largest batched tensor is at least 4 MiB, so
    that each layout change and temporary of the whole batch would stream
    through memory, where one image's stay in the caches); a splat
    constant of the batch's shape becomes the splat of an image. A static
    function that is not per image (or an argument with dim 0 of N that is
    not an image, such as a filter of N output channels) compiles whole, as
    it would without the option: nothing is diagnosed.

    With `batch-chunks`, a dynamic batch of small images (`batchChunkImages`:
    8 images' largest tensor under the 4 MiB that a static batch of 8 runs
    whole below) also gets `@<name>.chunk`, the body on 8 images. The loop
    calls it while 8 images remain, then `@<name>.image` on the rest; each
    loop sits in an `scf.if` so that what `--tconv-hoist-batch-invariants`
    moves before it runs only when the loop does. One image gives a
    convolution too few tiles for Winograd: DCGAN's 8x8 layer (T1) at N = 8
    takes 14.4 ms image by image, 11.3 as 8 (1 thread).

    A dynamic batch whose image function has a runtime filter that the
    strategy copies chunk by chunk (`copiesFilterInChunks`: T1n1's 8 MiB
    filter against 0.4 MiB of one image's activations) also gets
    `@<name>.single`, the image function marked
    `tconv.batch_single_image`, which the loop calls when exactly one image
    is left: nothing moves out of it (`--tconv-hoist-batch-invariants`), so
    its filter is copied chunk by chunk while the products run, as in the
    static function, where the image loop copies the whole filter before
    its first image. T1n1 at N = 1 (tconv-run --bench, 1 thread): 3.06-3.37
    ms through the image loop, 2.56-2.66 through `@<name>.single`, the
    static function's 2.60-2.75.

    Example:

    ```mlir
    func.func @f(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>)
        -> tensor<?x4x6x6xf32> {
      %y = tconv.conv %x, %w : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>)
          -> tensor<?x4x6x6xf32>
      return %y : tensor<?x4x6x6xf32>
    }
    ```

    becomes

    ```mlir
    func.func @f(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>)
        -> tensor<?x4x6x6xf32> {
      %n = tensor.dim %x, %c0 : tensor<?x3x8x8xf32>
      %init = tensor.empty(%n) : tensor<?x4x6x6xf32>
      %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init)
          -> (tensor<?x4x6x6xf32>) {
        %xi = tensor.extract_slice %x[%i, 0, 0, 0] [1, 3, 8, 8] [1, 1, 1, 1]
            : tensor<?x3x8x8xf32> to tensor<1x3x8x8xf32>
        %oi = tensor.extract_slice %acc[%i, 0, 0, 0] [1, 4, 6, 6]
            [1, 1, 1, 1] : tensor<?x4x6x6xf32> to tensor<1x4x6x6xf32>
        %yi = func.call @f.image(%xi, %w, %oi) : (tensor<1x3x8x8xf32>,
            tensor<4x3x3x3xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
        %next = tensor.insert_slice %yi into %acc[%i, 0, 0, 0] [1, 4, 6, 6]
            [1, 1, 1, 1] : tensor<1x4x6x6xf32> into tensor<?x4x6x6xf32>
        scf.yield %next : tensor<?x4x6x6xf32>
      }
      return %r : tensor<?x4x6x6xf32>
    }
    func.func private @f.image(%x: tensor<1x3x8x8xf32>,
        %w: tensor<4x3x3x3xf32>,
        %out: tensor<1x4x6x6xf32> {bufferization.writable = true})
        -> tensor<1x4x6x6xf32> attributes {tconv.batch_image} {
      %y = tconv.conv %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>)
          -> tensor<1x4x6x6xf32>
      %r = bufferization.materialize_in_destination %y in %out
          : (tensor<1x4x6x6xf32>, tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
      return %r : tensor<1x4x6x6xf32>
    }
    ```
  }];
  let options = [
    Option<"staticBatches", "static-batches", "bool", /*default=*/"false",
           "Also run a function on a large static batch image by image, "
           "where the strategy finds it faster">,
    Option<"batchChunks", "batch-chunks", "bool", /*default=*/"false",
           "Run a dynamic batch of small images in chunks of several "
           "images, where the strategy finds it faster">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect"];
}

def TConvHoistBatchInvariants
    : Pass<"tconv-hoist-batch-invariants", "::mlir::ModuleOp"> {
  let summary = "Compute what every image of a batch loop shares once, "
                "before the loop";
  let description = [{
    The per-image function of a dynamic batch (`--tconv-outline-batch`)
    runs once per image, and so would everything in it that does not depend
    on the image: the layout change and packing of a filter passed as an
    argument (2 MB per image on DCGAN's last layer), its phase split, its
    Winograd transform. Pure computations on the batch-free arguments
    (tiled ones too: an `scf.forall` into a new tensor, with its
    `bufferization.alloc_tensor`) move to the loop's function,
    before the loop, and their results become arguments of the image
    function, provided it only reads them (a destination it writes stays
    per image). Chains of constants stay: later passes fold them. The
    function for a lone image (`tconv.batch_single_image`) runs once per
    call: nothing moves out of it. What the image function would read of
    the moved work may be too large to share (the strategy's
    `sharesAcrossImages`: more than 16 MiB, read back from memory in every
    call): T1's four phases' Winograd filter transforms take 18.9 MB. Then
    a loop with one iteration (one chunk of 8 images, N = 8 to 15) calls a
    copy of the function, `<name>.once` (`tconv.batch_single_image`), that
    makes them itself just before it reads them, as the static code does:
    T1 at N = 8, 7-11% faster, level with the static code. With more
    iterations the work still moves; a loop whose trip count is a constant
    gets no copy (run once, it keeps its work). Run it on tensors, after
    vectorization, when the filter packing exists.

    Example:

    ```mlir
    scf.for %i = %c0 to %n step %c1 ... {
      %y = func.call @f.image(%xi, %w, %oi) : ...
    }
    func.func private @f.image(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8xf32>,
        %out: ...) attributes {tconv.batch_image} {
      %t = linalg.transpose ins(%w : tensor<8x8xf32>) outs(%e : ...)
      %y = linalg.matmul ins(%x2, %t : ...) outs(%out2 : ...)
      ...
    }
    ```

    becomes

    ```mlir
    %t = linalg.transpose ins(%w : tensor<8x8xf32>) outs(%e : ...)
    scf.for %i = %c0 to %n step %c1 ... {
      %y = func.call @f.image(%xi, %w, %oi, %t) : ...
    }
    func.func private @f.image(%x: tensor<1x8x8x8xf32>, %w: tensor<8x8xf32>,
        %out: ..., %t: tensor<8x8xf32>) attributes {tconv.batch_image} {
      %y = linalg.matmul ins(%x2, %t : ...) outs(%out2 : ...)
      ...
    }
    ```
  }];
}

def TConvBufferize : Pass<"tconv-bufferize", "::mlir::ModuleOp"> {
  let summary = "One-shot bufferization of the module, function boundaries "
                "included";
  let description = [{
    Upstream's `--one-shot-bufferize` with `bufferize-function-boundaries`
    and identity layouts on function signatures (the entry-point ABI of
    Pipelines.h), except in the per-image function of a dynamic batch
    (marked `tconv.batch_image`, BatchLoop.h): its tensors are images of
    the caller's batched buffers, contiguous at a dynamic offset, and its
    results are its output arguments. Upstream can only give every function
    the same layout: identity there would force a copy of each result
    image out of the caller's output and back.

    Example: `@f.image` below bufferizes to
    `(memref<1x4xf32, strided<[4, 1], offset: ?>>, ...) -> memref<1x4xf32,
    strided<[4, 1], offset: ?>>`, the result being `%out` itself (no copy),
    which `--drop-equivalent-buffer-results` then removes.

    ```mlir
    func.func private @f.image(%x: tensor<1x4xf32>,
        %out: tensor<1x4xf32> {bufferization.writable = true})
        -> tensor<1x4xf32> attributes {tconv.batch_image} {
      %y = linalg.exp ins(%x : tensor<1x4xf32>) outs(%out : tensor<1x4xf32>)
          -> tensor<1x4xf32>
      return %y : tensor<1x4xf32>
    }
    ```
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect",
                           "::mlir::memref::MemRefDialect"];
}

def TConvForwardResultCopies
    : Pass<"tconv-forward-result-copies", "::mlir::func::FuncOp"> {
  let summary = "Build the results of an entry point in its out-params "
                "rather than copying them there";
  let description = [{
    `--buffer-results-to-out-params` writes a static result in place when
    it is returned as computed, but builds a dynamic one (a dynamic batch),
    or one that a loop updates (the image loop of a batch), in a fresh
    `memref.alloc` that it then copies into the out-param: a full copy of
    the output and a large allocation. In a public function, when
    an out-param's only use is that copy from an allocation of the same type
    used only before it (directly, through loops that update it in place,
    or through `scf.if`s whose branches both yield it: the loops over
    chunks and single images of a dynamic batch), the allocation is the
    out-param, and its dealloc goes. The entry-point
    ABI (Pipelines.h) makes the sizes equal: a result's dynamic batch is
    the arguments'. Run it after `--buffer-results-to-out-params`.

    Example:

    ```mlir
    func.func @f(%x: memref<?x4xf32>, %out: memref<?x4xf32>) {
      %n = memref.dim %x, %c0 : memref<?x4xf32>
      %a = memref.alloc(%n) : memref<?x4xf32>
      linalg.copy ins(%x : memref<?x4xf32>) outs(%a : memref<?x4xf32>)
      memref.copy %a, %out : memref<?x4xf32> to memref<?x4xf32>
      return
    }
    ```

    becomes

    ```mlir
    func.func @f(%x: memref<?x4xf32>, %out: memref<?x4xf32>) {
      %n = memref.dim %x, %c0 : memref<?x4xf32>
      linalg.copy ins(%x : memref<?x4xf32>) outs(%out : memref<?x4xf32>)
      return
    }
    ```
  }];
}

def TConvPlanWorkspace : Pass<"tconv-plan-workspace", "::mlir::ModuleOp"> {
  let summary = "Serve every static temporary of a function from one "
                "workspace argument laid out at compile time";
  let description = [{
    Bufferization allocates each temporary (padded inputs, packed filters,
    phase buffers, intermediate activations) with `memref.alloc`, freed at
    the end of the call. With glibc's defaults every large one is a fresh
    mmap that page-faults again on each call: the F-CNN example spent 3/4 of
    its time there. This pass removes them from the call: each function with
    such temporaries takes one more argument, a byte buffer of a size known at compile
    time (`tconv.workspace_size` on the function; `tconv.temporary_bytes`
    sums what it serves), and every static,
    identity-layout `memref.alloc` at the top level of its body, or under
    `scf.if`s only (which run it at most once per call), becomes a
    `memref.view` at a fixed offset into it.

    The offsets come from a liveness plan: a buffer lives from the first to
    the last op that uses it or a view of it, counting the ops of the body
    and of its `scf.if`s in program order (any other op with regions counts
    as one), and buffers whose lifetimes do not overlap share bytes (largest
    first, first fit, offsets aligned to `alignment`). A dynamic batch's
    loop over chunks of images thus reuses the bytes of the filter copy its
    hoisted Winograd transforms were made from, under the same `scf.if`
    (T1's dynamic-batch workspace: 34.5 MB -> 27.3 MB). A buffer that
    escapes (returned or turned into a tensor) keeps its `memref.alloc`;
    so do dynamic ones and those inside loops. Calls inside the module pass
    the callee a workspace allocated in the caller (before the sequential
    loops around the call: the image loop of a dynamic batch allocates
    once), which the caller's own plan then serves. Run it after
    bufferization, before the deallocation pipeline.

    Example (`%a` dies before `%b` is born, so both start at offset 0):

    ```mlir
    func.func @f(%out: memref<64xf32>) {
      %a = memref.alloc() {alignment = 64 : i64} : memref<64xf32>
      linalg.fill ins(%c1 : f32) outs(%a : memref<64xf32>)
      linalg.copy ins(%a : memref<64xf32>) outs(%out : memref<64xf32>)
      %b = memref.alloc() {alignment = 64 : i64} : memref<16xf32>
      ...
    }
    ```

    becomes

    ```mlir
    func.func @f(%out: memref<64xf32>, %ws: memref<256xi8>)
        attributes {tconv.temporary_bytes = 320 : i64,
                    tconv.workspace_size = 256 : i64} {
      %c0 = arith.constant 0 : index
      %a = memref.view %ws[%c0][] : memref<256xi8> to memref<64xf32>
      ...
      %b = memref.view %ws[%c0][] : memref<256xi8> to memref<16xf32>
      ...
    }
    ```
  }];
  let options = [
    Option<"alignment", "alignment", "int64_t", /*default=*/"64",
           "Byte alignment of every buffer's offset (the caller aligns the "
           "workspace itself to at least this)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def TConvThreadScratchOnStack
    : Pass<"tconv-thread-scratch-on-stack", "::mlir::func::FuncOp"> {
  let summary = "Give each thread its own stack copy of the buffers the "
                "iterations of a loop allocate";
  let description = [{
    A buffer allocated inside a loop belongs to one iteration: the Winograd
    blocks of `tconv-winograd-convs` (each block's transformed inputs and
    products) in a parallel loop. The workspace (`tconv-plan-workspace`) is
    laid out for the whole call and cannot give each thread its own, and a
    `malloc` in every iteration is what the workspace exists to avoid. An
    iteration's buffer starts undefined, so one buffer per thread serves
    all the iterations that thread runs: this pass makes each such buffer a
    view of a `memref.alloca` at the entry of the enclosing OpenMP parallel
    region (which every thread runs once per call), or of the function where
    no region encloses it. A thread then reuses the same bytes, hot in its
    caches, from one iteration to the next. Buffers under different ops of
    the region (loops a thread runs one after the other) share the bytes;
    those under the same op get their own.

    It applies to static buffers of identity layout, freed (if at all) in
    the block that allocates them, when the stack buffer takes at most
    `max-bytes`: OpenMP's worker threads (and glibc's main thread) have
    8 MiB stacks.
    Run it on the loops as the OpenMP lowering leaves them, after the last
    canonicalization (which would move the allocations back into the loop
    bodies).

    Example:

    ```mlir
    omp.parallel {
      omp.wsloop {
        omp.loop_nest (%i) : index = (%c0) to (%c28) step (%c1) {
          %v = memref.alloc() {alignment = 64 : i64} : memref<16x28x64xf32>
          ...
          memref.dealloc %v : memref<16x28x64xf32>
          omp.yield
        }
      }
      omp.terminator
    }
    ```

    becomes

    ```mlir
    omp.parallel {
      %stack = memref.alloca() {alignment = 64 : i64} : memref<114688xi8>
      %v = memref.view %stack[%c0][] : memref<114688xi8> to memref<16x28x64xf32>
      omp.wsloop {
        omp.loop_nest (%i) : index = (%c0) to (%c28) step (%c1) {
          ...
          omp.yield
        }
      }
      omp.terminator
    }
    ```
  }];
  let options = [
    Option<"maxBytes", "max-bytes", "int64_t",
           /*default=*/"::mlir::tconv::kMaxThreadScratchBytes",
           "Largest stack buffer of a region or function">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def TConvUntieEmptyTensors
    : Pass<"tconv-untie-empty-tensors", "::mlir::func::FuncOp"> {
  let summary = "Give each returned value's destination a tensor.empty of its own";
  let description = [{
    CSE merges identical `tensor.empty` ops, e.g. the buffer the phases of a
    transposed convolution are assembled in (NHWC) and the destination of
    the final layout change (NCHW) when both are 1x64x64x64. One-shot
    bufferization then sees two writers of one buffer and bufferizes the
    first out of place: an allocation and a copy in every call. A returned
    value ends up in the caller's out-param anyway, so the op computing it
    gets a `tensor.empty` of its own. Run it right before bufferization.

    A value returned more than once gets a copy
    (`bufferization.alloc_tensor() copy(%v)`) for each repetition: every
    result has an out-param of its own, and the out-param promotion cannot
    give one buffer two of them.

    Example:

    ```mlir
    %e = tensor.empty() : tensor<4xf32>
    %a = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
    %b = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>)
                    outs(%e : tensor<4xf32>) -> tensor<4xf32>
    return %b : tensor<4xf32>
    ```

    becomes

    ```mlir
    %e = tensor.empty() : tensor<4xf32>
    %a = linalg.fill ins(%x : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
    %e1 = tensor.empty() : tensor<4xf32>
    %b = linalg.add ins(%a, %a : tensor<4xf32>, tensor<4xf32>)
                    outs(%e1 : tensor<4xf32>) -> tensor<4xf32>
    return %b : tensor<4xf32>
    ```
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect",
                           "::mlir::bufferization::BufferizationDialect"];
}

def TConvOuterParallelLoops
    : Pass<"tconv-outer-parallel-loops", "::mlir::ModuleOp"> {
  let summary = "Decide which loops run in parallel: outer dims only, none "
                "in a function of small loops";
  let description = [{
    `--convert-linalg-to-parallel-loops` makes every parallel dim of a
    leftover linalg op (border fills, filter packing, unfused elementwise
    ops) one multi-dimensional `scf.parallel`, which `--convert-scf-to-openmp`
    collapses into a single loop: each element then pays a division per dim
    to recover its indices and LLVM cannot vectorize the contiguous
    innermost dim. This pass keeps the fewest outer dims that give at least
    `min-parallel-iterations` iterations to share among the threads (never
    the innermost one) and turns the other dims into an `scf.for` nest.
    Loops nested in a parallel region (an output tile) become sequential,
    `scf.forall` tiles nested in another parallel loop too (a convolution
    in the loop over Winograd's products: each would otherwise open a
    serialized OpenMP region), and so do loops of fewer than `min-parallel-work` iterations in all (a
    pad's border rows, a phase's filter gather): waking the threads and
    the barrier after cost more than they share, and a thread that another
    process holds stalls every barrier (on a busy 2-vCPU machine, 13 of the
    3-D T6's 21 parallel regions were such loops).

    A whole function runs on one thread when its outermost parallel loops
    (tiles and leftover loops alike) do less than `min-mean-parallel-work`
    on average: floating-point operations (two per fused multiply-add, four
    per lane of a bf16 pair dot) plus bytes loaded and stored, nested loops
    multiplied out, dynamic bounds at the most their value bounds allow. Each parallel loop pays a barrier and
    the reads of what another core wrote before it (a 128 KB activation
    written by one core reads 4x slower on the other on the 2-vCPU hosts
    measured): a small model of many small layers (the U-Net, vocoder and
    DCGAN examples, 0.1-0.5 ms) ran slower on 2 threads than on 1, while
    one of fewer larger layers (the super-resolution example, 55 MFLOP in
    45 loops) runs 1.7x faster. A batch loop's function
    (`tconv.batch_loop`) holds only what its images share, moved out of the
    functions it calls (`--tconv-hoist-batch-invariants`: a filter's layout
    change, its Winograd transforms): it runs on one thread only if every
    function it calls does, as those loops would have inside them (T2 with
    a dynamic batch ran its 0.5 MB filter's changes on one thread, the
    static code on two). It runs after the tiles' transfers are
    unrolled, so that the work it counts is the tiles' vector operations.

    Example (`min-parallel-iterations=32`):

    ```mlir
    scf.parallel (%i, %j, %k) = (%c0, %c0, %c0) to (%c64, %c34, %c128)
        step (%c1, %c1, %c1) {
      memref.store %zero, %buf[%i, %j, %k] : memref<64x34x128xf32>
    }
    ```

    becomes

    ```mlir
    scf.parallel (%i) = (%c0) to (%c64) step (%c1) {
      scf.for %j = %c0 to %c34 step %c1 {
        scf.for %k = %c0 to %c128 step %c1 {
          memref.store %zero, %buf[%i, %j, %k] : memref<64x34x128xf32>
        }
      }
    }
    ```
  }];
  let options = [
    Option<"minParallelIterations", "min-parallel-iterations", "int64_t",
           /*default=*/"32",
           "Fewest iterations the parallel outer dims must have">,
    Option<"minParallelWork", "min-parallel-work", "int64_t",
           /*default=*/"16384",
           "Fewest iterations (all dims) for a loop to run in parallel at "
           "all">,
    Option<"minMeanParallelWork", "min-mean-parallel-work", "int64_t",
           /*default=*/"1000000",
           "Least work per parallel loop, on average over the function "
           "(floating-point operations plus bytes loaded and stored, nested "
           "loops multiplied out), for any of its loops to run in parallel; "
           "0: no such limit">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect"];
}

def TConvMergeParallelRegions
    : Pass<"tconv-merge-parallel-regions", "::mlir::func::FuncOp"> {
  let summary = "Run consecutive OpenMP parallel regions as one team";
  let description = [{
    `--convert-scf-to-openmp` gives every parallel loop its own
    `omp.parallel`: the threads are woken and joined, and wait for each
    other, after each of a transposed convolution's phases, a layout
    change's main and remainder columns, a filter packing. At 2 threads
    each join waits for the slower thread, which a timer interrupt or
    another process delays by more than a small loop lasts. This pass
    merges a run of such regions (each one `omp.wsloop` without clauses)
    into one `omp.parallel`: the ops between them without effects move
    above it, the other ones between them (a pad's border fills, left
    serial by tconv-outer-parallel-loops) run in an `omp.single`. A loop
    or single keeps the barrier after it only if a later one of the run,
    before the next barrier, may write bytes it reads or writes, or read
    bytes it writes: the bytes a loop touches are those of the static
    views it reaches each buffer through (interleaved phase outputs are
    told apart by their contiguous runs); a dynamic view counts as the
    whole buffer, an effect on no buffer (a call) ends the run. Distinct
    arguments of a public function are distinct buffers (the entry-point
    ABI, tconv/Pipelines/Pipelines.h); those of a private one may alias.

    Example: two phases writing the even and odd columns of `%out`:

    ```mlir
    %even = memref.subview %out[0, 0] [8, 4] [1, 2]
        : memref<8x8xf32> to memref<8x4xf32, strided<[8, 2]>>
    omp.parallel {
      omp.wsloop {
        omp.loop_nest (%i) : index = (%c0) to (%c8) step (%c1) {
          memref.store %x, %even[%i, %c0] : memref<8x4xf32, strided<[8, 2]>>
          omp.yield
        }
      }
      omp.terminator
    }
    %odd = memref.subview %out[0, 1] [8, 4] [1, 2]
        : memref<8x8xf32> to memref<8x4xf32, strided<[8, 2], offset: 1>>
    omp.parallel { ... the same on %odd ... }
    ```

    becomes

    ```mlir
    %even = memref.subview ...
    %odd = memref.subview ...
    omp.parallel {
      omp.wsloop nowait { ... %even ... }
      omp.wsloop nowait { ... %odd ... }
      omp.terminator
    }
    ```
  }];
  let dependentDialects = ["::mlir::omp::OpenMPDialect"];
}

def TConvReshapesAsViews
    : Pass<"tconv-reshapes-as-views", "::mlir::func::FuncOp"> {
  let summary = "Turn static reshapes of contiguous buffers into strided views";
  let description = [{
    `--fold-memref-alias-ops` folds a subview of a `memref.expand_shape` or
    `memref.collapse_shape` into the vector transfers that read or write it,
    and in LLVM 22 gets the indices wrong when the transfer's vector spans
    several of the expanded dims (a 3x2 block of `1x1x2x2x3x2` expanded
    from `1x1x4x6`, as a space-to-depth layout change reads it, was read
    from column 0 only: a silent wrong answer). A reshape of a contiguous,
    statically shaped buffer is just a view with other sizes and strides:
    as a `memref.reinterpret_cast` it is folded by nothing, and the subviews
    and transfers on it keep their own, correct, strides. Run it before
    `--fold-memref-alias-ops`.

    Example:

    ```mlir
    %e = memref.expand_shape %a [[0], [1, 2]] output_shape [4, 2, 3]
        : memref<4x6xf32> into memref<4x2x3xf32>
    ```

    becomes

    ```mlir
    %e = memref.reinterpret_cast %a to offset: [0], sizes: [4, 2, 3],
        strides: [6, 3, 1] : memref<4x6xf32> to memref<4x2x3xf32>
    ```
  }];
}

def TConvInnermostOutputLoops
    : Pass<"tconv-innermost-output-loops", "::mlir::func::FuncOp"> {
  let summary = "Move a leftover op's window reductions outside its output "
                "row loop";
  let description = [{
    A pooling op that reaches the loops stage as a `linalg.generic` (max or
    average pooling, whose window loops come last) becomes loops whose
    innermost one runs over the window: two or three iterations of a
    reduction, which LLVM does not vectorize (reordering float sums changes
    them), so every output element costs a scalar loop. With the output's
    innermost dim moved inside the window loops, each window tap is one pass
    over an output row: `out[ow] = max(out[ow], in[2 * ow + kw])`, which
    LLVM vectorizes (strided reads become interleaved loads and shuffles).
    The result is the same: each output element still takes its taps in the
    same order. Only when every input reads that dim in its own innermost
    position, so that the moved loop walks rows, not across planes. The U-Net
    example's 2x2 max-pools ran at 1.3 GFLOP/s, 16% of its time.

    Example (a 2x2 max-pool of stride 2):

    ```mlir
    linalg.generic {indexing_maps = [
        affine_map<(n, c, h, w, kh, kw) -> (n, c, 2 * h + kh, 2 * w + kw)>,
        affine_map<(n, c, h, w, kh, kw) -> (kh, kw)>,
        affine_map<(n, c, h, w, kh, kw) -> (n, c, h, w)>],
        iterator_types = ["parallel", "parallel", "parallel", "parallel",
                          "reduction", "reduction"]} ...
    ```

    becomes the same generic over `(n, c, h, kh, kw, w)`:

    ```mlir
    linalg.generic {indexing_maps = [
        affine_map<(n, c, h, kh, kw, w) -> (n, c, 2 * h + kh, 2 * w + kw)>,
        affine_map<(n, c, h, kh, kw, w) -> (kh, kw)>,
        affine_map<(n, c, h, kh, kw, w) -> (n, c, h, w)>],
        iterator_types = ["parallel", "parallel", "parallel", "reduction",
                          "reduction", "parallel"]} ...
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def TConvPrefetchNextSlices
    : Pass<"tconv-prefetch-next-slices", "::mlir::func::FuncOp"> {
  let summary = "Prefetch the next parallel step's slice of a large argument "
                "during the step's multiplications";
  let description = [{
    A parallel loop whose steps copy each a slice of a large argument (the
    block of output channels a step computes, cut from a run-time filter
    and repacked for its tiles) stalls at the start of every step: the
    argument does not stay in the caches between calls and the slice's rows
    lie far apart (T1n1: 512 rows of 2 KiB, 16 KiB apart, per block of 32
    output channels of an 8 MiB filter), so the copy waits on memory while
    the FMA units idle, and the multiplications that follow leave memory
    idle. For each `memref.subview` of a static function argument of at
    least `min-bytes`, taken in the body of a one-dim `scf.parallel` with
    constant bounds at an offset that depends on its induction variable
    (through pure ops), this pass builds the next step's subview (the last
    step's own) and spreads `memref.prefetch` of its lines over the
    iterations of the first loop nest after it that multiplies vectors
    (vector.fma or an x86 dot product), numbered by the loops with a
    constant upper bound and step down to the one whose body multiplies, at
    most `max-per-iteration` lines an iteration. The next copy then reads
    the cache. T1n1 at 1 thread: 2.93-3.15 -> 2.75-2.96 ms (AOT), 2.81-3.07
    -> 2.71-2.89 (tconv-run), alternating; 2 threads within noise.

    Example:

    ```mlir
    scf.parallel (%b) = (%c0) to (%c8) step (%c1) {
      %o = arith.muli %b, %c32 : index
      %w = memref.subview %filter[0, %o, 0, 0] [512, 32, 4, 4] [1, 1, 1, 1]
      ... copy %w ...
      scf.for %i = %c0 to %c512 step %c1 {
        ... vector.fma ...
      }
    }
    ```

    becomes

    ```mlir
    scf.parallel (%b) = (%c0) to (%c8) step (%c1) {
      %n = arith.minsi (%b + 1), 7
      %o = arith.muli %b, %c32 : index
      %w = memref.subview %filter[0, %o, 0, 0] ...
      %o2 = arith.muli %n, %c32 : index
      %w2 = memref.subview %filter[0, %o2, 0, 0] ...
      %lines = memref.collapse_shape %w2 [[0], [1, 2, 3]]
      ... copy %w ...
      scf.for %i = %c0 to %c512 step %c1 {
        memref.prefetch %lines[%row, %col], read, locality<2>, data
        ... (%lines: %w2's rows of 2 KiB as one dim; 4 prefetches here,
        ...  lines 4i to 4i+3 of its 16384)
        ... vector.fma ...
      }
    }
    ```
  }];
  let options = [
    Option<"minBytes", "min-bytes", "int64_t", /*default=*/"4194304",
           "Smallest argument whose slices are prefetched (4 MiB: smaller "
           "ones tend to stay in the caches between calls)">,
    Option<"maxPerIteration", "max-per-iteration", "int64_t",
           /*default=*/"8",
           "Most lines prefetched per iteration of the host loop (more: the "
           "multiplications are too short to hide the slice)">,
    Option<"locality", "locality", "unsigned", /*default=*/"2",
           "Locality hint of the prefetches (0-3; 2: into L2, the copy reads "
           "them once)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def TConvStreamingResultStores
    : Pass<"tconv-streaming-result-stores", "::mlir::func::FuncOp"> {
  let summary = "Write large results of an entry point with non-temporal "
                "(streaming) stores";
  let description = [{
    A result larger than the caches (T3's 2 MiB NCHW output, written by the
    layout change at the end of the call) goes to memory anyway; a normal
    store first reads each line it writes (read for ownership), so the
    layout change moves 1.5x the bytes it needs. A non-temporal store of a
    whole cache line skips that read. This pass turns the 1-D
    `vector.transfer_write`s of a public function (or of the image function
    of a batch loop, `tconv.batch_image`, which writes images of the public
    function's results) into an argument of at least `min-bytes` (a static
    row-major memref, at any offset, whose rows are whole 64-byte lines),
    directly or through a subview contiguous along the rows (a tile's
    window), that store whole lines at a multiple of a line along the row
    (a constant, loop indices whose bounds and steps are, sums and products
    of such, arith or `affine.apply`) into
    `vector.store {nontemporal = true}` with 64-byte alignment, under an
    `scf.if` that checks at run time that the argument's first element
    starts a line (otherwise the plain store runs). An argument that the
    function also reads, through any view, is left alone: its lines would
    come back from memory (the tosa form of T4, whose channels-last tiles
    accumulate on zeros filled into the result, ran 1.5x slower streamed).
    An `sfence` (x86: the option is
    set for x86 targets only) before each return orders them before the
    caller's later stores. T3 4-5% faster at 1 and 2 threads; T4, whose
    pairs of width phases write whole interleaved rows through their
    tiles' windows, 1-3% at 1 thread (2.40-2.45 -> 2.36-2.37 ms), within
    noise at 2.

    Example:

    ```mlir
    func.func @f(%out: memref<1024x256xf32>, ...) {
      scf.for %j = %c0 to %c256 step %c16 {
        vector.transfer_write %v, %out[%i, %j] {in_bounds = [true]}
            : vector<16xf32>, memref<1024x256xf32>
      }
      return
    }
    ```

    becomes

    ```mlir
    func.func @f(%out: memref<1024x256xf32>, ...) {
      %base, %offset, %sizes:2, %strides:2 =
          memref.extract_strided_metadata %out : ...
      %p = memref.extract_aligned_pointer_as_index %out
      %offset_bytes = arith.muli %offset, %c4 : index
      %first = arith.addi %p, %offset_bytes : index
      %r = arith.remui %first, %c64 : index
      %aligned = arith.cmpi eq, %r, %c0 : index
      scf.for %j = %c0 to %c256 step %c16 {
        scf.if %aligned {
          vector.store %v, %out[%i, %j] {alignment = 64 : i64,
              nontemporal = true} : memref<1024x256xf32>, vector<16xf32>
        } else {
          vector.transfer_write %v, %out[%i, %j] {in_bounds = [true]} ...
        }
      }
      llvm.call_intrinsic "llvm.x86.sse.sfence"() : () -> ()
      return
    }
    ```
  }];
  let options = [
    Option<"minBytes", "min-bytes", "int64_t", /*default=*/"1048576",
           "Smallest result written with streaming stores (1 MiB: a "
           "smaller one may still be in the caches when the caller reads "
           "it)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::LLVM::LLVMDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

def TConvExpandStridedCopies
    : Pass<"tconv-expand-strided-copies", "::mlir::func::FuncOp"> {
  let summary = "Turn memref.copy between non-contiguous buffers into linalg.copy";
  let description = [{
    `--finalize-memref-to-llvm` lowers a `memref.copy` between contiguous
    buffers to `llvm.memcpy`, but any other copy to a call of `memrefCopy`
    from the MLIR C runner utils: an element-by-element loop with
    descriptor-driven indexing, and a runtime library every caller must link.
    As a `linalg.copy` the copy becomes a plain loop nest that LLVM vectorizes.

    Example:

    ```mlir
    memref.copy %a, %b : memref<4x4xf32> to memref<4x4xf32, strided<[8, 1]>>
    ```

    becomes

    ```mlir
    linalg.copy ins(%a : memref<4x4xf32>)
                outs(%b : memref<4x4xf32, strided<[8, 1]>>)
    ```
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def TConvPadBeforeLayoutChanges
    : Pass<"tconv-pad-before-layout-changes", "::mlir::func::FuncOp"> {
  let summary = "Pad a convolution's input before its layout change";
  let description = [{
    The padded channels-last input of a convolution is a `tensor.pad` of a
    layout change (NCHW -> NHWC). When every reader of the pad is an f32
    convolution on the FMA channels-last schedule (directly or through
    slices: the phases of a transposed convolution), whose tiles read input
    elements one at a time, the pad moves before the layout change (its
    amounts permuted). The pad is then a row-by-row copy with zero borders,
    and `tconv-fold-layout-changes-into-reads` folds the layout change into
    the tiles' reads after vectorization: no transposing pass over the
    input is left.

    Example:

    ```mlir
    %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>,
                                          affine_map<(n, h, w, c) -> (n, h, w, c)>], ...}
        ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {...}
    %p = tensor.pad %t low[0, 1, 1, 0] high[0, 1, 1, 0] {...}
        : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
    %y = linalg.conv_2d_nhwc_hwcf ins(%p, %f : ...) ...
    ```

    becomes

    ```mlir
    %px = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {...}
        : tensor<1x8x4x4xf32> to tensor<1x8x6x6xf32>
    %p = linalg.generic {...} ins(%px : tensor<1x8x6x6xf32>)
        outs(%e2 : tensor<1x6x6x8xf32>) {...}
    %y = linalg.conv_2d_nhwc_hwcf ins(%p, %f : ...) ...
    ```
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TConvFoldLayoutChangesIntoReads
    : Pass<"tconv-fold-layout-changes-into-reads", "::mlir::func::FuncOp"> {
  let summary = "Read elements through a layout change instead of making it";
  let description = [{
    The FMA tiles of a channels-last convolution read their input one
    element at a time (a broadcast per output position and input channel):
    any layout serves them. A `linalg.generic` that only copies its input
    into a permuted layout (NCHW -> NHWC), all of whose uses are
    `tensor.extract`s (directly or through unit-stride slices), is folded
    into them: each extract reads the input at the permuted indices, and the
    copy, a pass over the whole input, is erased. So is a gather whose
    indices are affine in the result's, such as the sub-kernel a phase of a
    transposed convolution takes from the reversed filter: the width tiles
    of NCHW convolutions broadcast filter elements, and with the gathers of
    T4's four phases and the filter's layout change folded (chains fold
    one copy after the other) their reads go to the filter argument itself
    (T4: 2.50 -> 2.42 ms a call, `tconv-run --profile`). A layout change used
    otherwise (vector reads, a returned value) is kept, and so is one whose
    channels lie a multiple of 64 bytes apart in its input such that more
    of them than 8 L1 ways share the sets they map to: a reduction over
    them would miss L1 on every read (T4's 256 channels of 32x32 planes,
    4 KiB apart: 2.4 ms folded, 2.0 with the layout change made).

    Example:

    ```mlir
    %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>,
                                          affine_map<(n, h, w, c) -> (n, h, w, c)>], ...}
        ins(%x : tensor<1x8x4x4xf32>) outs(%e : tensor<1x4x4x8xf32>) {...}
    %s = tensor.extract_slice %t[0, %h, %w, 0] [1, 1, 4, 8] [1, 1, 1, 1]
        : tensor<1x4x4x8xf32> to tensor<4x8xf32>
    %v = tensor.extract %s[%i, %c] : tensor<4x8xf32>
    ```

    becomes

    ```mlir
    %w2 = affine.apply affine_map<(d0, d1) -> (d0 + d1)>(%w, %i)
    %v = tensor.extract %x[0, %c, %h, %w2] : tensor<1x8x4x4xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TConvVectorizeLayoutChanges
    : Pass<"tconv-vectorize-layout-changes", "::mlir::func::FuncOp"> {
  let summary = "Vectorize transposes (layout changes) as register-tile shuffles";
  let description = [{
    The channels-last schedule surrounds convolutions with layout changes
    (NCHW <-> NHWC generics, with bias, activations or casts fused into them).
    As loops one side of a transpose is accessed with a large stride: LLVM
    gathers or scatters single elements. This pass tiles every static,
    all-parallel `linalg.generic` on tensors (and `linalg.transpose`, what
    `tosa.transpose` lowers to, generalized first) whose output is written
    along a different innermost loop than one of its inputs is read into
    `tile` x `tile` blocks of those two loops (`scf.forall` over blocks,
    remainders split off as smaller static blocks, each a power of two
    wide: LLVM 22's x86 backend lost a lane of a 4x6 f64 block on AVX-512),
    drops the unit dims and
    vectorizes the block: contiguous vector reads, a `vector.transpose`
    lowered to shuffles, contiguous vector writes. `--tconv-lower-to-llvm`
    makes blocks as wide as its vectors (16 with AVX-512: a 16x16 block is
    transposed by the unpack/128-bit-lane shuffle network, 2x faster than
    8x8 blocks on a 2 MB layout change). A change that narrows 32-bit
    inputs to a 16-bit result (f32 accumulators to a bf16 output) writes
    rows twice as long, `tile` x 2 `tile` blocks transposed as two networks,
    so that each row it writes is a whole 64-byte line, which
    `tconv-streaming-result-stores` can stream (T6 in bf16: its final
    layout change 0.105 -> 0.078 ms).

    A change into a fresh buffer of 64 KiB or more (not returned) whose
    blocks' rows would lie a multiple of 2 KiB apart (a filter's tap planes)
    writes a slice of a buffer padded by a line or two per row instead: the
    16 stores of a block would otherwise share one L1 set, each line evicted
    before its neighbour is written (T1n1's per-step filter copy 19.9% ->
    17.7% of the call; T2's filter change 0.015-0.019 -> 0.010-0.013 ms).

    A change whose blocks would be shared out among the threads by the
    channels it reads innermost (NHWC -> NCHW at the end of a function) is
    first cut into at least 8 chunks of its outer spatial dims (an outer
    `scf.forall` over chunks of rows, the blocks' loop inside it): each
    thread then changes the rows whose outputs its convolution computed,
    instead of reading every position's channels half written by another
    core, and writes its output planes in runs of a chunk's rows.

    Example:

    ```mlir
    %t = linalg.generic {indexing_maps = [affine_map<(n, h, w, c) -> (n, c, h, w)>,
                                          affine_map<(n, h, w, c) -> (n, h, w, c)>], ...}
        ins(%x : tensor<1x64x56x56xf32>) outs(%e : tensor<1x56x56x64xf32>) {...}
    ```

    becomes

    ```mlir
    %t = scf.forall (%h, %w, %c) = (0, 0, 0) to (56, 56, 64) step (1, 8, 8) ... {
      %r = vector.transfer_read ... : tensor<8x8xf32>, vector<8x8xf32>
      %s = vector.shuffle ... // the 8x8 transpose
      ...
    }
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::ub::UBDialect",
    "::mlir::vector::VectorDialect",
  ];
  let options = [
    Option<"tile", "tile", "int64_t", /*default=*/"8",
           "Block size along each of the two transposed dims (the vector "
           "width of the target is best)">,
  ];
}

def TConvChunkOutputChannels
    : Pass<"tconv-chunk-output-channels", "::mlir::func::FuncOp"> {
  let summary = "Convolutions with a large runtime filter as a loop over "
                "chunks of output channels";
  let description = [{
    A filter is copied into the layout the tiles read before they run (taps
    first for a transposed convolution's phases,
    `--tconv-decompose-transpose`; HWCF for a direct one); one that arrives
    at run time is copied in every call (a bf16 one twice: the layout
    change, then vdpbf16ps's channel pairs). When its copies outweigh the
    activations (the first layers of generators: T1n1, 512 -> 256 channels
    4x4 on an 8x8 input, has 8 MB of filter for 0.4 MB of input and output;
    deep 3x3 layers at 8x8; a vocoder's 1-D upsampling in bf16), the copy
    goes through memory both ways and the tiles read it from memory once
    more. This pass rewrites each `tconv.conv` and
    `tconv.conv_transpose` that the strategy (`outputChannelChunk` in
    `Strategy.h`) picks into an `scf.forall` over chunks of its output
    channels: each iteration is the same convolution of the whole input
    with a slice of the filter (and bias), whose copy then stays in L2
    while the chunk's tiles read it, and the threads share the chunks.
    Elementwise ops and transposes the filter is made of (the scale of a
    folded batch norm, TOSA's OHWI weights moved to ONNX's layout) are
    sliced along with it; a filter with any other producer, or used
    elsewhere, stays whole: the decomposition fuses its producer into the
    copy. Chunks are multiples of `f-tile` channels whose filter slice
    takes at most 1 MiB. A convolution that runs as Winograd (or whose
    phases do) stays whole: each chunk would transform the input again.
    The input's own preparation (layout change, pads)
    is the same in every chunk: the pipeline hoists it out of the loop once
    it exists (loop-invariant code motion after `--tconv-convert-to-linalg`).
    The images of a batch loop are left whole: their filter's copy moves out
    of the loop over images. The function for a lone image
    (`tconv.batch_single_image`, see `--tconv-outline-batch`) runs once per
    call and is chunked. Run it before `--tconv-decompose-transpose`.

    Example (T1n1, 8 chunks of 32 channels):

    ```mlir
    %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1]
        : (tensor<1x512x8x8xf32>, tensor<512x256x4x4xf32>) -> tensor<1x256x16x16xf32>
    ```

    becomes

    ```mlir
    %e = tensor.empty() : tensor<1x256x16x16xf32>
    %y = scf.forall (%i) in (8) shared_outs(%o = %e) -> (tensor<1x256x16x16xf32>) {
      %c = arith.muli %i, %c32 : index
      %wc = tensor.extract_slice %w[0, %c, 0, 0] [512, 32, 4, 4] [1, 1, 1, 1]
          : tensor<512x256x4x4xf32> to tensor<512x32x4x4xf32>
      %yc = tconv.conv_transpose %x, %wc strides = [2, 2] pads = [1, 1, 1, 1]
          : (tensor<1x512x8x8xf32>, tensor<512x32x4x4xf32>) -> tensor<1x32x16x16xf32>
      scf.forall.in_parallel {
        tensor.parallel_insert_slice %yc into %o[0, %c, 0, 0] [1, 32, 16, 16] [1, 1, 1, 1]
            : tensor<1x32x16x16xf32> into tensor<1x256x16x16xf32>
      }
    }
    ```
  }];
  let options = [
    Option<"fTile", "f-tile", "int64_t", /*default=*/"32",
           "Output channels per register tile (f32 lanes): chunks are "
           "multiples of it">,
  ];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TConvSplitGroups : Pass<"tconv-split-groups", "::mlir::func::FuncOp"> {
  let summary = "Grouped convolutions as one ungrouped convolution per group";
  let description = [{
    The vectorized schedules cover ungrouped and depthwise convolutions; a
    grouped convolution with several channels per group (ResNeXt, grouped
    layers from PyTorch, `linalg.conv_2d_ngchw_*`) would otherwise run as
    plain loops, 50-100x slower than the same FLOPs ungrouped. This pass
    rewrites each `tconv.conv` the strategy (`shouldSplitGroups` in
    `Strategy.h`) picks into one `tconv.conv` per group on channel slices of
    the input, filter and bias, whose results are inserted into the output:
    each gets the ungrouped schedule, and empty-tensor elimination makes
    each write its slice of the output in place. Run it after
    `--tconv-decompose-transpose` (grouped transposed convolutions become
    grouped convolutions there) and before `--tconv-select-strategy`.
    Compile time grows faster than the number of groups (bufferization of
    the chain of inserts): above `kMaxSplitGroups` (32) groups the
    convolution stays grouped and runs as plain loops.

    Example (2 groups of 32 channels):

    ```mlir
    %y = tconv.conv %x, %w pads = [1, 1, 1, 1] group = 2
        : (tensor<1x64x56x56xf32>, tensor<64x32x3x3xf32>) -> tensor<1x64x56x56xf32>
    ```

    becomes

    ```mlir
    %x0 = tensor.extract_slice %x[0, 0, 0, 0] [1, 32, 56, 56] [1, 1, 1, 1]
    %w0 = tensor.extract_slice %w[0, 0, 0, 0] [32, 32, 3, 3] [1, 1, 1, 1]
    %y0 = tconv.conv %x0, %w0 pads = [1, 1, 1, 1]
        : (tensor<1x32x56x56xf32>, tensor<32x32x3x3xf32>) -> tensor<1x32x56x56xf32>
    %x1 = tensor.extract_slice %x[0, 32, 0, 0] [1, 32, 56, 56] [1, 1, 1, 1]
    %w1 = tensor.extract_slice %w[32, 0, 0, 0] [32, 32, 3, 3] [1, 1, 1, 1]
    %y1 = tconv.conv %x1, %w1 pads = [1, 1, 1, 1] : ...
    %e = tensor.empty() : tensor<1x64x56x56xf32>
    %r0 = tensor.insert_slice %y0 into %e[0, 0, 0, 0] [1, 32, 56, 56] [1, 1, 1, 1]
    %y = tensor.insert_slice %y1 into %r0[0, 32, 0, 0] [1, 32, 56, 56] [1, 1, 1, 1]
    ```
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

def TConvLowerDepthwiseTranspose
    : Pass<"tconv-lower-depthwise-transpose", "::mlir::func::FuncOp"> {
  let summary = "Depthwise transposed convolutions as one phase-interleaved "
                "linalg.generic";
  let description = [{
    Phase decomposition turns a stride-s transposed convolution into prod(s)
    stride-1 convolutions whose results are written into the output with
    strided `tensor.insert_slice`s. For a depthwise convolution (one input
    channel per group: little arithmetic per output) those strided writes,
    and the layout changes of the channels-last schedule, cost more than the
    arithmetic. This pass instead views the N x C*M' x O.. output as
    N x C x M' x (Q, s).. (o = s*q + r, free when s divides O) and computes
    every phase in one `linalg.generic` in NCHW:

      out[n, c, m, q.., r..] += x[n, c, q + t + (r + pad) floordiv s - (T - 1)..]
                               * w'[c, m, r.., t..]

    where w' holds the T = ceil(k / s) taps of each phase (zeros where a
    phase has fewer; gathered at compile time for constant filters) and x is
    zero-padded so that every read is inside it. Each output element is
    written once, contiguously along the row;
    `--tconv-vectorize-depthwise-rows` vectorizes the generic along q.

    Applies to `tconv.conv_transpose` with group == input channels (any
    channel multiplier M'), unit dilations, output sizes divisible by the
    strides and at most 128 taps per output vector; other transposed
    convolutions are left to `--tconv-decompose-transpose`. f16/bf16
    accumulate in f32. With a `tconv.schedule` (`--tconv-select-strategy`),
    only those of kind `depthwise-rows` are rewritten (an error if one does
    not fit) and the generic carries the attribute on.

    Example (2x bilinear upsampling, 21 channels):

    ```mlir
    %y = tconv.conv_transpose %x, %w strides = [2, 2] pads = [1, 1, 1, 1] group = 21
        : (tensor<1x21x64x64xf32>, tensor<21x1x4x4xf32>) -> tensor<1x21x128x128xf32>
    ```

    becomes

    ```mlir
    %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {...}
        : tensor<1x21x64x64xf32> to tensor<1x21x66x66xf32>
    %wp = ... : tensor<21x1x2x2x2x2xf32>   // w', phase-major taps
    %acc = linalg.generic {indexing_maps = [
          affine_map<(n, c, m, qh, rh, qw, rw, th, tw)
                     -> (n, c, qh + th + (rh + 1) floordiv 2,
                               qw + tw + (rw + 1) floordiv 2)>,
          affine_map<(n, c, m, qh, rh, qw, rw, th, tw) -> (c, m, rh, rw, th, tw)>,
          affine_map<(n, c, m, qh, rh, qw, rw, th, tw) -> (n, c, m, qh, rh, qw, rw)>],
        iterator_types = [parallel x 7, reduction x 2]}
        ins(%p, %wp : ...) outs(%zeros : tensor<1x21x1x64x2x64x2xf32>) {...}
    %y = tensor.collapse_shape %acc [[0], [1, 2], [3, 4], [5, 6]]
        : tensor<1x21x1x64x2x64x2xf32> into tensor<1x21x128x128xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def TConvVectorizeDepthwiseRows
    : Pass<"tconv-vectorize-depthwise-rows", "::mlir::func::FuncOp"> {
  let summary = "Vectorize per-channel convolution generics along output rows";
  let description = [{
    The channels-last schedule (`--tconv-vectorize-convs`) vectorizes over
    channels, which a depthwise convolution has few of per output and which
    costs two layout changes. This pass instead vectorizes, in NCHW, static
    multiply-accumulate `linalg.generic`s (the vector width that of their
    `depthwise-rows` `tconv.schedule` if they carry one, else the option's)
    of the form

      out[p.., q, r] += in[f(p.., r, k..), q + g(r, k..)] * w[h(p.., r, k..)]

    (parallel loops p.., then q and r, then reduction loops k..; the output
    indexed by the parallel loops in order): what
    `--tconv-lower-depthwise-transpose` produces, with q the position in an
    output row and r its phase. Each output row becomes one `scf.forall`
    iteration that

    1. computes, once, every tap's input row (indices outside the input mark
       the row invalid) and weight (a scalar, broadcast per use);
    2. walks the row in vectors of `vector-width` f32 lanes (half for f64):
       per phase one accumulator, per tap one contiguous `transfer_read` at
       the tap's constant shift and one `vector.fma`;
    3. interleaves the phases' accumulators with `vector.shuffle` and writes
       them with one contiguous `transfer_write`.

    Vectors that would read outside the input along the row (the borders)
    are emitted with static positions: the inside part is read and shuffled
    into place, and only its lanes accumulate. The others run in an `scf.for`
    without checks. Rows with a tap outside the input take a guarded copy of
    the row code. Zero padding (`tensor.pad` of the input) is never
    materialized, nor is a fill or a bias broadcast of the output: they
    become the accumulators' initial values. With such an init, the
    consumers of the result that merge (q, r) back into one dim
    (`tensor.collapse_shape`) or apply elementwise ops (an activation, the
    truncation of an f16 result; all-parallel generics with identity maps)
    are folded into the stores: every output element is written once, into
    the final result.

    Example (the 2x bilinear upsampling of
    `--tconv-lower-depthwise-transpose`): per row (c, qh, rh), eight vectors
    of 8 outputs per phase, each

    ```mlir
    %x0 = vector.transfer_read %x[%c0, %ch, %row0, %i] ... : tensor<1x21x64x64xf32>, vector<8xf32>
    ...
    %a0 = vector.fma %x0, %w00, %zero : vector<8xf32>
    ...
    %out = vector.shuffle %a0, %a1 [0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15]
        : vector<8xf32>, vector<8xf32>
    %row1 = vector.transfer_write %out, %row[%j] : vector<16xf32>, tensor<128xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::affine::AffineDialect",
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::scf::SCFDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::vector::VectorDialect",
  ];
  let options = [
    Option<"vectorWidth", "vector-width", "int64_t", /*default=*/"8",
           "Vector width in f32 lanes (8 for AVX2, 16 for AVX-512); f64 "
           "uses half">,
  ];
}

def TConvTagProfiledOps : Pass<"tconv-tag-profiled-ops", "::mlir::ModuleOp"> {
  let summary = "Number the top-level computations that a profile times";
  let description = [{
    First half of the instrumentation for `tconv-run --profile` (the
    pipeline's `profile` option; never in the default pipeline). Run after
    fusion (the `fused` stage), where each convolution, fused elementwise
    group, layout change and pad is one op, the unit a user reads a profile
    in. Each linalg op (but fills, which convolutions fuse into their tiles),
    tensor.pad and scf.forall (a Winograd convolution's transforms and
    products, each listed with the tensor it writes) at the top level of a
    function body gets an id, carried
    in its location so that the loops, copies and fills later stages make of
    it (which are new ops) inherit it:

    ```mlir
    %r = linalg.conv_2d_nhwc_fhwc ... loc("m.mlir":4:8)
    ```

    becomes

    ```mlir
    %r = linalg.conv_2d_nhwc_fhwc ...
        loc(fused<{tconv.profile_id = 3 : i64}>["m.mlir":4:8])
    ```

    What each id stands for (op name, types, attributes, source location,
    FLOPs) is kept in the module attribute `tconv.profiled_ops` (an array
    indexed by id) for the runner to read and remove before translation.
    `tconv-instrument-ops` places the timer calls.

    With `refresh`, the pass numbers nothing: it describes again the
    numbered ops that are still there, so that an op a later pass rebuilt
    in another layout (tconv-pad-before-layout-changes turns an NHWC pad
    into an NCHW one with the same id) is listed with the types it runs on.
  }];
  let options = [
    Option<"refresh", "refresh", "bool", /*default=*/"false",
           "Update the table entries of the numbered ops still present "
           "instead of numbering">,
  ];
}

def TConvInstrumentOps : Pass<"tconv-instrument-ops", "::mlir::ModuleOp"> {
  let summary = "Bracket the code of each profiled op with timer calls";
  let description = [{
    Second half of the instrumentation for `tconv-run --profile`, run after
    bufferization: the top level of a function body is then the final
    sequence of loop nests (scf.forall tiles, linalg ops on buffers that
    become loops in place), copies and fills, in execution order. Placed
    earlier, a bracket would miss the work that vectorization and
    bufferization move out of its op (pads decomposed into fills, producers
    writing into a consumer's buffer, packing of filters).

    Each run of consecutive top-level ops that take time (regions, memory
    effects; views and constants do not break a run) and carry the same
    `tconv-tag-profiled-ops` id is bracketed with calls of two external
    functions that the runner provides, and the ids are removed from the
    locations:

    ```mlir
    %c3 = arith.constant 3 : i64
    call @tconv_profile_begin(%c3) : (i64) -> ()
    linalg.fill ... loc(fused<{tconv.profile_id = 3 : i64}>[#src])
    scf.forall ... { ... } loc(fused<{tconv.profile_id = 3 : i64}>[#src])
    call @tconv_profile_end(%c3) : (i64) -> ()
    ```

    An op whose location merges several ids counts for the first. The calls
    stay at the top level, on the calling thread, around the OpenMP regions.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::func::FuncDialect",
  ];
}

def TConvApproximateMath
    : Pass<"tconv-approximate-math", "::mlir::func::FuncOp"> {
  let summary = "Rewrite tanh, exp, log, expm1, log1p and erf as polynomials";
  let description = [{
    LLVM lowers `math.tanh` and its kind to one libm call per element, on
    vectors too (a convolution's fused epilogue calls `tanhf` 16 times per
    output vector): a tanh after the last convolution of the autoencoder
    example took 0.16 ms of its 0.25. This pass rewrites them into
    upstream's polynomial approximations (`arith` ops, relative errors of a
    few ulp; erf's about 1e-6), which stay vectors and which LLVM vectorizes
    in plain loops; f16 and bf16 are computed in f32. It runs on the loops,
    after the remaining linalg ops have become loops, so that every form a
    model arrives in (ONNX, TOSA, linalg, `math` on tensors) gets it.

    Example:

    ```mlir
    %y = math.tanh %x : vector<16xf32>
    ```

    becomes a clamp of `%x`, a ratio of two polynomials in `%x * %x`
    (`math.fma` and `arith` ops on `vector<16xf32>`), and a select for tiny
    inputs, where tanh(x) = x.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::math::MathDialect",
    "::mlir::vector::VectorDialect",
  ];
}

def TConvExpandBF16Conversions
    : Pass<"tconv-expand-bf16-conversions", "::mlir::func::FuncOp"> {
  let summary = "Rewrite bf16 <-> f32 conversions as integer bit operations";
  let description = [{
    LLVM 22's x86 backend has no bf16 vector type: it soft-promotes bf16
    vectors, and aborts ("Do not know how to soft promote this operator's
    operand") on vectors of odd length that GVN has partly forwarded, e.g.
    a `<9 x bfloat>` row read by a row-vectorized convolution whose cropped
    taps also read its first 8 elements as a bitcast of the same load.
    bf16 is the upper half of an f32: extension is a shift of the 16 bits
    (what LLVM emits anyway), and truncation rounds to nearest even with
    integer operations (the same results as LLVM's `fptrunc`). LLVM then
    only sees bf16 vectors it has a register type for. Run before the
    conversion to LLVM.

    With `native-truncations`, truncations of register-sized vectors stay
    `arith.truncf`: one `vcvtneps2bf16` on AVX512_BF16. Without that
    instruction LLVM calls `__truncsfbf2` once per element (a bf16 T5 on Ice
    Lake ran 10x slower than in f32), so the option is for such targets only.

    Example:

    ```mlir
    %f = arith.extf %b : vector<9xbf16> to vector<9xf32>
    ```

    becomes

    ```mlir
    %c16 = arith.constant dense<16> : vector<9xi32>
    %i = arith.bitcast %b : vector<9xbf16> to vector<9xi16>
    %w = arith.extui %i : vector<9xi16> to vector<9xi32>
    %s = arith.shli %w, %c16 : vector<9xi32>
    %f = arith.bitcast %s : vector<9xi32> to vector<9xf32>
    ```
  }];
  let options = [
    Option<"nativeTruncations", "native-truncations", "bool",
           /*default=*/"false",
           "Leave f32 -> bf16 truncations of power-of-two vectors to LLVM "
           "(for targets with AVX512_BF16's vcvtneps2bf16)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

#endif // TCONV_CODEGEN_PASSES_TD
