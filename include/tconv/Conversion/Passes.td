#ifndef TCONV_CONVERSION_PASSES_TD
#define TCONV_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def TConvConvertToLinalg : Pass<"tconv-convert-to-linalg"> {
  let summary = "Lower tconv.conv to linalg on tensors";
  let description = [{
    Rewrites every `tconv.conv` into linalg operations on tensors, so that the
    upstream tiling, vectorization and bufferization machinery can take over.
    Each convolution becomes:

    * a `tensor.pad` of the spatial dimensions when `pads` is non-zero (the
      high side is trimmed to what the output actually reads);
    * an accumulator initialised with the broadcast bias (or zero);
    * a named convolution where one fits: `linalg.conv_{1,2,3}d_*`,
      `linalg.depthwise_conv_*` when every group has one input channel, and
      `linalg.conv_2d_ngchw_gfchw` for other grouped 2-D convolutions; a
      `linalg.generic` for the remaining grouped 1-D and 3-D ones;
    * f16 and bf16 accumulate in f32 (the named ops extend their inputs to the
      accumulator type) and a final `arith.truncf` restores the element type.
      Channels-last copies of the operands are made in f32, the extension
      fused into the layout change, except under a schedule with
      `dot_width` (vdpbf16ps), whose bf16 operands stay bf16.

    With `channels-last`, ungrouped and depthwise convolutions run on
    channels-last copies of their operands (NWC/NHWC/NDHWC input, WCF/HWCF/
    DHWCF filter) between `linalg.transpose`-like generics, while the op's
    interface stays NCHW. That is the layout the tconv schedule vectorizes:
    output channels become the contiguous vector dimension. Constant weights
    are packed (and extended) right away: the layout change becomes a new
    constant.

    Zero pads of one tensor on different sides (the phases of a decomposed
    transposed convolution) become windows of one pad by the largest sides.

    With `channels-last` and `width-vector-lanes=L`, a convolution with
    fewer than L output channels whose output width is at least L (unit
    stride and dilation along it, f32, ungrouped) stays NCHW: vectors along
    its width are full and it needs no layout change (`isWidthVectorConv`).

    A convolution carrying a `tconv.schedule` (see `--tconv-select-strategy`)
    takes the layout of its schedule kind instead of these options
    (channels-last for `channels-last` and `channels-last-loops`, NCHW
    otherwise), and its linalg convolution carries the attribute on to the
    vectorizers. A malformed schedule, or a channels-last one on a grouped
    convolution that is not depthwise, is an error.

    With `channels-last`, a result inserted (`tensor.insert_slice`,
    strides allowed) into a tensor.empty, fill, broadcast or an earlier such
    insert is inserted before its layout change back (also one that rounds
    f32 accumulators to f16/bf16: the dest is then f32), into a channels-last
    dest, and its convolution starts from that slice of the dest. The phases
    of a decomposed transposed convolution then fill one NHWC output in
    place, with contiguous channel vectors, and a single layout change
    replaces one strided (scalar) layout change per phase:

    ```mlir
    %i0 = tensor.insert_slice %p0 into %empty[0, 0, 0] [1, 8, 8] [1, 1, 2]
    %i1 = tensor.insert_slice %p1 into %i0[0, 0, 1] [1, 8, 8] [1, 1, 2]
    ```

    with `%p0`, `%p1` NCW relayouts of NWC convolutions, becomes two
    convolutions into `tensor.extract_slice %e[0, k, 0] [1, 8, 8] [1, 2, 1]`
    of an NWC `%e`, inserted back there, and one relayout of `%e` to NCW.
    Likewise an `scf.forall` whose one result (a fresh tensor, not returned)
    its body fills with one `tensor.parallel_insert_slice` of such a
    relayout (the chunks of `--tconv-chunk-output-channels`) fills a
    channels-last tensor instead, followed by one relayout, which the next
    layer's layout change back then cancels.

    Transposed convolutions must be rewritten into direct ones by
    `--tconv-decompose-transpose` first; the pass fails with an error
    otherwise.

    Example:

    ```mlir
    %y = tconv.conv %x, %w, %b pads = [1, 1, 1, 1]
        : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
        -> tensor<1x16x8x8xf32>
    ```

    becomes

    ```mlir
    %xp = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] { ... }
        : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
    %e = tensor.empty() : tensor<1x16x8x8xf32>
    %init = linalg.generic {indexing_maps = [affine_map<(n, f, h, w) -> (f)>,
        affine_map<(n, f, h, w) -> (n, f, h, w)>], ...}
        ins(%b : tensor<16xf32>) outs(%e : tensor<1x16x8x8xf32>) { ... }
    %y = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>,
                                   strides = dense<1> : tensor<2xi64>}
        ins(%xp, %w : tensor<1x3x10x10xf32>, tensor<16x3x3x3xf32>)
        outs(%init : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
  let options = [
    Option<"channelsLast", "channels-last", "bool", /*default=*/"false",
           "Compute ungrouped and depthwise convolutions in channels-last "
           "layout between transposes (the op interface stays NCHW)">,
    Option<"widthVectorLanes", "width-vector-lanes", "int64_t",
           /*default=*/"0",
           "With channels-last: keep ungrouped f32 convolutions with at most "
           "this many output channels, unit stride and dilation along the "
           "width and at least this many outputs along it NCHW, for "
           "tconv-vectorize-convs-along-width (0: never)">,
  ];
}

def TConvRaiseConvolutions : Pass<"tconv-raise-convolutions"> {
  let summary = "Raise TOSA and linalg convolutions to tconv ops";
  let description = [{
    IR from other frontends (torch-mlir, onnx-mlir, TFLite/TOSA, IREE) holds
    upstream convolutions, which upstream lowers to scalar loops in most
    layouts. This pass rewrites them into `tconv.conv` and
    `tconv.conv_transpose` (NCHW, ONNX semantics) so that they take tconv's
    schedule, with the layout changes around them as `linalg.transpose` ops:
    back-to-back transposes fold away, and `tconv-convert-to-linalg` merges
    the rest with its own channels-last layout changes, so a model written in
    NHWC pays no layout change between two raised layers.

    Raised (float element types, zero zero-points, static shapes):

    * `tosa.conv2d`, `tosa.conv3d`, `tosa.depthwise_conv2d`,
      `tosa.transpose_conv2d`;
    * every linalg convolution, named (`linalg.conv_*`,
      `linalg.depthwise_conv_*`, any layout) or a `linalg.generic` that
      `linalg::inferConvolutionDims` recognizes and whose body is a
      multiply-add. A zero `tensor.pad` of its input becomes the tconv
      pads; a zero-filled init is dropped, a bias broadcast along the
      output channels becomes the bias, any other init is added after;
    * torch-mlir's transposed convolution: a stride-1 convolution of a
      zero tensor into which the input is inserted with strides
      (`tensor.insert_slice`), which becomes one `tconv.conv_transpose`
      with a flipped, transposed filter (decomposed into phases later).

    Everything else is left alone, with a remark saying why.

    Example:

    ```mlir
    %y = tosa.conv2d %x, %w, %b, %zp, %zp {acc_type = f32,
        dilation = array<i64: 1, 1>, pad = array<i64: 1, 1, 1, 1>,
        stride = array<i64: 1, 1>}
        : (tensor<1x8x8x3xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>,
           tensor<1xf32>, tensor<1xf32>) -> tensor<1x8x8x16xf32>
    ```

    becomes

    ```mlir
    %xt = linalg.transpose ins(%x : tensor<1x8x8x3xf32>)
        outs(%e0 : tensor<1x3x8x8xf32>) permutation = [0, 3, 1, 2]
    %wt = linalg.transpose ins(%w : tensor<16x3x3x3xf32>)
        outs(%e1 : tensor<16x3x3x3xf32>) permutation = [0, 3, 1, 2]
    %c = tconv.conv %xt, %wt, %b pads = [1, 1, 1, 1]
        : (tensor<1x3x8x8xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>)
        -> tensor<1x16x8x8xf32>
    %y = linalg.transpose ins(%c : tensor<1x16x8x8xf32>)
        outs(%e2 : tensor<1x8x8x16xf32>) permutation = [0, 2, 3, 1]
    ```
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
    "::mlir::tconv::TConvDialect",
  ];
}

def TConvPrepareUpstreamOps : Pass<"tconv-prepare-upstream-ops"> {
  let summary = "Expand upstream ops --tconv-lower-to-llvm has no lowering for; "
                "reject ops of dialects it cannot lower";
  let description = [{
    Models from other frontends carry ops that upstream lowers to a library
    call or not at all, which used to end in a nameless "could not convert
    to LLVM IR" at JIT time. This pass, run at the start of
    `--tconv-lower-to-llvm`, rewrites those it can into ops the pipeline
    lowers:

    * `tosa.erf` (GELU): `math.erf`, which `tconv-approximate-math`
      rewrites into a polynomial on the loops (the reference lowering calls
      libm's erff);
    * `linalg.softmax`: its decomposition into max, exp, sum and division
      generics (`AggregatedOpInterface`).

    Any op of a dialect the pipeline has no path for (anything but builtin,
    func, arith, math, tensor, linalg, tosa, tconv, bufferization, scf,
    affine, memref, vector, index, cf, ub and llvm) is an error naming the op
    and its location, before any lowering. Ops of those dialects that still
    have no lowering are reported by name and location after the pipeline,
    before translation (`checkLoweredToLLVM`).

    Example: `%y = tosa.erf %x : (tensor<4xf32>) -> tensor<4xf32>` becomes
    `%y = math.erf %x : tensor<4xf32>`.
  }];
  let dependentDialects = [
    "::mlir::arith::ArithDialect",
    "::mlir::linalg::LinalgDialect",
    "::mlir::math::MathDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

#endif // TCONV_CONVERSION_PASSES_TD
